"""TimelineJS dates and our EDTF, both ways: a slide's date fields (year, month, day, time) and display
dates read as EDTF on the way in (`to_edtf`, `entry_dates`), and an EDTF date written as a TimelineJS
date object on the way out (`date_parts`).

TimelineJS numbers years as people say them (-500 is shown as "500 BCE") while EDTF counts
astronomically (-0499 is 500 BCE), so BCE years shift by one on the way in and back on the way out.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass

from dashboard.domain import dates, words
from dashboard.formats.timelinejs.markup import plain
from dashboard.formats.timelinejs.reader import Entry, Note

# The largest year (either way) our year axis holds: years are floats, and a date needs a thousandth
# of a year to stay distinct from its neighbours (2328.0 to 2328.999). Past this a year is not held.
AXIS_LIMIT = 10**12
JS_DATE_LIMIT = 271820  # beyond this TimelineJS itself switches to its 'cosmological' scale


def astronomical(tl_year: int) -> int:
    """TimelineJS's year (-500 shown as '500 BCE') to an astronomical year (-499)."""
    return tl_year + 1 if tl_year < 0 else tl_year


def timelinejs_year(astro: int) -> int:
    """An astronomical year to the year TimelineJS shows as the same year: -499 -> -500."""
    return astro - 1 if astro <= 0 else astro


# ------------------------------------------------------------------------------------------------
# In: TimelineJS date fields -> EDTF


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


@dataclass(frozen=True)
class _Side:
    """One date being read (label: start, end, era start or era end), and where its notes go."""

    label: str
    where: str
    notes: list[Note]

    @property
    def lost(self) -> str:
        """What an unreadable date costs: a start loses the slide; an end or an era's date is dealt with by the caller."""
        return ": not imported" if self.label == "start" else ""

    def say(self, message: str, kind: str) -> None:
        self.notes.append(Note(self.where, f"{self.label} {message}", kind))


def to_edtf(fields: dict, label: str, where: str, notes: list[Note]) -> Dated:
    """TimelineJS date fields (year, month, day, time or hour/minute/second) -> one EDTF string."""
    side = _Side(label, where, notes)
    raw_year = fields.get("year", "")
    year = _integer(raw_year)
    if year is None:
        if raw_year:
            side.say(f"year '{raw_year}' is not a whole number{side.lost}", "skipped")
        return Dated(None, fatal=bool(raw_year))
    astro = astronomical(year)
    if not _year_held(year, astro, side):
        return Dated(None, fatal=True)
    month, day = _integer(fields.get("month", "")), _integer(fields.get("day", ""))
    if not _month_and_day_valid(fields, month, day, side):
        return Dated(None, fatal=True)
    clock = _clock(fields, side)
    if _integer(fields.get("millisecond", "")):
        side.say(f"millisecond {fields['millisecond']} dropped (EDTF times go to the second)", "changed")
    if abs(astro) > 9999:
        return _long_year(year, astro, [("month", month), ("day", day), ("time", clock)], side)
    return _assemble(astro, month, day, clock, side)


def _year_held(year: int, astro: int, side: _Side) -> bool:
    """Notes year 0 (read as 1 BCE); False when the year is past what our axis holds."""
    if year == 0:
        side.say(
            "year 0: the BCE/CE calendar has no year 0; read as 1 BCE (EDTF 0000), where TimelineJS puts it",
            "changed",
        )
    if abs(astro) > AXIS_LIMIT:
        side.say(
            f"year {year} is beyond what our year axis holds (years up to "
            f"{AXIS_LIMIT:,} either way): slide not imported, nothing rounded",
            "skipped",
        )
        return False
    return True


def _month_and_day_valid(fields: dict, month: int | None, day: int | None, side: _Side) -> bool:
    for part, ok in (("month", month is None or 1 <= month <= 12), ("day", day is None or day >= 1)):
        if not ok:
            side.say(f"{part} '{fields.get(part)}' is not a valid {part}{side.lost}", "skipped")
            return False
    for part in ("month", "day"):
        if fields.get(part) and _integer(fields[part]) is None:
            side.say(f"{part} '{fields[part]}' is not a whole number{side.lost}", "skipped")
            return False
    return True


def _clock(fields: dict, side: _Side) -> tuple[int, int, int] | None:
    """The time of day from the template's Time cell or JSON's hour/minute/second; None (noted) if unreadable."""
    if fields.get("time"):
        clock = _time(fields["time"])
        if clock is None:
            side.say(
                f"time '{fields['time']}' is not a time like 14:30 or 2:30 PM: the date is kept without it",
                "changed",
            )
        return clock
    if any(fields.get(k) for k in ("hour", "minute", "second")):
        h, mi, s = (_integer(fields.get(k, "")) for k in ("hour", "minute", "second"))
        if h is None or not 0 <= h <= 23 or not 0 <= (mi or 0) <= 59 or not 0 <= (s or 0) <= 59:
            side.say(
                f"time {fields.get('hour')}:{fields.get('minute')}:{fields.get('second')} "
                f"is not a time of day: the date is kept without it",
                "changed",
            )
            return None
        return (h, mi or 0, s or 0)
    return None


def _long_year(year: int, astro: int, parts: list[tuple[str, object]], side: _Side) -> Dated:
    """A year of more than four digits: EDTF gives it no month, day or time."""
    finer = [p for p, v in parts if v is not None]
    if abs(year) > JS_DATE_LIMIT:
        side.say(
            f"year {year} is on TimelineJS's cosmological scale: kept as EDTF '{words.edtf_year(astro)}'",
            "changed",
        )
    if finer:
        side.say(
            f"{', '.join(finer)} dropped: EDTF gives a year of more than four digits "
            f"no month, day or time; the year is kept",
            "changed",
        )
    return Dated(words.edtf_year(astro))


