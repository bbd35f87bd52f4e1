"""The classroom's "which source do you trust?" exercise (/judge) as data. No Dash:
dashboard/web/pages/judge/ draws it.

    /judge?<filters>                          the disputed events of the view, to choose from
    /judge?event=ID&<filters>                 a card per trusted claim, dates hidden
    /judge?event=ID&trust=2,5&verdict=...     the answer: the range the ticked claims give, beside
                                              the full set's, and the other readings

Claims are numbered 1, 2, ... in the order of the event's claims in claims.csv, counting every
claim (whatever the trusted tiers), so a number names the same claim in every view of the event.
The verdict is the student's text: bounded (MAX_VERDICT), and only ever shown as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode

from dashboard.domain import dates, explain, words
from dashboard.domain.citations import wiki
from dashboard.domain.filters import FilterState, plain_query, to_query
from dashboard.domain.schema import TIERS
from dashboard.domain.view import chronological, summary
from dashboard.domain.words import hide_years

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

KEYS = ("trust", "verdict")  # the exercise's own parameters, beside the filters and event=
MAX_VERDICT = 280  # characters of a verdict kept from the URL


def split(query: str | None) -> tuple[str, dict[str, str]]:
    """(the query without the exercise's own keys, those keys' raw values)."""
    params = parse_qs(plain_query(query).lstrip("?"), keep_blank_values=True)
    own = {k: params.pop(k)[-1] for k in KEYS if k in params}
    return urlencode([(k, v) for k, vs in params.items() for v in vs], safe=","), own


@dataclass(frozen=True)
class Claim:
    number: int  # 1-based, among all the event's claims in file order
    citation: dict  # resolve.citations' record

    @property
    def work(self) -> str:
        return self.citation["source"]

    @property
    def kind(self) -> str:
        """'episode, DS9' (the medium and the series)."""
        return ", ".join(str(x) for x in (self.citation.get("medium"), self.citation.get("series")) if x)

    @property
    def released(self) -> str:
        r = self.citation.get("released")
        return str(r) if r not in (None, "") and r == r else "year unknown"

    @property
    def wiki(self) -> str:
        return wiki(self.citation)

    @property
    def tier(self) -> str:
        return self.citation["tier"]

    @property
    def hidden(self) -> str:
        """What it says, its years blanked (before the student has chosen)."""
        return hide_years(self.citation.get("note") or "")

    @property
    def says(self) -> str:
        return self.citation.get("note") or ""

    @property
    def dates(self) -> str:
        """Its dates in words, and what it states."""
        c = self.citation
        when = (
            words.period(c["start"], c.get("end"))
            if c.get("start")
            else (f"ended {words.edtf(c['end'])}" if c.get("end") else "gives no date")
        )
        return when + (f"; states: {c['value']}" if c.get("value") else "")


@dataclass(frozen=True)
class Judgement:
    state: FilterState
    notices: tuple[str, ...]
    summary: str
    event: dict | None  # the resolved row of the event judged (None: the list of disputed events)
    claims: tuple[Claim, ...]  # the trusted claims, numbered
    trust: tuple[int, ...] | None  # the claims ticked (None: not answered yet)
    verdict: str
    choices: tuple[tuple[str, str], ...]  # (id, title) of the disputed events, without event=
    query: str  # filters and event=, without the answer

    def answer_query(self, trust, verdict: str) -> str:
        """The query with an answer: what the student's 'Show the dates' writes into the URL."""
        keep = sorted({int(t) for t in trust or () if str(t).isdigit()})
        extra = urlencode([("trust", ",".join(map(str, keep))), ("verdict", (verdict or "").strip()[:MAX_VERDICT])])
        return "&".join(p for p in (self.query, extra) if p)


def build(cat: Catalogue, query: str | None) -> Judgement:
    """The exercise a /judge query asks for."""
    rest, own = split(query)
    state, found, shown = cat.shown(rest)
    notices = list(found)
    text = " ".join((own.get("verdict") or "").split())
    if len(text) > MAX_VERDICT:
        notices.append(f"The verdict was cut to {MAX_VERDICT} characters.")
        text = text[:MAX_VERDICT]
    event = cat.row(state.event, state.tiers, state.asof) if state.event else None
    if state.event and event is None:
        notices.append(f"No trusted source cites '{state.event}' in this view.")
    claims: tuple[Claim, ...] = ()
    trust = None
    if event is not None:
        claims = numbered(cat, event["id"], state)
        trust = _trust(own.get("trust"), claims, notices)
    disputed = shown[shown["disputed"].to_numpy(dtype=bool)] if event is None else shown.iloc[:0]
    choices = tuple((e, cat.vocab.events[e]) for e in chronological(disputed))
    return Judgement(
        state=state,
        notices=tuple(notices),
        summary=summary(cat, state, len(shown)),
        event=event,
        claims=claims,
        trust=trust,
        verdict=text if trust is not None else "",
        choices=choices,
        query=to_query(state if event is not None else state.with_event(None)),
    )


