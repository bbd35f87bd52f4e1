"""What a reader's action on the explorer does to the URL and the controls, as plain functions:
control values <-> FilterState (in ids.CONTROLS order), a clicked point or table row -> an event id,
and `respond`, the one rule the URL/controls callback follows (the URL is the single source of truth).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dashboard.domain.filters import DEFAULT, LANES, FilterState, parse_query, to_query
from dashboard.domain.schema import TIERS

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue


def controls_from_state(state: FilterState) -> list:
    """Control values in ids.CONTROLS order."""
    return [
        list(state.tiers),
        list(state.era),
        list(state.faction),
        list(state.universe),
        state.year_from,
        state.year_to,
        state.q,
        state.disputed,
        state.lanes,
        state.asof,
    ]


def state_from_controls(values: list, event: str | None, cat: Catalogue) -> FilterState:
    """Build the state from control values (ids.CONTROLS order), checked like a URL would be."""
    canon, era, faction, universe, year_from, year_to, q, disputed, lanes, asof = values
    query = {
        "canon": ",".join(TIERS if canon is None else canon),
        "era": ",".join(era or []),
        "faction": ",".join(faction or []),
        "universe": ",".join(universe or []),
        "from": "" if year_from in (None, "") else str(year_from),
        "to": "" if year_to in (None, "") else str(year_to),
        "q": q or "",
        "disputed": "1" if disputed else "",
        "lanes": lanes if lanes in LANES else DEFAULT.lanes,
        "asof": "" if asof in (None, "") else str(asof),
        "event": event or "",
    }
    state, _ = parse_query(query, cat.vocab)
    return state


def event_from_click(click: dict | None) -> str | None:
    """The event id carried in a clicked point's customdata."""
    if click is None:
        return None
    try:
        data = click["points"][0]["customdata"]
    except (KeyError, IndexError, TypeError):
        return None
    if isinstance(data, list):
        data = data[0] if data else None
    return data if isinstance(data, str) else None


def event_from_rows(rows) -> str | None:
    try:
        return rows[0]["id"] if rows else None
    except (KeyError, IndexError, TypeError):
        return None


ACTIONS = ("url", "reset", "clear", "gantt", "timeline", "grid", "controls")


def respond(
    cat: Catalogue, search: str | None, action: str, controls: list, gantt_click=None, timeline_click=None, rows=None
) -> tuple[str | None, list | None]:
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
    picked = {
        "gantt": lambda: event_from_click(gantt_click),
        "timeline": lambda: event_from_click(timeline_click),
        "grid": lambda: event_from_rows(rows),
    }
    if action == "clear":
        state = current.with_event(None)
    elif action in picked:
        state = current.with_event(picked[action]() or current.event)
    else:
        state = replace(state_from_controls(controls, current.event, cat), tour=current.tour)  # no control for tours
    query = to_query(state)
    if query == (search or "").lstrip("?"):
        return None, None
    return ("?" + query if query else ""), None
