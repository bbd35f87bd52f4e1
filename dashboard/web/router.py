"""The router: each page's layout by the URL's path (a router on dcc.Location: no global page registry, so
several apps with different data can live in one process). Each page is a layout function of the
catalogue and the query string; its callbacks are registered once by dashboard.web.callbacks."""

from __future__ import annotations

from dash import html

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.filters import parse_query
from dashboard.web.pages.embed import layout as embed_layout
from dashboard.web.pages.explorer.layout import build_page
from dashboard.web.pages.present.layout import layout as present_layout


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


PAGES = {"": explorer_page, "embed": embed_layout.layout, "present": present_layout}  # each page's callbacks.py


def layout_for(cat: Catalogue, path: str, search: str):
    """The layout for a path relative to the app's prefix ('' is the explorer)."""
    return PAGES.get((path or "").strip("/"), not_found)(cat, search)
