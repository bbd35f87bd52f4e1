"""Callbacks: thin wrappers wiring component ids to the plain functions in view.py."""
from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, ctx, html, no_update

from . import view
from .catalogue import Catalogue
from .components import ids
from .components.panels import citations_body

CONTROL_OUTPUTS = [Output(cid, prop) for cid, prop in ids.CONTROLS]
CONTROL_INPUTS = [Input(cid, prop) for cid, prop in ids.CONTROLS]
ACTIONS = {None: "url", ids.URL: "url", ids.RESET: "reset", ids.CLEAR_SELECTION: "clear", ids.GANTT: "gantt",
           ids.TIMELINE: "timeline", ids.GRID: "grid"}  # any filter control: "controls"


def register_callbacks(app, cat: Catalogue) -> None:
    @app.callback(
        Output(ids.URL, "search"), *CONTROL_OUTPUTS,
        Input(ids.URL, "search"), *CONTROL_INPUTS,
        Input(ids.RESET, "n_clicks"), Input(ids.CLEAR_SELECTION, "n_clicks"),
        Input(ids.GANTT, "clickData"), Input(ids.TIMELINE, "clickData"), Input(ids.GRID, "selectedRows"),
    )
    def sync_url_and_controls(search, *args):
        """The URL holds the state: a URL change sets the controls; a control change sets the URL."""
        controls, (_reset, _clear, gantt_click, timeline_click, rows) = list(args[:len(CONTROL_INPUTS)]), args[len(CONTROL_INPUTS):]
        action = ACTIONS.get(ctx.triggered_id, "controls")
        new_search, new_controls = view.respond(cat, search, action, controls, gantt_click, timeline_click, rows)
        return (no_update if new_search is None else new_search), *(new_controls or [no_update] * len(CONTROL_OUTPUTS))

    @app.callback(
        Output(ids.GANTT, "figure"), Output(ids.TIMELINE, "figure"), Output(ids.SUMMARY, "children"),
        Output(ids.NOTICE, "children"), Output(ids.NOTICE, "is_open"), Output(ids.CITATIONS, "children"),
        Output(ids.UNCERTAINTY_CHART, "figure"), Output(ids.UNCERTAINTY_CHART, "style"),
        Output(ids.UNCERTAINTY_TEXT, "children"), Output(ids.GRID, "rowData"), Output(ids.GRID, "selectedRows"),
        Output(ids.DOWNLOAD_JSON, "href"), Output(ids.DOWNLOAD_CSV, "href"),
        Input(ids.URL, "search"),
    )
    def render(search):
        """Everything shown follows from the query string."""
        v = view.build_view(cat, search)
        suffix = f"?{v.query}" if v.query else ""
        return (
            v.gantt, v.timeline, v.summary, [html.Div(n) for n in v.notices], bool(v.notices),
            citations_body(v.selected), v.uncertainty or {}, {} if v.uncertainty else {"display": "none"},
            v.uncertainty_text, v.rows, {"ids": [v.selected["id"]] if v.selected else []},
            app.get_relative_path(f"/events.json{suffix}"),
            app.get_relative_path(f"/events.csv{suffix}"),
        )

    app.clientside_callback(  # assets/share_years.js: zoom one chart, the other follows
        ClientsideFunction(namespace="bajor", function_name="shareYears"),
        Output(ids.GANTT, "figure", allow_duplicate=True), Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Input(ids.GANTT, "relayoutData"), Input(ids.TIMELINE, "relayoutData"), State(ids.GANTT, "figure"),
        prevent_initial_call=True,
    )
