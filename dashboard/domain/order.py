"""The classroom's "put these in order" exercise (/order) as data: which events, shuffled how, and
the honest grade of an answer. No Dash: dashboard/web/pages/order/ draws it.

    query ─ split ─▶ the filters (Catalogue.shown) + events= / n= / seed= ─▶ Exercise (cards, shuffled)
    answer=ID,ID,... ─▶ grade ─▶ Result: "N of M orderings the sources settle are right"

The grading rule: a pair of cards counts only when the trusted sources settle its order, that is
when one event's last possible year (events.last_year) comes before the other's first possible year
(events.first_year), on the ranges resolved for the trusted tiers and `asof`. Any other pair is
open: never marked wrong, and the result says why (a dispute, an overlap, no date). The settled
pairs form an interval order (transitive), so an order that gets every one right always exists
(`true_order`).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode

import numpy as np

from dashboard.domain import events, explain, words
from dashboard.domain.citations import wiki
from dashboard.domain.filters import FilterState, plain_query, to_query
from dashboard.domain.view import summary
from dashboard.domain.words import hide_years

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

KEYS = ("events", "n", "seed", "answer")  # the exercise's own parameters, beside the filters
MAX_CARDS = 16  # the most cards an exercise deals (the overview tour's fourteen fit)
DEFAULT_N = 8  # dealt from a larger set when n= is not given
DEFAULT_SEED = 1
MAX_SEED = 10**9
MAX_IDS = 64  # ids read from events= or answer=; the rest are ignored with a notice

Span = tuple[float, float]  # an event's (first possible year, last possible year)


def split(query: str | None) -> tuple[str, dict[str, str]]:
    """(the query without the exercise's own keys, those keys' raw values)."""
    params = parse_qs(plain_query(query).lstrip("?"), keep_blank_values=True)
    own = {k: params.pop(k)[-1] for k in KEYS if k in params}
    return urlencode([(k, v) for k, vs in params.items() for v in vs], safe=","), own


# The grading rule, on plain spans (the hypothesis tests drive these directly).


def before(a: Span, b: Span) -> bool:
    """Do the sources settle that `a` comes before `b`: a's last possible year before b's first?"""
    return a[1] < b[0]


def settled(a: Span, b: Span) -> bool:
    return before(a, b) or before(b, a)


def score(answer: Sequence[str], spans: Mapping[str, Span]) -> tuple[int, int]:
    """(right, settled): of the pairs whose order the sources settle, how many the answer has right."""
    right = total = 0
    for i, a in enumerate(answer):
        for b in answer[i + 1 :]:
            if before(spans[a], spans[b]):
                right += 1
                total += 1
            elif before(spans[b], spans[a]):
                total += 1
    return right, total


def true_order(spans: Mapping[str, Span]) -> list[str]:
    """An order that gets every settled pair right: by last possible year, then first (if a's last
    is before b's first, it is before b's last too)."""
    return sorted(spans, key=lambda i: (spans[i][1], spans[i][0], i))


@dataclass(frozen=True)
class Pair:
    first: str  # as the answer places them
    second: str
    status: str  # 'right', 'wrong' or 'open'
    why: str = ""  # for an open pair: why the sources leave it open


def pairs(answer: Sequence[str], spans: Mapping[str, Span]) -> list[Pair]:
    """Every pair of the answer, in its order, with its status."""
    out = []
    for i, a in enumerate(answer):
        for b in answer[i + 1 :]:
            status = "right" if before(spans[a], spans[b]) else "wrong" if before(spans[b], spans[a]) else "open"
            out.append(Pair(a, b, status))
    return out


# The exercise.


@dataclass(frozen=True)
class Card:
    id: str
    title: str  # years blanked (hide_years)
    summary: str  # years blanked
    event: dict  # the resolved row (its real title, its ranges)


@dataclass(frozen=True)
class Exercise:
    state: FilterState
    notices: tuple[str, ...]
    summary: str  # the view in words
    cards: tuple[Card, ...]  # dealt and shuffled: the order the student starts from
    seed: int
    query: str  # the exercise's own query (filters, events=, n=, seed=), without the answer
    answer: tuple[str, ...] | None  # a complete answer from the URL, or None
    spans: dict[str, Span]  # id -> (events.first_year, events.last_year) on the trusted ranges

    def answer_query(self, ids: Sequence[str]) -> str:
        """The exercise's query with an answer: what Check writes into the URL."""
        return "&".join(p for p in (self.query, urlencode([("answer", ",".join(ids))], safe=",")) if p)


def spans_of(frame) -> dict[str, Span]:
    """Each event's first and last possible year, by id (events.first_year/last_year: the one home of the rule)."""
    return dict(zip(frame["id"], zip(events.first_year(frame).tolist(), events.last_year(frame).tolist())))


def _ids(raw: str) -> tuple[list[str], bool]:
    items = list(dict.fromkeys(i.strip() for i in raw.split(",") if i.strip()))
    return items[:MAX_IDS], len(items) > MAX_IDS


