"""The embed's callbacks: they name only components of this page (view.py does the work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import ClientsideFunction, Input, Output, State, no_update

from dashboard.web.components import ids
from dashboard.web.pages.embed.view import card, embed_view, figure

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue


def register(app, cat: Catalogue) -> None:
    """The embed's callbacks: they name only components of this page."""

    @app.callback(
        Output(ids.EMBED_CHART, "figure"),
        Input(ids.PLOT_WIDTH, "data"),
        State(ids.EMBED_URL, "search"),
        State(ids.EMBED_SELECTED, "data"),
    )
    def draw(width, search, selected):
        """The chart, laid out for the width the browser measured (drawn once that is known)."""
        if width is None:
            return no_update
        e = embed_view(cat, search)
        return figure(e, width, selected) if e.chart else no_update

    def clientside(name: str, *deps, **kw):
        app.clientside_callback(ClientsideFunction(namespace="bajorEmbed", function_name=name), *deps, **kw)

    # assets/embed.js: a click picks the event (the dispute view's one event wherever it is clicked),
    # the close button or Escape clears it, and the chart dims the others with a Patch (no round trip).
    clientside(
        "pick",
        Output(ids.EMBED_SELECTED, "data"),
        Input(ids.EMBED_CHART, "clickData"),
        Input(ids.EMBED_CARD_CLOSE, "n_clicks"),
        prevent_initial_call=True,
    )
    clientside(
        "highlight",
        Output(ids.EMBED_CHART, "figure", allow_duplicate=True),
        Input(ids.EMBED_SELECTED, "data"),
        State(ids.EMBED_CHART, "figure"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.EMBED_CARD_BODY, "children"),
        Output(ids.EMBED_CARD, "className"),
        Input(ids.EMBED_SELECTED, "data"),
        State(ids.EMBED_URL, "search"),
        prevent_initial_call=True,
    )
    def show_card(event, search):
        body = card(cat, search, event)
        return body, "embed-card open" if body else "embed-card"
