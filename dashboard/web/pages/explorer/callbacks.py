"""The explorer's callbacks: thin wrappers wiring its component ids to plain functions
(answers.py, actions.py, dashboard/domain/view.py, components).

The URL holds the state. Filter changes re-render the charts; a selection never re-sends them:
the browser dims the other events (assets/answers.js) and the server fills the details panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import ClientsideFunction, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard.domain import view
from dashboard.web import cards, routes, share
from dashboard.web.components import grid, handout, ids
from dashboard.web.pages.explorer import actions, answers, drift

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

CONTROL_OUTPUTS = [Output(cid, prop) for cid, prop in ids.CONTROLS]
CONTROL_INPUTS = [Input(cid, prop) for cid, prop in ids.CONTROLS]
SHARE_OUTPUTS = {  # the Share dialog's contents, by name
    "link": (ids.SHARE_LINK, "value"),
    "snippet": (ids.SHARE_SNIPPET, "value"),
    "progressive": (ids.SHARE_PROGRESSIVE, "value"),
    "preview": (ids.SHARE_PREVIEW, "href"),
    "html": (ids.SHARE_HTML, "href"),
    "png": (ids.SHARE_PNG, "href"),
    "svg": (ids.SHARE_SVG, "href"),
    "csv": (ids.SHARE_CSV, "href"),
    "views": (ids.SHARE_VIEW, "options"),
    "views_help": (ids.SHARE_VIEW_HELP, "children"),
    "status": (ids.SHARE_STATUS, "children"),
    "alt_help": (ids.SHARE_ALT_HELP, "children"),
}
ACTIONS = {
    None: "url",
    ids.URL: "url",
    ids.RESET: "reset",
    ids.DETAILS_CLOSE: "clear",
    ids.GANTT: "gantt",
    ids.TIMELINE: "timeline",
    ids.GRID: "grid",
}  # any filter control: "controls"


def clientside(app, name: str, *deps, **kw) -> None:
    """A browser-side callback: assets/explorer.js's bajor.<name>."""
    app.clientside_callback(ClientsideFunction(namespace="bajor", function_name=name), *deps, **kw)


def _outputs(named: dict) -> dict:
    """Dash outputs by name, from {name: (component id, property)}: the callback returns a dict."""
    return {name: Output(cid, prop) for name, (cid, prop) in named.items()}


def register(app, cat: Catalogue) -> None:
    """The explorer's callbacks (every component they name is on the explorer's page)."""
    _url_and_controls(app, cat)
    _charts_and_panel(app, cat)
    _share_and_zoom(app, cat)
    drift.register(app, cat)


def _url_and_controls(app, cat: Catalogue) -> None:
    """The URL holds the state: a URL change sets the controls, a control change writes the URL; the
    browser works out which part of the URL the charts and the panel depend on."""

    @app.callback(
        Output(ids.URL, "search"),
        *CONTROL_OUTPUTS,
        Input(ids.URL, "search"),
        *CONTROL_INPUTS,
        Input(ids.RESET, "n_clicks"),
        Input(ids.DETAILS_CLOSE, "n_clicks"),
        Input(ids.GANTT, "clickData"),
        Input(ids.TIMELINE, "clickData"),
        Input(ids.GRID, "selectedRows"),
    )
    def sync_url_and_controls(search, *args):
        """The URL holds the state: a URL change sets the controls; a control change sets the URL."""
        controls, (_, _, gantt_click, timeline_click, rows) = (
            list(args[: len(CONTROL_INPUTS)]),
            args[len(CONTROL_INPUTS) :],
        )
        action = ACTIONS.get(ctx.triggered_id, "controls")
        new_search, new_controls = actions.respond(cat, search, action, controls, gantt_click, timeline_click, rows)
        return (no_update if new_search is None else new_search), *(new_controls or [no_update] * len(CONTROL_OUTPUTS))

    # What the charts and the panel depend on, worked out in the browser: each store changes only
    # when its part of the URL does, so a selection does not redraw the charts.
    clientside(
        app, "filterKey", Output(ids.FILTER_KEY, "data"), Input(ids.URL, "search"), State(ids.FILTER_KEY, "data")
    )
    clientside(
        app, "selectedKey", Output(ids.SELECTED_KEY, "data"), Input(ids.URL, "search"), State(ids.SELECTED_KEY, "data")
    )

    @app.callback(
        output=_outputs(answers.RENDER_OUTPUTS),
        inputs={"filter_key": Input(ids.FILTER_KEY, "data"), "width": Input(ids.PLOT_WIDTH, "data")},
        state={
            "search": State(ids.URL, "search"),
            "rendered": State(ids.RENDERED, "data"),
            "drawn_width": State(ids.DRAWN_WIDTH, "data"),
        },
    )
    def render(filter_key, width, search, rendered, drawn_width):
        """The charts, the summary and the notices: they follow the filters (and the chart width)."""
        if answers.drawn_for(rendered, drawn_width, filter_key, width):
            raise PreventUpdate  # the first answer drew them for this key (and this width, when known)
        return answers.charts(app, cat, search, width, filter_key)


