"""Words for people who cannot see a chart: a description of what it draws, and the blogger's own
alt text made safe to carry (plain text, one line, length-limited).

    describe_events(cat, state, drawn, "periods")
      -> "17 periods from 2309 to 2379; 8 disputed, the widest Cardassia's creeping takeover: began by 2309, 2319 or 2328."

The embed reads it to screen readers in place of the chart's marks (its described-by text); the
Share dialog offers it as the default alt text. Plain Python: the years come through events.*, the
disputed dates through explain.readings, as the details panel says them.
"""

from __future__ import annotations

import math
import unicodedata
from typing import TYPE_CHECKING

import numpy as np

from dashboard.domain import events, explain, words

if TYPE_CHECKING:
    import pandas as pd

    from dashboard.domain.catalogue import Catalogue
    from dashboard.domain.filters import FilterState

MAX_DISPUTES_READ = 200  # disputed events whose sources are read to find the widest: those of the widest ranges


def clean(text: str | None, limit: int) -> tuple[str, bool]:
    """A blogger's alt text as one line of plain text: control characters dropped, white space
    collapsed, at most `limit` characters (cut at a word, with an ellipsis). Returns (text, was cut)."""
    raw = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in (text or ""))
    one = " ".join(raw.split())
    if len(one) <= limit:
        return one, False
    cut = one[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.") + "\u2026", True


def _years(drawn: pd.DataFrame) -> tuple[str, str] | None:
    """The first and last year the drawn events may cover (best estimates where a bound is open)."""
    lo, hi = events.first_year(drawn), events.last_year(drawn)
    best = events.column(drawn, "best_start")
    best_end = np.where(np.isnan(events.column(drawn, "best_end")), best, events.column(drawn, "best_end"))
    lo = np.where(np.isfinite(lo), lo, best)
    hi = np.where(np.isfinite(hi), hi, best_end)
    lo, hi = lo[np.isfinite(lo)], hi[np.isfinite(hi)]
    if not len(lo) or not len(hi):
        return None
    return words.year(float(lo.min())), words.year(float(hi.max()))


def disagreement(event: dict, citations: list[dict]) -> tuple[float, str]:
    """How far apart the sources' readings of an event lie (years between the outermost readings,
    0 when they agree) and what they say: 'began by 2309, 2319 or 2328'."""
    widest, said = 0.0, ""
    for key in ("start",) if event["is_point"] else ("start", "end"):
        groups = explain.readings(citations, key)
        if len(groups) < 2:
            continue
        gap = max(iv.earliest for iv, _ in groups) - min(iv.latest for iv, _ in groups)
        gap = max(gap, 0.0) if math.isfinite(gap) else 0.0
        if gap >= widest or not said:
            verb = "happened" if event["is_point"] else "began" if key == "start" else "ended"
            options = list(
                dict.fromkeys(
                    words.edtf(min(m, key=lambda c: c[f"{key}_iv"].width)[f"{key}_iv"].label) for _, m in groups
                )
            )
            widest, said = (
                gap,
                f"{verb} {options[0] if len(options) == 1 else ', '.join(options[:-1]) + ' or ' + options[-1]}",
            )
    return widest, said


def describe_events(cat: Catalogue, state: FilterState, drawn: pd.DataFrame, noun: str) -> str:
    """What a Gantt chart (noun 'periods') or a timeline ('moments') draws, in one sentence."""
    n = len(drawn)
    if not n:
        return f"No {noun} match these filters."
    name = noun if n != 1 else noun[:-1]
    years = _years(drawn)
    text = f"{n} {name}" + (f" from {years[0]} to {years[1]}" if years and years[0] != years[1] else "")
    text += f" in {years[0]}" if years and years[0] == years[1] else ""
    disputed = drawn[drawn["disputed"].to_numpy(dtype=bool)]
    if not len(disputed):
        return text + "; the sources agree on every date."
    text += f"; {len(disputed)} disputed"
    # The sources' readings lie within an event's resolved ranges: read the widest ranges first.
    s_lo, s_hi, e_lo, e_hi = events.bound_arrays(disputed)
    spread = np.nan_to_num(np.maximum(s_hi - s_lo, e_hi - e_lo), nan=0.0, posinf=1e9)
    rows = disputed.iloc[np.argsort(-spread, kind="stable")[:MAX_DISPUTES_READ]].to_dict("records")
    cites = cat.citations_of([r["id"] for r in rows], state.tiers, state.asof)
    best = max(
        ((disagreement(r, cites.get(r["id"], [])), r["title"]) for r in rows), key=lambda x: (x[0][0], bool(x[0][1]))
    )
    (_, said), title = best
    if said:
        text += f", the widest {title}: {said}" if len(disputed) > 1 else f": {title}, which {said}"
    return text + "."


def describe_dispute(event: dict, citations: list[dict]) -> str:
    """What the dispute chart of one event draws: how many sources date it, and the verdict."""
    n = len(citations)
    return f"{n} source{'s' if n != 1 else ''} on {event['title']}. {explain.verdict(event, citations)}"


def describe(cat: Catalogue, chart) -> str:
    """A chart (formats.charts.Chart: its kind, state, drawn events, selection) in words."""
    if chart.kind == "dispute":
        return describe_dispute(chart.selected, chart.citations)
    if chart.kind == "drift":  # sources over time: the claims by their works' release years
        d = chart.drift
        said = f"Sources over time: {d.in_words(undated=False)}, each at the year its work came out."
        if d.undated:
            said += f" {len(d.undated)} work{'s' if len(d.undated) != 1 else ''} with no release year listed beside it."
        return said + (f" Highlighted: {chart.selected['title']}." if chart.selected is not None else "")
    text = describe_events(cat, chart.state, chart.drawn, "periods" if chart.kind == "gantt" else "moments")
    return text + (f" Highlighted: {chart.selected['title']}." if chart.selected is not None else "")
