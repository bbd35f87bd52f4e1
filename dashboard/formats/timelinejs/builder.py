"""Imported slides -> rows of our seven tables, and the notes of what was mapped, skipped or changed.

The title slide names the universe and the page; each event slide becomes an event with a claim
citing the timeline (and one per media credit or link); groups become factions; eras stay eras (or
one era holds the whole timeline)."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.domain import dates, words
from dashboard.domain.schema import TABLES
from dashboard.formats.timelinejs.dates import EntryDates, entry_dates, to_edtf
from dashboard.formats.timelinejs.markup import Plain, plain, safe_target
from dashboard.formats.timelinejs.reader import Entry, Note, Timeline

ERA_YEAR_LIMIT = 99999  # eras.csv holds whole years of up to five digits
DEFAULT_TIER = "canon"
DEFAULT_LICENCE = "licence not stated"
ERA_COLOURS = ("#eeeeee", "#dddddd")
PAGE_ID = "timelinejs"
TIMELINE_SOURCE = "timeline"

# Our column names, in one place: the events table's universe column may become a ';' list.
UNIVERSE_COLUMN = "universes" if "universes" in TABLES["events"].column_names else "universe"


@dataclass
class Built:
    tables: dict[str, list[dict]]
    notes: list[Note]
    counts: dict[str, int]


def slug(text: str, fallback: str) -> str:
    """A slug for an id: 'Ada Lovelace (1815)' -> 'ada-lovelace-1815'; at most 60 characters."""
    return words.slug(text, fallback, limit=60)


def _unique(base: str, used: set[str]) -> str:
    out, n = base, 2
    while out in used:
        out, n = f"{base}-{n}", n + 1
    used.add(out)
    return out


def _row(table: str, **values) -> dict:
    """One row of a table, keyed by the schema's own column names (every column present)."""
    names = TABLES[table].column_names
    if table == "events" and "universe" in values and UNIVERSE_COLUMN != "universe":
        values[UNIVERSE_COLUMN] = values.pop("universe")
    unknown = set(values) - set(names)
    if unknown:
        raise KeyError(f"{table}.csv has no column(s) {', '.join(sorted(unknown))}")
    return {c: values.get(c, "") for c in names}


def _medium(url: str) -> str:
    u = url.lower()
    if re.search(r"(youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com)", u) or re.search(
        r"\.(mp4|webm|ogv|mov)(\?|$)", u
    ):
        return "video"
    if re.search(r"(soundcloud\.com|spotify\.com)", u) or re.search(r"\.(mp3|ogg|wav|m4a)(\?|$)", u):
        return "audio"
    if re.search(r"\.(jpe?g|png|gif|svg|webp|bmp|tiff?)(\?|$)", u) or "flickr.com" in u or "imgur.com" in u:
        return "image"
    return "web page"


def _plain_field(value: str, what: str, where: str, notes: list[Note]) -> Plain:
    p = plain(value)
    if p.dropped:
        notes.append(
            Note(where, f"{what}: <{'>, <'.join(p.dropped)}> removed with its content (no script runs)", "changed")
        )
    return p


def _where_list(places: list[str]) -> str:
    """'t.csv:3', 't.csv:4' -> 'lines 3, 4'; JSON paths kept as they are."""
    shown = [p.rsplit(":", 1)[1] if re.search(r":\d+$", p) else p.split(": ", 1)[-1] for p in places[:12]]
    more = f" and {len(places) - 12} more" if len(places) > 12 else ""
    prefix = "lines " if re.search(r":\d+$", places[0]) else ""
    return prefix + ", ".join(shown) + more


def build(timeline: Timeline) -> Built:
    """Slides -> rows of our seven tables, and the notes of what was done."""
    notes = list(timeline.notes)
    name = timeline.name
    t_head, t_text = _title(timeline.title, notes)
    title = t_head or Path(name).stem
    events = _Events(notes, universe_id=slug(title, "timeline"))
    for entry in timeline.events:
        events.add(entry)
    factions = events.factions(name)
    eras, spans = _eras(timeline.eras, notes)
    if not eras and events.events:
        eras, spans = _whole_timeline(events.events, name, notes)
    _place_in_eras(events.events, spans, bool(timeline.eras), name, notes)
    _closing_notes(events, name, notes)
    tables = {
        "events": events.events,
        "claims": events.claims,
        "sources": [
            _row("sources", id=TIMELINE_SOURCE, title=title, medium="timeline", tier=DEFAULT_TIER),
            *events.sources.values(),
        ],
        "pages": [_row("pages", id=PAGE_ID, wiki="TimelineJS timeline", title=title, licence=DEFAULT_LICENCE)],
        "eras": eras,
        "factions": factions,
        "universes": [_row("universes", id=events.universe_id, label=title, kind="prime", description=t_text)],
    }
    counts = {k: len(v) for k, v in tables.items()}
    return Built(tables, notes, counts)


