"""/embed: one chart for an iframe in someone else's page, with no navigation and no filter controls.

    /embed?view=gantt|timeline|dispute&<the URL filter vocabulary>[&event=ID][&theme=light|dark]

A one-line caption (the view in words, from dashboard/charts.py), the chart filling the iframe's
width (assets/explorer.js measures it, as in the explorer, so rows are packed for that width), the
credit to the wikis with their licences and a link to the same view in the full explorer. A click
shows the event's dates and citations in a compact card inside the embed; the selection stays in
the page (an iframe that pushed history would take over the host page's Back button).
assets/embed.js tells the host page the embed's height (message format in dashboard/share.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from dash import ClientsideFunction, Input, Output, State, dcc, html, no_update

from dashboard.domain import view
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.filters import to_query
from dashboard.figures import marks, theme
from dashboard.figures.palette import DARK, LIGHT
from dashboard.formats import charts
from dashboard.web import share
from dashboard.web.components import ids
from dashboard.web.components.charts import GRAPH_CONFIG
from dashboard.web.components.details import citations_list
from dashboard.web.oembed import THEMES

EMBED_KEYS = ("theme",)  # the embed's own parameter, on top of charts.CHART_KEYS and the filters
# The embed keeps the modebar small: zoom, pan, reset. No download (the Share dialog has those).
EMBED_GRAPH_CONFIG = GRAPH_CONFIG | {
    "modeBarButtonsToRemove": [*GRAPH_CONFIG["modeBarButtonsToRemove"], "toImage", "zoomIn2d", "zoomOut2d"],
    "displayModeBar": "hover",
}


@dataclass(frozen=True)
class Embed:
    """What an embed shows, as data: the chart (None when it cannot be drawn), why, and the look."""

    chart: charts.Chart | None
    problem: str | None  # shown instead of the chart
    theme: str
    notices: tuple[str, ...]
    explorer_query: str  # the same view in the full explorer ('' for the default view)


def embed_view(cat: Catalogue, search: str | None) -> Embed:
    """The embed for a query string. Bad values are dropped with a notice; a chart that cannot be
    drawn (a dispute view with no event) gives a problem to show in its place, never an error."""
    chart_params, params = charts.split_query(share.plain_query(search))
    notices: list[str] = []
    theme = params.pop("theme", "light") or "light"
    if theme not in THEMES:
        notices.append(f"Ignored 'theme={theme}': use light or dark.")
        theme = "light"
    wanted = chart_params.get("view") or "gantt"
    if wanted not in charts.KINDS:
        notices.append(f"Ignored 'view={wanted}': use gantt, timeline or dispute.")
        wanted = "gantt"
    event = (params.get("event") or "").strip()
    if event and event not in cat.vocab.events and wanted != "dispute":
        notices.append(f"Ignored unknown event '{event}'.")
        params.pop("event")
    try:
        chart = charts.build(cat, params, kind=wanted)
        problem = None
    except charts.ChartError as exc:
        chart = None
        problem = (
            f"This chart shows one event's sources: add event=ID to its address, e.g. event={next(iter(cat.vocab.events), 'ID')}."
            if wanted == "dispute" and not event
            else f"This chart cannot be drawn: {exc}."
        )
    state = chart.state if chart else cat.shown(urlencode(params))[0]
    return Embed(chart, problem, theme, tuple(notices) + (chart.notices if chart else ()), to_query(state))


def figure(e: Embed, width, selected: str | None = None):
    """The chart for a measured width (CSS px of the chart box), the selection dimming the others."""
    fig = e.chart.figure(theme.plot_width(width), DARK if e.theme == "dark" else LIGHT)
    if selected and e.chart.kind != "dispute":
        fig = marks.select(fig, selected)
    return fig


def _credit(pages: list[dict]) -> html.P:
    """The wikis and their licences, linked, in one small paragraph."""
    items = []
    for p in pages:
        title = (
            html.A(p["title"], href=p["url"], target="_blank", rel="noopener noreferrer")
            if p.get("url")
            else p["title"]
        )
        licence = (
            html.A(p["licence"], href=p["licence_url"], target="_blank", rel="license noopener noreferrer")
            if p.get("licence_url")
            else p["licence"]
        )
        items += ["; " if items else "", f"{p['wiki']}, \u201c", title, "\u201d (", licence, ")"]
    return html.P(["Facts paraphrased from ", *items, "."], className="embed-credit")


def layout(cat: Catalogue, search: str) -> html.Div:
    e = embed_view(cat, search)
    explorer = "./" + (f"?{e.explorer_query}" if e.explorer_query else "")
    c = e.chart
    label = c.title if c else "Bajor Timeline"
    head = html.H1(
        [html.Strong(label), html.Span(f" \u00b7 {c.caption}" if c else "", className="embed-caption-text")],
        className="embed-caption",
        id="embed-caption",
    )
    if c is None:
        stage = html.P(e.problem, className="embed-problem", role="alert")
    else:
        stage = html.Div(
            [
                dcc.Graph(
                    id=ids.EMBED_CHART, config=EMBED_GRAPH_CONFIG, className="embed-graph", style={"minHeight": "240px"}
                ),
                html.Section(
                    [
                        html.Div(
                            [
                                html.Span("Event", className="small text-body-secondary"),
                                html.Button(
                                    id=ids.EMBED_CARD_CLOSE,
                                    className="btn-close",
                                    n_clicks=0,
                                    title="Close (Escape)",
                                    **{"aria-label": "Close the event card"},
                                ),
                            ],
                            className="d-flex justify-content-between align-items-center embed-card-head",
                        ),
                        html.Div(id=ids.EMBED_CARD_BODY, **{"aria-live": "polite"}),
                    ],
                    id=ids.EMBED_CARD,
                    className="embed-card",
                    **{"aria-label": "Event details"},
                ),
            ],
            id=ids.CHARTS,
            className="embed-stage",
            role="figure",
            **{"aria-label": f"{label}: {c.caption}"},
        )
    return html.Div(
        [
            dcc.Location(id=ids.EMBED_URL, refresh="callback-nav"),
            dcc.Store(id=ids.PLOT_WIDTH),
            dcc.Store(id=ids.EMBED_SELECTED),
            html.Main(
                [
                    head,
                    html.P(" ".join(e.notices), className="embed-notice") if e.notices else None,
                    stage,
                ]
            ),
            html.Footer(
                [
                    html.A(
                        "Open in the Bajor Timeline explorer \u2197",
                        href=explorer,
                        target="_blank",
                        rel="noopener",
                        className="embed-open",
                        id="embed-open",
                    ),
                    _credit(cat.pages),
                ],
                className="embed-foot",
            ),
        ],
        id=ids.EMBED,
        className=f"embed theme-{e.theme}",
        **{
            "data-bs-theme": e.theme,
            "data-event": (c.state.event or "") if c else "",
            "data-message": share.MESSAGE_TYPE,
        },
    )


def card(cat: Catalogue, search: str, event: str | None) -> list:
    """The compact card for a clicked event: title, verdict, dates in words, every trusted citation."""
    if not event or event not in cat.vocab.events:
        return []
    e = embed_view(cat, search)
    if e.chart is None:
        return []
    v = view.build_view(cat, view.with_event(e.explorer_query, event, cat))
    d = view.details(cat, v)
    if d is None:
        return [html.P("No trusted source mentions this event with the tiers chosen.", className="small mb-0")]
    ev = d.event
    explorer = "./" + view.with_event(e.explorer_query, event, cat)
    return [
        html.H2(ev["title"], className="h6 mb-1", id="embed-card-title", tabIndex=-1),
        html.P(d.verdict, className="small fw-semibold mb-1" + (" disputed" if ev["disputed"] else "")),
        html.P(d.ranges, className="small mb-1"),
        html.H3("What the sources say", className="visually-hidden"),
        html.Div(citations_list(d.citations), className="embed-citations"),
        html.A("Read more in the explorer \u2197", href=explorer, target="_blank", rel="noopener", className="small"),
    ]


def register(app, cat: Catalogue) -> None:
    """The embed's callbacks: they name only components of this page."""

    @app.callback(
        Output(ids.EMBED_CHART, "figure"),
        Input(ids.PLOT_WIDTH, "data"),
        State(ids.EMBED_URL, "search"),
        State(ids.EMBED_SELECTED, "data"),
    )
    def draw(width, search, selected):
        """The chart, laid out for the width the browser measured (drawn once that is known)."""
        if width is None:
            return no_update
        e = embed_view(cat, search)
        return figure(e, width, selected) if e.chart else no_update

    def clientside(name: str, *deps, **kw):
        app.clientside_callback(ClientsideFunction(namespace="bajorEmbed", function_name=name), *deps, **kw)

    # assets/embed.js: a click picks the event (the dispute view's one event wherever it is clicked),
    # the close button or Escape clears it, and the chart dims the others with a Patch (no round trip).
    clientside(
        "pick",
        Output(ids.EMBED_SELECTED, "data"),
        Input(ids.EMBED_CHART, "clickData"),
        Input(ids.EMBED_CARD_CLOSE, "n_clicks"),
        prevent_initial_call=True,
    )
    clientside(
        "highlight",
        Output(ids.EMBED_CHART, "figure", allow_duplicate=True),
        Input(ids.EMBED_SELECTED, "data"),
        State(ids.EMBED_CHART, "figure"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.EMBED_CARD_BODY, "children"),
        Output(ids.EMBED_CARD, "className"),
        Input(ids.EMBED_SELECTED, "data"),
        State(ids.EMBED_URL, "search"),
        prevent_initial_call=True,
    )
    def show_card(event, search):
        body = card(cat, search, event)
        return body, "embed-card open" if body else "embed-card"
