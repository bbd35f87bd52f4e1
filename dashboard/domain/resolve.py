"""Resolve claims into one row per event, for the set of tiers (and sources) the reader trusts.

An event's start range is the envelope of its own start and every trusted claim's start (same
for the end). The best estimate is the claim of the strongest trusted tier; ties go to the claim
that agrees with our editorial date, then to the narrowest, then to the first in the file. An
event is disputed when two trusted dated claims do not overlap, or two trusted claims state
different values (casefolded).

Computed column by column (numpy and pandas group operations: no Python loop over events), so
100,000 events resolve in well under a second. Citations are not part of the resolved table:
`citations(tables, ids, tiers)` builds them for just the events being shown.

Conventions of the resolved table: years are float64; an open bound is -inf/+inf; a moment
(no end) has NaN in end_earliest, end_latest and best_end, and '' in end.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.domain import derive, readings
from dashboard.domain.memory import quiet_gc
from dashboard.domain.schema import TIERS
from dashboard.domain.universes import labels as universe_labels

if TYPE_CHECKING:
    from dashboard.domain.loading import Tables

COLUMNS = (
    "id",
    "title",
    "summary",
    "start",
    "end",
    "start_earliest",
    "start_latest",
    "end_earliest",
    "end_latest",
    "best_start",
    "best_end",
    "is_point",
    "era",
    "factions",
    "universes",
    "canon",
    "tiers",
    "disputed",
    "dispute_note",
    "sources_say",
    "n_claims",
    "start_readings",
    "end_readings",
)
# Columns of events.csv the resolved table computes itself; every other column is passed through.
_COMPUTED = {"start", "end", "line"}
_FIRST = ("id", "title", "summary")
_LAST = ("dispute_note",)
CITATION_FIELDS = (
    "source",
    "medium",
    "series",
    "released",
    "tier",
    "page",
    "page_url",
    "start",
    "end",
    "value",
    "note",
    "universe",
    "universe_label",
    "start_iv",
    "end_iv",
    "via",
    "anchor",
)
NO_DATE = "no source gives a date"
_GROUP_SEP = "\x1e"  # cannot occur in a valid EDTF label (it is whitespace), so it splits groups safely


def bounds(row: dict, side: str) -> tuple[float, float]:
    """A resolved row's (earliest, latest) for 'start' or 'end', open bounds as -inf/+inf (also for
    rows made before open bounds were stored as infinities, where they were None)."""
    lo, hi = row[f"{side}_earliest"], row[f"{side}_latest"]
    return (-math.inf if lo is None or lo != lo else lo), (math.inf if hi is None or hi != hi else hi)


def check_tiers(tiers: Iterable[str] | None) -> tuple[str, ...]:
    """Validate a set of tiers at the boundary; None means all of them."""
    if tiers is None:
        return TIERS
    tiers = tuple(tiers)
    unknown = [t for t in tiers if t not in TIERS]
    if unknown:
        raise ValueError(f"unknown tier(s) {', '.join(map(repr, unknown))}; use some of {', '.join(TIERS)}")
    return tuple(t for t in TIERS if t in tiers)


def check_sources(tables: Tables, sources: Iterable[str] | None) -> set[str] | None:
    if sources is None:
        return None
    sources = set(sources)
    unknown = sources - set(tables.sources["id"])
    if unknown:
        raise ValueError(f"unknown source id(s) {', '.join(sorted(unknown))}; see sources.csv")
    return sources


def _tier_rank(tables: Tables, pos: np.ndarray | None = None) -> np.ndarray:
    """Each claim's tier as a number, 0 (canon) to 3 (fan) (only the claims at `pos`, if given)."""
    per_source = tables.sources["tier"].map({t: i for i, t in enumerate(TIERS)}).to_numpy(dtype=np.int64)
    source_row = tables.claims["source_row"].to_numpy()
    return per_source[source_row if pos is None else source_row[pos]]


def _trusted(tables: Tables, rank: np.ndarray, tiers: tuple[str, ...], sources: set[str] | None) -> np.ndarray:
    """Positions (file order) of the claims whose source is trusted."""
    mask = np.isin(rank, [TIERS.index(t) for t in tiers])
    if sources is not None:
        mask = mask & tables.claims["source"].isin(sources).to_numpy(dtype=bool)
    return np.flatnonzero(mask)


def _group_min(codes, values, n) -> np.ndarray:
    out = np.full(n, np.inf)
    ok = ~np.isnan(values)
    np.minimum.at(out, codes[ok], values[ok])
    out[np.isposinf(out) & ~_has(codes[ok], n)] = np.nan  # no value in the group at all
    return out


