"""The presentation's callbacks: thin wiring of its component ids to step.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import ClientsideFunction, Input, Output, State

from dashboard.domain import presentation
from dashboard.web.components import ids
from dashboard.web.pages.present.step import STEP_OUTPUTS, handout_body, step_outputs

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue


def register(app, cat: Catalogue) -> None:
    """The presentation's callbacks (every component they name is on this page)."""

    def clientside(name: str, *deps, **kw):
        app.clientside_callback(ClientsideFunction(namespace="bajor", function_name=name), *deps, **kw)

    @app.callback(
        output={name: Output(cid, prop) for name, (cid, prop) in STEP_OUTPUTS.items()},
        inputs={"search": Input(ids.PRESENT_URL, "search"), "width": Input(ids.PRESENT_WIDTH, "data")},
    )
    def show_step(search, width):
        """The step the URL names: the chart centred on its event and the card, or a title slide."""
        return step_outputs(app, cat, search, width)

    # The handout follows the filters and the tour, not the step (the same key the explorer's charts use).
    clientside(
        "filterKey", Output(ids.PRESENT_KEY, "data"), Input(ids.PRESENT_URL, "search"), State(ids.PRESENT_KEY, "data")
    )

    @app.callback(
        Output(ids.PRESENT_HANDOUT, "children"), Input(ids.PRESENT_KEY, "data"), State(ids.PRESENT_URL, "search")
    )
    def show_handout(_key, search):
        return handout_body(cat, presentation.split_step(search)[0])

    clientside(
        "presentTitle",
        Input(ids.PRESENT_TITLE, "data"),
        prevent_initial_call=True,  # no output: sets the tab's title
    )
