"""The source-judging exercise's callbacks: thin wiring of its ids to view.py and domain/judge.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import ALL, ClientsideFunction, Input, Output, State
from flask import request

from dashboard.domain import judge
from dashboard.web.components import ids
from dashboard.web.pages.judge.view import body

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue


def register(app, cat: Catalogue) -> None:
    """The /judge page's callbacks (every component they name is on this page)."""

    @app.callback(Output(ids.JUDGE_BODY, "children"), Output(ids.JUDGE_TITLE, "data"), Input(ids.JUDGE_URL, "search"))
    def show(search):
        """The list of disputed events, one event's claims, or the result, for the URL."""
        return body(app, cat, search or "", request.host_url.rstrip("/"))

    @app.callback(
        Output(ids.JUDGE_URL, "search"),
        Input(ids.JUDGE_CHECK, "n_clicks"),
        State({"type": ids.JUDGE_TRUST, "index": ALL}, "value"),
        State({"type": ids.JUDGE_TRUST, "index": ALL}, "id"),
        State(ids.JUDGE_VERDICT, "value"),
        State(ids.JUDGE_URL, "search"),
        prevent_initial_call=True,
    )
    def answer(_clicks, ticked, claims, verdict, search):
        """The choice and the verdict into the URL (which then shows the result)."""
        trust = [c["index"] for c, on in zip(claims, ticked) if on]
        return "?" + judge.build(cat, search or "").answer_query(trust, verdict or "")

    app.clientside_callback(
        ClientsideFunction(namespace="bajorClassroom", function_name="title"),
        Input(ids.JUDGE_TITLE, "data"),
        prevent_initial_call=True,
    )
