"""The explorer page: header, filters, charts, table, details panel, footer (layout only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.domain.credits import image_credit
from dashboard.web.components import drift, ids
from dashboard.web.components.charts import chart
from dashboard.web.components.details import panel
from dashboard.web.components.filters_panel import build_filters
from dashboard.web.components.footer import build_footer
from dashboard.web.components.grid import build_grid
from dashboard.web.components.legend import build_key
from dashboard.web.components.share import share_button, share_dialog
from dashboard.web.components.teaching import image_menu, present_button, tours_menu

if TYPE_CHECKING:
    from dashboard.domain.filters import FilterState
    from dashboard.domain.vocabulary import Vocabulary


def _header(vocab: Vocabulary) -> html.Header:
    """The banner: the title, and the Filters, Tours, Present and Share buttons."""
    return html.Header(
        [
            html.A("Skip to the charts", href="#charts", className="visually-hidden-focusable"),
            html.Div(
                [
                    html.H1("Bajor Timeline", className="h4 mb-0"),
                    html.P(
                        "The Cardassian Occupation of Bajor as the sources tell it: what is canon, what is not, "
                        "and how sure anyone can be of each date.",
                        className="text-muted small mb-0 d-none d-md-block",
                    ),
                ]
            ),
            html.Div(
                [
                    html.Button(
                        "Filters",
                        id=ids.FILTERS_OPEN,
                        className="btn btn-sm btn-primary d-lg-none",
                        n_clicks=0,
                        **{"aria-controls": ids.FILTERS},
                    ),
                    tours_menu(vocab),
                    present_button(),
                    share_button(),
                ],
                className="d-flex gap-2 header-actions",
            ),
        ],
        className="topbar d-flex justify-content-between align-items-center gap-2",
    )


def _summary_bar() -> html.Div:
    """The view in words, and its JSON, CSV and image downloads."""
    return html.Div(
        [
            html.P(id=ids.SUMMARY, className="mb-0 fw-semibold", **{"aria-live": "polite"}),
            html.Div(
                [
                    html.A(
                        "JSON",
                        id=ids.DOWNLOAD_JSON,
                        href="/events.json",
                        className="btn btn-sm btn-link",
                        title="This view as JSON",
                    ),
                    html.A(
                        "CSV",
                        id=ids.DOWNLOAD_CSV,
                        href="/events.csv",
                        className="btn btn-sm btn-link",
                        title="This view as CSV",
                    ),
                    image_menu(),
                ],
                className="d-flex align-items-center",
            ),
        ],
        className="d-flex flex-wrap justify-content-between align-items-center gap-1 summary-bar",
    )


def build_page(vocab: Vocabulary, pages: list[dict], state: FilterState | None = None) -> html.Div:
    """Landmarks: a banner header, the filters as an aside, the charts in main, the details aside, one footer."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            dcc.Store(id=ids.PLOT_WIDTH),
            dcc.Store(id=ids.FILTER_KEY),
            dcc.Store(id=ids.RENDERED),
            dcc.Store(id=ids.DRAWN_WIDTH),
            dcc.Store(id=ids.SELECTED_KEY),
            dcc.Store(id=ids.DOC_TITLE),
            _header(vocab),
            html.Div(
                [
                    html.Aside(build_filters(vocab), className="filters-col", **{"aria-label": "Filters"}),
                    html.Main(
                        [
                            dbc.Alert(
                                id=ids.NOTICE,
                                is_open=False,
                                color="warning",
                                dismissable=True,
                                class_name="small py-2 mb-2",
                            ),
                            dbc.Alert(
                                id=ids.ERROR,
                                is_open=False,
                                color="danger",
                                dismissable=True,
                                class_name="small py-2 mb-2",
                            ),
                            _summary_bar(),
                            build_key(vocab),
                            html.Div(
                                [
                                    html.H2("Periods", className="chart-title"),
                                    chart(ids.GANTT, "Gantt chart of periods", 420),
                                    html.H2("Moments", className="chart-title"),
                                    chart(ids.TIMELINE, "Timeline of moments", 360),
                                    drift.block(),
                                ],
                                id=ids.CHARTS,
                                **{"data-credit": image_credit(pages), "data-caption-from": ids.SUMMARY},
                            ),
                            html.H2("All shown events", className="h6 mt-3 screen-only", id="table"),
                            build_grid(),
                            html.Section(id=ids.HANDOUT, className="handout", **{"aria-label": "Handout for printing"}),
                        ],
                        className="charts-col",
                    ),
                    panel(),
                ],
                className="explorer",
            ),
            build_footer(pages),
            share_dialog(),
        ],
        className="app",
    )
