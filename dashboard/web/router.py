"""The router and the app's layout: each page's layout by the URL's path, and each page's callbacks
(the explorer at /, the presentation at /present, the embed at /embed, the classroom exercises at
/order and /judge: each page's own callbacks.py).

A router on dcc.Location, not Dash's page registry: no global state, so several apps with different
data can live in one process. Each page is a layout function of the catalogue and the query string.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import Input, Output, State, dcc, html, no_update
from flask import has_request_context

from dashboard.domain.filters import parse_query
from dashboard.web import head, routes
from dashboard.web.components import ids
from dashboard.web.pages.embed import callbacks as embed_callbacks
from dashboard.web.pages.embed import layout as embed_layout
from dashboard.web.pages.explorer import answers
from dashboard.web.pages.explorer import callbacks as explorer_callbacks
from dashboard.web.pages.explorer.layout import build_page
from dashboard.web.pages.judge import callbacks as judge_callbacks
from dashboard.web.pages.judge.layout import layout as judge_layout
from dashboard.web.pages.order import callbacks as order_callbacks
from dashboard.web.pages.order.layout import layout as order_layout
from dashboard.web.pages.present import callbacks as present_callbacks
from dashboard.web.pages.present.layout import layout as present_layout

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue


def explorer_page(cat: Catalogue, search: str):
    state, _ = parse_query(search or "", cat.vocab)
    return build_page(cat.vocab, cat.pages, state)


def not_found(cat: Catalogue, search: str):
    return html.Main(
        [
            html.H1("No such page", className="h3"),
            html.P(["Bajor Timeline has no page at this address. ", html.A("Open the explorer", href="./")]),
        ],
        className="container py-4",
    )


PAGES = {  # each page's callbacks.py
    "": explorer_page,
    "embed": embed_layout.layout,
    "present": present_layout,
    "order": order_layout,
    "judge": judge_layout,
}


def layout_for(cat: Catalogue, path: str, search: str):
    """The layout for a path relative to the app's prefix ('' is the explorer)."""
    return PAGES.get((path or "").strip("/"), not_found)(cat, search)


assert set(PAGES) == set(routes.PAGES), "dashboard/web/routes.py PAGES must name every page of the router"


def register_callbacks(app, cat: Catalogue) -> None:
    """The layout (the page asked for, already built) and every page's callbacks."""

    def first_layout():
        """The app's layout. Asked for by a page load, it holds that page already (explorer.page: the
        explorer with its controls set, its charts drawn and its details filled for the URL): the
        first chart needs no round trip for the router, the filter key and the charts. Otherwise
        an empty page the router fills."""
        where = head.referring_page(app) if has_request_context() else None
        page, routed = [], None
        if where is not None:
            path, search = where
            page = (
                answers.page(app, cat, search, head.chart_width_hint()) if path == "" else layout_for(cat, path, search)
            )
            routed = path
        return html.Div(
            [
                dcc.Location(id=ids.ROUTE, refresh="callback-nav"),
                dcc.Store(id=ids.ROUTED, data=routed),
                html.Div(page, id=ids.PAGE),
            ]
        )

    app.layout = first_layout

    @app.callback(
        Output(ids.PAGE, "children"),
        Output(ids.ROUTED, "data"),
        Input(ids.ROUTE, "pathname"),
        State(ids.ROUTE, "search"),
        State(ids.ROUTED, "data"),
    )
    def route(pathname, search, routed):
        """The page for the path (the explorer at the app's root), unless the first answer holds it."""
        path = app.strip_relative_path(pathname or "/") or ""
        if routed is not None and routed == path:
            return no_update, None
        return layout_for(cat, path, search), None

    explorer_callbacks.register(app, cat)
    present_callbacks.register(app, cat)  # /present: its own page, its own callbacks
    embed_callbacks.register(app, cat)
    order_callbacks.register(app, cat)  # /order and /judge: the classroom exercises
    judge_callbacks.register(app, cat)
