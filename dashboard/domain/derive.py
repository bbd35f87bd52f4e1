"""Dates derived from other dates: the trusted claims with every derived date computed.

A claim with `relative_to` (dashboard/domain/anchors.py) takes its date from its anchor's readings
under the same trusted claims (the same tiers, sources and `asof`), each shifted by the offset:
an anchor read two ways gives the derived claim the same two alternatives (one row each here);
an anchor no trusted claim dates gives its editorial date (events.csv). Claims resolve level by
level (a claim counting from a derived date waits for it), each level vectorised across claims.

`claims(tables, pos)` is what resolution and citations read instead of the raw claim columns;
with no derived claim among `pos` it is the raw columns themselves (no cost at 100,000 events).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from dashboard.domain import anchors, dates, readings, words

if TYPE_CHECKING:
    from dashboard.domain.loading import Tables

_YEAR = re.compile(r"(?<![\d.])(-?\d{4})(?![\d])")


class Claims(NamedTuple):
    """Trusted claims as arrays, one row per claim and per alternative of a derived claim, in file
    order (alternatives of one claim next to each other, in date order)."""

    pos: np.ndarray  # the row in tables.claims
    event_row: np.ndarray
    s_lo: np.ndarray
    s_hi: np.ndarray
    e_lo: np.ndarray
    e_hi: np.ndarray
    start: np.ndarray  # labels (EDTF); a derived date's label is computed
    end: np.ndarray
    via: np.ndarray  # the chain in words ('' for a claim that gives its own date)
    first: np.ndarray  # the first row of its claim (so counts count claims, not alternatives)


def plain(tables: Tables, pos: np.ndarray) -> Claims:
    """The claims at `pos` as the table gives them (derived dates still empty)."""
    cl = tables.claims

    def col(name, dtype="float64"):
        return cl[name].to_numpy(dtype=dtype)[pos]

    n = len(pos)
    return Claims(
        np.asarray(pos, dtype=np.int64),
        col("event_row", np.int64),
        col("start_lo"),
        col("start_hi"),
        col("end_lo"),
        col("end_hi"),
        col("start", object),
        col("end", object),
        np.full(n, "", dtype=object),
        np.ones(n, dtype=bool),
    )


def has_derived(tables: Tables, pos: np.ndarray) -> bool:
    return "relative_to" in tables.claims and bool(
        (tables.claims["relative_to"].to_numpy(dtype=object)[pos] != "").any()
    )


def claims(tables: Tables, pos: np.ndarray) -> Claims:
    """The trusted claims at `pos` (file order) with derived dates computed (see the module doc)."""
    base = plain(tables, pos)
    if not len(pos) or not has_derived(tables, pos):
        return base
    return _Derivation(tables, base).run()


def closure(tables: Tables, wanted: np.ndarray, trusted: np.ndarray) -> np.ndarray:
    """The trusted claims needed to date the claims at `wanted`: them, and every trusted claim of
    each event they count from, recursively (sorted positions)."""
    cl = tables.claims
    rel = cl["relative_to"].to_numpy(dtype=object)
    rows_of_event = pd.Index(tables.events["id"])
    event_row = cl["event_row"].to_numpy()
    have = np.asarray(wanted, dtype=np.int64)
    seen_events: set[int] = set()
    todo = have
    while len(todo):
        derived = todo[rel[todo] != ""]
        anchor_rows = {int(rows_of_event.get_loc(anchors.anchor(r)[0])) for r in rel[derived]} - seen_events
        if not anchor_rows:
            break
        seen_events |= anchor_rows
        todo = trusted[np.isin(event_row[trusted], list(anchor_rows))]
        todo = np.setdiff1d(todo, have)
        have = np.union1d(have, todo)
    return np.sort(have)


class _Derivation:
    """One run of the derivation over a set of trusted claims (its working arrays)."""

    def __init__(self, tables: Tables, base: Claims):
        self.tables = tables
        self.arr = {k: v.copy() for k, v in base._asdict().items()}
        self.order = np.arange(len(base.pos), dtype=np.float64)  # where each row goes at the end
        cl = tables.claims
        self.rel = cl["relative_to"].to_numpy(dtype=object)
        self.off = cl["offset"].to_numpy(dtype=object)
        self.events = tables.events
        self.event_index = pd.Index(tables.events["id"])
        self.titles = tables.sources["title"].to_numpy(dtype=object)
        self.source_row = cl["source_row"].to_numpy()

    def run(self) -> Claims:
        a = self.arr
        derived = np.flatnonzero(self.rel[a["pos"]] != "")
        targets = [anchors.anchor(r) for r in self.rel[a["pos"][derived]]]
        sides = [anchors.target_side(s, e) for s, e in zip(a["start"][derived], a["end"][derived])]
        ids = self.events["id"].to_numpy(dtype=object)
        nodes = [(ids[a["event_row"][i]], side) for i, side in zip(derived, sides)]
        level = anchors.levels(nodes, targets)
        for lv in np.unique(level):
            for anchor_side in anchors.SIDES:
                pick = [j for j in np.flatnonzero(level == lv) if targets[j][1] == anchor_side]
                if pick:
                    self._level(derived[pick], [targets[j][0] for j in pick], anchor_side, [sides[j] for j in pick])
        final = np.argsort(self.order, kind="stable")
        return Claims(**{k: np.asarray(v, dtype=self.arr[k].dtype)[final] for k, v in self.arr.items()})

    def _level(self, rows: np.ndarray, anchor_ids: list[str], anchor_side: str, sides: list[str]) -> None:
        """Date the derived claims at `rows` (of one level, counting from `anchor_side` of the
        events `anchor_ids`) from the readings of those events' claims dated so far."""
        a = self.arr
        anchor_rows = self.event_index.get_indexer(anchor_ids)
        lo_key, hi_key = ("s_lo", "s_hi") if anchor_side == "start" else ("e_lo", "e_hi")
        cand = np.flatnonzero(np.isin(a["event_row"], anchor_rows))
        grouped = readings.group(a["event_row"][cand], a[lo_key][cand], a[hi_key][cand])
        first = np.searchsorted(grouped.event, anchor_rows, side="left")
        last = np.searchsorted(grouped.event, anchor_rows, side="right")
        label_key = "start" if anchor_side == "start" else "end"
        new_rows: dict[str, list] = {k: [] for k in a}
        new_order = []
        for row, ev, side, i0, i1 in zip(rows, anchor_rows, sides, first, last):
            off_lo, off_hi = anchors.offset(self.off[a["pos"][row]])
            alternatives = []
            for r in range(i0, i1):
                members = cand[grouped.of_claim == r]
                label = _hull_label(members, a, lo_key, hi_key, label_key)
                works = list(dict.fromkeys(self.titles[self.source_row[a["pos"][m]]] for m in members))
                alternatives.append((grouped.earliest[r], grouped.latest[r], label, works))
            if not alternatives:  # no trusted claim dates the anchor: its editorial date
                e_lo, e_hi = (self.events[f"{anchor_side}_{b}"].iloc[ev] for b in ("lo", "hi"))
                if not math.isnan(e_lo):
                    alternatives.append((e_lo, e_hi, self.events[anchor_side].iloc[ev], []))
            for k, (r_lo, r_hi, label, works) in enumerate(alternatives):
                lo, hi = r_lo + off_lo, r_hi + off_hi
                via = anchors.chain_words(
                    off_lo,
                    off_hi,
                    self.events["title"].iloc[ev],
                    anchor_side,
                    bool(self.events["end"].iloc[ev]),
                    readings_said(label),
                    works,
                )
                values = {**{key: a[key][row] for key in a}, "via": via}
                t_lo, t_hi = ("s_lo", "s_hi") if side == "start" else ("e_lo", "e_hi")
                values.update({t_lo: lo, t_hi: hi, side: shifted(label, (r_lo, r_hi), (off_lo, off_hi), (lo, hi))})
                if k == 0:
                    for key, v in values.items():
                        a[key][row] = v
                else:
                    values["first"] = False
                    for key, v in values.items():
                        new_rows[key].append(v)
                    new_order.append(self.order[row] + k / (len(alternatives) + 1))
        if new_order:
            for key in a:
                a[key] = np.concatenate([a[key], np.asarray(new_rows[key], dtype=a[key].dtype)])
            self.order = np.concatenate([self.order, new_order])


