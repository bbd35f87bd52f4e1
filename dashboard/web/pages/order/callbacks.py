"""The ordering exercise's callbacks: thin wiring of its ids to view.py and assets/classroom.js."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import ClientsideFunction, Input, Output, State
from flask import request

from dashboard.web.components import ids
from dashboard.web.pages.order.view import body

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue


def register(app, cat: Catalogue) -> None:
    """The /order page's callbacks (every component they name is on this page)."""

    @app.callback(Output(ids.ORDER_BODY, "children"), Output(ids.ORDER_TITLE, "data"), Input(ids.ORDER_URL, "search"))
    def show(search):
        """The cards to arrange, or the graded answer, for the URL."""
        return body(app, cat, search or "", request.host_url.rstrip("/"))

    # Check: the cards' order, read from the page, becomes answer= in the URL (assets/classroom.js).
    app.clientside_callback(
        ClientsideFunction(namespace="bajorClassroom", function_name="check"),
        Output(ids.ORDER_URL, "search"),
        Input(ids.ORDER_CHECK, "n_clicks"),
        State(ids.ORDER_URL, "search"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="bajorClassroom", function_name="title"),
        Input(ids.ORDER_TITLE, "data"),
        prevent_initial_call=True,
    )
