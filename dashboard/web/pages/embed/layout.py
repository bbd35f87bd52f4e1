"""The embed's page: the caption, the chart, the card and the credit (layout only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import dcc, html

from dashboard.domain import credits
from dashboard.web import share_options
from dashboard.web.components import ids
from dashboard.web.components.charts import GRAPH_CONFIG
from dashboard.web.pages.embed import tour
from dashboard.web.pages.embed.view import description, embed_view

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


def _card() -> html.Section:
    """The compact card of a clicked event (filled by a callback)."""
    return html.Section(
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
    )


def _tour(cat: Catalogue, d) -> html.Section:
    """A tour embed's step: the event, its dates, verdict and teacher's note; Previous and Next. Other
    embeds hold it hidden and empty (the step callback's outputs are on every embed page)."""
    n = len(d.stops) if d else 0
    step = d.step if d else 0
    button = "btn btn-sm btn-outline-secondary"
    return html.Section(
        [
            html.Div(
                tour.panel(cat, d) if d else None,
                id=ids.EMBED_TOUR_BODY,
                className="embed-tour-body",
                **{"aria-live": "polite"},
            ),
            html.Div(
                [
                    html.Button(
                        "\u2039 Previous",
                        id=ids.EMBED_TOUR_PREV,
                        n_clicks=0,
                        className=button,
                        disabled=step <= 1,
                        title="Previous step",
                    ),
                    html.Button(
                        "Next \u203a",
                        id=ids.EMBED_TOUR_NEXT,
                        n_clicks=0,
                        className=button,
                        disabled=step >= n,
                        title="Next step",
                    ),
                ],
                className="embed-tour-nav",
            ),
        ],
        id=ids.EMBED_TOUR,
        className="embed-tour",
        hidden=d is None,
        **{"aria-label": f"Tour: {d.title}" if d else "Tour"},
    )


def _stage(cat: Catalogue, e, d, name: str):
    """The chart, the card and the chart in words (or why there is no chart), as one figure."""
    c = e.chart
    if c is None:
        return html.Div(
            [html.P(e.problem, className="embed-problem", role="alert"), html.P(id=ids.EMBED_DESC, hidden=True)]
        )
    return html.Div(
        [
            dcc.Graph(  # room kept for the chart before it draws (a tour step's chart is short)
                id=ids.EMBED_CHART,
                config=EMBED_GRAPH_CONFIG,
                className="embed-graph",
                style={"minHeight": "120px" if d else "240px"},
            ),
            _card(),
            html.P(
                tour.description(cat, d) if d and not e.alt else description(cat, e),
                id=ids.EMBED_DESC,
                className="visually-hidden",
            ),
        ],
        id=ids.CHARTS,
        className="embed-stage",
        role="figure",
        **{"aria-label": name, "aria-describedby": ids.EMBED_DESC},
    )


def layout(cat: Catalogue, search: str) -> html.Div:
    e = embed_view(cat, search)
    explorer = "./" + (f"?{e.explorer_query}" if e.explorer_query else "")
    c = e.chart
    d = tour.deck(cat, e)
    notices = list(e.notices)
    if d is not None:
        step, notice = tour.first_step(e, len(d.stops))
        notices += [notice] if notice else []
        d = tour.deck(cat, e, step)
    label = (d.title if d else c.title) if c else "Bajor Timeline"
    caption = (d.description if d else c.caption) if c else ""
    head = html.H1(
        [html.Strong(label), html.Span(f" \u00b7 {caption}" if caption else "", className="embed-caption-text")],
        className="embed-caption",
        id="embed-caption",
    )
    stage = _stage(cat, e, d, f"{label}: {caption}")
    return html.Div(
        [
            dcc.Location(id=ids.EMBED_URL, refresh="callback-nav"),
            dcc.Store(id=ids.PLOT_WIDTH),
            dcc.Store(id=ids.EMBED_SELECTED),
            dcc.Store(id=ids.EMBED_HOST_PICK),
            dcc.Store(id=ids.EMBED_SCHEME, data=None if e.theme == "auto" else e.theme),
            dcc.Store(id=ids.EMBED_STEP, data=d.step if d else None),
            html.Main(
                [
                    head,
                    html.P(" ".join(notices), className="embed-notice") if notices else None,
                    _tour(cat, d),
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
        **({"data-bs-theme": e.theme} if e.theme != "auto" else {}),
        **{
            "data-theme": e.theme,
            "data-origins": ",".join(e.origins),
            "data-steps": str(len(d.stops)) if d else "0",
            "data-event": (c.state.event or "") if c else "",
            "data-message": share_options.MESSAGE_TYPE,
        },
    )