def _group_max(codes, values, n) -> np.ndarray:
    out = np.full(n, -np.inf)
    ok = ~np.isnan(values)
    np.maximum.at(out, codes[ok], values[ok])
    out[np.isneginf(out) & ~_has(codes[ok], n)] = np.nan
    return out


def _has(codes, n) -> np.ndarray:
    return np.bincount(codes, minlength=n) > 0


def _best(codes, n, rank, lo, hi, own_lo, own_hi, order) -> np.ndarray:
    """Per event, the position (in the claim arrays) of its best dated claim, or -1 if none:
    strongest tier, then agreeing with the editorial date, then narrowest, then first in file."""
    dated = ~np.isnan(lo)
    idx = np.flatnonzero(dated)
    g = codes[idx]
    agrees = (lo[idx] <= own_hi[g]) & (own_lo[g] <= hi[idx])  # inclusive overlap, as Interval.overlaps
    with np.errstate(invalid="ignore"):
        width = hi[idx] - lo[idx]
    sort = np.lexsort((order[idx], width, ~agrees, rank[idx], g))  # last key is the primary one
    g_sorted = g[sort]
    first = np.ones(len(sort), dtype=bool)
    first[1:] = g_sorted[1:] != g_sorted[:-1]
    best = np.full(n, -1, dtype=np.int64)
    best[g_sorted[first]] = idx[sort[first]]
    return best


def _joined(codes, labels, n) -> np.ndarray:
    """Per event, its distinct non-empty labels in file order joined with ' · ' ('' if none)."""
    out = np.full(n, "", dtype=object)
    label_code, uniques = pd.factorize(labels)
    rows = np.flatnonzero(uniques[label_code] != "")
    if not len(rows):
        return out
    key = codes[rows].astype(np.int64) * len(uniques) + label_code[rows]
    _, first = np.unique(key, return_index=True)  # each (event, label) once: its first claim
    rows = rows[np.sort(first)]  # back in file order
    rows = rows[np.argsort(codes[rows], kind="stable")]  # grouped by event, file order within
    g, text = codes[rows], labels[rows]
    first_of_group = np.ones(len(g), dtype=bool)
    first_of_group[1:] = g[1:] != g[:-1]
    if any(_GROUP_SEP in u for u in uniques):  # not a valid EDTF label, but never guess
        for i, label in zip(g, text):
            out[i] = f"{out[i]} · {label}" if out[i] else label
        return out
    pieces = np.where(first_of_group, _GROUP_SEP, " · ").astype(object) + text
    out[g[first_of_group]] = "".join(pieces).split(_GROUP_SEP)[1:]  # one C-level join and split, not a loop
    return out


def _sources_say(codes, n, start_labels, end_labels) -> np.ndarray:
    """'start 2309 · 2319~ · 2328; end 2369', or 'no source gives a date'."""
    s, e = _joined(codes, start_labels, n), _joined(codes, end_labels, n)
    has_s, has_e = s != "", e != ""
    out = np.full(n, NO_DATE, dtype=object)
    out[has_s] = "start " + s[has_s]
    out[has_e & ~has_s] = "end " + e[has_e & ~has_s]
    both = has_s & has_e
    out[both] = out[both] + "; end " + e[both]
    return out


def _disputed(codes, n, s_lo, s_hi, e_lo, e_hi, values) -> np.ndarray:
    """Two dated claims on a side that do not overlap: for intervals on a line, all pairs overlap
    exactly when the largest start is at most the smallest end. Or two different stated values."""
    out = np.zeros(n, dtype=bool)
    for lo, hi in ((s_lo, s_hi), (e_lo, e_hi)):
        out |= _group_max(codes, lo, n) > _group_min(codes, hi, n)  # NaN (no dated claim) compares False
    stated = values != ""
    if stated.any():
        folded = pd.Series(values[stated]).map(str.casefold)  # casefold each distinct value
        pairs = pd.DataFrame({"g": codes[stated], "v": folded.to_numpy(dtype=object)}).drop_duplicates()
        out |= np.bincount(pairs["g"].to_numpy(), minlength=n) > 1
    return out


def _tier_lists(mask: np.ndarray) -> list[list[str]]:
    names = [[t for i, t in enumerate(TIERS) if m >> i & 1] for m in range(1 << len(TIERS))]
    return [list(names[m]) for m in mask]


