"""The presentation's page: its frame, the chart stage and the bottom bar of controls (layout only; step.py fills it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.domain import credits
from dashboard.web.components import ids
from dashboard.web.components.charts import GRAPH_CONFIG
from dashboard.web.components.legend import build_key
from dashboard.web.components.teaching import image_buttons

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue


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


def _labelled_link(cid: str, label_id: str, before: str, after: str, title: str, key: str) -> dcc.Link:
    """A link whose words the step fills in (the chart it switches to, the year it steps to)."""
    return dcc.Link(
        [
            html.Span(before, **{"aria-hidden": "true"}),
            html.Span(id=label_id),
            html.Span(after, **{"aria-hidden": "true"}),
            html.Span(f" ({title}, {key})", className="visually-hidden"),
        ],
        id=cid,
        href="",
        className="btn present-btn",
        title=f"{title} ({key})",
    )


def _controls() -> html.Nav:
    """The bottom bar: the step links, the view in words, blank and full screen, the images, Exit."""
    return html.Nav(
        [
            _nav_link("\u00ab First", ids.PRESENT_FIRST, "First step", "Home"),
            _nav_link("\u2039 Back", ids.PRESENT_PREV, "Previous step", "ArrowLeft"),
            html.Span(id=ids.PRESENT_PROGRESS, className="present-progress", **{"aria-live": "polite"}),
            _nav_link("Next \u203a", ids.PRESENT_NEXT, "Next step", "ArrowRight"),
            _nav_link("Last \u00bb", ids.PRESENT_LAST, "Last step", "End"),
            _labelled_link(ids.PRESENT_DRIFT, ids.PRESENT_DRIFT_LABEL, "", "", "Switch the chart", "D"),
            html.Span(
                [
                    html.Span("Known in", className="present-asof-name"),
                    _labelled_link(
                        ids.PRESENT_ASOF_PREV,
                        ids.PRESENT_ASOF_PREV_LABEL,
                        "\u2039 ",
                        "",
                        "As known in an earlier year",
                        "[",
                    ),
                    _labelled_link(
                        ids.PRESENT_ASOF_NEXT,
                        ids.PRESENT_ASOF_NEXT_LABEL,
                        "",
                        " \u203a",
                        "As known in a later year",
                        "]",
                    ),
                ],
                className="present-asof",
            ),
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
                    html.Button("Print the handout", className="dropdown-item", type="button", **{"data-print": "1"}),
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
            _controls(),
            html.Div(id="present-blank-screen", className="present-blank-screen", **{"aria-hidden": "true"}),
            # Print-only (drawn off screen so its charts have their size), so hidden from screen readers.
            html.Section(id=ids.PRESENT_HANDOUT, className="handout", **{"aria-hidden": "true"}),
        ],
        id=ids.PRESENT,
        className="present",
        lang="en",
    )


def _open(details: html.Details) -> html.Details:
    details.open = True
    return details