def _title(entry: Entry | None, notes: list[Note]) -> tuple[str, str]:
    """The title slide's headline and text: the timeline's universe (label and description) and the page credited."""
    if entry is None:
        return "", ""
    head = _plain_field(entry.headline, "title headline", entry.where, notes).text
    text = _plain_field(entry.text, "title text", entry.where, notes).text
    notes.append(
        Note(
            entry.where,
            "title slide -> the universe's label and description, and the title of the page in pages.csv",
            "mapped",
        )
    )
    if entry.media.get("url") or entry.media.get("credit"):
        notes.append(
            Note(entry.where, "title slide media not imported (our tables have no place for a title image)", "skipped")
        )
    return head, text


# ------------------------------------------------------------------------------------------------
# Event slides -> events, claims, sources and factions


@dataclass
class _Events:
    """The event rows built so far, with the claims, sources and groups they brought."""

    notes: list[Note]
    universe_id: str
    events: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)
    seen: dict[tuple, str] = field(default_factory=dict)  # (dates, headline, text) -> where first seen
    headlines: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)  # group label -> faction id
    faction_ids: set[str] = field(default_factory=set)
    sources: dict[tuple, dict] = field(default_factory=dict)  # key -> source row
    source_ids: set[str] = field(default_factory=lambda: {TIMELINE_SOURCE})
    no_text: list[str] = field(default_factory=list)
    dropped_columns: dict[str, list[str]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        """One event slide: an event, the timeline's claim on its dates, and the sources it credits or links."""
        where, notes = entry.where, self.notes
        when = entry_dates(entry, notes)
        if when is None:
            return
        head = _plain_field(entry.headline, "headline", where, notes)
        body = _plain_field(entry.text, "text", where, notes)
        title_text = _event_title(entry, head, body, notes)
        if not title_text:
            return
        summary = body.text
        if not summary:
            summary = title_text
            self.no_text.append(where)
        key = (when.start, when.end, title_text, summary)
        if key in self.seen:
            notes.append(
                Note(
                    where, f"repeats the slide at {self.seen[key]} (same dates, headline and text): skipped", "skipped"
                )
            )
            return
        self.seen[key] = where
        event_id = self._event_id(entry, title_text)
        group_label = plain(entry.group).text
        if group_label not in self.groups:
            fallback = slug(group_label, "ungrouped") if group_label else "ungrouped"
            self.groups[group_label] = _unique(fallback, self.faction_ids)
        self._add_rows(event_id, title_text, summary, when, self.groups[group_label], where)
        self._media_claim(entry, event_id)
        self._link_claims(body.links + head.links, event_id, where)
        for what, value in (("Media Thumbnail", entry.media.get("thumbnail")), ("Background", entry.background)):
            if value:
                self.dropped_columns.setdefault(what, []).append(where)

    def _event_id(self, entry: Entry, title_text: str) -> str:
        base = slug(entry.unique_id, "") if entry.unique_id else ""
        event_id = _unique(base or slug(title_text, "slide"), self.used_ids)
        if title_text in self.headlines:
            self.notes.append(
                Note(
                    entry.where,
                    f"headline '{title_text}' also at {self.headlines[title_text]} with other dates or "
                    f"text: imported as its own event '{event_id}'",
                    "check",
                )
            )
        self.headlines.setdefault(title_text, entry.where)
        return event_id

    def _add_rows(self, event_id: str, title: str, summary: str, when: EntryDates, faction: str, where: str) -> None:
        """The event's row, and the timeline's claim on its dates."""
        self.events.append(
            _row(
                "events",
                id=event_id,
                title=title,
                summary=summary,
                start=when.start,
                end=when.end,
                era="",
                factions=faction,
                universe=self.universe_id,
            )
        )
        note = f"The TimelineJS timeline ({where}) dates this {words.period(when.start, when.end)}."
        if when.shown:
            note += f" Its display date: {when.shown}."
        self.claims.append(
            _row(
                "claims",
                event=event_id,
                source=TIMELINE_SOURCE,
                page=PAGE_ID,
                start=when.start,
                end=when.end,
                note=note,
            )
        )

    def _source(self, key: tuple, title: str, medium: str) -> str:
        if key not in self.sources:
            sid = _unique(slug(title, "source"), self.source_ids)
            self.sources[key] = _row("sources", id=sid, title=title, medium=medium, tier=DEFAULT_TIER)
        return self.sources[key]["id"]

    def _media_claim(self, entry: Entry, event_id: str) -> None:
        """The media's credit (or, with none, its address) as a source, cited (undated) by the event."""
        where, notes = entry.where, self.notes
        media_url = (entry.media.get("url") or "").strip()
        credit = _plain_field(entry.media.get("credit", ""), "media credit", where, notes)
        caption = _plain_field(entry.media.get("caption", ""), "media caption", where, notes)
        if not (credit.text or media_url):
            return
        safe_url = safe_target(media_url) or ""
        if media_url and not safe_url:
            notes.append(Note(where, f"media '{media_url[:60]}' is not a web address: left out", "skipped"))
        if not (credit.text or safe_url):
            return
        sid = self._source(
            ("credit", credit.text) if credit.text else ("url", safe_url), credit.text or safe_url, _medium(safe_url)
        )
        parts = [f"Credited for the slide's media{' (' + safe_url + ')' if safe_url else ''}."]
        if caption.text:
            parts.append(f"Caption: {caption.text.rstrip('.')}.")
        targets = [t for _, h in credit.links if (t := safe_target(h))]
        if targets:
            parts.append("Credit links to " + ", ".join(targets) + ".")
        self.claims.append(_row("claims", event=event_id, source=sid, page=PAGE_ID, note=" ".join(parts)))

    def _link_claims(self, links: tuple[tuple[str, str], ...], event_id: str, where: str) -> None:
        """Each web link in the slide's text or headline as a source, cited (undated) by the event."""
        for label, href in links:
            target = safe_target(href)
            if not target:
                self.notes.append(
                    Note(where, f"link target '{href[:60]}' is not a web address: dropped, its words kept", "skipped")
                )
                continue
            host = re.sub(r"^[a-z]+://(www\.)?", "", target, flags=re.I).split("/")[0]
            sid = self._source(
                ("url", target), f"{label} ({host})" if label and label != target else target, _medium(target)
            )
            note = f"Linked from the slide's text as '{label or target}': {target}"
            self.claims.append(_row("claims", event=event_id, source=sid, page=PAGE_ID, note=note))

    def factions(self, name: str) -> list[dict]:
        """Groups -> factions (slides with no group in 'ungrouped')."""
        factions = [_row("factions", id=fid, label=label or "No group") for label, fid in self.groups.items()]
        if self.groups:
            named = [label for label in self.groups if label]
            if named:
                self.notes.append(Note(name, f"Group -> {len(named)} faction(s): {', '.join(named)}", "mapped"))
            if "" in self.groups:
                self.notes.append(Note(name, "slides with no Group -> faction 'ungrouped' ('No group')", "mapped"))
        return factions


def _event_title(entry: Entry, head: Plain, body: Plain, notes: list[Note]) -> str:
    """The event's title: the headline's words, else what was typed, else the start of the text ('' : skipped)."""
    where = entry.where
    title_text = head.text
    if not title_text and head.markup and entry.headline.strip():
        # markup with no words (e.g. <img src=x onerror=...>): keep what was typed, as plain text
        title_text = " ".join(html.unescape(entry.headline).split())
        notes.append(
            Note(
                where,
                f"headline '{title_text}' is markup with no words: kept as plain text (shown as typed, never run)",
                "changed",
            )
        )
    if not title_text:
        title_text = body.text[:80].rsplit(" ", 1)[0] + "..." if len(body.text) > 80 else body.text
        if not title_text:
            notes.append(Note(where, "slide has no headline and no text: skipped", "skipped"))
            return ""
        notes.append(Note(where, f"no headline: the title is taken from the text ('{title_text}')", "changed"))
    return title_text


# ------------------------------------------------------------------------------------------------
# Era slides -> eras, and each event in one


def _eras(entries: list[Entry], notes: list[Note]) -> tuple[list[dict], list[tuple[str, int, int]]]:
    """The era slides that can be eras: their rows, and (id, first year, last year) of each."""
    eras: list[dict] = []
    era_ids: set[str] = set()
    spans: list[tuple[str, int, int]] = []
    for entry in entries:
        where = entry.where
        label = _plain_field(entry.headline, "era headline", where, notes).text or f"Era {len(eras) + 1}"
        years = _era_years(entry, label, notes)
        if years is None:
            continue
        a, b = years
        eid = _unique(slug(label, "era"), era_ids)
        colour = ERA_COLOURS[len(eras) % len(ERA_COLOURS)]
        eras.append(_row("eras", id=eid, label=label, start=str(a), end=str(b), colour=colour))
        spans.append((eid, a, b))
        notes.append(Note(where, f"era '{label}' -> era '{eid}' ({a} to {b})", "mapped"))
    return eras, spans


def _era_years(entry: Entry, label: str, notes: list[Note]) -> tuple[int, int] | None:
    """An era's first and last whole year; None (noted) when it has no usable span."""
    where = entry.where
    start = to_edtf(entry.start, "era start", where, notes)
    end = to_edtf(entry.end, "era end", where, notes)
    if not (start.edtf and end.edtf):
        notes.append(
            Note(where, f"era '{label}' needs a start and an end year (TimelineJS needs both too): skipped", "skipped")
        )
        return None
    a, b = math.floor(dates.parse(start.edtf).earliest), math.floor(dates.parse(end.edtf).latest)
    if b < a:
        notes.append(Note(where, f"era '{label}' ends before it starts: skipped", "skipped"))
        return None
    if max(abs(a), abs(b)) > ERA_YEAR_LIMIT:
        notes.append(
            Note(
                where,
                f"era '{label}' runs to year {a if abs(a) > ERA_YEAR_LIMIT else b}; eras.csv "
                f"holds years of up to five digits: skipped",
                "skipped",
            )
        )
        return None
    return a, b


def _whole_timeline(events: list[dict], name: str, notes: list[Note]) -> tuple[list[dict], list[tuple[str, int, int]]]:
    """With no usable era: one era that holds every event."""
    lo = max(-ERA_YEAR_LIMIT, min(math.floor(_finite(ev["start"], "earliest")) for ev in events))
    hi = min(ERA_YEAR_LIMIT, max(math.floor(_finite(ev["end"] or ev["start"], "latest")) for ev in events))
    hi = max(hi, lo)
    era = _row("eras", id="whole-timeline", label="Whole timeline", start=str(lo), end=str(hi), colour=ERA_COLOURS[0])
    notes.append(
        Note(name, f"no eras in the timeline: one era 'whole-timeline' ({lo} to {hi}) holds every event", "mapped")
    )
    return [era], [("whole-timeline", lo, hi)]


def _finite(label: str, side: str) -> float:
    iv = dates.parse(label)
    value = getattr(iv, side)
    if math.isinf(value):
        value = iv.latest if side == "earliest" else iv.earliest
    return value


def _place_in_eras(
    events: list[dict], spans: list[tuple[str, int, int]], had_eras: bool, name: str, notes: list[Note]
) -> None:
    """Each event in the narrowest era holding its midpoint, else (noted when the timeline had eras) the nearest."""
    for ev in events:
        at = dates.parse(ev["start"]).midpoint
        inside = [s for s in spans if s[1] <= at <= s[2] + 0.999]
        if inside:
            ev["era"] = min(inside, key=lambda s: s[2] - s[1])[0]
            continue
        nearest = min(spans, key=lambda s: min(abs(at - s[1]), abs(at - s[2] - 0.999)))
        ev["era"] = nearest[0]
        if had_eras:
            notes.append(
                Note(
                    name,
                    f"event '{ev['id']}' ({words.edtf(ev['start'])}) lies outside every era: "
                    f"put in the nearest, '{nearest[0]}'",
                    "check",
                )
            )


def _closing_notes(events: _Events, name: str, notes: list[Note]) -> None:
    """What was left out on many slides, and what to check by hand in the written tables."""
    for what, where_list in events.dropped_columns.items():
        notes.append(
            Note(
                f"{name}: {what}",
                f"on {len(where_list)} slide(s) ({_where_list(where_list)}): not imported "
                f"(our charts have no place for it)",
                "skipped",
            )
        )
    if events.no_text:
        notes.append(
            Note(
                f"{name}",
                f"{len(events.no_text)} slide(s) with no Text ({_where_list(events.no_text)}): the summary "
                f"repeats the headline; write a summary in events.csv",
                "check",
            )
        )
    notes.append(
        Note(
            "sources.csv",
            f"every source has tier '{DEFAULT_TIER}': set each work's tier (canon, "
            f"licensed, production, fan) by how far it can be trusted",
            "check",
        )
    )
    notes.append(
        Note(
            "pages.csv",
            f"the licence reads '{DEFAULT_LICENCE}': write the licence of the timeline's text, and its address in url",
            "check",
        )
    )
