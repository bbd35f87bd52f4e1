"""Derived claims: a claim that counts from another event's date (claims.csv `relative_to`, `offset`).

`relative_to` names the anchor, `EVENT_ID.start` or `EVENT_ID.end`; `offset` is how many years
after it (negative: before), a number or a range `a/b` whose either end may be open (`..`):
`10`, `-40`, `0.083` (a month), `0/0.5` (up to six months after), `20/..` (twenty years or more).
The derived date fills the claim's start when its start is empty, else its end.

This module holds the rules on the cells (`anchor`, `offset`), the validator's checks (`check`:
unknown anchors, bad offsets, cycles, each naming file, line and column), the order in which the
chain resolves (`levels`), and the chain in words (`offset_words`, `chain_words`). The arithmetic
itself is dashboard/domain/derive.py.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import numpy as np

from dashboard.domain.schema import DataError

if TYPE_CHECKING:
    from dashboard.domain.csvrows import Rows

SIDES = ("start", "end")
_ANCHOR = re.compile(r"^(?P<event>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<side>start|end)$")
_NUMBER = re.compile(r"^-?(?:\d+(?:\.\d*)?|\.\d+)$")
ANCHOR_HINT = "write EVENT_ID.start or EVENT_ID.end, such as first-contact.start"
OFFSET_HINT = (
    "write the years after the anchor as a number or a range a/b, either end may be open: "
    "10, -40, 0.083 (a month), 0/0.5 (up to six months), 20/.. (twenty years or more)"
)


def anchor(text: str) -> tuple[str, str]:
    """'first-contact.start' -> ('first-contact', 'start'); ValueError saying what to write."""
    m = _ANCHOR.match(text.strip())
    if not m:
        raise ValueError(f"'{text}' is not an anchor; {ANCHOR_HINT}")
    return m["event"], m["side"]


def offset(text: str) -> tuple[float, float]:
    """'10' -> (10, 10); '0/0.5' -> (0, 0.5); '20/..' -> (20, inf); ValueError saying what to write."""
    text = text.strip()
    parts = text.split("/")
    if len(parts) == 1 and _NUMBER.match(text):
        return float(text), float(text)
    if len(parts) == 2 and all(p == ".." or _NUMBER.match(p) for p in parts) and parts != ["..", ".."]:
        lo = -math.inf if parts[0] == ".." else float(parts[0])
        hi = math.inf if parts[1] == ".." else float(parts[1])
        if lo > hi:
            raise ValueError(f"offset '{text}' runs backwards; write the smaller number first ({parts[1]}/{parts[0]})")
        return lo, hi
    raise ValueError(f"'{text}' is not an offset; {OFFSET_HINT}")


def target_side(start: str, end: str) -> str:
    """Which side of a claim the derived date fills: its start when empty, else its end."""
    return "start" if not start else "end"


def _cell_errors(claims: Rows, events: dict[str, bool]) -> tuple[list[DataError], list[tuple]]:
    """Each derived claim's cells checked; returns the errors and the well-formed edges
    (line, (event, side) it dates, (event, side) it counts from)."""
    errors, edges = [], []
    c = claims.cells
    for i in np.flatnonzero((c["relative_to"] != "") | (c["offset"] != "")):
        line, rel, off = int(claims.lines[i]), c["relative_to"][i], c["offset"][i]
        start, end, ev = c["start"][i], c["end"][i], c["event"][i]

        def err(col: str, msg: str, line: int = line) -> None:
            errors.append(DataError("claims.csv", line, col, msg))

        if not rel:
            err("relative_to", f"an offset needs an anchor: {ANCHOR_HINT} (or empty the offset)")
            continue
        if not off:
            err("offset", f"a date counted from {rel} needs an offset; {OFFSET_HINT} (0: at the same time)")
        else:
            try:
                offset(off)
            except ValueError as exc:
                err("offset", str(exc))
        try:
            target = anchor(rel)
        except ValueError as exc:
            err("relative_to", str(exc))
            continue
        if target[0] not in events:
            err("relative_to", f"unknown event '{target[0]}'; use the id of a row of events.csv ({ANCHOR_HINT})")
            continue
        if target[1] == "end" and not events[target[0]]:
            err("relative_to", f"event '{target[0]}' is a moment (no end in events.csv); write {target[0]}.start")
            continue
        if start and end:
            err(
                "relative_to",
                "this claim gives both a start and an end, so the derived date has nowhere to go: "
                "empty the one it derives (the start, or the end)",
            )
            continue
        if start and ev in events and not events[ev]:
            err("relative_to", f"event '{ev}' is a moment: its derived date is its start, so empty the start cell")
            continue
        edges.append((line, (ev, target_side(start, end)), target))
    return errors, edges


def check(claims: Rows, events: Rows) -> list[DataError]:
    """The validator's checks of `relative_to` and `offset`: well-formed, a known anchor, and no
    chain that comes back to where it started."""
    periods = dict(zip(events.cells["id"].tolist(), (events.cells["end"] != "").tolist()))
    errors, edges = _cell_errors(claims, periods)
    for line, path in _cycles(edges):
        shown = " -> ".join(f"{e}.{s}" for e, s in path)
        errors.append(
            DataError(
                "claims.csv",
                line,
                "relative_to",
                f"this date counts from itself ({shown}); anchor one claim of the loop on a date a source "
                "gives (fill its start or end and empty its relative_to and offset)",
            )
        )
    return errors


def _cycles(edges: list[tuple]) -> list[tuple[int, list]]:
    """Each edge on a cycle of the graph 'a side of an event counts from a side of an event', with
    the loop it closes."""
    after: dict[tuple, set] = {}
    for _, node, target in edges:
        after.setdefault(node, set()).add(target)
    out = []
    for line, node, target in edges:
        path = _path(after, target, node)
        if path is not None:
            out.append((line, [node, *path]))
    return out


def _path(after: dict, start: tuple, goal: tuple) -> list | None:
    """A path start -> ... -> goal along `after`, or None (iterative depth-first search)."""
    stack, seen = [(start, [start])], {start}
    while stack:
        node, path = stack.pop()
        if node == goal:
            return path
        for nxt in after.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def levels(nodes: list[tuple], targets: list[tuple]) -> np.ndarray:
    """The order derived claims resolve in: claim i (dating `nodes[i]`, counting from `targets[i]`)
    gets level 1 + the highest level of the claims dating its anchor (0 for none). The validator
    refuses cycles, so this ends; claims of one level resolve together."""
    by_node: dict[tuple, list[int]] = {}
    for i, node in enumerate(nodes):
        by_node.setdefault(node, []).append(i)
    level = np.full(len(nodes), -1, dtype=np.int64)
    for _ in range(len(nodes) + 1):
        changed = False
        for i, target in enumerate(targets):
            below = [level[j] for j in by_node.get(target, ())]
            if all(v >= 0 for v in below):
                new = 1 + max(below, default=-1)
                if new != level[i]:
                    level[i], changed = new, True
        if not changed:
            break
    return np.maximum(level, 0)


_SMALL = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
_TENS = {30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"}


def _count(n: int, unit: str) -> str:
    word = _SMALL[n] if n < len(_SMALL) else _TENS.get(n, str(n))
    if n == 1:
        return f"a {unit}"
    return f"{word} {unit}s"


def _amount(years: float) -> str:
    """A span of years in words: 10 -> 'ten years', 0.083 -> 'a month', 0.011 -> 'four days'."""
    if abs(years - round(years)) < 1e-9:
        return _count(int(round(years)), "year")
    months = years * 12
    if abs(months - round(months)) < 0.05 and round(months) >= 1:
        return _count(int(round(months)), "month")
    days = years * 365.25
    if abs(days - round(days)) < 0.3 and round(days) >= 1:
        return _count(int(round(days)), "day")
    return f"{years:g} years"


def offset_words(lo: float, hi: float) -> str:
    """An offset in words, ending where the anchor's name goes: 'ten years after', 'forty years
    before', 'up to six months after', 'twenty years or more after', 'at the same time as'."""
    if lo == hi:
        if lo == 0:
            return "at the same time as"
        return f"{_amount(abs(lo))} {'after' if lo > 0 else 'before'}"
    if lo == 0 and math.isfinite(hi) and hi > 0:
        return f"up to {_amount(hi)} after"
    if hi == 0 and math.isfinite(lo):
        return f"up to {_amount(-lo)} before"
    if math.isinf(hi) and lo >= 0:
        return "after" if lo == 0 else f"{_amount(lo)} or more after"
    if math.isinf(lo) and hi <= 0:
        return "before" if hi == 0 else f"{_amount(-hi)} or more before"
    if lo >= 0:
        return f"{_amount(lo)} to {_amount(hi)} after"
    if hi <= 0:
        return f"{_amount(-hi)} to {_amount(-lo)} before"
    return f"from {_amount(-lo)} before to {_amount(hi)} after" if math.isfinite(lo + hi) else "around the time of"


def chain_words(lo: float, hi: float, title: str, side: str, is_period: bool, said: str, works: list[str]) -> str:
    """'ten years after First contact (2318, Ensign Ro)': the offset, the anchor and the reading of
    the anchor the date was counted from, with the works that give it."""
    where = f"the {side} of {title}" if is_period else title
    who = ", ".join(works[:-1]) + " and " + works[-1] if len(works) > 1 else "".join(works)
    basis = f"{said}, {who}" if who else f"{said}, our editorial date"
    return f"{offset_words(lo, hi)} {where} ({basis})"
