"""Readings drawn apart: where the sources split a side of an event into readings that do not
overlap (dashboard/domain/readings.py), each reading is its own mark and the gap between them stays
empty; the envelope (everything from the first reading to the last) is at most a thin outline.

Columns in, arrays out, for the Gantt chart and the timeline: only the rows whose sources split
(the disputed few) are touched one by one.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from dashboard.domain.readings import Reading, one_or
from dashboard.figures import theme

VERB = {"start": "began", "end": "ended"}


def split(df) -> tuple[list, list]:
    """Each row's start and end readings (a tuple of Readings, or () when its sources agree)."""
    n = len(df)
    s = df["start_readings"].tolist() if "start_readings" in df else [()] * n
    e = df["end_readings"].tolist() if "end_readings" in df else [()] * n
    return s, e


def is_split(starts: list, ends: list) -> np.ndarray:
    return np.fromiter((bool(a) or bool(b) for a, b in zip(starts, ends)), dtype=bool, count=len(starts))


def reading_hover(base: str, side: str, r: Reading, others: list[Reading], moment: bool, palette) -> str:
    """The event's hover (`base`) and what this mark is: 'This mark: one reading, began 2346, from
    Waltz, Things Past (other reading: 2359)'."""
    verb = "happened" if moment else VERB[side]
    rest = one_or([o.said for o in others]) if others else ""
    plural = "s" if len(others) > 1 else ""
    other = f" <span style='color:{palette.muted}'>(other reading{plural}: {theme.safe(rest)})</span>" if others else ""
    return (
        f"{base}<br>This mark: one reading, {verb} {theme.safe(r.said)}, from {theme.safe(', '.join(r.sources))}{other}"
    )


class Segments(NamedTuple):
    """Marks of split rows. `main_*`: per row (NaN where the sources agree), the one mark the row
    keeps in the chart's own trace; the rest: the other readings' spans (`row`, `lo`, `hi`,
    `hover`) and a best-estimate tick per reading (`ticks_row`, `ticks_x`)."""

    main_lo: np.ndarray
    main_hi: np.ndarray
    main_x: np.ndarray
    main_hover: np.ndarray
    row: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    hover: np.ndarray
    ticks_row: np.ndarray
    ticks_x: np.ndarray


def _segments(n: int, hover: np.ndarray, main: dict, extra: list, ticks: list) -> Segments:
    main_lo, main_hi, main_x = (np.full(n, np.nan) for _ in range(3))
    main_hover = np.array(hover, dtype=object, copy=True)
    for i, (lo, hi, x, h) in main.items():
        main_lo[i], main_hi[i], main_x[i], main_hover[i] = lo, hi, x, h
    rows, los, his, hovers = (list(c) for c in zip(*extra)) if extra else ([], [], [], [])
    t_rows, t_xs = (list(c) for c in zip(*ticks)) if ticks else ([], [])
    return Segments(
        main_lo,
        main_hi,
        main_x,
        main_hover,
        np.asarray(rows, dtype=np.int64),
        np.asarray(los, dtype=float),
        np.asarray(his, dtype=float),
        np.asarray(hovers, dtype=object),
        np.asarray(t_rows, dtype=np.int64),
        np.asarray(t_xs, dtype=float),
    )


def period_segments(df, bounds, hover: np.ndarray, palette) -> Segments:
    """For each period whose sources split a side: as its main bar, one span from its last start
    reading to its first end reading (which holds the agreed core); its other start and end readings
    as spans of their own; a best-estimate tick per reading."""
    starts, ends = split(df)
    s_lo, _, _, e_hi = bounds
    main, extra, ticks = {}, [], []
    for i in np.flatnonzero(is_split(starts, ends)).tolist():
        S, E = list(starts[i]), list(ends[i])
        for side, rs in (("start", S[:-1]), ("end", E[1:])):
            all_side = S if side == "start" else E
            for r in rs:
                others = [o for o in all_side if o is not r]
                extra.append((i, r.earliest, r.latest, reading_hover(hover[i], side, r, others, False, palette)))
        h = hover[i]
        for side, r in (("start", S[-1] if S else None), ("end", E[0] if E else None)):
            if r is not None:
                h += f"<br>This bar: {VERB[side]} {theme.safe(r.said)} ({theme.safe(', '.join(r.sources))})"
        main[i] = (S[-1].earliest if S else s_lo[i], E[0].latest if E else e_hi[i], np.nan, h)
        ticks += [(i, r.best) for r in S + E]
    return _segments(len(df), hover, main, extra, ticks)


def moment_readings(df, best: np.ndarray, hover: np.ndarray, palette) -> Segments:
    """For each moment whose sources split its date: as its main marker, the reading that holds its
    best estimate; its other readings as markers (with whiskers) of their own."""
    starts, _ = split(df)
    main, extra, ticks = {}, [], []
    for i in np.flatnonzero(is_split(starts, [()] * len(starts))).tolist():
        S = list(starts[i])
        home = min(S, key=lambda r: abs(r.best - best[i]))
        for r in S:
            h = reading_hover(hover[i], "start", r, [o for o in S if o is not r], True, palette)
            if r is home:
                main[i] = (r.earliest, r.latest, r.best, h)
            else:
                extra.append((i, r.earliest, r.latest, h))
                ticks.append((i, r.best))
    return _segments(len(df), hover, main, extra, ticks)
