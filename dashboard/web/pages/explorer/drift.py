"""The explorer's "Sources over time" block: what its callback sends (a plain function of the URL and
the chart width) and the thin callbacks that wire it (the chart follows the filters and the
selection; the slider and a click on a mark write the URL).
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

from dash import Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from dashboard.domain import drift as drift_data
from dashboard.domain import view
from dashboard.domain.filters import FilterState, parse_query, to_query
from dashboard.figures import theme
from dashboard.figures.drift import drift
from dashboard.web.components import drift as block
from dashboard.web.components import ids
from dashboard.web.pages.explorer.actions import event_from_click

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

OUTPUTS = {  # what the block's callback sets, by name (answer returns a dict of these names)
    "figure": (ids.DRIFT, "figure"),
    "undated": (ids.DRIFT_UNDATED, "children"),
    "hidden": (ids.DRIFT_HIDDEN, "children"),
    "asof_help": (ids.ASOF_HELP, "children"),
    "label": (ids.DRIFT_ASOF_LABEL, "children"),
    "slider_max": (ids.DRIFT_SLIDER, "max"),
    "slider_value": (ids.DRIFT_SLIDER, "value"),
    "slider_marks": (ids.DRIFT_SLIDER, "marks"),
    "prev": (ids.DRIFT_PREV, "href"),
    "next": (ids.DRIFT_NEXT, "href"),
    "steps": (ids.DRIFT_STEPS, "children"),
}
ASIDE_FROM_PX, ASIDE_PX = 960, 256  # assets/drift.css: the list beside the chart from 60rem, 15rem + 1rem wide
MARK_PX = 44  # the least room between two labelled years on the slider


def step_query(state: FilterState, asof: int | None) -> str:
    """The view's query at another "as known in" step ('?'-prefixed, '' for the default view)."""
    q = to_query(replace(state, asof=asof))
    return f"?{q}" if q else ""


def marks(years: tuple[int, ...], width) -> dict:
    """The slider's labels: a year every few steps so that they do not collide, "all" at the end."""
    stops = len(years) + 1
    room = max(float(width or 600) - 260, 120)  # the slider's share of the chart's width
    every = max(1, -(-MARK_PX * stops // int(room)))
    out = {i: (f"\u2019{y % 100:02d}" if i % every == 0 else "") for i, y in enumerate(years)}
    out = {k: v for k, v in out.items() if v}
    out[len(years)] = "all"
    return out


def answer(cat: Catalogue, search: str | None, width, base: str = "/") -> dict:
    """Everything the block shows for the URL's query and a chart `width` px wide (OUTPUTS)."""
    v = view.build_view(cat, search or "")
    state = v.state
    d = drift_data.build(cat, state, v.shown["id"])
    # From 60rem the works it cannot place sit beside the chart (assets/drift.css), 15rem and a gap wide.
    plot_px = theme.plot_width(width - ASIDE_PX if width and width >= ASIDE_FROM_PX else width)
    fig = drift(
        d.points,
        x_range=d.x_range,
        y_range=d.y_range,
        asof=d.asof,
        selected=state.event if v.selected is not None else None,
        plot_px=plot_px,
    )
    fig["layout"]["meta"] = {**fig["layout"]["meta"], "image_title": "Bajor Timeline: sources over time"}
    here = drift_data.position(d.years, state.asof)
    stops = drift_data.steps(d.years)
    prev_asof = drift_data.step(d.years, state.asof, -1)
    next_asof = drift_data.step(d.years, state.asof, +1)
    return {
        "figure": fig,
        "undated": block.undated_list(d.undated),
        "hidden": block.hidden_note(d.hidden, state.asof),
        "asof_help": block.asof_help(d.hidden),
        "label": "All works" if state.asof is None else f"As known in {state.asof}",
        "slider_max": len(d.years),
        "slider_value": here,
        "slider_marks": marks(d.years, width),
        "prev": base + step_query(state, prev_asof),
        "next": base + step_query(state, next_asof),
        "steps": json.dumps([base + step_query(state, s) for s in stops]),
    }


def asof_from_slider(cat: Catalogue, search: str | None, index) -> str | None:
    """The URL's new query when the slider is set to `index` (None: leave the URL alone, as when the
    slider only shows where the URL's own asof stands)."""
    state, _ = parse_query(search or "", cat.vocab)
    years = drift_data.release_years(cat.tables)
    try:
        i = int(index)
    except (TypeError, ValueError):
        return None
    if not 0 <= i <= len(years) or i == drift_data.position(years, state.asof):
        return None
    return step_query(state, drift_data.steps(years)[i])


def register(app, cat: Catalogue) -> None:
    """The block's callbacks (every component they name is on the explorer's page)."""

    @app.callback(
        output={name: Output(cid, prop) for name, (cid, prop) in OUTPUTS.items()},
        inputs={"_key": Input(ids.SELECTED_KEY, "data"), "width": Input(ids.PLOT_WIDTH, "data")},
        state={"search": State(ids.URL, "search")},
    )
    def show_drift(_key, width, search):
        """The chart, the lists beside it and the step controls: they follow the filters and the selection."""
        return answer(cat, search, width, app.get_relative_path("/"))

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.DRIFT_SLIDER, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def slide(index, search):
        """The slider writes its year to the URL."""
        new = asof_from_slider(cat, search, index)
        if new is None:
            raise PreventUpdate
        return new

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.DRIFT, "clickData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def pick(click, search):
        """A click on a mark selects its event."""
        event = event_from_click(click)
        if event is None:
            return no_update
        return view.with_event(search or "", event, cat)
