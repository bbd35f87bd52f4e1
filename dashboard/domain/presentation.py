"""A presentation as data: the steps of a deck, and what one step shows (no Dash, no figures).

    query (the URL vocabulary + step=N) ─▶ view.build_view ─▶ Deck (the steps) ─▶ EventStep (one step)

Step 0 is the title, steps 1..n are the events (a tour's stops in its order, else the filtered
events in date order), step n+1 is the closing. An event's step centres the chart on it: `EventStep`
carries the year range and the nearby events to draw, and the page draws them with figures.*.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

from dashboard.domain import events, explain, view
from dashboard.domain.filters import FilterState, to_query
from dashboard.domain.tours import Stop

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

MIN_WINDOW_YEARS = 24  # the least span a step's chart shows around its event
MAX_NEARBY = 14  # events drawn around the current one: big enough to read from the back
STEP_KEY = "step"
CHART_KEY = "view"  # view=drift: each event step draws "Sources over time" instead of periods or moments
CHARTS = ("drift",)


@dataclass(frozen=True)
class Deck:
    view: view.View
    title: str  # the tour's title, or the app's name
    description: str
    stops: tuple[Stop, ...]  # the event steps, in order (with a tour's notes)
    notices: tuple[str, ...]
    step: int  # the current step: 0 title, 1..n events, n+1 closing
    chart: str = ""  # "" (periods or moments, by the step's event) or "drift" (sources over time)

    @property
    def last(self) -> int:
        return len(self.stops) + 1

    @property
    def kind(self) -> str:
        """'title', 'event' or 'closing'."""
        return "title" if self.step == 0 else "closing" if self.step == self.last else "event"

    @property
    def stop(self) -> Stop | None:
        return self.stops[self.step - 1] if self.kind == "event" else None

    def query(self, step: int | None = None, *, event: str | None = None) -> str:
        """The deck's query at another step ('' for the title of the default view)."""
        q = to_query(self.view.state.with_event(event))
        step = self.step if step is None else step
        parts = [p for p in (q, f"{STEP_KEY}={step}" if step else "", self._chart_param(self.chart)) if p]
        return "&".join(parts)

    @staticmethod
    def _chart_param(chart: str) -> str:
        return f"{CHART_KEY}={chart}" if chart else ""

    def with_chart(self, chart: str) -> str:
        """The same step drawn with another chart ('' or "drift")."""
        q = to_query(self.view.state.with_event(None))
        parts = [p for p in (q, f"{STEP_KEY}={self.step}" if self.step else "", self._chart_param(chart)) if p]
        return "&".join(parts)

    def at_asof(self, asof: int | None) -> str:
        """The deck as known in another year, on the same event when it is still shown there (the
        steps change with the events), else on the title."""
        state = replace(self.view.state, asof=asof, event=self.stop.event if self.stop else None)
        return "&".join(p for p in (to_query(state), self._chart_param(self.chart)) if p)

    def explorer_query(self) -> str:
        """The explorer at the same view, with the current step's event selected."""
        return to_query(self.view.state.with_event(self.stop.event if self.stop else None))


def split_step(query: str | None) -> tuple[str, str | None]:
    """(the query without `step`, the raw step value or None)."""
    params = parse_qs((query or "").lstrip("?"), keep_blank_values=True)
    raw = params.pop(STEP_KEY, [None])[-1]
    return urlencode([(k, v) for k, vs in params.items() for v in vs], safe=","), raw


def split_chart(query: str) -> tuple[str, str, str | None]:
    """(the query without `view`, the chart it names: '' or one of CHARTS, a notice when it names
    another)."""
    params = parse_qs((query or "").lstrip("?"), keep_blank_values=True)
    raw = (params.pop(CHART_KEY, [""])[-1] or "").strip()
    rest = urlencode([(k, v) for k, vs in params.items() for v in vs], safe=",")
    if raw and raw not in CHARTS:
        return (
            rest,
            "",
            f"Ignored '{CHART_KEY}={raw[:40]}': the presentation draws view=drift, or periods and moments without it.",
        )
    return rest, raw, None


