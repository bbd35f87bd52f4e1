"""TimelineJS in and out: read a Knight Lab TimelineJS timeline (the Google Sheets template saved as
CSV, or TimelineJS JSON, told apart by content) into a table in our schema, and write our table as
TimelineJS JSON that TimelineJS itself loads.

Reading is two pure steps: `read_text` turns the file into `Slide`s (nothing interpreted yet), and
`build` turns slides into rows of our seven tables plus `Note`s saying what was mapped, skipped or
changed, each with the line (CSV) or the JSON path it came from. `import_file` writes the tables and
checks them with the validator. No Dash, no pandas on the way in.

TimelineJS numbers years as people say them (-500 is shown as "500 BCE") while EDTF counts
astronomically (-0499 is 500 BCE), so BCE years shift by one on the way in and back on the way out.
"""

from __future__ import annotations

import calendar
import csv
import html
import io
import json
import math
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from dashboard.domain import citations, dates, words
from dashboard.domain.schema import TABLES

# The largest year (either way) our year axis holds: years are floats, and a date needs a thousandth
# of a year to stay distinct from its neighbours (2328.0 to 2328.999). Past this a year is not held.
AXIS_LIMIT = 10**12
JS_DATE_LIMIT = 271820  # beyond this TimelineJS itself switches to its 'cosmological' scale
ERA_YEAR_LIMIT = 99999  # eras.csv holds whole years of up to five digits

TEMPLATE_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)
_SLIDE_KEYS = {
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
}
_TOP_KEYS = {"title", "events", "eras", "scale"}
_DATE_KEYS = ("year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format")
DEFAULT_TIER = "canon"
DEFAULT_LICENCE = "licence not stated"
ERA_COLOURS = ("#eeeeee", "#dddddd")

# Our column names, in one place: the events table's universe column may become a ';' list.
UNIVERSE_COLUMN = "universes" if "universes" in TABLES["events"].column_names else "universe"


class TimelineUnreadable(ValueError):
    """The file is neither TimelineJS JSON nor the template's CSV; the message says what to do."""


@dataclass(frozen=True)
class Note:
    """One line of the import report: where (file:line, or file: events[3]), and what happened."""

    where: str
    message: str
    kind: str = "changed"  # mapped | skipped | changed | check

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Slide:
    """A slide as TimelineJS holds it, before any interpretation (all values are raw strings)."""

    where: str
    kind: str  # title | event | era
    start: dict = field(default_factory=dict)
    end: dict = field(default_factory=dict)
    display_date: str = ""
    headline: str = ""
    text: str = ""
    media: dict = field(default_factory=dict)
    group: str = ""
    background: str = ""
    unique_id: str = ""


@dataclass
class Timeline:
    fmt: str  # "csv" or "json"
    name: str  # the file's name, for the report
    title: Slide | None
    events: list[Slide]
    eras: list[Slide]
    notes: list[Note]


# ------------------------------------------------------------------------------------------------
# HTML to plain text


class _Text(HTMLParser):
    _BLOCK = {
        "p",
        "br",
        "div",
        "li",
        "ul",
        "ol",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "figure",
        "figcaption",
        "cite",
        "hr",
    }
    _DROP = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[tuple[str, str]] = []  # (words, target)
        self.dropped: set[str] = set()
        self.tags = 0
        self._skip = 0
        self._href: list[str | None] = []
        self._link_words: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags += 1
        if tag in self._DROP:
            self._skip += 1
            self.dropped.add(tag)
            return
        if tag in self._BLOCK:
            self.parts.append(" ")
        if tag == "a":
            self._href.append(dict(attrs).get("href"))
            self._link_words = []
        if tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt:
                self.parts.append(alt)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self._DROP:
            self._skip -= 1

    def handle_endtag(self, tag):
        if tag in self._DROP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in self._BLOCK:
            self.parts.append(" ")
        if tag == "a" and self._href:
            href = (self._href.pop() or "").strip()
            label = " ".join("".join(self._link_words).split())
            if href:
                self.links.append((label, href))

    def handle_data(self, data):
        if self._skip:
            return
        self.parts.append(data)
        if self._href:
            self._link_words.append(data)


@dataclass(frozen=True)
class Plain:
    text: str
    links: tuple[tuple[str, str], ...]  # (words, target) of every <a href>
    dropped: tuple[str, ...]  # elements removed with their content (script, style, iframe...)
    markup: bool  # the source held tags


def plain(source) -> Plain:
    """HTML (or plain text) to plain text: tags removed, entities decoded, whitespace collapsed,
    script/style/iframe content dropped; link targets returned beside the words."""
    source = "" if source is None else str(source)
    parser = _Text()
    parser.feed(source)
    parser.close()
    text = " ".join("".join(parser.parts).split())
    return Plain(text, tuple(parser.links), tuple(sorted(parser.dropped)), parser.tags > 0)


def _safe_target(href: str) -> str | None:
    """A link target worth keeping as text: web and mail addresses only (no javascript:, data:)."""
    href = href.strip()
    if re.match(r"^(https?://|mailto:)", href, re.I):
        return href
    return None


# ------------------------------------------------------------------------------------------------
# Reading the file


def _norm(header: str) -> str:
    return " ".join(header.split()).lower()


_COLUMN_KEYS = {_norm(c): c for c in TEMPLATE_COLUMNS}


