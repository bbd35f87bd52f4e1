"""Dates in words, for readers: "about 2319", "by 2328", "between 2346 and 2369", "2346 or later".

The EDTF strings stay in the data and the exports; whatever a person reads goes through here.
Pure functions of strings and numbers (no pandas, no Dash).
"""

from __future__ import annotations

import math
import re
import unicodedata

from dashboard.domain.dates import DateSyntaxError, Interval, parse

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_YEAR = r"-?\d{1,6}"
_SIMPLE = re.compile(
    rf"^(?P<year>{_YEAR})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d)"
    r"(?:T(?P<hour>\d\d):(?P<minute>\d\d):(?P<second>\d\d)(?:Z|[+-]\d\d(?::?\d\d)?)?)?)?)?(?P<q>[?~%])?$"
)
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
        if m["hour"]:
            clock = f"{m['hour']}:{m['minute']}" + (f":{m['second']}" if m["second"] != "00" else "")
            when = f"{when} at {clock}"
    elif m["month"]:  # EDTF seasons and the like: say the year only
        when = year(y)
    return _QUALIFIER[m["q"]] + when


def _unspecified(text: str) -> str | None:
    m = _UNSPEC.match(text)
    if not m:
        return None
    width = 10 ** len(m["xs"])
    start = int(m["stem"]) * width
    if width == 1000 or start % (width * 10) == 0:
        # '230X' and '23XX' would both be 'the 2300s': say the span instead of the ambiguous name
        return _QUALIFIER[m["q"]] + f"between {year(start)} and {year(start + width - 1)}"
    return _QUALIFIER[m["q"]] + f"the {start}s" if m["q"] else f"in the {start}s"


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


def _at(said: str) -> str:
    """'2369' -> 'in 2369', '4 March 2369' -> 'on 4 March 2369'; other phrases stay as they are."""
    if re.match(r"^\d{1,2} [A-Z]", said):
        return f"on {said}"
    if re.match(r"^(\d|[A-Z][a-z]+ \d)", said):
        return f"in {said}"
    return said


def period(start: str, end: str | None) -> str:
    """A best estimate in words: 'about 2319', or 'from 2346 to between 2359 and 2360' for a period;
    'begins and ends by 2370' when both ends read the same, and 'beginning by 2328, ending in 2369'
    where 'from ... to ...' would not read ('from by 2328')."""
    if not end:
        return edtf(start)
    a, b = edtf(start), edtf(end)
    if a == b:
        return f"begins and ends {_at(a)}"
    if any(w.startswith("by ") or w.endswith(" or later") for w in (a, b)) or a.startswith("between "):
        return f"beginning {_at(a)}, ending {_at(b)}"
    return f"from {a} to {b}"


# ---------------------------------------------------------------------------------------------
# Words back to EDTF: what edtf() writes, and the ways timeline authors write dates
# ('c. 1850', '1850s', '18th century', '500 BC', '1850-1855'). Used to read a TimelineJS display
# date, and to suggest a fix when a table holds words where EDTF belongs.

