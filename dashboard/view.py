"""From a URL query to everything the explorer shows, and from user actions back to a query.

Plain functions of data: the Dash callbacks only pass component values in and results out.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from . import explain, figures
from .catalogue import Catalogue
from .components.grid import grid_rows
from .filters import DEFAULT, LANES, FilterState, apply, describe, parse_query, to_query
from .schema import TIERS


@dataclass(frozen=True)
class View:
    state: FilterState
    notices: list[str]
    shown: pd.DataFrame
    summary: str
    gantt: go.Figure
    timeline: go.Figure
    selected: dict | None
    uncertainty: go.Figure | None
    uncertainty_text: str
    rows: list[dict]
    query: str


def build_view(cat: Catalogue, query: str) -> View:
    """Everything the page shows for this query string."""
    state, notices = parse_query(query or "", cat.vocab)
    resolved = cat.resolved(state.canon)
    shown = apply(resolved, state, cat.vocab)
    x_range = None
    if state.year_from is not None or state.year_to is not None:
        lo, hi = figures.theme.extent(shown if len(shown) else resolved)
        x_range = (state.year_from if state.year_from is not None else lo,
                   state.year_to + 1 if state.year_to is not None else hi)
    selected = None
    if state.event:
        selected = cat.event(state.event, state.canon)
        if selected is None:
            notices.append(f"The selected event '{state.event}' has no source among the trusted tiers.")
    return View(
        state=state,
        notices=notices,
        shown=shown,
        summary=describe(state, len(shown), cat.total, cat.vocab),
        gantt=figures.gantt(shown, cat.vocab, lanes=state.lanes, selected=state.event, x_range=x_range),
        timeline=figures.timeline(shown, cat.vocab, lanes=state.lanes, selected=state.event, x_range=x_range),
        selected=selected,
        uncertainty=figures.uncertainty(selected) if selected else None,
        uncertainty_text=explain.dating_sentence(selected) if selected else
        "Select an event to compare what each source says about its dates.",
        rows=grid_rows(shown, cat.vocab),
        query=to_query(state),
    )


def controls_from_state(state: FilterState) -> list:
    """Control values in ids.CONTROLS order."""
    return [list(state.canon), list(state.era), list(state.faction), list(state.universe), state.year_from,
            state.year_to, state.q, state.disputed, state.lanes]


def state_from_controls(values: list, event: str | None, cat: Catalogue) -> FilterState:
    """Build the state from control values (ids.CONTROLS order), checked like a URL would be."""
    canon, era, faction, universe, year_from, year_to, q, disputed, lanes = values
    query = {
        "canon": ",".join(TIERS if canon is None else canon),
        "era": ",".join(era or []), "faction": ",".join(faction or []), "universe": ",".join(universe or []),
        "from": "" if year_from in (None, "") else str(year_from), "to": "" if year_to in (None, "") else str(year_to),
        "q": q or "", "disputed": "1" if disputed else "", "lanes": lanes if lanes in LANES else DEFAULT.lanes,
        "event": event or "",
    }
    state, _ = parse_query(query, cat.vocab)
    return state


def event_from_click(click: dict | None) -> str | None:
    """The event id carried in a clicked point's customdata."""
    try:
        point = click["points"][0]
        data = point["customdata"]
        return data[0] if isinstance(data, list) else None
    except (KeyError, IndexError, TypeError):
        return None


def event_from_rows(rows) -> str | None:
    try:
        return rows[0]["id"] if rows else None
    except (KeyError, IndexError, TypeError):
        return None


ACTIONS = ("url", "reset", "clear", "gantt", "timeline", "grid", "controls")


def respond(cat: Catalogue, search: str | None, action: str, controls: list,
            gantt_click=None, timeline_click=None, rows=None) -> tuple[str | None, list | None]:
    """What a user action does to the URL and the controls.

    Returns (the new search string, or None to leave the URL alone; control values in
    ids.CONTROLS order, or None to leave them alone). The URL is the single source of truth:
    a URL change (page load, Back) sets the controls; anything else writes the URL.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    current, _ = parse_query(search or "", cat.vocab)
    if action == "url":
        return None, controls_from_state(current)
    if action == "reset":
        return "", controls_from_state(DEFAULT)
    picked = {"gantt": lambda: event_from_click(gantt_click), "timeline": lambda: event_from_click(timeline_click),
              "grid": lambda: event_from_rows(rows)}
    if action == "clear":
        state = current.with_event(None)
    elif action in picked:
        state = current.with_event(picked[action]() or current.event)
    else:
        state = state_from_controls(controls, current.event, cat)
    query = to_query(state)
    if query == (search or "").lstrip("?"):
        return None, None
    return ("?" + query if query else ""), None
