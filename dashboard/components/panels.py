"""Linked panels for the selected event: citations grouped by tier, and its uncertainty."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from ..schema import TIER_LABELS, TIERS
from . import ids

GRAPH_CONFIG = {"displaylogo": False, "responsive": True,
                "toImageButtonOptions": {"format": "png", "filename": "bajor-timeline"}}


def _work(c: dict) -> list:
    details = ", ".join(x for x in (c["medium"], c["series"], c["released"]) if x)
    return [html.Cite(c["source"]), f" ({details})" if details else ""]


def _page(c: dict):
    if c.get("page_url"):
        return html.A(c["page"], href=c["page_url"], target="_blank", rel="noopener noreferrer")
    return c["page"]


def _dates(c: dict) -> str:
    when = " to ".join(x for x in (c["start"], c["end"]) if x)
    return when or "undated"


def citations_body(event: dict | None) -> list:
    """Every trusted claim of the event, grouped by tier, strongest first."""
    if event is None:
        return [html.P("Select an event on a chart or in the table to see who says what.", className="text-muted mb-0")]
    out = [html.H3(event["title"], className="h6"), html.P(event["summary"], className="small")]
    for tier in TIERS:
        cites = [c for c in event["citations"] if c["tier"] == tier]
        if not cites:
            continue
        out.append(html.H4(f"{TIER_LABELS[tier]} ({len(cites)})", className=f"h6 mt-3 tier-heading tier-{tier}"))
        out.append(html.Ul([
            html.Li([
                html.Div(_work(c)),
                html.Div([html.Span("Dates: ", className="text-muted"), _dates(c),
                          *([html.Span(" · states: ", className="text-muted"), c["value"]] if c["value"] else [])], className="small"),
                html.Div([html.Span("Read on ", className="text-muted"), _page(c)], className="small"),
                html.Div(c["note"], className="small fst-italic"),
            ], className="mb-2") for c in cites
        ], className="list-unstyled citation-list"))
    return out


def build_panels() -> dbc.Row:
    return dbc.Row([
        dbc.Col(dbc.Card([
            dbc.CardHeader(html.H2("Citations", className="h5 mb-0")),
            dbc.CardBody(html.Div(citations_body(None), id=ids.CITATIONS, **{"aria-live": "polite"})),
        ], class_name="h-100"), lg=5, class_name="mb-3"),
        dbc.Col(dbc.Card([
            dbc.CardHeader(dbc.Row([
                dbc.Col(html.H2("Uncertainty", className="h5 mb-0")),
                dbc.Col(dbc.Button("Clear selection", id=ids.CLEAR_SELECTION, size="sm", color="secondary", outline=True),
                        width="auto"),
            ], align="center")),
            dbc.CardBody([
                html.P("The chart shows each source's dates for the selected event.", id=ids.UNCERTAINTY_TEXT, className="small"),
                html.Div(dcc.Graph(id=ids.UNCERTAINTY_CHART, config=GRAPH_CONFIG, style={"display": "none"}), id=ids.UNCERTAINTY),
            ]),
        ], class_name="h-100"), lg=7, class_name="mb-3"),
    ])
