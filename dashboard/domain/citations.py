"""A citation (one source's claim about an event, resolve.citations) as text: one home for its words.

Two forms, deliberately different: `text(c)` reads (the printed handout, and the details panel's
pieces: work, wiki, dates in words), `text(c, form="csv")` is compact and keeps the dates as written
(EDTF) for a spreadsheet cell. Files that render HTML (the chart file, the TimelineJS export) take
`dates_in_words` for their dates.
"""

from __future__ import annotations

from dashboard.domain import words

FORMS = ("line", "csv")


def wiki(c: dict) -> str:
    """The wiki a citation was read on ('Memory Beta')."""
    return (c.get("page") or "").split(":")[0].strip()


def universe(c: dict) -> str:
    """The universe the claim belongs to, as its label ('Dark mirror (Memory Delta)'); '' when the
    claim belongs to no universe in particular (dashboard/domain/universes.py)."""
    return c.get("universe_label") or c.get("universe") or ""


def in_universe(c: dict) -> str:
    """The universe after the wiki's name: ' (Prime universe)', or ', Dark mirror (Memory Delta)' for a
    label that has its own brackets; '' for a claim of no universe in particular."""
    u = universe(c)
    if not u:
        return ""
    return f", {u}" if "(" in u else f" ({u})"


def work(c: dict) -> str:
    """The cited work in brief: 'episode, DS9, 1998' (empty when nothing is known)."""
    return ", ".join(str(x) for x in (c.get("medium"), c.get("series"), c.get("released")) if x)


def derived(c: dict) -> str:
    """How a derived date was counted, in words ('ten years after First contact (2318, Ensign Ro)'),
    or '' for a date the source gives itself (the citation's `via` or an export's `derived`)."""
    return c.get("via") or c.get("derived") or ""


def when(c: dict) -> str:
    """What the source says of the dates, in words: 'from 2346 to 2369', '2346', 'to 2369', or
    'gives no date'."""
    start, end = (words.edtf(c[k]) if c.get(k) else "" for k in ("start", "end"))
    if start and end:
        return f"from {start} to {end}"
    return start or (f"to {end}" if end else "gives no date")


def dates_in_words(c: dict, ended: str = "ended") -> str:
    """The dates as a period in words (words.period): 'from 2346 to 2369'; '<ended> 2369' with no
    start; 'undated' with neither."""
    if c.get("start"):
        return words.period(c["start"], c.get("end"))
    return f"{ended} {words.edtf(c['end'])}" if c.get("end") else "undated"


def text(c: dict, form: str = "line", glyph: str = "") -> str:
    """One citation on one line of plain text.

    line: '● Waltz (episode, DS9, 1998), Memory Beta (Prime universe): from 2346 to 2369, states: 2346'
    (`glyph`, the tier's mark, in front when given; the universe when the claim has one);
    csv: 'Waltz (canon; Memory Beta: Waltz; Prime universe): 2346 to 2369 [2346]' (the dates as written)."""
    where = in_universe(c)
    if form == "csv":
        dated = " to ".join(x for x in (c["start"], c["end"]) if x) or "undated"
        value = f" [{c['value']}]" if c["value"] else ""
        chain = f" ({derived(c)})" if derived(c) else ""
        label = f"; {universe(c)}" if universe(c) else ""
        return f"{c['source']} ({c['tier']}; {c['page']}{label}): {dated}{chain}{value}"
    if form != "line":
        raise ValueError(f"unknown citation form {form!r}; one of {', '.join(FORMS)}")
    brief = work(c)
    value = f", states: {c['value']}" if c.get("value") else ""
    lead = f"{glyph} " if glyph else ""
    chain = f", {derived(c)}" if derived(c) else ""
    return f"{lead}{c['source']}" + (f" ({brief})" if brief else "") + f", {wiki(c)}{where}: {when(c)}{chain}{value}"
