"""Dates in words, for readers: "about 2319", "by 2328", "between 2346 and 2369", "2346 or later".

The EDTF strings stay in the data and the exports; whatever a person reads goes through here.
Pure functions of strings and numbers (no pandas, no Dash).
"""
from __future__ import annotations

import math
import re

from .dates import DateSyntaxError, Interval, parse

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_YEAR = r"-?\d{1,6}"
_SIMPLE = re.compile(rf"^(?P<year>{_YEAR})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?(?P<q>[?~%])?$")
_UNSPEC = re.compile(r"^(?P<stem>\d{1,3})(?P<xs>X{1,3})(?P<q>[?~%])?$")
_QUALIFIER = {"~": "about ", "?": "probably ", "%": "perhaps about ", None: ""}


def year(value: float) -> str:
    """A year as a reader says it: 2328.4 -> '2328'; astronomical year 0 -> '1 BCE', -499 -> '500 BCE'."""
    y = math.floor(value)
    return str(y) if y > 0 else f"{1 - y} BCE"


def span(earliest: float, latest: float) -> str:
    """A range of fractional years in words ('2328', 'between 2346 and 2369', 'by 2328', '2346 or later')."""
    if math.isinf(earliest) and math.isinf(latest):
        return "date unknown"
    if math.isinf(earliest):
        return f"by {year(latest)}"
    if math.isinf(latest):
        return f"{year(earliest)} or later"
    lo, hi = year(earliest), year(latest)
    return lo if lo == hi else f"between {lo} and {hi}"


def _simple(text: str) -> str | None:
    m = _SIMPLE.match(text)
    if not m:
        return None
    y = int(m["year"])
    when = year(y)
    if m["month"] and 1 <= int(m["month"]) <= 12:
        when = f"{MONTHS[int(m['month']) - 1]} {when}"
        if m["day"]:
            when = f"{int(m['day'])} {when}"
    elif m["month"]:  # EDTF seasons and the like: say the year only
        when = year(y)
    return _QUALIFIER[m["q"]] + when


def _unspecified(text: str) -> str | None:
    m = _UNSPEC.match(text)
    if not m:
        return None
    width = 10 ** len(m["xs"])
    start = int(m["stem"]) * width
    noun = {10: "s", 100: "s", 1000: "s"}[width]
    return _QUALIFIER[m["q"]] + f"in the {start}{noun}"


def _part(text: str) -> str | None:
    """One end of an interval ('2346', '2319~', '234X'), or None if it is not a simple form."""
    return _simple(text) or _unspecified(text)


def edtf(label: str) -> str:
    """An EDTF string in words: '2319~' -> 'about 2319'; '../2328' -> 'by 2328';
    '2346/2369' -> 'between 2346 and 2369'; '2346/..' -> '2346 or later'; '234X' -> 'in the 2340s';
    '[2309..2328]' -> 'one year between 2309 and 2328'. Anything else: the range it covers."""
    text = (label or "").strip()
    if not text:
        return "undated"
    whole = _part(text)
    if whole:
        return whole
    if "/" in text:
        a, _, b = text.partition("/")
        a_open, b_open = a in ("", ".."), b in ("", "..")
        if a_open and not b_open and _part(b):
            return f"by {_part(b)}"
        if b_open and not a_open and _part(a):
            return f"{_part(a)} or later"
        if _part(a) and _part(b):
            return f"between {_part(a)} and {_part(b)}"
    m = re.match(r"^\[(.*)\]$", text)
    if m and "," not in m[1] and ".." in m[1]:
        a, _, b = m[1].partition("..")
        if not a and _part(b):
            return f"by {_part(b)}"
        if not b and _part(a):
            return f"{_part(a)} or later"
        if _part(a) and _part(b):
            return f"one year between {_part(a)} and {_part(b)}"
    try:
        iv = parse(text)
    except DateSyntaxError:
        return text
    return span(iv.earliest, iv.latest)


def interval(iv: Interval | None) -> str:
    """An Interval in words, from its label when it has one."""
    if iv is None:
        return "undated"
    return edtf(iv.label) if iv.label else span(iv.earliest, iv.latest)


def period(start: str, end: str | None) -> str:
    """A best estimate in words: 'about 2319', or 'from 2346 to between 2359 and 2360' for a period."""
    if not end:
        return edtf(start)
    return f"from {edtf(start)} to {edtf(end)}"
