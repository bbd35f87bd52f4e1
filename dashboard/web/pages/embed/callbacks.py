"""The embed's callbacks: they name only components of this page (view.py and tour.py do the work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import ClientsideFunction, Input, Output, State, no_update

from dashboard.web.components import ids
from dashboard.web.pages.embed import tour
from dashboard.web.pages.embed.view import card, embed_view, figure, palette

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue


def register(app, cat: Catalogue) -> None:
    """The embed's callbacks: they name only components of this page."""

    @app.callback(
        Output(ids.EMBED_CHART, "figure"),
        Input(ids.PLOT_WIDTH, "data"),
        Input(ids.EMBED_SCHEME, "data"),
        Input(ids.EMBED_STEP, "data"),
        State(ids.EMBED_URL, "search"),
        State(ids.EMBED_SELECTED, "data"),
        State(ids.EMBED_HOST_PICK, "data"),
    )
    def draw(width, scheme, step, search, selected, host_pick):
        """The chart, laid out for the width the browser measured and in the colours asked for (for
        theme=auto, the reader's scheme: drawn once both are known, again when either changes)."""
        e = embed_view(cat, search)
        if width is None or e.chart is None or (e.theme == "auto" and scheme is None):
            return no_update
        d = tour.deck(cat, e, step) if step else None
        if d is not None:
            return tour.figure(cat, d, width, palette(e, scheme))
        return figure(e, width, selected or host_pick, scheme)

    def clientside(name: str, *deps, **kw):
        app.clientside_callback(ClientsideFunction(namespace="bajorEmbed", function_name=name), *deps, **kw)

    # assets/embed.js: a click picks the event (the dispute view's one event wherever it is clicked)
    # and tells the host page; the close button or Escape clears it; the chart dims the others with a
    # Patch (no round trip), for a click or for an event the host page selected by message.
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
        Input(ids.EMBED_HOST_PICK, "data"),
        State(ids.EMBED_CHART, "figure"),
        prevent_initial_call=True,
    )
    # A tour's Previous and Next (the host page's step message sets the same store).
    clientside(
        "stepBy",
        Output(ids.EMBED_STEP, "data"),
        Input(ids.EMBED_TOUR_PREV, "n_clicks"),
        Input(ids.EMBED_TOUR_NEXT, "n_clicks"),
        State(ids.EMBED_STEP, "data"),
        prevent_initial_call=True,
    )

    _tour(app, cat)

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


def _tour(app, cat: Catalogue) -> None:
    """A tour embed's step in words, when the step changes (the chart follows through draw)."""

    @app.callback(
        Output(ids.EMBED_TOUR_BODY, "children"),
        Output(ids.EMBED_TOUR_PREV, "disabled"),
        Output(ids.EMBED_TOUR_NEXT, "disabled"),
        Output(ids.EMBED_DESC, "children"),
        Input(ids.EMBED_STEP, "data"),
        State(ids.EMBED_URL, "search"),
        prevent_initial_call=True,
    )
    def show_step(step, search):
        e = embed_view(cat, search)
        d = tour.deck(cat, e, step) if step else None
        if d is None:
            return no_update, no_update, no_update, no_update
        return tour.panel(cat, d), d.step <= 1, d.step >= len(d.stops), e.alt or tour.description(cat, d)
