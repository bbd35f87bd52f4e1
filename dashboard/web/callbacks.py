"""The app's layout and router, and each page's callbacks: the explorer at /, the presentation at
/present, the embed at /embed (each page's own callbacks.py)."""

from __future__ import annotations

from dash import Input, Output, State, dcc, html, no_update
from flask import has_request_context

from dashboard.domain.catalogue import Catalogue
from dashboard.web import head, router
from dashboard.web.components import ids
from dashboard.web.pages.embed import callbacks as embed_callbacks
from dashboard.web.pages.explorer import answers
from dashboard.web.pages.explorer import callbacks as explorer_callbacks
from dashboard.web.pages.present import callbacks as present_callbacks


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
            page, routed = answers.page(app, cat, *where, head.chart_width_hint()), where[0]
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
        return router.layout_for(cat, path, search), None

    explorer_callbacks.register(app, cat)
    present_callbacks.register(app, cat)  # /present: its own page, its own callbacks
    embed_callbacks.register(app, cat)