def build_deck(cat: Catalogue, query: str | None) -> Deck:
    """The deck for a /present query: the filtered view, its steps and the current one."""
    rest, raw_step = split_step(query)
    rest, chart, chart_notice = split_chart(rest)
    v = view.build_view(cat, rest)
    notices = list(v.notices) + ([chart_notice] if chart_notice else [])
    shown = set(v.shown["id"])
    state = v.state
    if state.tour:
        tour = state.tour
        stops = tuple(s for s in tour.stops if s.event in shown)
        hidden = [s.event for s in tour.stops if s.event not in shown]
        if hidden:
            names = ", ".join(cat.vocab.events[e] for e in hidden[:5]) + (
                f" and {len(hidden) - 5} more" if len(hidden) > 5 else ""
            )
            notices.append(
                f"{len(hidden)} stop{'s' if len(hidden) != 1 else ''} of the tour "
                f"{'are' if len(hidden) != 1 else 'is'} left out by the filters: {names}."
            )
        title, description = tour.title, tour.description
    else:
        stops = tuple(Stop(e) for e in view.chronological(v.shown))
        title = "Bajor Timeline"
        description = (
            f"The Cardassian Occupation of Bajor: {len(stops)} event{'s' if len(stops) != 1 else ''} "
            "in date order, as the sources tell it."
        )
    step, step_notice = _step(raw_step, len(stops) + 1, [s.event for s in stops], state)
    if step_notice:
        notices.append(step_notice)
    return Deck(
        view=v, title=title, description=description, stops=stops, notices=tuple(notices), step=step, chart=chart
    )


def _step(raw: str | None, last: int, events: list[str], state: FilterState) -> tuple[int, str | None]:
    if raw is None or not raw.strip():
        # Opened on an event (event=...): start there; otherwise at the title.
        return (events.index(state.event) + 1 if state.event in events else 0), None
    try:
        step = int(raw)
    except ValueError:
        return 0, f"Ignored 'step={raw[:40]}': give a number from 0 (the title) to {last} (the end)."
    if not 0 <= step <= last:
        return min(
            max(step, 0), last
        ), f"There is no step {step}: the steps run from 0 (the title) to {last} (the end)."
    return step, None


@dataclass(frozen=True)
class EventStep:
    """What an event step shows: the event, its citations and verdict, and the chart around it."""

    event: dict
    citations: list[dict]
    verdict: str
    ranges: str
    note: str
    x_range: tuple[float, float]
    nearby: pd.DataFrame  # the events of the same kind (periods or moments) drawn around it


def event_extent(event: dict) -> tuple[float, float]:
    """The years an event's marks cover, with open bounds replaced by its best estimate."""
    finite = [
        float(v)
        for v in (
            event.get("start_earliest"),
            event.get("start_latest"),
            event.get("end_earliest"),
            event.get("end_latest"),
            event.get("best_start"),
            event.get("best_end"),
        )
        if v is not None and v == v and math.isfinite(float(v))
    ]
    if not finite:
        return 2300.0, 2420.0
    return min(finite), max(finite)


def window(event: dict) -> tuple[float, float]:
    """A year range centred on the event, wide enough to show it whole with room on each side."""
    lo, hi = event_extent(event)
    span = hi - lo
    half = max(MIN_WINDOW_YEARS / 2, span / 2 + max(3.0, 0.15 * span))
    centre = (lo + hi) / 2
    return centre - half, centre + half


def nearby(shown: pd.DataFrame, event: dict, x_range: tuple[float, float], limit: int = MAX_NEARBY) -> pd.DataFrame:
    """The events of the event's kind that overlap the range, the nearest `limit` of them (the
    event itself always among them), in table order."""
    same = shown[shown["is_point"].to_numpy(dtype=bool) == bool(event["is_point"])]
    if same.empty:
        return same
    s_lo, e_hi = events.first_year(same), events.last_year(same)
    lo, hi = x_range
    first = np.where(np.isfinite(s_lo), s_lo, events.column(same, "best_start"))
    last = np.where(np.isfinite(e_hi), e_hi, first)
    keep = (first <= hi) & (last >= lo)
    centre = (lo + hi) / 2
    distance = np.abs((np.clip(first, lo, hi) + np.clip(last, lo, hi)) / 2 - centre)
    distance = np.where(same["id"].to_numpy() == event["id"], -1.0, distance)
    order = np.argsort(np.where(keep, distance, np.inf), kind="stable")[:limit]
    chosen = np.zeros(len(same), dtype=bool)
    chosen[order] = True
    return same[chosen & (keep | (same["id"].to_numpy() == event["id"]))]


def event_step(cat: Catalogue, deck: Deck) -> EventStep | None:
    """What the deck's event step shows (None on the title and closing steps)."""
    stop = deck.stop
    if stop is None:
        return None
    shown = deck.view.shown
    event = shown[shown["id"] == stop.event].iloc[0].to_dict()
    state = deck.view.state
    cites = cat.citations(event["id"], state.tiers, state.asof, state.universe)
    x_range = window(event)
    return EventStep(
        event=event,
        citations=cites,
        verdict=explain.verdict(event, cites),
        ranges=explain.dates_in_words(event),
        note=stop.note,
        x_range=x_range,
        nearby=nearby(shown, event, x_range),
    )
