"""From a URL query to what a view shows (data only): the shown events, the summary, the year
window, the selection and its details, and the query the charts depend on.

`View` holds no figures and no components: renderers (dashboard/figures, dashboard/web, and
dashboard/formats) turn it into charts, a page, a presentation, an embed or a file. What a
reader's action does to the URL is dashboard/web/pages/explorer/actions.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote_plus

import numpy as np
import pandas as pd

from dashboard.domain import events, explain
from dashboard.domain.filters import FilterState, describe, parse_query, to_query, undated_works

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue


@dataclass(frozen=True)
class View:
    """Everything a view shows, as data."""

    state: FilterState
    notices: tuple[str, ...]
    shown: pd.DataFrame  # resolved events that pass the filters, in table order
    total: int
    summary: str
    x_range: tuple[float, float]
    selected: dict | None  # the selected event's resolved row
    query: str

    @property
    def filter_query(self) -> str:
        """The query without the selection: what the charts depend on."""
        return to_query(self.state.with_event(None))


@dataclass(frozen=True)
class Details:
    """What the details panel says about the selected event."""

    event: dict
    citations: list[dict]
    verdict: str
    ranges: str
    previous: str | None
    next: str | None
    position: int  # 1-based place among the shown events, in date order (0: not among them)
    count: int


MIN_WINDOW_YEARS = 10  # the chart's year window when a URL's one end lies beyond the events' other end


def year_window(year_from: int | None, year_to: int | None, extent: tuple[float, float]) -> tuple[float, float]:
    """The charts' x range: the URL's years where given (to the end of the `to` year), else the
    shown events' extent. Always increasing: a `from` past the events' last year (or a `to` before
    their first) opens a window of MIN_WINDOW_YEARS from that year (or up to it)."""
    lo = year_from if year_from is not None else extent[0]
    hi = year_to + 1 if year_to is not None else extent[1]
    if hi <= lo:
        if year_from is not None and year_to is None:
            hi = lo + MIN_WINDOW_YEARS
        else:
            lo = hi - MIN_WINDOW_YEARS
    return lo, hi


def build_view(cat: Catalogue, query: str) -> View:
    """What the page shows for this query string."""
    state, found, shown = cat.shown(query)
    notices = list(found)
    lo, hi = events.extent(shown if len(shown) else cat.resolved(state.tiers, state.asof, state.universe))
    x_range = year_window(state.year_from, state.year_to, (lo, hi))
    selected = None
    if state.event:
        selected = cat.row(state.event, state.tiers, state.asof, state.universe)
        if selected is None:
            notices.append(
                f"The selected event '{state.event}' has no source among the trusted tiers"
                + (f" released by {state.asof}." if state.asof is not None else ".")
            )
    return View(
        state=state,
        notices=tuple(notices),
        shown=shown,
        total=len(cat.tables.events),
        summary=summary(cat, state, len(shown)),
        x_range=x_range,
        selected=selected,
        query=to_query(state),
    )


def summary(cat: Catalogue, state: FilterState, shown: int) -> str:
    """The view in words (filters.describe), saying what an `asof` view leaves out."""
    text = describe(state, shown, len(cat.tables.events), cat.vocab)
    undated = undated_works(cat.tables) if state.asof is not None else 0
    if undated:
        text += f"; {undated} work{'s' if undated != 1 else ''} with no known release year left out"
    return text


def chronological(shown: pd.DataFrame, limit: int | None = None) -> list[str]:
    """The shown events' ids in date order (best start, then title): the order Previous/Next step in.
    With `limit`, only the first that many (sorting only the events that can be among them)."""
    if shown.empty:
        return []
    x = events.column(shown, "best_start")
    if limit is not None and len(x) > limit:
        key = np.where(np.isnan(x), np.inf, x)  # lexsort puts NaN last, after every year
        kth = np.partition(key, limit - 1)[limit - 1]
        shown = shown.iloc[np.flatnonzero(key <= kth)]
        x = events.column(shown, "best_start")
    order = np.lexsort((shown["title"].to_numpy(dtype=str), x))
    return list(shown["id"].to_numpy()[order][:limit])


def neighbours(shown: pd.DataFrame, event_id: str) -> tuple[str | None, str | None, int, int]:
    """(previous id, next id, 1-based position, count) of an event in chronological() order, without
    sorting every shown event (O(n) comparisons: a selection stays fast at 100,000 events)."""
    n = len(shown)
    ids = shown["id"].to_numpy(dtype=object)
    where = np.flatnonzero(ids == event_id)
    if not len(where):
        return None, None, 0, n
    k = int(where[0])
    b = events.column(shown, "best_start")
    titles = shown["title"].to_numpy(dtype=object)
    same = b == b[k]
    before, after = b < b[k], b > b[k]
    tie = np.flatnonzero(same)  # the same best start: title, then table order decide (as lexsort does)
    tie_key = [(titles[i], i) for i in tie]
    mine = (titles[k], k)
    before[tie] = [key < mine for key in tie_key]
    after[tie] = [key > mine for key in tie_key]

    def pick(mask, last: bool):
        if not mask.any():
            return None
        edge = b[mask].max() if last else b[mask].min()
        cand = np.flatnonzero(mask & (b == edge))
        keyed = [(titles[i], i) for i in cand]
        return ids[(max if last else min)(keyed)[1]]

    return pick(before, True), pick(after, False), int(before.sum()) + 1, n


def details(cat: Catalogue, v: View) -> Details | None:
    """The selected event's verdict, ranges, citations and neighbours (None without a selection)."""
    if v.selected is None:
        return None
    event = v.selected
    cites = cat.citations(event["id"], v.state.tiers, v.state.asof, v.state.universe)
    previous, following, position, count = neighbours(v.shown, event["id"])
    return Details(
        event=event,
        citations=cites,
        verdict=explain.verdict(event, cites),
        ranges=explain.dates_in_words(event),
        previous=previous,
        next=following,
        position=position,
        count=count,
    )


SELECTION_KEYS = ("event", "step")  # the parts of a query that select, not filter


def _form(text: str) -> str:
    """application/x-www-form-urlencoded as browsers write it (URLSearchParams): space as '+', and
    every byte but ASCII letters, digits and *-._ percent-encoded."""
    return quote_plus(text, safe="*").replace("~", "%7E")


def filter_key(search: str | None) -> str:
    """What the charts depend on: the query without its selection, written exactly as the browser
    writes it (assets/explorer.js filterKey), so charts drawn for a key are known to be up to date."""
    pairs = parse_qsl((search or "").lstrip("?"), keep_blank_values=True, errors="replace")
    return "&".join(f"{_form(k)}={_form(v)}" for k, v in pairs if k not in SELECTION_KEYS)


def with_event(query: str, event: str | None, cat: Catalogue) -> str:
    """The same view with another selection ('?'-prefixed, or '' for the default view)."""
    state, _ = parse_query(query or "", cat.vocab)
    q = to_query(state.with_event(event))
    return "?" + q if q else ""
