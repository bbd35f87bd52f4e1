"""Reading a TimelineJS file: the Google Sheets template saved as CSV, or TimelineJS JSON, told apart by
content, into `Entry`s (TimelineJS's slides: the title, the events and the eras) with nothing
interpreted yet, and `Note`s on what could not be read, each with the line (CSV) or JSON path."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

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
_ENTRY_KEYS = {
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
class Entry:
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
    title: Entry | None
    events: list[Entry]
    eras: list[Entry]
    notes: list[Note]


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


# ------------------------------------------------------------------------------------------------
# The template's CSV


def _norm(header: str) -> str:
    return " ".join(header.split()).lower()


_COLUMN_KEYS = {_norm(c): c for c in TEMPLATE_COLUMNS}


def _read_csv(text: str, name: str) -> Timeline:
    notes: list[Note] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise TimelineUnreadable(f"{name}:1: unreadable CSV header: {exc}") from None
    keys = _csv_keys(header, name, notes)
    title: Entry | None = None
    events: list[Entry] = []
    eras: list[Entry] = []
    for entry, type_cell in _csv_entries(reader, header, keys, name, notes):
        kind = type_cell.lower()
        if kind == "title" and title is None:
            entry.kind = "title"
            title = entry
        elif kind == "title":
            notes.append(
                Note(entry.where, "a second title slide: read as an event (TimelineJS does the same)", "changed")
            )
            events.append(entry)
        elif kind == "era":
            entry.kind = "era"
            eras.append(entry)
        else:
            if kind and kind != "event":
                notes.append(
                    Note(entry.where, f"Type '{type_cell}' is not title, era or empty: read as an event", "changed")
                )
            events.append(entry)
    return Timeline("csv", name, title, events, eras, notes)


def _csv_keys(header: list[str], name: str, notes: list[Note]) -> list[str | None]:
    """The template column each header cell names (None: not one, or named twice); fails without Year or Headline."""
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
    return keys


def _csv_entries(reader, header: list[str], keys: list[str | None], name: str, notes: list[Note]) -> Iterator:
    """(entry, its Type cell) for each row that holds something; empty and malformed rows are noted."""
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
        number, where = line, f"{name}:{line}"
        line = reader.line_num + 1
        if not any(c.strip() for c in cells):
            empty_lines.append(number)
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
        yield _csv_entry(row, where), row.get("Type", "")
    if empty_lines:
        notes.append(Note(f"{name}:{_lines(empty_lines)}", f"{len(empty_lines)} empty row(s) skipped", "skipped"))


def _csv_entry(row: dict[str, str], where: str) -> Entry:
    cell = {column: row.get(column, "") for column in TEMPLATE_COLUMNS}
    return Entry(
        where=where,
        kind="event",
        start={"year": cell["Year"], "month": cell["Month"], "day": cell["Day"], "time": cell["Time"]},
        end={"year": cell["End Year"], "month": cell["End Month"], "day": cell["End Day"], "time": cell["End Time"]},
        display_date=cell["Display Date"],
        headline=cell["Headline"],
        text=cell["Text"],
        media={
            "url": cell["Media"],
            "credit": cell["Media Credit"],
            "caption": cell["Media Caption"],
            "thumbnail": cell["Media Thumbnail"],
        },
        group=cell["Group"],
        background=cell["Background"],
    )


def _lines(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> '3-5,9'."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ",".join(f"{r[0]}" if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


# ------------------------------------------------------------------------------------------------
# TimelineJS JSON


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
    title = _json_entry(data["title"], f"{name}: title", "title", notes) if data.get("title") else None
    events = [
        e for i, obj in enumerate(data["events"]) if (e := _json_entry(obj, f"{name}: events[{i}]", "event", notes))
    ]
    eras_raw = data.get("eras") or []
    if not isinstance(eras_raw, list):
        notes.append(Note(f"{name}: eras", "is not a list: ignored", "skipped"))
        eras_raw = []
    eras = [e for i, obj in enumerate(eras_raw) if (e := _json_entry(obj, f"{name}: eras[{i}]", "era", notes))]
    return Timeline("json", name, title, events, eras, notes)


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


def _json_entry(obj, where: str, kind: str, notes: list[Note]) -> Entry | None:
    if not isinstance(obj, dict):
        notes.append(Note(where, "is not a slide object: skipped", "skipped"))
        return None
    for key in obj:
        if key not in _ENTRY_KEYS:
            notes.append(Note(where, f"'{key}' is not a TimelineJS slide field: ignored", "skipped"))
    text = t if isinstance(t := obj.get("text"), dict) else {}
    media = m if isinstance(m := obj.get("media"), dict) else {}
    background = obj.get("background")
    if isinstance(background, dict):
        background = background.get("url") or background.get("color") or ""
    return Entry(
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
