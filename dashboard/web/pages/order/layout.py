"""The ordering exercise's frame (layout only): its address, the body the callback fills, the live
region that announces a card's move, and the credit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import dcc, html

from dashboard.web.components import ids
from dashboard.web.components.footer import build_footer

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue


def layout(cat: Catalogue, search: str):
    """The page's frame; the callback fills the body for the URL (and again whenever it changes)."""
    return html.Div(
        [
            dcc.Location(id=ids.ORDER_URL, refresh="callback-nav"),
            dcc.Store(id=ids.ORDER_TITLE),
            html.Main(
                html.P("Dealing the cards\u2026", className="classroom-loading"),
                id=ids.ORDER_BODY,
                className="classroom-main",
            ),
            html.Div(id=ids.ORDER_LIVE, className="visually-hidden", role="status", **{"aria-live": "polite"}),
            html.Div(build_footer(cat.pages), className="classroom-foot screen-only"),
        ],
        id=ids.ORDER,
        className="classroom",
        lang="en",
    )