_MONTH_NUMBER = {name.lower(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NUMBER.update({name.lower()[:3]: i + 1 for i, name in enumerate(MONTHS)})
_MONTH_NUMBER.update({"sept": 9})
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
_APPROX = (
    "perhaps about",
    "approximately",
    "approx.",
    "approx",
    "around",
    "roughly",
    "circa",
    "about",
    "ca.",
    "ca",
    "c.",
    "c",
    "~",
)
_PREFIX_QUALIFIERS = tuple((w, "%" if w == "perhaps about" else "~") for w in _APPROX) + (
    ("probably", "?"),
    ("possibly", "?"),
    ("maybe", "?"),
)
_ERA = r"(?:\s*(?P<era>b\.?\s?c\.?\s?e\.?|b\.?\s?c\.?|c\.?\s?e\.?|a\.?\s?d\.?))?"
_NUMBER = r"(?P<num>\d{1,15})"


def edtf_year(astronomical: int) -> str:
    """A year number as EDTF writes it: 2328 -> '2328', 0 -> '0000' (1 BCE), -499 -> '-0499',
    12345 -> 'Y12345' (years of more than four digits take the 'Y' prefix and no month or day)."""
    if -9999 <= astronomical <= 9999:
        return f"-{-astronomical:04d}" if astronomical < 0 else f"{astronomical:04d}"
    return f"Y{astronomical}"


def _year_words(text: str) -> int | None:
    """'2328', '500 BCE', 'AD 79', '79 CE' -> an astronomical year (500 BCE is -499)."""
    m = re.fullmatch(r"(?:(?P<ad>a\.?\s?d\.?)\s*)?" + _NUMBER + _ERA, text)
    if not m:
        return None
    value = int(m["num"])
    era = (m["era"] or "").replace(".", "").replace(" ", "")
    if era in ("bc", "bce"):
        if m["ad"] or value == 0:
            return None
        return 1 - value
    return value


def _base(text: str) -> str | None:
    """One date with no qualifier: a year, a month, a day (maybe with a time), a decade or a century."""
    m = re.fullmatch(r"(?P<date>.+?),?\s+at\s+(?P<h>\d{1,2}):(?P<mi>\d\d)(?::(?P<s>\d\d))?", text)
    if m:
        day = _base(m["date"])
        if not (day and re.fullmatch(r"-?\d{4}-\d\d-\d\d", day)):
            return None
        return f"{day}T{int(m['h']):02d}:{m['mi']}:{m['s'] or '00'}"
    y = _year_words(text)
    if y is not None:
        return edtf_year(y)
    m = re.fullmatch(r"(?P<y>\d{4})-(?P<m>\d\d)(?:-(?P<d>\d\d))?", text)  # ISO 1850-03, 1850-03-04
    if m:
        return text
    m = re.fullmatch(r"(?:(?P<day>\d{1,2})\s+)?" + _MONTH + r"\s+(?P<rest>.+)", text)  # 4 March 2369
    m2 = re.fullmatch(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<rest>.+)", text)  # March 4, 2369
    for match in (m, m2):
        if not match:
            continue
        y = _year_words(match["rest"])
        if y is None or not -9999 <= y <= 9999:
            continue
        out = f"{edtf_year(y)}-{_MONTH_NUMBER[match['month']]:02d}"
        return out + (f"-{int(match['day']):02d}" if match["day"] else "")
    m = re.fullmatch(r"(?:in\s+)?(?:the\s+)?(?P<n>\d{2,4}0)'?s", text)  # the 1850s, 1900s
    if m:
        n = int(m["n"])
        if n % 100 == 0:
            return f"{n // 100:02d}XX"
        return f"{n // 10:03d}X"
    m = re.fullmatch(
        r"(?:in\s+)?(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century(?:\s+(?:ce|ad|a\.d\.|c\.e\.))?", text
    )
    if m and int(m["n"]) >= 1:
        return f"{int(m['n']) - 1:02d}XX"
    return None


def _point(text: str) -> str | None:
    """One date, maybe qualified: 'about 2319', 'c. 1850', '2328?', 'probably March 2369'."""
    q = ""
    text = re.sub(r"^(?:in|on) (?=[\da-z])", "", text)
    for word, mark in _PREFIX_QUALIFIERS:
        if text.startswith(word) and (len(text) == len(word) or not text[len(word)].isalpha() or word.endswith(".")):
            rest = text[len(word) :].strip()
            if rest and rest != text:
                text, q = rest, mark
                break
    if text[-1:] in "?~%" and len(text) > 1:
        q, text = q or text[-1], text[:-1].strip()
    base = _base(text)
    if base is None:
        return None
    if q and base.startswith("Y"):
        return None  # EDTF qualifies no 'Y' year
    return base + q


def _clean(text: str) -> str:
    t = " ".join((text or "").replace("\u2013", " - ").replace("\u2014", " - ").split()).lower()
    return t.rstrip(",;:")


def _checked(label: str | None) -> str | None:
    if label is None:
        return None
    try:
        parse(label)
    except DateSyntaxError:
        return None
    return label


def to_edtf(text: str) -> str | None:
    """Words for one date (or one range) to EDTF, or None when they are not understood.

    The inverse of edtf(): 'about 2319' -> '2319~', 'by 2328' -> '../2328', 'between 2346 and 2369'
    -> '2346/2369', 'one year between 2309 and 2328' -> '[2309..2328]', 'in the 2340s' -> '234X',
    '4 March 2369' -> '2369-03-04', '500 BCE' -> '-0499'. Also what people write: 'c. 1850',
    'circa 1850', '1850s', '18th century', '1850?', 'before 1850', 'after 1850', '1850-1855'."""
    t = _clean(text)
    if not t:
        return None
    whole = _point(t)
    if whole:
        return _checked(whole)
    m = re.fullmatch(r"(?P<one>one year )?between (?P<a>.+) and (?P<b>.+)", t)
    if m:
        a, b = _point(m["a"]), _point(m["b"])
        if a and b:
            return _checked(f"[{a}..{b}]" if m["one"] else f"{a}/{b}")
        return None
    m = re.fullmatch(r"(?:by|no later than) (?P<a>.+)|(?P<b>.+) or earlier", t)
    if m:
        a = _point(m["a"] or m["b"])
        return _checked(f"../{a}") if a else None
    m = re.fullmatch(r"(?:from )?(?P<a>.+) or later", t)
    if m:
        a = _point(m["a"])
        return _checked(f"{a}/..") if a else None
    m = re.fullmatch(r"(?P<how>before|after) (?P<a>.+)", t)
    if m:
        y = _year_words(m["a"])
        if y is None:
            return None
        return _checked(f"../{edtf_year(y - 1)}" if m["how"] == "before" else f"{edtf_year(y + 1)}/..")
    pair = period_to_edtf(text)
    if pair:
        return _checked(f"{pair[0]}/{pair[1]}")
    return None


def period_to_edtf(text: str) -> tuple[str, str] | None:
    """A start and an end in words to two EDTF strings, the inverse of period(): 'from about 2319 to
    2369' -> ('2319~', '2369'), 'begins and ends by 2370' -> ('../2370', '../2370'); also '1850 to
    1855', '1850-1855', '1850 - 1855'. None otherwise."""
    t = _clean(text)
    m = re.fullmatch(r"begins and ends (?P<a>.+)", t)
    if m:
        a = to_edtf(m["a"])
        return (a, a) if a else None
    m = re.fullmatch(r"beginning (?P<a>.+), ending (?P<b>.+)", t) or re.fullmatch(
        r"(?:from )?(?P<a>.+?)(?: to | - |(?<=\d)-(?=\d{3,}))(?P<b>.+)", t
    )
    if not m:
        return None
    a, b = to_edtf(m["a"]), to_edtf(m["b"])
    if not (a and b):
        return None
    return a, b


def slug(text: str, fallback: str = "", limit: int | None = None) -> str:
    """Text as an id or file name stem: ASCII lowercase letters and digits, runs of anything else one
    hyphen ('Ada Lovelace (1815)' -> 'ada-lovelace-1815'; accents dropped, not the letters). At most
    `limit` characters, cut at a hyphen where there is one; `fallback` when nothing is left.
    The one home of this rule (the data check's suggestion, TimelineJS ids, chart file names)."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if limit is not None and len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0] if "-" in s[:limit] else s[:limit]
    return s or fallback


# A year in running text, with the words that make it a period: "2351", "the late 2340s", "the 2370s".
_YEARS = re.compile(
    r"(?:\b[Tt]he\s+)?(?:\b(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?(?:\.\./)?\b(\d{4})((?:[-/](?:\.\.)?\d+)*)(s?)\b(?!-\d)[~?%]?"
)


def hide_years(text: str) -> str:
    """Running text with its years blanked ('finished in 2351' -> 'finished in [a year]', 'the late
    2340s' -> '[some years]'), so a card does not give its date away. Shorter numbers stay."""

    def blank(m: re.Match) -> str:
        return "[some years]" if m.group(3) or "/" in m.group(2) else "[a year]"

    return _YEARS.sub(blank, text or "")