def readings_said(label: str) -> str:
    return words.edtf(label) if label else "undated"


def _hull_label(members: np.ndarray, a: dict, lo_key: str, hi_key: str, label_key: str) -> str:
    """A reading's label: its claims' label when they all say the same range, else the hull's years."""
    lo, hi = a[lo_key][members], a[hi_key][members]
    labels = [a[label_key][m] for m in members]
    if len(set(zip(lo.tolist(), hi.tolist()))) == 1:
        return labels[0]
    return label_of(float(lo.min()), float(hi.max()))


def label_of(lo: float, hi: float) -> str:
    """A range of fractional years as an EDTF label by whole years: '2328', '2359/2360', '../2319'."""
    if math.isinf(lo) and math.isinf(hi):
        return "../.."
    a = "" if math.isinf(lo) else f"{math.floor(lo):04d}"
    b = "" if math.isinf(hi) else f"{math.floor(hi):04d}"
    if a == b:
        return a
    return f"{a or '..'}/{b or '..'}"


def shifted(label: str, anchor: tuple[float, float], off: tuple[float, float], derived: tuple[float, float]) -> str:
    """The derived date's label: the anchor's label with its years moved when the offset is a whole
    number of years (2319~ + 10 -> 2329~, ../2309 + 10 -> ../2319), else the derived range by years."""
    if off[0] == off[1] and float(off[0]).is_integer() and label:
        moved = _YEAR.sub(lambda m: f"{int(m[1]) + int(off[0]):04d}", label)
        try:
            iv = dates.parse(moved)
        except (dates.DateSyntaxError, ValueError):
            iv = None
        if iv is not None and _close(iv.earliest, derived[0]) and _close(iv.latest, derived[1]):
            return moved
    return label_of(*derived)


