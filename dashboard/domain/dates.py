"""Uncertain dates: an EDTF string becomes an Interval of fractional years (no datetime64).

`2328` spans 2328.0-2328.999; `2328?` and `2328~` widen by the edtf package's fuzz (a year
each side); `[2309..2328]` is 2309-2328.999; `234X` is 2340-2349.999; open ends (`2346/..`,
`[..2319]`) are +/-inf and flagged open.

The edtf package is the reference. The forms tables use (years, `?` `~` `%`, trailing `X` digits,
year-month(-day), intervals, `[a..b]`, open ends) are read by a fast path that computes exactly
what the edtf package would (tests/test_dates.py proves it, with property tests); every other
string goes to the edtf package.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import datetime

from dateutil.relativedelta import relativedelta

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


def _edtf_bounds(label: str) -> tuple[float, float]:
    """The reference route: the edtf package's parser and its fuzzy bounds (imported on first use:
    building its grammar takes a while, and most tables never need it)."""
    from edtf import parse_edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        parsed = parse_edtf(label)
        return _bound(parsed.lower_fuzzy(), end=False), _bound(parsed.upper_fuzzy(), end=True)
    except EDTFParseException as exc:
        raise DateSyntaxError(
            f"'{label}' is not an EDTF date (examples: 2328, 2328?, 234X, [2309..2328], 2346/2369)"
        ) from exc
    except (TypeError, ValueError, AttributeError) as exc:
        raise DateSyntaxError(f"'{label}' cannot be turned into a year range: {exc}") from exc


# --- the fast path ----------------------------------------------------------------------------
# The forms data tables use, read with regular expressions and computed exactly as the edtf
# package computes them (same strict dates, same fuzz, same calendar arithmetic), in microseconds
# instead of milliseconds. Anything else, or anything the fast path is not sure of, goes to the
# edtf package. tests/test_dates.py proves the two routes agree (unit and property tests).

_DATE = r"(?P<{p}y>-?[0-9]{{4}})(?:-(?P<{p}m>[0-9]{{2}})(?:-(?P<{p}d>[0-9]{{2}}))?)?"
_UA = r"(?P<{p}q>[?~%])?"
_SIDE = f"(?:(?P<{{p}}open>\\.\\.)|{_DATE}{_UA})"
_SINGLE = re.compile(_DATE.format(p="") + _UA.format(p=""), re.ASCII)
_UNSPECIFIED = re.compile(r"(?P<y>-?(?:[0-9]{3}X|[0-9]{2}XX|[0-9]XXX))(?P<q>[?~%])?", re.ASCII)
_INTERVAL = re.compile(_SIDE.format(p="a") + "/" + _SIDE.format(p="b"), re.ASCII)
_SET = re.compile(r"\[(?:" + _DATE.format(p="a") + r")?\.\.(?:" + _DATE.format(p="b") + r")?\]", re.ASCII)
_MULTIPLIER = {None: 0, "?": 1, "~": 1, "%": 2}  # edtf's MULTIPLIER_IF_UNCERTAIN/APPROXIMATE/BOTH
_X_PADDING = {1: 10, 2: 100, 3: 1000}  # decade, century, millennium precision (years)
_LAST_DAY = {1: 31, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def _days_in_month(year: int, month: int) -> int:
    return 29 if month == 2 and calendar.isleap(year) else 28 if month == 2 else _LAST_DAY[month]


def _valid(y: str, m: str | None, d: str | None) -> bool:
    """The edtf grammar's checks: no year -0000, month 01-12, day within the month (Feb: 29)."""
    if y == "-0000":
        return False
    if m is None:
        return d is None
    month = int(m)
    if not 1 <= month <= 12:
        return False
    return d is None or 1 <= int(d) <= (29 if month == 2 else _LAST_DAY[month])


def _strict(y: str, m: str | None, d: str | None, end: bool) -> tuple[int, int, int]:
    year = int(y)
    if not end:
        return year, int(m) if m else 1, int(d) if d else 1
    month = int(m) if m else 12
    return year, month, int(d) if d else _days_in_month(year, month)