def read_text(text: str, name: str) -> Timeline:
    """Tell the format from the content: a JSON object, or the template's CSV header."""
    if text.startswith("\ufeff"):
        text = text[1:]
    stripped = text.lstrip()
    if not stripped:
        raise TimelineUnreadable(
            f"{name}: the file is empty; export your timeline as CSV (File > Download > "
            f"Comma-separated values) or save its JSON"
        )
    if stripped[0] in "{[":
        return _read_json(text, name)
    return _read_csv(text, name)


def read(path: Path) -> Timeline:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise TimelineUnreadable(f"{path}: no such file") from None
    except IsADirectoryError:
        raise TimelineUnreadable(f"{path}: is a directory; give the timeline's CSV or JSON file") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise TimelineUnreadable(
            f"{path.name}:{line}: invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        ) from None
    return read_text(text, path.name)


def _read_csv(text: str, name: str) -> Timeline:
    notes: list[Note] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise TimelineUnreadable(f"{name}:1: unreadable CSV header: {exc}") from None
    keys: list[str | None] = []
    seen: set[str] = set()
    for h in header:
        key = _COLUMN_KEYS.get(_norm(h))
        if key is None:
            if h.strip():
                notes.append(
                    Note(f"{name}:1", f"column '{h.strip()}' is not a TimelineJS template column: ignored", "skipped")
                )
        elif key in seen:
            notes.append(Note(f"{name}:1", f"column '{key}' appears twice: the first one is read", "skipped"))
            key = None
        else:
            seen.add(key)
        keys.append(key)
    if "Year" not in seen or "Headline" not in seen:
        missing = ", ".join(c for c in ("Year", "Headline") if c not in seen)
        raise TimelineUnreadable(
            f"{name}:1: not TimelineJS JSON, and not the TimelineJS template's CSV: the header lacks {missing} "
            f"(the template's header is {', '.join(TEMPLATE_COLUMNS)})"
        )
    title: Slide | None = None
    events: list[Slide] = []
    eras: list[Slide] = []
    empty_lines: list[int] = []
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            notes.append(
                Note(
                    f"{name}:{line}",
                    f"unreadable CSV ({exc}); this row and the rest of the file were not read",
                    "skipped",
                )
            )
            break
        where = f"{name}:{line}"
        line = reader.line_num + 1
        if not any(c.strip() for c in cells):
            empty_lines.append(int(where.rsplit(":", 1)[1]))
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            notes.append(
                Note(
                    where,
                    f"row has {len(cells)} cells, the header has {len(header)}: skipped (a cell "
                    f"holding a comma must be wrapped in double quotes)",
                    "skipped",
                )
            )
            continue
        if len(cells) < len(header):
            notes.append(
                Note(
                    where,
                    f"row has {len(cells)} cells, the header has {len(header)}: the missing ones are read as empty",
                    "changed",
                )
            )
        row = {k: c.strip() for k, c in zip(keys, cells) if k}
        get = lambda col: row.get(col, "")  # noqa: E731
        slide = Slide(
            where=where,
            kind="event",
            start={"year": get("Year"), "month": get("Month"), "day": get("Day"), "time": get("Time")},
            end={"year": get("End Year"), "month": get("End Month"), "day": get("End Day"), "time": get("End Time")},
            display_date=get("Display Date"),
            headline=get("Headline"),
            text=get("Text"),
            media={
                "url": get("Media"),
                "credit": get("Media Credit"),
                "caption": get("Media Caption"),
                "thumbnail": get("Media Thumbnail"),
            },
            group=get("Group"),
            background=get("Background"),
        )
        kind = get("Type").lower()
        if kind == "title" and title is None:
            slide.kind = "title"
            title = slide
        elif kind == "title":
            notes.append(Note(where, "a second title slide: read as an event (TimelineJS does the same)", "changed"))
            events.append(slide)
        elif kind == "era":
            slide.kind = "era"
            eras.append(slide)
        else:
            if kind and kind != "event":
                notes.append(
                    Note(where, f"Type '{get('Type')}' is not title, era or empty: read as an event", "changed")
                )
            events.append(slide)
    if empty_lines:
        notes.append(Note(f"{name}:{_lines(empty_lines)}", f"{len(empty_lines)} empty row(s) skipped", "skipped"))
    return Timeline("csv", name, title, events, eras, notes)


def _lines(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> '3-5,9'."""
    out, start, prev = [], None, None
    for n in numbers + [None]:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}" if start == prev else f"{start}-{prev}")
            start = prev = n
    return ",".join(out)


def _json_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _json_date(obj, where: str, notes: list[Note]) -> dict:
    if obj is None:
        return {}
    if not isinstance(obj, dict):
        notes.append(Note(where, 'is not a date object ({"year": ...}): ignored', "skipped"))
        return {}
    for key in obj:
        if key not in _DATE_KEYS:
            notes.append(Note(where, f"'{key}' is not a TimelineJS date field: ignored", "skipped"))
    return {k: _json_text(obj.get(k)) for k in _DATE_KEYS if k != "format"}


def _json_slide(obj, where: str, kind: str, name: str, notes: list[Note]) -> Slide | None:
    if not isinstance(obj, dict):
        notes.append(Note(where, "is not a slide object: skipped", "skipped"))
        return None
    for key in obj:
        if key not in _SLIDE_KEYS:
            notes.append(Note(where, f"'{key}' is not a TimelineJS slide field: ignored", "skipped"))
    text = obj.get("text") if isinstance(obj.get("text"), dict) else {}
    media = obj.get("media") if isinstance(obj.get("media"), dict) else {}
    background = obj.get("background")
    if isinstance(background, dict):
        background = background.get("url") or background.get("color") or ""
    return Slide(
        where=where,
        kind=kind,
        start=_json_date(obj.get("start_date"), f"{where}.start_date", notes),
        end=_json_date(obj.get("end_date"), f"{where}.end_date", notes),
        display_date=_json_text(obj.get("display_date")),
        headline=_json_text(text.get("headline")),
        text=_json_text(text.get("text")),
        media={k: _json_text(media.get(k)) for k in ("url", "credit", "caption", "thumbnail")},
        group=_json_text(obj.get("group")),
        background=_json_text(background),
        unique_id=_json_text(obj.get("unique_id")),
    )


def _read_json(text: str, name: str) -> Timeline:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TimelineUnreadable(
            f"{name}:{exc.lineno}: not valid JSON (column {exc.colno}: {exc.msg}); "
            f'TimelineJS JSON is an object like {{"events": [...]}}'
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise TimelineUnreadable(
            f"{name}: JSON, but not a TimelineJS timeline: it needs an object with an "
            f'"events" list ({{"title": ..., "events": [...], "eras": [...]}})'
        )
    notes: list[Note] = []
    for key in data:
        if key not in _TOP_KEYS:
            notes.append(Note(f"{name}: {key}", "is not a TimelineJS timeline field: ignored", "skipped"))
    title = _json_slide(data["title"], f"{name}: title", "title", name, notes) if data.get("title") else None
    events = [
        s
        for i, obj in enumerate(data["events"])
        if (s := _json_slide(obj, f"{name}: events[{i}]", "event", name, notes))
    ]
    eras_raw = data.get("eras") or []
    if not isinstance(eras_raw, list):
        notes.append(Note(f"{name}: eras", "is not a list: ignored", "skipped"))
        eras_raw = []
    eras = [s for i, obj in enumerate(eras_raw) if (s := _json_slide(obj, f"{name}: eras[{i}]", "era", name, notes))]
    return Timeline("json", name, title, events, eras, notes)


# ------------------------------------------------------------------------------------------------
# Dates: TimelineJS fields -> EDTF


def astronomical(tl_year: int) -> int:
    """TimelineJS's year (-500 shown as '500 BCE') to an astronomical year (-499)."""
    return tl_year + 1 if tl_year < 0 else tl_year


def timelinejs_year(astro: int) -> int:
    """An astronomical year to the year TimelineJS shows as the same year: -499 -> -500."""
    return astro - 1 if astro <= 0 else astro


def _integer(value: str) -> int | None:
    value = re.sub(r"[\s,]", "", value or "")
    if re.fullmatch(r"[+-]?\d+", value):
        return int(value)
    return None


def _time(value: str) -> tuple[int, int, int] | None:
    """'14:30', '2:30 PM', '14:30:15', '14:30:15.250' -> (hour, minute, second)."""
    m = re.fullmatch(r"(\d{1,2})(?::(\d\d))?(?::(\d\d))?(?:\.\d+)?\s*([ap]\.?m\.?)?", value.strip().lower())
    if not m:
        return None
    hour, minute, second = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if m[4]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m[4].startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


@dataclass(frozen=True)
class Dated:
    edtf: str | None  # None: the date could not be read (the reason is in the notes)
    fatal: bool = False  # the slide cannot be imported at all


def _lost(label: str) -> str:
    """What an unreadable date costs: a start loses the slide; an end or an era's date is dealt with by the caller."""
    return ": not imported" if label == "start" else ""


def _edtf(fields: dict, label: str, where: str, notes: list[Note]) -> Dated:
    """TimelineJS date fields (year, month, day, time or hour/minute/second) -> one EDTF string."""
    raw_year = fields.get("year", "")
    year = _integer(raw_year)
    if year is None:
        if raw_year:
            notes.append(Note(where, f"{label} year '{raw_year}' is not a whole number{_lost(label)}", "skipped"))
        return Dated(None, fatal=bool(raw_year))
    astro = astronomical(year)
    if year == 0:
        notes.append(
            Note(
                where,
                f"{label} year 0: the BCE/CE calendar has no year 0; read as 1 BCE (EDTF 0000), "
                f"where TimelineJS puts it",
                "changed",
            )
        )
    if abs(astro) > AXIS_LIMIT:
        notes.append(
            Note(
                where,
                f"{label} year {year} is beyond what our year axis holds (years up to "
                f"{AXIS_LIMIT:,} either way): slide not imported, nothing rounded",
                "skipped",
            )
        )
        return Dated(None, fatal=True)
    month, day = _integer(fields.get("month", "")), _integer(fields.get("day", ""))
    for part, value, ok in (("month", month, month is None or 1 <= month <= 12), ("day", day, day is None or day >= 1)):
        if not ok:
            notes.append(
                Note(where, f"{label} {part} '{fields.get(part)}' is not a valid {part}{_lost(label)}", "skipped")
            )
            return Dated(None, fatal=True)
    for part in ("month", "day"):
        if fields.get(part) and _integer(fields[part]) is None:
            notes.append(Note(where, f"{label} {part} '{fields[part]}' is not a whole number{_lost(label)}", "skipped"))
            return Dated(None, fatal=True)
    clock = None
    if fields.get("time"):
        clock = _time(fields["time"])
        if clock is None:
            notes.append(
                Note(
                    where,
                    f"{label} time '{fields['time']}' is not a time like 14:30 or 2:30 PM: the date is kept without it",
                    "changed",
                )
            )
    elif any(fields.get(k) for k in ("hour", "minute", "second")):
        h, mi, s = (_integer(fields.get(k, "")) for k in ("hour", "minute", "second"))
        if h is None or not 0 <= h <= 23 or not 0 <= (mi or 0) <= 59 or not 0 <= (s or 0) <= 59:
            notes.append(
                Note(
                    where,
                    f"{label} time {fields.get('hour')}:{fields.get('minute')}:{fields.get('second')} "
                    f"is not a time of day: the date is kept without it",
                    "changed",
                )
            )
        else:
            clock = (h, mi or 0, s or 0)
    if _integer(fields.get("millisecond", "")):
        notes.append(
            Note(where, f"{label} millisecond {fields['millisecond']} dropped (EDTF times go to the second)", "changed")
        )
    if abs(astro) > 9999:
        finer = [p for p, v in (("month", month), ("day", day), ("time", clock)) if v is not None]
        if abs(year) > JS_DATE_LIMIT:
            notes.append(
                Note(
                    where,
                    f"{label} year {year} is on TimelineJS's cosmological scale: kept as "
                    f"EDTF '{words.edtf_year(astro)}'",
                    "changed",
                )
            )
        if finer:
            notes.append(
                Note(
                    where,
                    f"{label} {', '.join(finer)} dropped: EDTF gives a year of more than four digits "
                    f"no month, day or time; the year is kept",
                    "changed",
                )
            )
        return Dated(words.edtf_year(astro))
    out = words.edtf_year(astro)
    if day is not None and month is None:
        notes.append(Note(where, f"{label} day {day} given without a month: the day is dropped", "changed"))
        day = None
    if month is not None:
        out += f"-{month:02d}"
        if day is not None:
            if day > calendar.monthrange(astro if astro > 0 else 2000 + astro % 400, month)[1]:
                notes.append(Note(where, f"{label} day {day} does not exist in month {month}{_lost(label)}", "skipped"))
                return Dated(None, fatal=True)
            out += f"-{day:02d}"
    if clock is not None:
        if day is None:
            notes.append(Note(where, f"{label} time given without a day: the time is dropped", "changed"))
        else:
            out += "T{:02d}:{:02d}:{:02d}".format(*clock)
    try:
        dates.parse(out)
    except dates.DateSyntaxError as exc:  # a safety net: every form above is one the parser takes
        notes.append(Note(where, f"{label} date {out}: {exc}", "skipped"))
        return Dated(None, fatal=True)
    return Dated(out)


def _overlap(a: str, b: str) -> bool:
    return dates.parse(a).overlaps(dates.parse(b))


@dataclass(frozen=True)
class SlideDates:
    start: str
    end: str  # "" for a point event
    shown: str  # the display date(s) as the timeline wrote them, for the claim's note


def slide_dates(slide: Slide, notes: list[Note]) -> SlideDates | None:
    """The slide's start and end as EDTF, refined by its display dates; None when it has no usable start."""
    where = slide.where
    start = _edtf(slide.start, "start", where, notes)
    end = _edtf(slide.end, "end", where, notes) if slide.end.get("year") or any(slide.end.values()) else Dated(None)
    if start.fatal:
        return None
    if not slide.end.get("year") and any(v for k, v in slide.end.items() if k != "display_date"):
        notes.append(
            Note(
                where,
                "end month/day/time given without an end year: no end (TimelineJS ignores it too); a point event",
                "changed",
            )
        )
    if end.fatal:
        notes.append(Note(where, "the end date is unusable: imported as a point event", "changed"))
    s, e = start.edtf, end.edtf
    fields = lambda d: {k: v for k, v in d.items() if k != "display_date" and v}  # noqa: E731
    if (
        e is not None
        and fields(slide.start) == fields(slide.end)
        and not slide.display_date
        and slide.start.get("display_date", "") == slide.end.get("display_date", "")
    ):
        notes.append(
            Note(
                where,
                f"end date equals the start date ({s}): a point event (TimelineJS drops such an end too)",
                "changed",
            )
        )
        e = None
    shown_parts = []
    slide_dd = plain(slide.display_date).text
    side_dd = {k: plain(d.get("display_date", "")).text for k, d in (("start", slide.start), ("end", slide.end))}
    if slide_dd:
        shown_parts.append(f"'{slide_dd}'")
    for k in ("start", "end"):
        if side_dd[k] and side_dd[k] != slide_dd:
            shown_parts.append(f"{k} '{side_dd[k]}'")

    def refine(current: str | None, got: str | None, text: str, label: str) -> str | None:
        if got is None:
            notes.append(
                Note(
                    where,
                    f"display date '{text}' is not read as a date: the {label} comes from the "
                    f"date fields; the words are kept in the claim's note",
                    "check",
                )
            )
            return current
        if current is None:
            notes.append(
                Note(
                    where, f"no {label} year: the {label} is read from the display date '{text}' as '{got}'", "changed"
                )
            )
            return got
        if got != current and not _overlap(got, current):
            notes.append(
                Note(
                    where,
                    f"display date '{text}' ({got}) does not overlap the {label} date fields "
                    f"({current}): the date fields are kept",
                    "check",
                )
            )
            return current
        return got

    if slide_dd:
        pair = words.period_to_edtf(slide_dd)
        if pair and (e is not None or s is None):  # 'from A to B' on a period: both ends
            s = refine(s, pair[0], slide_dd, "start")
            e = refine(e, pair[1], slide_dd, "end")
        else:
            s = refine(s, words.to_edtf(slide_dd), slide_dd, "start")
    for side in ("start", "end"):
        text = side_dd[side]
        if text and text != slide_dd:
            if side == "start":
                s = refine(s, words.to_edtf(text), text, "start")
            else:
                e = refine(e, words.to_edtf(text), text, "end")
    if s is None:
        notes.append(
            Note(
                where,
                "no start year (TimelineJS needs one) and no display date that reads as a date: skipped",
                "skipped",
            )
        )
        return None
    if e is not None:
        si, ei = dates.parse(s), dates.parse(e)
        if ei.latest < si.earliest:
            notes.append(
                Note(
                    where,
                    f"end {e} is before start {s}: imported as a point event at the start; "
                    f"fix the end and import again",
                    "changed",
                )
            )
            e = None
    return SlideDates(s, e or "", ", ".join(shown_parts))


# ------------------------------------------------------------------------------------------------
# Slides -> our tables


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


@dataclass
class Built:
    tables: dict[str, list[dict]]
    notes: list[Note]
    counts: dict[str, int]


def _plain_field(value: str, what: str, where: str, notes: list[Note]) -> Plain:
    p = plain(value)
    if p.dropped:
        notes.append(
            Note(where, f"{what}: <{'>, <'.join(p.dropped)}> removed with its content (no script runs)", "changed")
        )
    return p


def build(timeline: Timeline) -> Built:
    """Slides -> rows of our seven tables, and the notes of what was done."""
    notes = list(timeline.notes)
    name = timeline.name
    stem = Path(name).stem
    # The title slide: the timeline's universe (label and description) and the page credited.
    if timeline.title is not None:
        t_head = _plain_field(timeline.title.headline, "title headline", timeline.title.where, notes).text
        t_text = _plain_field(timeline.title.text, "title text", timeline.title.where, notes).text
        notes.append(
            Note(
                timeline.title.where,
                "title slide -> the universe's label and description, and the title of the page in pages.csv",
                "mapped",
            )
        )
        if timeline.title.media.get("url") or timeline.title.media.get("credit"):
            notes.append(
                Note(
                    timeline.title.where,
                    "title slide media not imported (our tables have no place for a title image)",
                    "skipped",
                )
            )
    else:
        t_head, t_text = "", ""
    title = t_head or stem
    universe_id = slug(title, "timeline")
    page_id = "timelinejs"
    timeline_source = "timeline"

    # Events
    events, claims = [], []
    used_ids: set[str] = set()
    seen: dict[tuple, str] = {}
    headlines: dict[str, str] = {}
    groups: dict[str, str] = {}  # group label -> faction id
    faction_ids: set[str] = set()
    sources: dict[str, dict] = {}  # key -> source row
    source_ids: set[str] = {timeline_source}
    no_text, literal = [], []
    dropped_columns: dict[str, list[str]] = {}

    def add_source(key: str, title_text: str, medium: str) -> str:
        if key not in sources:
            sid = _unique(slug(title_text, "source"), source_ids)
            sources[key] = _row("sources", id=sid, title=title_text, medium=medium, tier=DEFAULT_TIER)
        return sources[key]["id"]

    for slide in timeline.events:
        where = slide.where
        when = slide_dates(slide, notes)
        if when is None:
            continue
        head = _plain_field(slide.headline, "headline", where, notes)
        body = _plain_field(slide.text, "text", where, notes)
        title_text = head.text
        if not title_text and head.markup and slide.headline.strip():
            # markup with no words (e.g. <img src=x onerror=...>): keep what was typed, as plain text
            title_text = " ".join(html.unescape(slide.headline).split())
            literal.append(where)
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
                continue
            notes.append(Note(where, f"no headline: the title is taken from the text ('{title_text}')", "changed"))
        summary = body.text
        if not summary:
            summary = title_text
            no_text.append(where)
        key = (when.start, when.end, title_text, summary)
        if key in seen:
            notes.append(
                Note(where, f"repeats the slide at {seen[key]} (same dates, headline and text): skipped", "skipped")
            )
            continue
        seen[key] = where
        base = slug(slide.unique_id, "") if slide.unique_id else ""
        base = base or slug(title_text, "slide")
        event_id = _unique(base, used_ids)
        if title_text in headlines:
            notes.append(
                Note(
                    where,
                    f"headline '{title_text}' also at {headlines[title_text]} with other dates or "
                    f"text: imported as its own event '{event_id}'",
                    "check",
                )
            )
        headlines.setdefault(title_text, where)
        group_label = plain(slide.group).text
        if group_label not in groups:
            groups[group_label] = _unique(slug(group_label, "ungrouped") if group_label else "ungrouped", faction_ids)
        events.append(
            _row(
                "events",
                id=event_id,
                title=title_text,
                summary=summary,
                start=when.start,
                end=when.end,
                era="",
                factions=groups[group_label],
                universe=universe_id,
            )
        )
        dated = words.period(when.start, when.end)
        note = f"The TimelineJS timeline ({where}) dates this {dated}."
        if when.shown:
            note += f" Its display date: {when.shown}."
        claims.append(
            _row(
                "claims",
                event=event_id,
                source=timeline_source,
                page=page_id,
                start=when.start,
                end=when.end,
                note=note,
            )
        )
        # Media credit, media link and links in the text: sources, each cited (undated) by this event.
        media_url = (slide.media.get("url") or "").strip()
        credit = _plain_field(slide.media.get("credit", ""), "media credit", where, notes)
        caption = _plain_field(slide.media.get("caption", ""), "media caption", where, notes)
        if credit.text or media_url:
            safe_url = _safe_target(media_url) or ""
            if media_url and not safe_url:
                notes.append(Note(where, f"media '{media_url[:60]}' is not a web address: left out", "skipped"))
            if credit.text or safe_url:
                sid = add_source(
                    ("credit", credit.text) if credit.text else ("url", safe_url),
                    credit.text or safe_url,
                    _medium(safe_url),
                )
                parts = [f"Credited for the slide's media{' (' + safe_url + ')' if safe_url else ''}."]
                if caption.text:
                    parts.append(f"Caption: {caption.text.rstrip('.')}.")
                targets = [t for _, h in credit.links if (t := _safe_target(h))]
                if targets:
                    parts.append("Credit links to " + ", ".join(targets) + ".")
                claims.append(_row("claims", event=event_id, source=sid, page=page_id, note=" ".join(parts)))
        for label, href in body.links + head.links:
            target = _safe_target(href)
            if not target:
                notes.append(
                    Note(where, f"link target '{href[:60]}' is not a web address: dropped, its words kept", "skipped")
                )
                continue
            host = re.sub(r"^[a-z]+://(www\.)?", "", target, flags=re.I).split("/")[0]
            sid = add_source(
                ("url", target), f"{label} ({host})" if label and label != target else target, _medium(target)
            )
            claims.append(
                _row(
                    "claims",
                    event=event_id,
                    source=sid,
                    page=page_id,
                    note=f"Linked from the slide's text as '{label or target}': {target}",
                )
            )
        for what, value in (("Media Thumbnail", slide.media.get("thumbnail")), ("Background", slide.background)):
            if value:
                dropped_columns.setdefault(what, []).append(where)

    # Factions from groups
    factions = [_row("factions", id=fid, label=label or "No group") for label, fid in groups.items()]
    if groups:
        named = [label for label in groups if label]
        if named:
            notes.append(Note(name, f"Group -> {len(named)} faction(s): {', '.join(named)}", "mapped"))
        if "" in groups:
            notes.append(Note(name, "slides with no Group -> faction 'ungrouped' ('No group')", "mapped"))

    # Eras
    eras, era_ids = [], set()
    spans: list[tuple[str, int, int]] = []
    for slide in timeline.eras:
        where = slide.where
        label = _plain_field(slide.headline, "era headline", where, notes).text or f"Era {len(eras) + 1}"
        start = _edtf(slide.start, "era start", where, notes)
        end = _edtf(slide.end, "era end", where, notes)
        if not (start.edtf and end.edtf):
            notes.append(
                Note(
                    where,
                    f"era '{label}' needs a start and an end year (TimelineJS needs both too): skipped",
                    "skipped",
                )
            )
            continue
        a, b = math.floor(dates.parse(start.edtf).earliest), math.floor(dates.parse(end.edtf).latest)
        if b < a:
            notes.append(Note(where, f"era '{label}' ends before it starts: skipped", "skipped"))
            continue
        if max(abs(a), abs(b)) > ERA_YEAR_LIMIT:
            notes.append(
                Note(
                    where,
                    f"era '{label}' runs to year {a if abs(a) > ERA_YEAR_LIMIT else b}; eras.csv "
                    f"holds years of up to five digits: skipped",
                    "skipped",
                )
            )
            continue
        eid = _unique(slug(label, "era"), era_ids)
        eras.append(
            _row(
                "eras", id=eid, label=label, start=str(a), end=str(b), colour=ERA_COLOURS[len(eras) % len(ERA_COLOURS)]
            )
        )
        spans.append((eid, a, b))
        notes.append(Note(where, f"era '{label}' -> era '{eid}' ({a} to {b})", "mapped"))
    if not eras and events:
        lo = max(-ERA_YEAR_LIMIT, min(math.floor(_finite(ev["start"], "earliest")) for ev in events))
        hi = min(ERA_YEAR_LIMIT, max(math.floor(_finite(ev["end"] or ev["start"], "latest")) for ev in events))
        hi = max(hi, lo)
        eras.append(
            _row("eras", id="whole-timeline", label="Whole timeline", start=str(lo), end=str(hi), colour=ERA_COLOURS[0])
        )
        spans.append(("whole-timeline", lo, hi))
        notes.append(
            Note(name, f"no eras in the timeline: one era 'whole-timeline' ({lo} to {hi}) holds every event", "mapped")
        )
    for ev in events:
        iv = dates.parse(ev["start"])
        at = iv.midpoint
        inside = [s for s in spans if s[1] <= at <= s[2] + 0.999]
        if inside:
            ev["era"] = min(inside, key=lambda s: s[2] - s[1])[0]
        else:
            nearest = min(spans, key=lambda s: min(abs(at - s[1]), abs(at - s[2] - 0.999)))
            ev["era"] = nearest[0]
            if len(timeline.eras):
                notes.append(
                    Note(
                        name,
                        f"event '{ev['id']}' ({words.edtf(ev['start'])}) lies outside every era: "
                        f"put in the nearest, '{nearest[0]}'",
                        "check",
                    )
                )

    universes = [_row("universes", id=universe_id, label=title, kind="prime", description=t_text)]
    pages = [_row("pages", id=page_id, wiki="TimelineJS timeline", title=title, licence=DEFAULT_LICENCE)]
    all_sources = [
        _row("sources", id=timeline_source, title=title, medium="timeline", tier=DEFAULT_TIER),
        *sources.values(),
    ]
    for what, where_list in dropped_columns.items():
        notes.append(
            Note(
                f"{name}: {what}",
                f"on {len(where_list)} slide(s) ({_where_list(where_list)}): not imported "
                f"(our charts have no place for it)",
                "skipped",
            )
        )
    if no_text:
        notes.append(
            Note(
                f"{name}",
                f"{len(no_text)} slide(s) with no Text ({_where_list(no_text)}): the summary "
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
    tables = {
        "events": events,
        "claims": claims,
        "sources": all_sources,
        "pages": pages,
        "eras": eras,
        "factions": factions,
        "universes": universes,
    }
    counts = {k: len(v) for k, v in tables.items()}
    return Built(tables, notes, counts)


def _finite(label: str, side: str) -> float:
    iv = dates.parse(label)
    value = getattr(iv, side)
    if math.isinf(value):
        value = iv.latest if side == "earliest" else iv.earliest
    return value


def _where_list(places: list[str]) -> str:
    """'t.csv:3', 't.csv:4' -> 'lines 3, 4'; JSON paths kept as they are."""
    shown = [p.rsplit(":", 1)[1] if re.search(r":\d+$", p) else p.split(": ", 1)[-1] for p in places[:12]]
    more = f" and {len(places) - 12} more" if len(places) > 12 else ""
    prefix = "lines " if re.search(r":\d+$", places[0]) else ""
    return prefix + ", ".join(shown) + more


def write_tables(tables: dict[str, list[dict]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, spec in TABLES.items():
        with open(out / spec.file, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=spec.column_names, lineterminator="\n")
            writer.writeheader()
            writer.writerows(tables.get(name, []))  # optional tables (tours) may be absent


# ------------------------------------------------------------------------------------------------
# Our table -> TimelineJS JSON


def _parts(label: str, side: str) -> dict:
    """A TimelineJS date object for one side of an EDTF date: its components when the EDTF names them,
    else the year where the range begins (side='start') or ends (side='end')."""
    text = label.strip()
    if "/" in text:
        a, _, b = text.partition("/")
        text = b if (side == "end" and b not in ("", "..")) or a in ("", "..") else a
    m = re.fullmatch(r"\[(.*)\]", text)
    if m and ".." in m[1] and "," not in m[1]:
        a, _, b = m[1].partition("..")
        text = b if (side == "end" and b) or not a else a
    m = re.fullmatch(
        r"(?P<y>-?\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T(?P<h>\d\d):(?P<mi>\d\d):(?P<s>\d\d))?)?)?[?~%]?", text
    )
    if m and (not m["m"] or 1 <= int(m["m"]) <= 12):
        out = {"year": timelinejs_year(int(m["y"]))}
        if m["m"]:
            out["month"] = int(m["m"])
        if m["d"]:
            out["day"] = int(m["d"])
        if m["h"]:
            out.update(hour=int(m["h"]), minute=int(m["mi"]), second=int(m["s"]))
        return out
    iv = dates.parse(label)
    lo, hi = iv.earliest, iv.latest
    value = (hi if math.isinf(lo) else lo) if side == "start" else (lo if math.isinf(hi) else hi)
    return {"year": timelinejs_year(math.floor(value))}


def _esc(text) -> str:
    """Text from the data as HTML text: TimelineJS renders headline and text as HTML."""
    return html.escape("" if text is None else str(text), quote=False)


def _link(url: str, words_: str) -> str:
    target = _safe_target(url or "")
    return f'<a href="{html.escape(target, quote=True)}">{_esc(words_)}</a>' if target else _esc(words_)


def _range(lo, hi) -> str:
    said = words.span(_bound(lo, -1), _bound(hi, 1))
    return f"in {said}" if said[:1].isdigit() else said


def _slide_text(rec: dict) -> str:
    parts = [f"<p>{_esc(rec['summary'])}</p>"]
    if rec["end"]:
        when = (
            f"Best estimate: {words.period(rec['start'], rec['end'])}. The sources put the start "
            f"{_range(rec['start_earliest'], rec['start_latest'])} and the end "
            f"{_range(rec['end_earliest'], rec['end_latest'])}"
        )
    else:
        when = (
            f"Best estimate: {words.edtf(rec['start'])}. The sources put it "
            f"{_range(rec['start_earliest'], rec['start_latest'])}"
        )
    parts.append(f"<p>{_esc(when)}.</p>")
    if rec["disputed"]:
        parts.append(f"<p><strong>Disputed.</strong> {_esc(rec['dispute_note'] or 'The sources disagree.')}</p>")
    items = []
    for c in rec["citations"]:
        dated = citations.dates_in_words(c, ended="ending")
        value = f" [{c['value']}]" if c["value"] else ""
        items.append(
            f"<li><em>{_esc(c['source'])}</em> ({_esc(c['medium'])}, {_esc(c['tier'])}; read on "
            f"{_esc(c['page'])}): {_esc(dated)}{_esc(value)}. {_esc(c['note'])}</li>"
        )
    if items:
        parts.append(f"<p>Sources ({len(items)}):</p><ul>{''.join(items)}</ul>")
    return "".join(parts)


def _universe_ids(rec: dict) -> list[str]:
    """An export record's universes, whether the record holds one id or a list."""
    value = rec.get("universes", rec.get("universe"))
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return list(value or [])


def _bound(value, sign: int) -> float:
    return sign * math.inf if value is None else value


def to_timelinejs(resolved, tables) -> dict:
    """The resolved table as a TimelineJS timeline (a dict ready for json.dumps)."""
    from dashboard.domain import credits
    from dashboard.domain.vocabulary import Vocabulary
    from dashboard.formats.records import events_records

    vocab = Vocabulary.from_tables(tables)
    records = events_records(resolved, tables)
    universes = {u for r in records for u in _universe_ids(r)}
    unis = tables.universes.set_index("id")
    if len(universes) == 1 and next(iter(universes)) in unis.index:
        only = unis.loc[next(iter(universes))]
        headline, about = only["label"], only["description"]
    else:
        headline, about = "Bajor Timeline", ""
    credits = "".join(
        f"<li>{_link(a['url'], a['wiki'] + ', “' + a['title'] + '”')} ({_link(a['licence_url'], a['licence'])})</li>"
        for a in credits.attribution(tables)
    )
    title_text = (f"<p>{_esc(about)}</p>" if about else "") + (
        f"<p>{len(records)} events, each with its sources and how sure they are of its dates. "
        f"Facts read from these pages and paraphrased:</p><ul>{credits}</ul>"
    )
    events = []
    years = []
    for rec in records:
        start = _parts(rec["start"], "start")
        start["display_date"] = words.edtf(rec["start"])
        slide = {
            "unique_id": rec["id"],
            "start_date": start,
            "text": {"headline": _esc(rec["title"]), "text": _slide_text(rec)},
            "group": vocab.factions.get(vocab.top(rec["factions"][0]), rec["factions"][0]) if rec["factions"] else "",
            "display_date": words.period(rec["start"], rec["end"]),
        }
        years.append(start["year"])
        if rec["end"]:
            end = _parts(rec["end"], "end")
            end["display_date"] = words.edtf(rec["end"])
            if (end["year"], end.get("month", 1), end.get("day", 1)) < (
                start["year"],
                start.get("month", 1),
                start.get("day", 1),
            ):
                end = {**start, "display_date": end["display_date"]}
            slide["end_date"] = end
            years.append(end["year"])
        events.append(slide)
    eras = [
        {
            "start_date": {"year": timelinejs_year(int(e["start"]))},
            "end_date": {"year": timelinejs_year(int(e["end"]))},
            "text": {"headline": _esc(e["label"])},
        }
        for e in tables.eras.to_dict("records")
    ]
    out = {"title": {"text": {"headline": _esc(headline), "text": title_text}}, "events": events, "eras": eras}
    if any(abs(y) > JS_DATE_LIMIT for y in years):
        out["scale"] = "cosmological"
    return out


def to_json(resolved, tables) -> str:
    return json.dumps(to_timelinejs(resolved, tables), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# ------------------------------------------------------------------------------------------------
# The whole import, and its report


@dataclass
class Imported:
    timeline: Timeline
    built: Built
    out: Path
    problems: list  # validator errors on what was written (none expected)


def import_file(path: Path, out: Path) -> Imported:
    """Read a TimelineJS file, write our tables into `out` (which must be new or empty), validate them."""
    from dashboard.domain.loading import validate_dir

    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise TimelineUnreadable(
            f"--out {out}: already holds files; give a new or empty directory (nothing was overwritten)"
        )
    timeline = read(path)
    built = build(timeline)
    if not built.tables["events"]:
        raise TimelineUnreadable(
            f"{timeline.name}: no slide could be imported; nothing written.\n"
            + "\n".join(str(n) for n in built.notes if n.kind == "skipped")
        )
    write_tables(built.tables, out)
    _, problems = validate_dir(out)
    return Imported(timeline, built, out, problems)


_HEADINGS = (
    ("mapped", "Mapped"),
    ("skipped", "Skipped (with why)"),
    ("changed", "Changed (with why)"),
    ("check", "To check by hand"),
)


def _place(note: Note) -> tuple:
    """Sort key: notes about the whole file first, then by line or by JSON index."""
    m = re.search(r":(\d+)", note.where) or re.search(r"\[(\d+)\]", note.where)
    section = 0 if "eras[" in note.where else 1
    return (1, section, int(m[1])) if m else (0, 0, 0)


def report(imp: Imported) -> str:
    """The import report: what was read, what was written, and every note grouped by kind."""
    t, c = imp.timeline, imp.built.counts
    kind = "TimelineJS JSON" if t.fmt == "json" else "the TimelineJS template's CSV"
    lines = [
        f"Read {t.name} as {kind}: {len(t.events)} slide(s), {len(t.eras)} era(s)"
        f"{', a title slide' if t.title else ', no title slide'}.",
        f"Wrote {imp.out}: {c['events']} events, {c['claims']} claims, {c['sources']} source(s), {c['pages']} page, "
        f"{c['eras']} era(s), {c['factions']} faction(s), {c['universes']} universe.",
    ]
    for key, heading in _HEADINGS:
        group = sorted((n for n in imp.built.notes if n.kind == key), key=_place)
        if group:
            lines.append(f"{heading}:")
            lines.extend(f"  {n}" for n in group)
    if imp.problems:
        lines.append(f"The written table does NOT pass validate ({len(imp.problems)} problem(s)); please report this:")
        lines.extend(f"  {p}" for p in imp.problems)
    else:
        lines.append(
            f"validate: OK. Next: python -m dashboard validate --data {imp.out}; python app.py --data {imp.out}"
        )
    return "\n".join(lines) + "\n"