def _int(raw: str | None, name: str, lo: int, hi: int, notices: list[str]) -> int | None:
    if raw is None or not raw.strip():
        return None
    try:
        value = int(raw.strip())
    except ValueError:
        notices.append(f"Ignored '{name}={raw[:40]}': give a whole number from {lo} to {hi}.")
        return None
    if not lo <= value <= hi:
        notices.append(f"Ignored '{name}={value}': give a whole number from {lo} to {hi}.")
        return None
    return value


def _pool(cat: Catalogue, state: FilterState, shown, raw_events: str | None, notices: list[str]) -> list[str]:
    """The events to deal from: events= (in its order), else a tour's stops, else the shown events."""
    present = set(shown["id"])
    if raw_events is not None:
        wanted, cut = _ids(raw_events)
        if cut:
            notices.append(f"Read only the first {MAX_IDS} ids of 'events='.")
        unknown = [i for i in wanted if i not in cat.vocab.events]
        out = [i for i in wanted if i in present]
        left = [i for i in wanted if i in cat.vocab.events and i not in present]
        if unknown:
            notices.append(f"Ignored unknown event id(s) {', '.join(repr(u[:60]) for u in unknown[:10])}.")
        if left:
            notices.append(
                f"Left out {', '.join(cat.vocab.events[i] for i in left[:10])}: not shown with these filters "
                "(no trusted source, or filtered out)."
            )
        return out
    if state.tour:
        return [e for e in state.tour.events if e in present]
    return list(shown["id"])


def build(cat: Catalogue, query: str | None) -> Exercise:
    """The exercise a /order query asks for: its cards dealt and shuffled, and its answer if any."""
    rest, own = split(query)
    state, found, shown = cat.shown(rest)
    notices = list(found)
    if state.event:
        notices.append("Ignored 'event=': the exercise uses events=ID,ID,... to choose its cards.")
        state = state.with_event(None)
    seed = _int(own.get("seed"), "seed", 0, MAX_SEED, notices)
    seed = DEFAULT_SEED if seed is None else seed
    n = _int(own.get("n"), "n", 2, MAX_CARDS, notices)
    pool = _pool(cat, state, shown, own.get("events"), notices)
    if n is None and len(pool) > MAX_CARDS:
        n = DEFAULT_N
        notices.append(f"Dealt {n} of the {len(pool)} events at random (seed {seed}); n= deals up to {MAX_CARDS}.")
    if n is not None and n < len(pool):
        chosen = set(random.Random(f"deal:{seed}").sample(pool, n))
        pool = [e for e in pool if e in chosen]
    if len(pool) < 2:
        notices.append("An exercise needs at least two events: widen the filters or name more with events=.")
    dealt = shown[shown["id"].isin(set(pool))]
    rows = {r["id"]: r for r in dealt.to_dict("records")}
    spans = spans_of(dealt)
    order = _shuffled(pool, seed, spans)
    cards = tuple(Card(e, hide_years(rows[e]["title"]), hide_years(rows[e]["summary"]), rows[e]) for e in order)
    q = [("events", ",".join(pool))] if "events" in own else []
    q += [("n", str(n))] if "n" in own and n is not None else []
    exercise_query = "&".join(p for p in (to_query(state), urlencode([*q, ("seed", str(seed))], safe=",")) if p)
    answer = _answer(own.get("answer"), [c.id for c in cards], notices)
    return Exercise(
        state=state,
        notices=tuple(notices),
        summary=summary(cat, state, len(shown)),
        cards=cards,
        seed=seed,
        query=exercise_query,
        answer=answer,
        spans=spans,
    )


def _shuffled(ids: list[str], seed: int, spans: Mapping[str, Span]) -> list[str]:
    """The cards in a seeded random order that is not already right (when any other order exists)."""
    out = list(ids)
    random.Random(f"shuffle:{seed}:{','.join(ids)}").shuffle(out)
    right, total = score(out, spans)
    if len(out) > 1 and total and right == total:
        out = out[1:] + out[:1]
    return out


def _answer(raw: str | None, cards: list[str], notices: list[str]) -> tuple[str, ...] | None:
    if raw is None:
        return None
    given, _ = _ids(raw)
    if sorted(given) != sorted(cards):
        notices.append(
            "The answer in this link does not hold exactly this exercise's cards (were the filters changed?), "
            "so it is not graded."
        )
        return None
    return tuple(given)


# The result.


@dataclass(frozen=True)
class Result:
    right: int
    settled: int
    placed: tuple[Card, ...]  # in the answer's order
    pairs: tuple[Pair, ...]  # every pair; open ones with their reason
    dates: dict[str, str]  # id -> the dates in words (explain.dates_in_words)

    @property
    def headline(self) -> str:
        if not self.settled:
            return "The sources settle none of these orderings: every order is as good as any other."
        return f"{self.right} of {self.settled} orderings the sources settle are right."

    @property
    def wrong(self) -> list[Pair]:
        return [p for p in self.pairs if p.status == "wrong"]

    @property
    def open(self) -> list[Pair]:
        return [p for p in self.pairs if p.status == "open"]


