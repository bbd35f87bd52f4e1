"""Plain words about an event's dating: a one-line verdict, and who says what.

The verdict leads the details panel: "Began 2346 or 2359: Memory Beta and Memory Alpha read the
same works differently". Claims whose date ranges overlap count as one reading; readings that do
not overlap are a dispute.
"""

from __future__ import annotations

from dashboard.domain import dates, words
from dashboard.domain import readings as readings_rule
from dashboard.domain.citations import wiki


def readings(citations: list[dict], key: str) -> list[tuple[dates.Interval, list[dict]]]:
    """The claims dating `key` ('start' or 'end') grouped into readings (the rule's one home is
    dashboard/domain/readings.py): [(the reading's envelope, its claims)] in date order."""
    return readings_rule.of_citations(citations, key)


def _said(key: str, members: list[dict]) -> str:
    """A reading in words: what its most precise claim says."""
    return readings_rule.said(members, key)


def _names(items: list[str]) -> str:
    items = list(dict.fromkeys(i for i in items if i))
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _or(items: list[str]) -> str:
    return readings_rule.one_or(items)


def _who(groups) -> str:
    """Why the readings differ, in a few words: the wikis, and whether they cite the same works."""
    wikis = [[wiki(c) for c in members] for _, members in groups]
    works = [{c["source"] for c in members} for _, members in groups]
    shared = set.intersection(*works) if works else set()
    every_wiki = _names([w for ws in wikis for w in ws])
    counted_from = {c["anchor"] for _, members in groups for c in members if c.get("anchor")}
    if len(counted_from) == 1 and all(any(c.get("anchor") for c in members) for _, members in groups):
        # each reading holds a date counted from one anchor that the sources date more than one way
        return f"some dates are counted from {counted_from.pop()}, and the sources disagree on its date"
    if shared and all(len(set(ws)) == 1 for ws in wikis) and len({ws[0] for ws in wikis}) == len(wikis):
        return f"{every_wiki} read the same {'work' if len(shared) == 1 else 'works'} differently"
    sources = _names([c["source"] for _, members in groups for c in members][:4])
    return f"the sources disagree ({sources})"


def _verb(event: dict, key: str) -> str:
    if event["is_point"]:
        return "Happened"
    return "Began" if key == "start" else "Ended"


def verdict(event: dict, citations: list[dict]) -> str:
    """One line in plain words: when, and whether (and why) the trusted sources disagree."""
    disputes = []
    for key in ("start",) if event["is_point"] else ("start", "end"):
        groups = readings(citations, key)
        if len(groups) > 1:
            disputes.append(
                f"{_verb(event, key)} {_or(list(dict.fromkeys(_said(key, m) for _, m in groups)))}: {_who(groups)}"
            )
    values = list(dict.fromkeys(c["value"] for c in citations if c.get("value")))
    if len({v.casefold() for v in values}) > 1:
        disputes.append(f"The sources state different things: {_or(values)}")
    if disputes:
        return "; ".join(disputes) + "."
    dated = [c for c in citations if c.get("start_iv") is not None or c.get("end_iv") is not None]
    when = words.period(event["start"], event["end"])
    when = when[0].upper() + when[1:]
    if not dated:
        return f"{when}: no trusted source gives a date, so this is our editorial date."
    n = len({c["source"] for c in dated})  # independent works, not citations (nor a chain's alternatives)
    return f"{when}: {'the one source that dates it' if n == 1 else f'all {n} sources that date it agree'}."


def dates_in_words(event: dict) -> str:
    """The range the trusted sources allow, in words: 'Began between 2346 and 2359; ended 2369', or
    where the sources' readings do not overlap, those readings: 'Began 2346 or 2359; ended 2369'."""
    began = readings_rule.side_in_words(event, "start") or words.span(*_bound(event, "start"))
    if event["is_point"]:
        return f"Sources allow {began}"
    ended = readings_rule.side_in_words(event, "end") or words.span(*_bound(event, "end"))
    return f"Began {began}; ended {ended}"


def _bound(event: dict, side: str) -> tuple[float, float]:
    lo, hi = event.get(f"{side}_earliest"), event.get(f"{side}_latest")
    lo = float("-inf") if lo is None or lo != lo else lo
    hi = float("inf") if hi is None or hi != hi else hi
    return lo, hi
