"""The presentation's page: its frame, the title and closing slides, and a step's card (layout only)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import segno
from dash import dcc, html

from dashboard.domain import credits, presentation
from dashboard.domain.catalogue import Catalogue
from dashboard.web.components import ids
from dashboard.web.components.charts import GRAPH_CONFIG
from dashboard.web.components.details import citation_line
from dashboard.web.components.legend import build_key
from dashboard.web.components.teaching import image_buttons

MAX_CITATIONS = 6  # on a slide; the rest are in the explorer and the handout


# The presentation's chart: no toolbar (the image menu is in the controls), no zoom by accident.
PRESENT_CONFIG = {**GRAPH_CONFIG, "displayModeBar": False, "scrollZoom": False, "doubleClick": False}


def _nav_link(label: str, cid: str, title: str, key: str) -> dcc.Link:
    """A step link: its sign, and its name for screen readers (dcc.Link takes no aria attributes)."""
    return dcc.Link(
        [html.Span(label, **{"aria-hidden": "true"}), html.Span(f"{title} ({key})", className="visually-hidden")],
        id=cid,
        href="",
        className="btn present-btn",
        title=f"{title} ({key})",
    )


def layout(cat: Catalogue, search: str):
    """The page's frame; the step callback fills it (and keeps it in step with the URL)."""
    return html.Div(
        [
            dcc.Location(id=ids.PRESENT_URL, refresh="callback-nav"),
            dcc.Store(id=ids.PRESENT_WIDTH),
            dcc.Store(id=ids.PRESENT_KEY),
            dcc.Store(id=ids.PRESENT_TITLE),
            html.Main(
                [
                    dbc.Alert(
                        id=ids.PRESENT_NOTICE,
                        is_open=False,
                        color="warning",
                        dismissable=True,
                        class_name="present-notice",
                    ),
                    html.Div(
                        [
                            html.Div(
                                [
                                    html.Div(
                                        dcc.Graph(
                                            id=ids.PRESENT_CHART, config=PRESENT_CONFIG, className="present-graph"
                                        ),
                                        role="figure",
                                        **{"aria-label": "Chart of the event and the events around it"},
                                    ),
                                    _open(build_key(cat.vocab)),
                                ],
                                id=ids.PRESENT_CHARTS,
                                className="present-chart",
                                **{
                                    "data-credit": credits.image_credit(cat.pages),
                                    "data-caption-from": ids.PRESENT_SUMMARY,
                                },
                            ),
                            html.Section(
                                id=ids.PRESENT_CARD, className="present-card", tabIndex=-1, **{"aria-live": "polite"}
                            ),
                        ],
                        id=ids.PRESENT_STAGE,
                        className="present-stage no-chart",
                    ),
                ],
                className="present-main",
            ),
            html.Nav(
                [
                    _nav_link("\u00ab First", ids.PRESENT_FIRST, "First step", "Home"),
                    _nav_link("\u2039 Back", ids.PRESENT_PREV, "Previous step", "ArrowLeft"),
                    html.Span(id=ids.PRESENT_PROGRESS, className="present-progress", **{"aria-live": "polite"}),
                    _nav_link("Next \u203a", ids.PRESENT_NEXT, "Next step", "ArrowRight"),
                    _nav_link("Last \u00bb", ids.PRESENT_LAST, "Last step", "End"),
                    html.Span(id=ids.PRESENT_SUMMARY, className="present-summary"),
                    html.Button(
                        "Blank",
                        id=ids.PRESENT_BLANK,
                        type="button",
                        className="btn present-btn",
                        title="Blank the screen (B)",
                        **{"aria-keyshortcuts": "B", "aria-pressed": "false"},
                    ),
                    html.Button(
                        "Full screen",
                        id=ids.PRESENT_FULLSCREEN,
                        type="button",
                        className="btn present-btn",
                        title="Full screen on or off (F)",
                        **{"aria-keyshortcuts": "F"},
                    ),
                    dbc.DropdownMenu(
                        [
                            dbc.DropdownMenuItem("This slide's chart as an image", header=True),
                            *image_buttons(ids.PRESENT_CHART, ""),
                            dbc.DropdownMenuItem("Drawn by the server", header=True),
                            html.Div(id=ids.PRESENT_SERVER_IMAGES),
                            dbc.DropdownMenuItem(divider=True),
                            html.Button(
                                "Print the handout", className="dropdown-item", type="button", **{"data-print": "1"}
                            ),
                        ],
                        label="Image",
                        direction="up",
                        align_end=True,
                        size="sm",
                        color="light",
                        toggle_class_name="present-btn",
                    ),
                    _nav_link("Exit", ids.PRESENT_EXIT, "Back to the explorer", "Escape"),
                ],
                id=ids.PRESENT_NAV,
                className="present-nav",
                **{"aria-label": "Presentation controls"},
            ),
            html.Div(id="present-blank-screen", className="present-blank-screen", **{"aria-hidden": "true"}),
            # Print-only (drawn off screen so its charts have their size), so hidden from screen readers.
            html.Section(id=ids.PRESENT_HANDOUT, className="handout", **{"aria-hidden": "true"}),
        ],
        id=ids.PRESENT,
        className="present",
        lang="en",
    )