def grade(cat: Catalogue, ex: Exercise) -> Result | None:
    """The answer graded (None without one), with the reason for every open pair."""
    if ex.answer is None:
        return None
    by_id = {c.id: c for c in ex.cards}
    spans = ex.spans
    cites = cat.citations_of(list(by_id), ex.state.tiers, ex.state.asof)
    graded = []
    for p in pairs(ex.answer, spans):
        if p.status == "open":
            a, b = by_id[p.first].event, by_id[p.second].event
            why = why_open(a, b, cites[a["id"]], cites[b["id"]], spans[a["id"]], spans[b["id"]])
            p = Pair(p.first, p.second, "open", why)
        graded.append(p)
    right, total = score(ex.answer, spans)
    return Result(
        right=right,
        settled=total,
        placed=tuple(by_id[i] for i in ex.answer),
        pairs=tuple(graded),
        dates={i: explain.dates_in_words(c.event) for i, c in by_id.items()},
    )


Reading = tuple[float, list[str], str]  # (a year bound, the wikis that read it, the reading in words)


def _lasts(event: dict, cites: list[dict], fallback: Span) -> list[Reading]:
    """An event's readings of when it was over at the latest: (latest year, wikis, 'ended 2357')."""
    key = "start" if event["is_point"] else "end"
    verb = "happened" if event["is_point"] else "ended"
    groups = explain.readings(cites, key)
    return [(iv.latest, [wiki(c) for c in m], f"{verb} {words.span(iv.earliest, iv.latest)}") for iv, m in groups] or [
        (fallback[1], [], "")
    ]


def _firsts(event: dict, cites: list[dict], fallback: Span) -> list[Reading]:
    verb = "happened" if event["is_point"] else "began"
    groups = explain.readings(cites, "start")
    return [
        (iv.earliest, [wiki(c) for c in m], f"{verb} {words.span(iv.earliest, iv.latest)}") for iv, m in groups
    ] or [(fallback[0], [], "")]


def _who(names: list[str], limit: int = 3) -> str:
    """Wikis in a few words: 'Memory Beta', 'Memory Beta and Memory Alpha', 'A, B, C and 2 more'."""
    names = list(dict.fromkeys(n for n in names if n))
    if not names:
        return "our editorial date"
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _puts_verb(who: str) -> str:
    return "put" if " and " in who else "puts"


def _puts(a: dict, ca: list[dict], sa: Span, b: dict, cb: list[dict], sb: Span) -> list[tuple[Reading, Reading]]:
    """The pairs of readings (one of a's end, one of b's start) that put `a` wholly before `b`."""
    return [(ra, rb) for ra in _lasts(a, ca, sa) for rb in _firsts(b, cb, sb) if ra[0] < rb[0]]


def _wikis(combos: list[tuple[Reading, Reading]]) -> list[str]:
    """Who puts one event first: the wikis whose own readings of both events do (else every wiki involved)."""
    both = [w for ra, rb in combos for w in ra[1] if w in rb[1]]
    return both or [w for ra, rb in combos for w in ra[1] + rb[1]]


def why_open(a: dict, b: dict, ca: list[dict], cb: list[dict], sa: Span, sb: Span) -> str:
    """Why the trusted sources leave the order of two events open, in plain words (`ca`, `cb`: their
    trusted citations; `sa`, `sb`: their spans)."""
    ta, tb = a["title"], b["title"]
    a_first, b_first = _puts(a, ca, sa, b, cb, sb), _puts(b, cb, sb, a, ca, sa)
    if a_first and b_first:
        who_a, who_b = _who(_wikis(a_first)), _who(_wikis(b_first))
        if who_a == who_b:
            return f"the sources disagree: {who_a} {_puts_verb(who_a)} {ta} first in some readings, {tb} in others."
        return f"the sources disagree: {who_a} {_puts_verb(who_a)} {ta} first, {who_b} {tb}."
    if a_first or b_first:
        (ra, rb), first, other = (a_first[0], ta, tb) if a_first else (b_first[0], tb, ta)
        return (
            f"the sources do not settle it: if {first} {ra[2]} ({_who(ra[1])}) and {other} {rb[2]} "
            f"({_who(rb[1])}), {first} came first, but other readings let the two overlap."
        )
    for x, sx, sy, tx, ty in ((a, sa, sb, ta, tb), (b, sb, sa, tb, ta)):
        if not np.isfinite(sx).any():
            return f"no trusted source dates {tx}."
        if not x["is_point"] and _within(sy, x):
            return f"{ty} happened while {tx} was under way."
    return (
        f"their dates overlap: {ta} ({explain.dates_in_words(a).lower()}) and {tb} "
        f"({explain.dates_in_words(b).lower()})."
    )


def _within(inner: Span, outer: dict) -> bool:
    """Is a span sure to fall inside the period `outer` (after its latest start, before its earliest end)?"""
    first, last = inner
    start_latest, end_earliest = outer.get("start_latest"), outer.get("end_earliest")
    if start_latest is None or end_earliest is None or start_latest != start_latest or end_earliest != end_earliest:
        return False
    return bool(first >= start_latest and last <= end_earliest)
