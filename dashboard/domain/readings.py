"""Readings: the claims dating one side of an event, grouped by whether they can all be true at once.

The one home of the rule. Claims whose date ranges all overlap each other are one reading; two
claims that do not overlap are in different readings (the dispute rule), even when a vague claim
(`../2328`) overlaps both. With the claims of a side sorted by (earliest, latest), a claim joins
the reading being built when its earliest year is no later than every member's latest, else it
opens the next one (a later claim can never fit an earlier reading: it starts after one of that
reading's members ends).

`group` applies the rule to many events at once (numpy, a loop only over "the k-th claim of an
event", vectorised across events), which is what resolution uses at 100,000 events; `of_citations`
gives the same readings for one event's citations (the verdict, the exports). An event whose side
has one reading keeps `()` in its `start_readings`/`end_readings` column (the envelope is that
reading); a side with two or more keeps a tuple of `Reading`s in date order.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from dashboard.domain import dates, words


class Reading(NamedTuple):
    """One reading of a side: its range, where its best estimate is drawn, what it says in words
    (its most precise claim's label), and the works that give it (titles, file order)."""

    earliest: float
    latest: float
    best: float
    said: str
    sources: tuple[str, ...]


class Grouped(NamedTuple):
    """`group`'s answer: each claim's reading (-1 when undated) and, per reading (ordered by event,
    then date), its event code and its hull."""

    of_claim: np.ndarray
    event: np.ndarray
    earliest: np.ndarray
    latest: np.ndarray


def group(codes: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> Grouped:
    """Group dated claims (lo not NaN) into readings per event code (see the module doc)."""
    codes = np.asarray(codes, dtype=np.int64)
    lo, hi = np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)
    of_claim = np.full(len(lo), -1, dtype=np.int64)
    dated = np.flatnonzero(~np.isnan(lo))
    if not len(dated):
        empty = np.empty(0)
        return Grouped(of_claim, np.empty(0, dtype=np.int64), empty, empty)
    order = dated[np.lexsort((hi[dated], lo[dated], codes[dated]))]  # stable: file order breaks ties
    g, a, b = codes[order], lo[order], hi[order]
    m = len(order)
    first = np.ones(m, dtype=bool)
    first[1:] = g[1:] != g[:-1]
    starts = np.flatnonzero(first)
    ordinal = np.cumsum(first) - 1  # the event's place among the events with dated claims
    k = np.arange(m) - starts[ordinal]  # the claim's place within its event
    new = first.copy()
    least_latest = b[starts].copy()  # per event: the smallest latest of the reading being built
    by_k = np.argsort(k, kind="stable")
    cuts = np.searchsorted(k[by_k], np.arange(1, int(k.max()) + 2))
    for j in range(1, int(k.max()) + 1):  # the j-th claim of every event at once
        at = by_k[cuts[j - 1] : cuts[j]]
        e = ordinal[at]
        opens = a[at] > least_latest[e]
        new[at] = opens
        least_latest[e] = np.where(opens, b[at], np.minimum(least_latest[e], b[at]))
    reading = np.cumsum(new) - 1
    of_claim[order] = reading
    n = int(reading[-1]) + 1
    r_lo = np.full(n, np.inf)
    r_hi = np.full(n, -np.inf)
    np.minimum.at(r_lo, reading, a)
    np.maximum.at(r_hi, reading, b)
    return Grouped(of_claim, g[new], r_lo, r_hi)


def best_of(reading: np.ndarray, n: int, rank, lo, hi) -> np.ndarray:
    """Per reading, the position of its best claim: strongest tier, then narrowest, then first in
    file (the event's own date belongs to one reading, so it picks no reading's best)."""
    idx = np.flatnonzero(reading >= 0)
    r = reading[idx]
    with np.errstate(invalid="ignore"):
        width = hi[idx] - lo[idx]
    sort = np.lexsort((idx, width, rank[idx], r))
    r_sorted = r[sort]
    first = np.ones(len(sort), dtype=bool)
    first[1:] = r_sorted[1:] != r_sorted[:-1]
    best = np.full(n, -1, dtype=np.int64)
    best[r_sorted[first]] = idx[sort[first]]
    return best


def narrowest_of(reading: np.ndarray, n: int, lo, hi) -> np.ndarray:
    """Per reading, the position of its most precise claim (first in file among equals)."""
    idx = np.flatnonzero(reading >= 0)
    with np.errstate(invalid="ignore"):
        width = hi[idx] - lo[idx]
    sort = np.lexsort((idx, width, reading[idx]))
    r_sorted = reading[idx][sort]
    first = np.ones(len(sort), dtype=bool)
    first[1:] = r_sorted[1:] != r_sorted[:-1]
    out = np.full(n, -1, dtype=np.int64)
    out[r_sorted[first]] = idx[sort[first]]
    return out


def of_citations(citations: list[dict], key: str) -> list[tuple[dates.Interval, list[dict]]]:
    """One event's citations dating `key` ('start' or 'end') grouped into readings:
    [(the reading's envelope, its claims in date order)], in date order."""
    dated = [c for c in citations if c.get(f"{key}_iv") is not None]
    if not dated:
        return []
    lo = np.array([c[f"{key}_iv"].earliest for c in dated])
    hi = np.array([c[f"{key}_iv"].latest for c in dated])
    grouped = group(np.zeros(len(dated), dtype=np.int64), lo, hi)
    members: list[list[dict]] = [[] for _ in grouped.event]
    for i in np.lexsort((hi, lo)):  # date order within a reading, as the claims were sorted
        members[grouped.of_claim[i]].append(dated[i])
    return [(dates.hull([m[f"{key}_iv"] for m in ms]), ms) for ms in members]


def said(members: list[dict], key: str) -> str:
    """A reading in words: what its most precise claim says."""
    narrowest = min(members, key=lambda c: c[f"{key}_iv"].width)
    return words.edtf(narrowest[f"{key}_iv"].label)


def listed(citations: list[dict], key: str) -> list[dict]:
    """The readings of one side as the exports give them: [{earliest, latest, sources: [work
    titles]}] in date order (open bounds as None), one item when the sources agree."""
    out = []
    for iv, members in of_citations(citations, key):
        out.append(
            {
                "earliest": None if math.isinf(iv.earliest) else float(iv.earliest),
                "latest": None if math.isinf(iv.latest) else float(iv.latest),
                "sources": list(dict.fromkeys(c["source"] for c in members)),
            }
        )
    return out


def in_words(citations: list[dict], key: str) -> str:
    """The readings of one side in words, for a CSV cell: '2346 (Waltz) or 2359 (Things Past, Waltz)';
    one reading without its sources ('' when no source dates the side)."""
    groups = of_citations(citations, key)
    if len(groups) == 1:
        return said(groups[0][1], key)
    return " or ".join(f"{said(ms, key)} ({', '.join(dict.fromkeys(c['source'] for c in ms))})" for _, ms in groups)


def one_or(items: list[str]) -> str:
    """'2346', '2346 or 2359', '2309, 2319 or 2328'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def side_in_words(row: dict, side: str) -> str | None:
    """A resolved row's split side in words ('2346 or 2359'), or None when its sources agree."""
    split = row.get(f"{side}_readings") or ()
    if len(split) < 2:
        return None
    return one_or(list(dict.fromkeys(r.said for r in split)))


def tick(lo: np.ndarray, hi: np.ndarray, is_point: np.ndarray) -> np.ndarray:
    """Where to draw a best start: a bar starts at its earliest; a moment known only to within
    more than a year sits at the middle of its range (open ranges at their one finite end)."""
    with np.errstate(invalid="ignore"):
        width = hi - lo
        mid = (lo + hi) / 2
    out = np.where(is_point & (width > 1.0), mid, lo)
    out = np.where(np.isposinf(hi), lo, out)
    return np.where(np.isneginf(lo), hi, out)


class Side(NamedTuple):
    """One side of the trusted claims, as resolution holds them (arrays per claim)."""

    name: str  # 'start' or 'end'
    lo: np.ndarray
    hi: np.ndarray
    labels: np.ndarray


def split_column(codes, n: int, side: Side, rank, event_best: np.ndarray, is_point, titles) -> np.ndarray:
    """Per resolved event, its readings of `side` when there are two or more (a tuple of
    `Reading`s in date order), else `()`: the envelope is the one reading. The reading holding the
    event's best claim (`event_best`: its position per event, -1 for none) keeps it as its best; the
    others take their own. Numpy throughout; Python touches only the claims of split sides."""
    out = np.empty(n, dtype=object)
    out.fill(())
    g = group(codes, side.lo, side.hi)
    per_event = np.bincount(g.event, minlength=n)
    split = per_event[g.event] > 1  # per reading: its event has other readings
    if not split.any():
        return out
    best = best_of(g.of_claim, len(g.event), rank, side.lo, side.hi)
    held = event_best[event_best >= 0]
    best[g.of_claim[held]] = held  # the event's best estimate is its reading's
    narrow = narrowest_of(g.of_claim, len(g.event), side.lo, side.hi)
    if side.name == "start":
        at = tick(side.lo[best], side.hi[best], is_point[g.event])
    else:
        at = side.hi[best]
    rs = np.flatnonzero(split)  # the readings drawn apart, grouped by event (g.event is sorted)
    # each reading's works: distinct titles in file order (one numpy pass, then one tuple per reading)
    claims = np.flatnonzero((g.of_claim >= 0) & split[np.maximum(g.of_claim, 0)])
    title_code, title_names = pd.factorize(titles[claims])
    key = g.of_claim[claims].astype(np.int64) * max(len(title_names), 1) + title_code
    _, first = np.unique(key, return_index=True)
    keep = np.sort(first)  # each (reading, work) once, in file order
    keep = keep[np.argsort(g.of_claim[claims][keep], kind="stable")]
    owner = g.of_claim[claims][keep]
    cuts = np.flatnonzero(np.diff(owner)) + 1
    listed = np.asarray(title_names, dtype=object)[title_code[keep]].tolist()
    lo_cut, hi_cut = np.r_[0, cuts].tolist(), np.r_[cuts, len(keep)].tolist()
    works = dict(zip(owner[np.r_[0, cuts]].tolist(), (tuple(listed[a:b]) for a, b in zip(lo_cut, hi_cut))))
    # what each reading says in words, each distinct label put in words once
    label_code, label_names = pd.factorize(side.labels[narrow[rs]])
    said = [words.edtf(x) for x in label_names]
    items = [
        Reading(lo, hi, at_r, said[lc], works[r])
        for r, lo, hi, at_r, lc in zip(
            rs.tolist(), g.earliest[rs].tolist(), g.latest[rs].tolist(), at[rs].tolist(), label_code.tolist()
        )
    ]
    events = g.event[rs]
    bounds = np.flatnonzero(np.diff(events)) + 1
    starts = np.r_[0, bounds]
    ends = np.r_[bounds, len(rs)]
    for e, a, b in zip(events[starts].tolist(), starts.tolist(), ends.tolist()):
        out[e] = tuple(items[a:b])  # (a list assigned at once would be read by numpy as a 2-d array)
    return out


def period_words(start: str, end: str | None, start_split: tuple, end_split: tuple) -> str:
    """A best estimate in words (words.period) where a split side says its readings instead:
    'from 2346 or 2359 to 2369', '2346 or 2359' for a moment."""
    if not start_split and not end_split:
        return words.period(start, end)
    a = one_or(list(dict.fromkeys(r.said for r in start_split))) if start_split else words.edtf(start)
    if not end:
        return a
    b = one_or(list(dict.fromkeys(r.said for r in end_split))) if end_split else words.edtf(end)
    return f"from {a} to {b}"


def listed_in_words(listed: list[dict], sources: bool = True) -> str:
    """An export's readings of a side in words: '2346 (Waltz, Things Past) or 2359 (Things Past)',
    or without the works '2346 or 2359' ('' when no source dates the side)."""

    def span(r: dict) -> str:
        lo = -math.inf if r["earliest"] is None else r["earliest"]
        hi = math.inf if r["latest"] is None else r["latest"]
        said = words.span(lo, hi)
        return f"{said} ({', '.join(r['sources'])})" if sources else said

    return " or ".join(span(r) for r in listed)


def record_words(rec: dict) -> str:
    """An export record's best estimate in words, where a split side says its readings:
    'from 2346 or 2359 to 2369' (the record's start_readings/end_readings, as `listed` gives them)."""
    sides = []
    for side in ("start", "end") if rec.get("end") else ("start",):
        listed = rec.get(f"{side}_readings") or []
        sides.append(listed_in_words(listed, sources=False) if len(listed) > 1 else None)
    if not any(sides):
        return words.period(rec["start"], rec.get("end"))
    a = sides[0] or words.edtf(rec["start"])
    if not rec.get("end"):
        return a
    return f"from {a} to {sides[1] or words.edtf(rec['end'])}"