def _charts_and_panel(app, cat: Catalogue) -> None:
    """The printed handout, the selection highlight, the details panel, the table's rows."""

    # After the charts (it waits for RENDERED): the printout never delays what is on screen.
    @app.callback(Output(ids.HANDOUT, "children"), Input(ids.RENDERED, "data"), State(ids.URL, "search"))
    def show_handout(_key, search):
        """The printed handout: the shown events in date order, with dates in words and citations."""
        v = view.build_view(cat, search)
        return handout.body(cat, "Bajor Timeline", v.summary, v.shown, None, v.state)

    # Selecting dims every other event and emboldens the label, in the browser (no figure re-sent).
    clientside(
        app,
        "highlight",
        Output(ids.GANTT, "figure", allow_duplicate=True),
        Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Input(ids.URL, "search"),
        Input(ids.RENDERED, "data"),
        State(ids.GANTT, "figure"),
        State(ids.TIMELINE, "figure"),
        prevent_initial_call=True,
    )

    @app.callback(
        output=_outputs(answers.DETAILS_OUTPUTS),
        inputs={"_key": Input(ids.SELECTED_KEY, "data")},
        state={"search": State(ids.URL, "search")},
    )
    def show_details(_key, search):
        """The details panel for the selected event: opened, or closed when nothing is selected."""
        return answers.selected(app, cat, search)

    # Callbacks with no output: they only act on the page (its title; the grid's cache).
    clientside(app, "docTitle", Input(ids.DOC_TITLE, "data"), prevent_initial_call=True)

    @app.callback(Output(ids.GRID, "getRowsResponse"), Input(ids.GRID, "getRowsRequest"), State(ids.URL, "search"))
    def table_rows(request, search):
        """One block of table rows (the grid asks as it scrolls)."""
        v = view.build_view(cat, search)
        return grid.block(v.shown, cat.vocab, request)

    clientside(app, "refreshGrid", Input(ids.RENDERED, "data"), prevent_initial_call=True)


def _share_and_zoom(app, cat: Catalogue) -> None:
    """The Share dialog, the filters drawer, and zooming one chart with the other."""

    # The Share dialog: opened by its button (Escape, the close button or the backdrop close it),
    # filled with absolute links for the current view as this request sees the app (scheme, host, prefix).
    app.clientside_callback(
        ClientsideFunction(namespace="bajorShare", function_name="open"),
        Output(ids.SHARE, "is_open"),
        Input(ids.SHARE_OPEN, "n_clicks"),
        prevent_initial_call=True,
    )

    @app.callback(
        output=_outputs(SHARE_OUTPUTS),
        inputs={
            "is_open": Input(ids.SHARE, "is_open"),
            "chart_view": Input(ids.SHARE_VIEW, "value"),
            "theme": Input(ids.SHARE_THEME, "value"),
            "alt": Input(ids.SHARE_ALT, "value"),
        },
        state={"search": State(ids.URL, "search")},
        prevent_initial_call=True,
    )
    def share_links(is_open, chart_view, theme, alt, search):
        """What the Share dialog offers for the view in the URL."""
        if not is_open:
            return dict.fromkeys(SHARE_OUTPUTS, no_update)
        version = cards.service(app).version  # the progressive snippet's picture (the view's card)
        ln, has_event = share.for_view(
            cat, routes.request_site(app).base, search, chart_view, theme, version, alt or ""
        )
        said = share.described(cat, search, chart_view)
        options = [
            {"label": label, "value": key, "disabled": key == "dispute" and not has_event}
            for key, label in share.VIEWS.items()
        ]
        help_text = "" if has_event else "\u201cWhat each source says\u201d shows one event: select one first."
        return {
            "link": ln.page,
            "snippet": ln.snippet,
            "progressive": ln.progressive,
            "preview": ln.embed,
            "html": ln.html,
            "png": ln.png,
            "svg": ln.svg,
            "csv": ln.csv,
            "views": options,
            "views_help": help_text,
            "status": "",
            "alt_help": "It becomes the frame's title and is read to people who cannot see the chart. "
            + (f"Left empty, they hear: \u201c{said}\u201d" if said else ""),
        }

    clientside(
        app,
        "toggleFilters",
        Output(ids.FILTERS, "className"),
        Input(ids.FILTERS_OPEN, "n_clicks"),
        Input(ids.FILTERS_CLOSE, "n_clicks"),
        State(ids.FILTERS, "className"),
        prevent_initial_call=True,
    )
    # assets/share_years.js: zoom one chart, the other follows.
    clientside(
        app,
        "shareYears",
        Output(ids.GANTT, "figure", allow_duplicate=True),
        Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Input(ids.GANTT, "relayoutData"),
        Input(ids.TIMELINE, "relayoutData"),
        State(ids.GANTT, "figure"),
        State(ids.TIMELINE, "figure"),
        prevent_initial_call=True,
    )