def numbered(cat: Catalogue, event_id: str, state: FilterState) -> tuple[Claim, ...]:
    """The event's trusted claims, each with its number among all its claims (file order)."""
    every = cat.citations(event_id, TIERS)
    trusted = cat.citations(event_id, state.tiers, state.asof)
    out, used = [], set()
    for c in trusted:
        n = next(i for i, d in enumerate(every) if i not in used and _same(c, d))
        used.add(n)
        out.append(Claim(n + 1, c))
    return tuple(out)


def _same(a: dict, b: dict) -> bool:
    return all(a.get(k) == b.get(k) for k in ("source", "medium", "page", "start", "end", "value", "note"))


def _trust(raw: str | None, claims: tuple[Claim, ...], notices: list[str]) -> tuple[int, ...] | None:
    if raw is None:
        return None
    known = {c.number for c in claims}
    items = [i.strip() for i in raw.split(",") if i.strip()][: len(claims) + 10]
    good = [int(i) for i in items if i.isdigit() and int(i) in known]
    bad = [i for i in items if not (i.isdigit() and int(i) in known)]
    if bad:
        notices.append(
            f"Ignored claim number(s) {', '.join(repr(b[:12]) for b in bad[:5])}: "
            f"this view's claims are {', '.join(str(c.number) for c in claims)}."
        )
    return tuple(sorted(set(good)))


@dataclass(frozen=True)
class Reading:
    when: str  # in words
    who: str  # the works and wikis
    numbers: tuple[int, ...]
    trusted: bool  # holds a claim the student ticked


@dataclass(frozen=True)
class Outcome:
    chosen: str  # the range the ticked claims give, in words
    full: str  # the range every trusted claim gives
    readings: tuple[Reading, ...]  # every reading of the claims (start, then end)
    conflict: str  # when the ticked claims disagree among themselves: how
    values: tuple[str, ...]  # what the ticked claims state (a number, a cause), if anything


def outcome(j: Judgement) -> Outcome | None:
    """What the student's choice gives (None before they have chosen)."""
    if j.trust is None or j.event is None:
        return None
    ticked = [c for c in j.claims if c.number in j.trust]
    everything = [c.citation for c in j.claims]
    chosen = [c.citation for c in ticked]
    point = bool(j.event["is_point"])
    readings = []
    conflict = []
    for key in ("start",) if point else ("start", "end"):
        groups = explain.readings(everything, key)
        for iv, members in groups:
            numbers = tuple(c.number for c in j.claims if any(m is c.citation for m in members))
            side = "" if point else ("began " if key == "start" else "ended ")
            readings.append(_reading(side + words.interval(iv), members, numbers, j.trust))
        mine = explain.readings(chosen, key)
        if len(mine) > 1:
            conflict.append(f"{'they' if point else ('their starts' if key == 'start' else 'their ends')} differ")
    stated: dict[str, list[Claim]] = {}
    for c in j.claims:
        if c.citation.get("value"):
            stated.setdefault(c.citation["value"].casefold(), []).append(c)
    for group in stated.values():
        numbers = tuple(c.number for c in group)
        readings.append(
            _reading(f"states: {group[0].citation['value']}", [c.citation for c in group], numbers, j.trust)
        )
    values = tuple(dict.fromkeys(c["value"] for c in chosen if c.get("value")))
    return Outcome(
        chosen=range_words(chosen, point) if chosen else "nothing: no claim is ticked",
        full=range_words(everything, point),
        readings=tuple(readings),
        conflict=("The claims you trust disagree with each other: " + " and ".join(conflict) + ".") if conflict else "",
        values=values,
    )


def _reading(when: str, members: list[dict], numbers: tuple[int, ...], trust: tuple[int, ...]) -> Reading:
    """A reading: what it says, and who reads it ('Memory Beta: Waltz, Things Past')."""
    by_wiki: dict[str, list[str]] = {}
    for m in members:
        by_wiki.setdefault(wiki(m), []).append(m["source"])
    who = "; ".join(f"{w}: {', '.join(dict.fromkeys(works))}" for w, works in by_wiki.items())
    return Reading(when=when, who=who, numbers=numbers, trusted=any(n in trust for n in numbers))


def range_words(cites: list[dict], point: bool) -> str:
    """The range a set of claims gives, in the words explain.dates_in_words uses."""
    row: dict = {"is_point": point}
    for key in ("start", "end"):
        ivs = [c[f"{key}_iv"] for c in cites if c.get(f"{key}_iv") is not None]
        hull = dates.hull(ivs) if ivs else None
        row[f"{key}_earliest"] = hull.earliest if hull else None
        row[f"{key}_latest"] = hull.latest if hull else None
    if all(row[k] is None for k in ("start_earliest", "end_earliest")):
        return "no date: these claims give none"
    return explain.dates_in_words(row)
