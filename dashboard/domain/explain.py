"""Plain words about an event's dating: a one-line verdict, and who says what.

The verdict leads the details panel: "Began 2346 or 2359: Memory Beta and Memory Alpha read the
same works differently". Claims whose date ranges overlap count as one reading; readings that do
not overlap are a dispute.
"""

from __future__ import annotations

from dashboard.domain import dates, words
from dashboard.domain.citations import wiki


def readings(citations: list[dict], key: str) -> list[tuple[dates.Interval, list[dict]]]:
    """Group the claims dating `key` ('start' or 'end') into readings: claims whose ranges all overlap
    each other. Two claims that do not overlap are in different readings (the dispute rule), even
    when a vague claim (`../2328`) overlaps both.

    Returns [(the reading's envelope, its claims)] in date order.
    """
    dated = sorted(
        (c for c in citations if c.get(f"{key}_iv") is not None),
        key=lambda c: (c[f"{key}_iv"].earliest, c[f"{key}_iv"].latest),
    )
    groups: list[list[dict]] = []
    for c in dated:
        iv = c[f"{key}_iv"]
        home = next((g for g in groups if all(m[f"{key}_iv"].overlaps(iv) for m in g)), None)
        if home is None:
            groups.append([c])
        else:
            home.append(c)
    return [(dates.hull([m[f"{key}_iv"] for m in g]), g) for g in groups]


def _said(key: str, members: list[dict]) -> str:
    """A reading in words: what its most precise claim says."""
    narrowest = min(members, key=lambda c: c[f"{key}_iv"].width)
    return words.edtf(narrowest[f"{key}_iv"].label)


def _names(items: list[str]) -> str:
    items = list(dict.fromkeys(i for i in items if i))
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _who(groups) -> str:
    """Why the readings differ, in a few words: the wikis, and whether they cite the same works."""
    wikis = [[wiki(c) for c in members] for _, members in groups]
    works = [{c["source"] for c in members} for _, members in groups]
    shared = set.intersection(*works) if works else set()
    every_wiki = _names([w for ws in wikis for w in ws])
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
    n = len(dated)
    return f"{when}: {'the one source that dates it' if n == 1 else f'all {n} sources that date it agree'}."


def dates_in_words(event: dict) -> str:
    """The range the trusted sources allow, in words: 'began between 2346 and 2359; ended 2369'."""
    s_lo, s_hi = _bound(event, "start")
    if event["is_point"]:
        return f"Sources allow {words.span(s_lo, s_hi)}"
    e_lo, e_hi = _bound(event, "end")
    return f"Began {words.span(s_lo, s_hi)}; ended {words.span(e_lo, e_hi)}"


def _bound(event: dict, side: str) -> tuple[float, float]:
    lo, hi = event.get(f"{side}_earliest"), event.get(f"{side}_latest")
    lo = float("-inf") if lo is None or lo != lo else lo
    hi = float("inf") if hi is None or hi != hi else hi
    return lo, hi
