"""Uncertain dates: an EDTF string becomes an Interval of fractional years (no datetime64).

`2328` spans 2328.0-2328.999; `2328?` and `2328~` widen by the edtf package's fuzz (a year
each side); `[2309..2328]` is 2309-2328.999; `234X` is 2340-2349.999; open ends (`2346/..`,
`[..2319]`) are +/-inf and flagged open.
"""
from __future__ import annotations

import calendar
import math
from dataclasses import dataclass

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class DateSyntaxError(ValueError):
    """The text is not an Extended Date/Time Format string this project understands."""


@dataclass(frozen=True)
class Interval:
    """Where an uncertain date lies: earliest and latest fractional year, and its label."""

    earliest: float
    latest: float
    label: str

    @property
    def open_start(self) -> bool:
        return math.isinf(self.earliest)

    @property
    def open_end(self) -> bool:
        return math.isinf(self.latest)

    @property
    def width(self) -> float:
        return self.latest - self.earliest

    @property
    def midpoint(self) -> float:
        if self.open_start:
            return self.latest
        if self.open_end:
            return self.earliest
        return (self.earliest + self.latest) / 2

    def overlaps(self, other: Interval) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest


def _year_fraction(year: int, month: int, day: int, end: bool) -> float:
    days = list(_MONTH_DAYS)
    if calendar.isleap(year):
        days[1] = 29
    before = sum(days[: month - 1]) + day - 1
    total = sum(days)
    if end:  # the last moment of that day, kept readable: 2328-12-31 -> 2328.999
        return round(year + (before + 1) / total - 0.001, 3)
    return round(year + before / total, 3)


def _bound(value, end: bool) -> float:
    if isinstance(value, float):  # the edtf package gives +/-inf for open bounds
        return value
    return _year_fraction(value.tm_year, value.tm_mon, value.tm_mday, end)


def parse(text: str) -> Interval:
    """Parse one EDTF string into an Interval; raise DateSyntaxError saying what is wrong."""
    label = (text or "").strip()
    if not label:
        raise DateSyntaxError("empty date")
    try:
        parsed = parse_edtf(label)
        earliest = _bound(parsed.lower_fuzzy(), end=False)
        latest = _bound(parsed.upper_fuzzy(), end=True)
    except EDTFParseException as exc:
        raise DateSyntaxError(
            f"'{label}' is not an EDTF date (examples: 2328, 2328?, 234X, [2309..2328], 2346/2369)"
        ) from exc
    except (TypeError, ValueError, AttributeError) as exc:
        raise DateSyntaxError(f"'{label}' cannot be turned into a year range: {exc}") from exc
    if math.isinf(earliest) and math.isinf(latest):
        raise DateSyntaxError(f"'{label}' is open at both ends; give at least one year")
    if earliest > latest:
        raise DateSyntaxError(f"'{label}' ends before it begins")
    return Interval(earliest, latest, label)


class Memo:
    """Parses each distinct EDTF string once (the edtf package takes milliseconds per parse, and
    a table repeats its dates many times). One per load: no state outlives it."""

    def __init__(self):
        self._seen: dict[str, Interval | DateSyntaxError] = {}

    def __call__(self, text: str) -> Interval:
        if text not in self._seen:
            try:
                self._seen[text] = parse(text)
            except DateSyntaxError as exc:
                self._seen[text] = exc
        result = self._seen[text]
        if isinstance(result, DateSyntaxError):
            raise result
        return result


def envelope(intervals) -> Interval | None:
    """The smallest interval containing all given ones (None if there are none)."""
    items = [i for i in intervals if i is not None]
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    lo = min(i.earliest for i in items)
    hi = max(i.latest for i in items)
    return Interval(lo, hi, format_range(lo, hi))


def format_year(value: float) -> str:
    """A fractional year as a reader would say it: 2328.0 -> '2328'; inf -> 'open'."""
    if math.isinf(value):
        return "open"
    return str(math.floor(value))


def format_range(earliest: float, latest: float) -> str:
    lo, hi = format_year(earliest), format_year(latest)
    if math.isinf(earliest):
        return f"by {hi}"
    if math.isinf(latest):
        return f"{lo} or later"
    return lo if lo == hi else f"{lo}-{hi}"
