"""The embed's page: the caption, the chart, the card and the credit (layout only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import dcc, html

from dashboard.domain import credits
from dashboard.web import share_options
from dashboard.web.components import ids
from dashboard.web.components.charts import GRAPH_CONFIG
from dashboard.web.pages.embed.view import embed_view

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

# The embed keeps the modebar small: zoom, pan, reset. No download (the Share dialog has those).
EMBED_GRAPH_CONFIG = GRAPH_CONFIG | {
    "modeBarButtonsToRemove": [*GRAPH_CONFIG["modeBarButtonsToRemove"], "toImage", "zoomIn2d", "zoomOut2d"],
    "displayModeBar": "hover",
}


def _credit(pages: list[dict]) -> html.P:
    """The wikis and their licences, linked, in one small paragraph (credits.page_pieces)."""
    items: list = []
    for p in pages:
        items += ["; "] if items else []
        items += [
            html.A(text, href=url, target="_blank", rel=rel) if url else text
            for text, url, rel in credits.page_pieces(p)
        ]
    return html.P([f"{credits.READ_FROM}: ", *items, "."], className="embed-credit")


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
            "data-message": share_options.MESSAGE_TYPE,
        },
    )