def _shift(
    ymd: tuple[int, int, int], end: bool, years: int, months: int = 0, days: int = 0
) -> tuple[int, int, int] | None:
    """Move a date out by the fuzz, like edtf's apply_delta; None where edtf would fall back to its
    far-year workaround or fail (outside 1-9999, or a 29 February that does not exist)."""
    if not (years or months or days):
        return ymd
    if not 1 <= ymd[0] <= 9999:
        return None
    delta = relativedelta(years=years, months=months, days=days)
    try:
        moved = datetime(*ymd) + delta if end else datetime(*ymd) - delta
    except (OverflowError, ValueError):
        return None
    return moved.year, moved.month, moved.day


def _dated(y, m, d, q, end: bool):
    """One (qualified) date's bound as edtf's UncertainOrApproximate gives it; None: not sure."""
    if not _valid(y, m, d):
        return None
    n = _MULTIPLIER[q]
    ymd = _shift(_strict(y, m, d, end), end, n, n if m else 0, n if d else 0)
    return None if ymd is None else _year_fraction(*ymd, end)


def fast_bounds(label: str) -> tuple[float, float] | None:
    """(earliest, latest) for the common EDTF forms, computed without the edtf package; None when
    the label is not one of them (the caller then asks the edtf package)."""
    if (m := _SINGLE.fullmatch(label)) is not None:
        lo, hi = (_dated(m["y"], m["m"], m["d"], m["q"], end) for end in (False, True))
    elif (m := _UNSPECIFIED.fullmatch(label)) is not None:
        y, n = m["y"], _MULTIPLIER[m["q"]]
        low, high = int(y.replace("X", "0")), int(y.replace("X", "9"))
        if y.startswith("-"):  # edtf swaps them for negative years: -234X is -2349 to -2340
            low, high = high, low
        pad = n * _X_PADDING[y.count("X")]
        start, stop = _shift((low, 1, 1), False, pad), _shift((high, 12, 31), True, pad)
        lo = None if start is None else _year_fraction(*start, False)
        hi = None if stop is None else _year_fraction(*stop, True)
    elif (m := _INTERVAL.fullmatch(label)) is not None:
        lo = -math.inf if m["aopen"] else _dated(m["ay"], m["am"], m["ad"], m["aq"], False)
        hi = math.inf if m["bopen"] else _dated(m["by"], m["bm"], m["bd"], m["bq"], True)
    elif (m := _SET.fullmatch(label)) is not None:
        a, b = (m["ay"], m["am"], m["ad"]), (m["by"], m["bm"], m["bd"])
        if a[0] is None and b[0] is None:
            return None
        if a[0] is not None and b[0] is not None and (a[1] is None, a[2] is None) != (b[1] is None, b[2] is None):
            return None  # [2309..2328-03]: both ends of a range must have the same precision
        lo = -math.inf if a[0] is None else _dated(*a, None, False)
        hi = math.inf if b[0] is None else _dated(*b, None, True)
    else:
        return None
    return None if lo is None or hi is None else (lo, hi)


def parse_with_edtf(text: str) -> Interval:
    """parse(), always through the edtf package (the reference the fast path is tested against)."""
    label = _label(text)
    return _interval(label, *_edtf_bounds(label))


def parse(text: str) -> Interval:
    """Parse one EDTF string into an Interval; raise DateSyntaxError saying what is wrong."""
    label = _label(text)
    bounds = fast_bounds(label)
    return _interval(label, *(bounds if bounds is not None else _edtf_bounds(label)))


def _label(text: str) -> str:
    label = (text or "").strip()
    if not label:
        raise DateSyntaxError("empty date")
    return label


def _interval(label: str, earliest: float, latest: float) -> Interval:
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
    return hull(items) if items else None


def hull(items: list[Interval]) -> Interval:
    """The smallest interval containing these (at least one)."""
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