def _qr(url: str) -> html.Figure:
    """A QR code of the view's address, drawn here as SVG (segno) and shown as an inline image."""
    code = segno.make(url, error="m")
    src = code.svg_data_uri(border=2, omitsize=True, dark="#000", light="#fff")
    return html.Figure(
        [
            html.Img(src=src, alt=f"QR code of {url}", className="present-qr"),
            html.Figcaption(url, className="present-url"),
        ],
        className="present-qr-box",
    )


def front(cat: Catalogue, deck: presentation.Deck, url: str, closing: bool) -> list:
    """The title step (or the closing one): the view's name, its filters in words, the credit, a QR code."""
    n = len(deck.stops)
    lead = (
        f"That was {'the tour' if deck.view.state.tour else 'every event'}: {n} step{'s' if n != 1 else ''}."
        if closing
        else deck.description
    )
    hint = (
        "Press Escape to explore this view yourself, or scan the code."
        if closing
        else "Press \u2192 or Space to begin. Scan the code to open this view on your phone."
        if n
        else "No event matches these filters: press Escape and widen them."
    )
    return [
        html.Div(
            [
                html.Div(
                    [
                        html.P("The end" if closing else "Bajor Timeline", className="present-kicker"),
                        html.H1(deck.title, className="present-title", id="present-heading"),
                        html.P(lead, className="present-lead"),
                        html.P(["Shown: ", html.Strong(deck.view.summary)], className="present-filters"),
                        html.P(hint, className="present-hint"),
                    ],
                    className="present-front-text",
                ),
                _qr(url),
            ],
            className="present-front",
        ),
        html.P(
            credits.front_credit(cat.pages),
            className="present-credit",
        ),
    ]


def event_card(deck: presentation.Deck, s: presentation.EventStep) -> list:
    e = s.event
    disputed = bool(e["disputed"])
    cites = s.citations[:MAX_CITATIONS]
    more = len(s.citations) - len(cites)
    where = (
        f"Stop {deck.step} of {len(deck.stops)} \u00b7 {deck.title}"
        if deck.view.state.tour
        else f"Event {deck.step} of {len(deck.stops)}, in date order"
    )
    return [
        html.P(where, className="present-kicker"),
        html.H1(e["title"], className="present-title", id="present-heading"),
        html.P(s.ranges + ".", className="present-when"),
        html.P(
            [html.Span("\u2605 ", className="dispute-star", **{"aria-hidden": "true"}), s.verdict],
            className="present-verdict",
        )
        if disputed
        else None,
        html.P(e["summary"], className="present-summary-text"),
        html.Aside([html.Strong("Teacher's note: "), s.note], className="present-note") if s.note else None,
        html.H2("Sources", className="present-sources-heading"),
        html.Ul([citation_line(c) for c in cites], className="present-citations"),
        html.P(f"and {more} more in the explorer", className="present-more") if more else None,
    ]


def _open(details: html.Details) -> html.Details:
    details.open = True
    return details
