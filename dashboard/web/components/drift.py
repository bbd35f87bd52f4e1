"""The "Sources over time" block: its "as known in" controls, the chart, and what the chart cannot place.

Layout only; dashboard/web/pages/explorer/drift.py fills it. The step links and the slider write
`asof` to the URL (one history entry a step); Play (assets/drift.js) walks the steps listed in
ids.DRIFT_STEPS, replacing the address instead of adding to the history, until the last step,
Stop or Escape.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.web.components import ids
from dashboard.web.components.charts import chart

LABEL = (
    "Sources over time: each mark is one source's date for an event, placed at the year its work came out; "
    "a line joins one event's sources in release order"
)


def _step_link(sign: str, cid: str, title: str) -> dcc.Link:
    """A step link: its sign, and its name for screen readers (dcc.Link takes no aria attributes)."""
    return dcc.Link(
        [html.Span(sign, **{"aria-hidden": "true"}), html.Span(title, className="visually-hidden")],
        id=cid,
        href="",
        className="btn btn-sm btn-outline-secondary drift-step",
        title=title,
    )


def controls() -> html.Div:
    """Play, a step back, the slider over the release years, a step on, and where it stands."""
    return html.Div(
        [
            html.Button(
                "\u25b6 Play",
                id=ids.DRIFT_PLAY,
                type="button",
                className="btn btn-sm btn-primary drift-play",
                title="Step through the release years (Escape stops)",
                **{"aria-pressed": "false", "aria-keyshortcuts": "Escape"},
            ),
            _step_link("\u2039", ids.DRIFT_PREV, "One release year back"),
            html.Div(
                dcc.Slider(
                    id=ids.DRIFT_SLIDER,
                    min=0,
                    max=1,
                    step=1,
                    value=1,
                    marks=None,
                    allow_direct_input=False,
                    updatemode="mouseup",
                    className="drift-slider-input",
                ),
                className="drift-slider",
                title="As known in: the years the works came out",
            ),
            _step_link("\u203a", ids.DRIFT_NEXT, "One release year on"),
            html.Output(id=ids.DRIFT_ASOF_LABEL, className="drift-asof", **{"aria-live": "polite"}),
            html.Div(id=ids.DRIFT_STEPS, hidden=True),
        ],
        className="drift-controls",
        role="group",
        **{"aria-label": "As known in: step through the years the works came out"},
    )


def block() -> html.Section:
    """The whole block, under the explorer's other two charts."""
    return html.Section(
        [
            html.H2("Sources over time", className="chart-title", id="drift-title"),
            controls(),
            html.P(id=ids.DRIFT_HIDDEN, className="small drift-hidden mb-1"),
            html.Div(
                [
                    html.Div(chart(ids.DRIFT, LABEL, 380), className="drift-chart"),
                    html.Aside(
                        id=ids.DRIFT_UNDATED, className="drift-undated small", **{"aria-label": "Not on this chart"}
                    ),
                ],
                className="drift-row",
            ),
        ],
        id=ids.DRIFT_SECTION,
        className="drift",
        **{"aria-labelledby": "drift-title"},
    )


WORKS_LISTED = 12  # works named beside the chart before the rest are counted
NAMES_LISTED = 30  # events named in a note before the rest are counted


def names(titles, listed: int = NAMES_LISTED, more: int = 0) -> str:
    """'A; B; C' or 'A; B; C and 12 more' (the count is never left out)."""
    shown = list(titles[:listed])
    rest = len(titles) - len(shown) + more
    return "; ".join(shown) + (f" and {rest:,} more" if rest else "")


def undated_list(undated) -> list:
    """The works with no release year (dashboard.domain.drift.UndatedWork), each with its events."""
    if not undated:
        return [html.P("Every work cited here has a release year.", className="text-muted mb-0")]
    items = [html.Li([html.Cite(w.title), f" ({w.tier}): ", *_events(w)]) for w in undated[:WORKS_LISTED]]
    rest = len(undated) - WORKS_LISTED
    if rest > 0:
        items.append(html.Li(f"and {rest:,} more works with no known release year"))
    return [
        html.H3("Not on this chart", className="h6 mb-1"),
        html.P("These works have no known release year, so they cannot be placed:", className="mb-1"),
        html.Ul(items, className="ps-3 mb-0"),
    ]


SHORT_LIST = 3  # events named outright; a longer list folds behind its count


def _events(w) -> list:
    count = w.count or len(w.events)
    if count <= SHORT_LIST:
        return [names(w.events)]
    return [html.Details([html.Summary(f"{count:,} events"), names(w.events, more=w.more)], className="drift-events")]


def hidden_note(hidden, asof) -> list:
    """Which events an asof view hides because none of their works has a release year (empty without asof)."""
    if asof is None or not hidden:
        return []
    n = len(hidden)
    return [
        html.Details(
            [
                html.Summary(
                    f"{n:,} event{'s' if n != 1 else ''} hidden in every \u201cas known in\u201d view: none of "
                    f"{'their' if n != 1 else 'its'} works has a known release year"
                ),
                names(hidden) + ".",
            ]
        )
    ]


def asof_help(hidden) -> list:
    """The filter panel's help under "as known in": what an asof view leaves out, naming the events."""
    base = "A real-world year: only works released by then count (asof=1993). Works with no known release year are left out"
    if not hidden:
        return [base + "."]
    n = len(hidden)
    return [
        base + f", which hides {n:,} event{'s' if n != 1 else ''} from every such view. ",
        html.Details([html.Summary("Which events?"), html.Span(names(hidden) + ".")], className="asof-hidden"),
    ]
