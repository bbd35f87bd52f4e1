"""The source-judging exercise's frame (layout only): its address, the body the callback fills, the credit."""

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
            dcc.Location(id=ids.JUDGE_URL, refresh="callback-nav"),
            dcc.Store(id=ids.JUDGE_TITLE),
            html.Main(
                html.P("Reading the sources\u2026", className="classroom-loading"),
                id=ids.JUDGE_BODY,
                className="classroom-main",
            ),
            html.Div(build_footer(cat.pages), className="classroom-foot screen-only"),
        ],
        id=ids.JUDGE,
        className="classroom",
        lang="en",
    )