def _empty(events: pd.DataFrame) -> pd.DataFrame:
    extra = [c for c in events.columns if c not in _COMPUTED and c not in _FIRST + _LAST and not _derived(c)]
    columns = [
        *_FIRST,
        "start",
        "end",
        "start_earliest",
        "start_latest",
        "end_earliest",
        "end_latest",
        "best_start",
        "best_end",
        "is_point",
        *extra,
        "canon",
        "tiers",
        "disputed",
        *_LAST,
        "sources_say",
        "n_claims",
        "start_readings",
        "end_readings",
    ]
    return pd.DataFrame(
        {c: pd.Series([], dtype="float64" if c.startswith(("start_", "end_", "best_")) else object) for c in columns}
    )


def _derived(column: str) -> bool:
    return column.endswith(("_iv", "_lo", "_hi"))


def resolve(tables: Tables, tiers: Iterable[str] | None = None, sources: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per event with at least one trusted claim, in events-file order (see the module doc)."""
    with quiet_gc():
        return _resolve(tables, tiers, sources)


def _tier_mask(codes: np.ndarray, n: int, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each resolved event's trusted tiers as a bit mask (bit i: TIERS[i]), and its strongest tier."""
    mask = np.zeros(n, dtype=np.int64)
    np.bitwise_or.at(mask, codes, np.left_shift(1, rank))
    strongest = (mask & -mask).astype(np.int64)  # lowest set bit: the strongest tier present
    return mask, np.asarray(TIERS, dtype=object)[np.log2(strongest).astype(np.int64)]


def _passed_through(kept_events: pd.DataFrame) -> dict[str, object]:
    """The events' own columns that resolution passes through unchanged (era, factions,
    universe(s), ...), ';' lists as lists."""
    out: dict[str, object] = {}
    for col in kept_events.columns:
        if col in _COMPUTED or col in _FIRST or col in _LAST or _derived(col):
            continue
        values = kept_events[col]
        if len(values) and isinstance(values.iloc[0], tuple):
            values = pd.Series([list(v) for v in values], dtype=object)
        out[col] = values
    return out


def _split_readings(tables: Tables, c: derive.Claims, codes, n, rank, best, is_point) -> dict[str, np.ndarray]:
    """start_readings and end_readings (dashboard/domain/readings.py): the readings of a side its
    sources split into, () when they agree."""
    titles = tables.sources["title"].to_numpy(dtype=object)[tables.claims["source_row"].to_numpy()[c.pos]]
    out = {}
    for side in (readings.Side("start", c.s_lo, c.s_hi, c.start), readings.Side("end", c.e_lo, c.e_hi, c.end)):
        out[f"{side.name}_readings"] = readings.split_column(codes, n, side, rank, best[side.name], is_point, titles)
    return out


def _resolve(tables: Tables, tiers, sources) -> pd.DataFrame:
    tiers = check_tiers(tiers)
    sources = check_sources(tables, sources)
    ev, cl = tables.events, tables.claims
    all_ranks = _tier_rank(tables)
    pos = _trusted(tables, all_ranks, tiers, sources)
    c = derive.claims(tables, pos)  # derived dates computed; a derived claim read two ways is two rows
    event_of = c.event_row
    present = np.bincount(event_of, minlength=len(ev)) > 0
    kept = np.flatnonzero(present)  # events with a trusted claim, in file order
    if not len(kept):
        out = _empty(ev)
        out.attrs.update(tiers=tiers, sources=None if sources is None else tuple(sorted(sources)))
        return out
    n = len(kept)
    codes = (np.cumsum(present) - 1)[event_of]  # 0..n-1: the resolved row of each trusted claim
    order = np.arange(len(c.pos))
    rank = all_ranks[c.pos]
    s_lo, s_hi, e_lo, e_hi = c.s_lo, c.s_hi, c.e_lo, c.e_hi
    own = {col: ev[col].to_numpy(dtype="float64")[kept] for col in ("start_lo", "start_hi", "end_lo", "end_hi")}
    is_point = np.isnan(own["end_lo"])

    start_earliest = np.fmin(own["start_lo"], _group_min(codes, s_lo, n))
    start_latest = np.fmax(own["start_hi"], _group_max(codes, s_hi, n))
    end_earliest = np.where(is_point, np.nan, np.fmin(own["end_lo"], _group_min(codes, e_lo, n)))
    end_latest = np.where(is_point, np.nan, np.fmax(own["end_hi"], _group_max(codes, e_hi, n)))

    start_labels, end_labels = c.start, c.end
    sides, best = {}, {}
    for side, lo, hi, labels in (("start", s_lo, s_hi, start_labels), ("end", e_lo, e_hi, end_labels)):
        b = best[side] = _best(codes, n, rank, lo, hi, own[f"{side}_lo"], own[f"{side}_hi"], order)
        has = b >= 0
        pick = np.where(has, b, 0)
        sides[side] = (
            np.where(has, lo[pick], own[f"{side}_lo"]),
            np.where(has, hi[pick], own[f"{side}_hi"]),
            np.where(has, labels[pick], ev[side].to_numpy(dtype=object)[kept]),
        )
    best_start = readings.tick(sides["start"][0], sides["start"][1], is_point)
    best_end = np.where(is_point, np.nan, sides["end"][1])
    end_label = np.where(is_point, "", sides["end"][2])

    mask, canon = _tier_mask(codes, n, rank)
    kept_events = ev.iloc[kept].reset_index(drop=True)
    out = {col: kept_events[col] for col in _FIRST}
    out.update(
        {
            "start": sides["start"][2],
            "end": end_label,
            "start_earliest": start_earliest,
            "start_latest": start_latest,
            "end_earliest": end_earliest,
            "end_latest": end_latest,
            "best_start": best_start,
            "best_end": best_end,
            "is_point": is_point,
        }
    )
    out.update(_passed_through(kept_events))
    out.update(
        {
            "canon": canon,
            "tiers": _tier_lists(mask),
            "disputed": _disputed(codes, n, s_lo, s_hi, e_lo, e_hi, cl["value"].to_numpy(dtype=object)[c.pos]),
            "dispute_note": kept_events["dispute_note"],
            "sources_say": _sources_say(codes, n, start_labels, end_labels),
            "n_claims": np.bincount(codes[c.first], minlength=n).astype(np.int64),
            **_split_readings(tables, c, codes, n, rank, best, is_point),
        }
    )
    df = pd.DataFrame(out)
    for col in ("start", "end", "canon", "sources_say"):
        df[col] = df[col].astype("str")
    df.attrs.update(tiers=tiers, sources=None if sources is None else tuple(sorted(sources)))
    return df


def citations(
    tables: Tables,
    event_ids: Iterable[str],
    tiers: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    *,
    event_rows: Mapping[str, int] | None = None,
) -> dict[str, list[dict]]:
    """The trusted citations of just these events, in file order: {event id: [citation, ...]}
    (an empty list for an event with no trusted claim). Each citation has CITATION_FIELDS.
    `event_rows` ({event id: row in events}, as Catalogue keeps it) saves looking the ids up."""
    tiers = check_tiers(tiers)
    sources = check_sources(tables, sources)
    wanted = list(dict.fromkeys(event_ids))
    out: dict[str, list[dict]] = {i: [] for i in wanted}
    if event_rows is not None:
        rows = np.array([event_rows[i] for i in wanted if i in event_rows], dtype=np.int64)
    else:
        rows = pd.Index(tables.events["id"]).get_indexer(wanted)
        rows = rows[rows >= 0]
    pos = np.flatnonzero(np.isin(tables.claims["event_row"].to_numpy(), rows))  # their claims, in file order
    pos = pos[np.isin(_tier_rank(tables, pos), [TIERS.index(t) for t in tiers])]
    if sources is not None:
        pos = pos[tables.claims["source"].iloc[pos].isin(sources).to_numpy(dtype=bool)]
    if not len(pos):
        return out
    if derive.has_derived(tables, pos):  # their derived dates, from the trusted claims they count from
        trusted = _trusted(tables, _tier_rank(tables), tiers, sources)
        c = derive.frame(tables, pos, derive.claims(tables, derive.closure(tables, pos, trusted)))
    else:
        c = tables.claims.iloc[pos].assign(via="", anchor="")
    src = tables.sources.set_index("id")
    pages = tables.pages.set_index("id")
    s, p = c["source"], c["page"]
    table = pd.DataFrame(
        {
            "event": c["event"],
            "source": s.map(src["title"]),
            "medium": s.map(src["medium"]),
            "series": s.map(src["series"]),
            "released": s.map(src["released"]),
            "tier": s.map(src["tier"]),
            "page": p.map(pages["wiki"] + ": " + pages["title"]),
            "page_url": p.map(pages["url"]),
            "start": c["start"],
            "end": c["end"],
            "value": c["value"],
            "note": c["note"],
            "universe": c["universe"],  # the claim's universe (dashboard/domain/universes.py)
            "universe_label": c["universe"].map(universe_labels(tables)),
            "start_iv": c["start_iv"],
            "end_iv": c["end_iv"],
            "via": c["via"],
            "anchor": c["anchor"],
        }
    )
    for rec in table.to_dict("records"):
        out[rec.pop("event")].append(rec)
    return out