def _assemble(astro: int, month: int | None, day: int | None, clock: tuple | None, side: _Side) -> Dated:
    """Year, month, day and time as one EDTF date, dropping (with a note) what has nothing to hang on."""
    out = words.edtf_year(astro)
    if day is not None and month is None:
        side.say(f"day {day} given without a month: the day is dropped", "changed")
        day = None
    if month is not None:
        out += f"-{month:02d}"
        if day is not None:
            if day > calendar.monthrange(astro if astro > 0 else 2000 + astro % 400, month)[1]:
                side.say(f"day {day} does not exist in month {month}{side.lost}", "skipped")
                return Dated(None, fatal=True)
            out += f"-{day:02d}"
    if clock is not None:
        if day is None:
            side.say("time given without a day: the time is dropped", "changed")
        else:
            out += "T{:02d}:{:02d}:{:02d}".format(*clock)
    try:
        dates.parse(out)
    except dates.DateSyntaxError as exc:  # a safety net: every form above is one the parser takes
        side.say(f"date {out}: {exc}", "skipped")
        return Dated(None, fatal=True)
    return Dated(out)


# ------------------------------------------------------------------------------------------------
# In: a slide's dates (date fields refined by display dates)


@dataclass(frozen=True)
class EntryDates:
    start: str
    end: str  # "" for a point event
    shown: str  # the display date(s) as the timeline wrote them, for the claim's note


def entry_dates(entry: Entry, notes: list[Note]) -> EntryDates | None:
    """The slide's start and end as EDTF, refined by its display dates; None when it has no usable start."""
    where = entry.where
    from_fields = _field_dates(entry, notes)
    if from_fields is None:
        return None
    entry_dd = plain(entry.display_date).text
    side_dd = {k: plain(d.get("display_date", "")).text for k, d in (("start", entry.start), ("end", entry.end))}
    s, e = _display_dates(*from_fields, entry_dd, side_dd, where, notes)
    if s is None:
        notes.append(
            Note(
                where,
                "no start year (TimelineJS needs one) and no display date that reads as a date: skipped",
                "skipped",
            )
        )
        return None
    if e is not None and _ends_before(s, e):
        notes.append(
            Note(
                where,
                f"end {e} is before start {s}: imported as a point event at the start; fix the end and import again",
                "changed",
            )
        )
        e = None
    shown = [f"'{entry_dd}'"] if entry_dd else []
    shown += [f"{k} '{side_dd[k]}'" for k in ("start", "end") if side_dd[k] and side_dd[k] != entry_dd]
    return EntryDates(s, e or "", ", ".join(shown))


def _ends_before(s: str, e: str) -> bool:
    si, ei = dates.parse(s), dates.parse(e)
    return ei.latest < si.earliest


def _field_dates(entry: Entry, notes: list[Note]) -> tuple[str | None, str | None] | None:
    """Start and end from the date fields alone; None when the start is unusable (the slide is lost)."""
    where = entry.where
    start = to_edtf(entry.start, "start", where, notes)
    end = to_edtf(entry.end, "end", where, notes) if entry.end.get("year") or any(entry.end.values()) else Dated(None)
    if start.fatal:
        return None
    if not entry.end.get("year") and any(v for k, v in entry.end.items() if k != "display_date"):
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
    fields = lambda d: {k: v for k, v in d.items() if k != "display_date" and v}
    if (
        e is not None
        and fields(entry.start) == fields(entry.end)
        and not entry.display_date
        and entry.start.get("display_date", "") == entry.end.get("display_date", "")
    ):
        notes.append(
            Note(
                where,
                f"end date equals the start date ({s}): a point event (TimelineJS drops such an end too)",
                "changed",
            )
        )
        e = None
    return s, e


def _display_dates(
    s: str | None, e: str | None, entry_dd: str, side_dd: dict[str, str], where: str, notes: list[Note]
) -> tuple[str | None, str | None]:
    """Start and end refined by the slide's display date, then by each side's own display date."""
    if entry_dd:
        pair = words.period_to_edtf(entry_dd)
        if pair and (e is not None or s is None):  # 'from A to B' on a period: both ends
            s = _refine(s, pair[0], entry_dd, "start", where, notes)
            e = _refine(e, pair[1], entry_dd, "end", where, notes)
        else:
            s = _refine(s, words.to_edtf(entry_dd), entry_dd, "start", where, notes)
    text = side_dd["start"]
    if text and text != entry_dd:
        s = _refine(s, words.to_edtf(text), text, "start", where, notes)
    text = side_dd["end"]
    if text and text != entry_dd:
        e = _refine(e, words.to_edtf(text), text, "end", where, notes)
    return s, e


def _refine(current: str | None, got: str | None, text: str, label: str, where: str, notes: list[Note]) -> str | None:
    """One side's date after reading a display date ('got', None when the words are not a date)."""
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
            Note(where, f"no {label} year: the {label} is read from the display date '{text}' as '{got}'", "changed")
        )
        return got
    if got != current and not dates.parse(got).overlaps(dates.parse(current)):
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


# ------------------------------------------------------------------------------------------------
# Out: EDTF -> a TimelineJS date object


def date_parts(label: str, side: str) -> dict:
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
