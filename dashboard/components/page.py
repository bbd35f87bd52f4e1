"""The explorer page: header, notices, filters, charts, linked panels, table, footer."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from ..filters import Vocabulary
from . import ids
from .filters_panel import build_filters
from .grid import build_grid
from .panels import GRAPH_CONFIG, build_panels


def build_footer(pages: list[dict]) -> html.Footer:
    """Credit to the wikis the facts were read from, with their licences."""
    items = []
    for p in pages:
        title = html.A(p["title"], href=p["url"], rel="noopener noreferrer") if p.get("url") else p["title"]
        licence = html.A(p["licence"], href=p["licence_url"], rel="license noopener noreferrer") if p.get("licence_url") else p["licence"]
        items.append(html.Li([f"{p['wiki']}: “", title, "” (", licence, ")"]))
    return html.Footer([
        html.P("Bajor Timeline is a fan project. Every date and summary is our paraphrase of these wiki pages; "
               "the works they cite belong to their owners.", className="small mb-1"),
        html.Ul(items, className="small mb-0 attribution"),
    ], className="border-top mt-4 pt-3 pb-4 text-muted", id="attribution")


def chart(cid: str, label: str) -> html.Div:
    """A graph in a labelled figure region (the table below is its text alternative)."""
    return html.Div(dcc.Graph(id=cid, config=GRAPH_CONFIG, className="chart"), role="figure", **{"aria-label": label})


def build_page(vocab: Vocabulary, pages: list[dict]) -> html.Div:
    """Landmarks: a banner header, the filters as an aside, the charts in main, one footer."""
    return html.Div([
        dcc.Location(id=ids.URL, refresh="callback-nav"),
        dbc.Container([
            html.Header([
                html.A("Skip to the table of events", href="#table", className="visually-hidden-focusable"),
                html.H1("Bajor Timeline", className="h3 mb-0"),
                html.P("The Cardassian Occupation of Bajor, as the sources tell it: what is canon, what is not, "
                       "and how sure anyone can be of each date.", className="text-muted mb-2"),
            ], className="pt-3"),
            dbc.Row([
                dbc.Col(html.Aside(build_filters(vocab), **{"aria-label": "Filters"}), lg=3, class_name="mb-3"),
                dbc.Col(html.Main([
                    dbc.Alert(id=ids.NOTICE, is_open=False, color="warning", dismissable=True, class_name="small"),
                    dbc.Alert(id=ids.ERROR, is_open=False, color="danger", dismissable=True, class_name="small"),
                    html.Div([
                        html.P(id=ids.SUMMARY, className="mb-0 fw-semibold", **{"aria-live": "polite"}),
                        html.Div([
                            dbc.Button("Reset filters", id=ids.RESET, size="sm", color="secondary", outline=True, class_name="me-2"),
                            html.A("JSON", id=ids.DOWNLOAD_JSON, href="/events.json", className="btn btn-sm btn-link",
                                   title="This view as JSON"),
                            html.A("CSV", id=ids.DOWNLOAD_CSV, href="/events.csv", className="btn btn-sm btn-link",
                                   title="This view as CSV"),
                        ]),
                    ], className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2"),
                    chart(ids.GANTT, "Gantt chart of periods"),
                    chart(ids.TIMELINE, "Timeline of moments"),
                    build_panels(),
                    html.H2("All shown events", className="h5 mt-2", id="table"),
                    build_grid(),
                ]), lg=9),
            ]),
            build_footer(pages),
        ], fluid=True),
    ])