def _close(x: float, y: float) -> bool:
    return x == y or abs(x - y) < 0.01


def frame(tables: Tables, wanted: np.ndarray, derived: Claims) -> pd.DataFrame:
    """The claims at `wanted` as rows of tables.claims, with the derived dates of `derived` (which
    dated them, and the claims they count from) in place: a derived claim read two ways is two
    rows; `via` says the chain in words, `anchor` names the event it counts from, `claim` is the
    row's position in tables.claims."""
    keep = np.isin(derived.pos, wanted)
    rows = tables.claims.iloc[derived.pos[keep]].reset_index(drop=True)
    ivs: dict[str, object] = {}
    for key, lo, hi, labels in (
        ("start", derived.s_lo, derived.s_hi, derived.start),
        ("end", derived.e_lo, derived.e_hi, derived.end),
    ):
        given = rows[f"{key}_iv"].to_numpy(dtype=object)
        iv = [
            g if g is not None or math.isnan(a) else dates.Interval(float(a), float(b), str(label))
            for g, a, b, label in zip(given, lo[keep], hi[keep], labels[keep])
        ]
        ivs[key] = labels[keep]
        ivs[f"{key}_iv"] = iv
    titles = dict(zip(tables.events["id"], tables.events["title"]))
    anchor = [titles[anchors.anchor(r)[0]] if r else "" for r in rows["relative_to"]]
    return rows.assign(**ivs, via=derived.via[keep], anchor=anchor, claim=derived.pos[keep])
