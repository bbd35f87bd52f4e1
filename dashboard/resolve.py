"""Resolve claims into one row per event, for the set of tiers (and sources) the reader trusts.

An event's start range is the envelope of its own start and every trusted claim's start (same
for the end). The best estimate is the claim of the strongest trusted tier; ties go to the claim
that agrees with our editorial date, then to the narrowest. An event is disputed when two trusted
dated claims do not overlap, or two trusted claims state different values.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from . import dates
from .loading import Tables
from .schema import TIERS

COLUMNS = (
    "id", "title", "summary", "start", "end", "start_earliest", "start_latest", "end_earliest",
    "end_latest", "best_start", "best_end", "is_point", "era", "factions", "universes", "canon",
    "tiers", "disputed", "dispute_note", "citations",
)


NULLABLE = ("start_earliest", "start_latest", "end_earliest", "end_latest", "best_end")


def bounds(row: dict, side: str) -> tuple[float, float]:
    """A resolved row's (earliest, latest) for 'start' or 'end', with open bounds as -inf/+inf."""
    lo, hi = row[f"{side}_earliest"], row[f"{side}_latest"]
    return (-math.inf if lo is None else lo), (math.inf if hi is None else hi)


def check_tiers(tiers: Iterable[str] | None) -> tuple[str, ...]:
    """Validate a set of tiers at the boundary; None means all of them."""
    if tiers is None:
        return TIERS
    tiers = tuple(tiers)
    unknown = [t for t in tiers if t not in TIERS]
    if unknown:
        raise ValueError(f"unknown tier(s) {', '.join(map(repr, unknown))}; use some of {', '.join(TIERS)}")
    return tuple(t for t in TIERS if t in tiers)


def _best(own: dates.Interval | None, claims: list[dict], key: str) -> dates.Interval | None:
    dated = [c for c in claims if c[key] is not None]
    if not dated:
        return own

    def rank(c):
        iv = c[key]
        agrees = own is not None and iv.overlaps(own)
        return (TIERS.index(c["tier"]), not agrees, iv.width, c["order"])

    return min(dated, key=rank)[key]


def _anchor(iv: dates.Interval, is_point: bool) -> float:
    """Where to draw a best start: a bar starts at its earliest; a moment known only to within
    more than a year sits at the middle of its range (open ranges at their one finite end)."""
    if iv.open_start or iv.open_end:
        return iv.latest if iv.open_start else iv.earliest
    return iv.midpoint if is_point and iv.width > 1.0 else iv.earliest


def _disputed(claims: list[dict]) -> bool:
    for key in ("start_iv", "end_iv"):
        ivs = [c[key] for c in claims if c[key] is not None]
        if any(not a.overlaps(b) for i, a in enumerate(ivs) for b in ivs[i + 1:]):
            return True
    values = {c["value"].casefold() for c in claims if c["value"]}
    return len(values) > 1


def _num(value: float | None) -> float | None:
    return None if value is None or math.isinf(value) else value


def claims_table(tables: Tables) -> pd.DataFrame:
    """Claims joined with their source and page: one row per claim, in file order."""
    src = tables.sources.set_index("id")
    pages = tables.pages.set_index("id")
    c = tables.claims
    s, p = c["source"], c["page"]
    return pd.DataFrame({
        "event": c["event"],
        "order": range(len(c)),
        "source_id": s,
        "source": s.map(src["title"]),
        "medium": s.map(src["medium"]),
        "series": s.map(src["series"]),
        "released": s.map(src["released"]),
        "tier": s.map(src["tier"]),
        "page_id": p,
        "page": p.map(pages["wiki"] + ": " + pages["title"]),
        "page_url": p.map(pages["url"]),
        "start": c["start"],
        "end": c["end"],
        "start_iv": c["start_iv"],
        "end_iv": c["end_iv"],
        "value": c["value"],
        "note": c["note"],
    })


def resolve(tables: Tables, tiers: Iterable[str] | None = None, sources: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per event with at least one trusted claim, with ranges, best estimate and citations."""
    tiers = check_tiers(tiers)
    claims = claims_table(tables)
    trusted = claims[claims["tier"].isin(tiers)]
    if sources is not None:
        sources = set(sources)
        unknown = sources - set(tables.sources["id"])
        if unknown:
            raise ValueError(f"unknown source id(s) {', '.join(sorted(unknown))}; see sources.csv")
        trusted = trusted[trusted["source_id"].isin(sources)]
    by_event: dict[str, list[dict]] = {}
    for rec in trusted.to_dict("records"):
        by_event.setdefault(rec["event"], []).append(rec)

    out = []
    for ev in tables.events.to_dict("records"):
        cl = by_event.get(ev["id"])
        if not cl:
            continue
        own_s, own_e = ev["start_iv"], ev["end_iv"]
        is_point = own_e is None
        s_env = dates.envelope([own_s, *(c["start_iv"] for c in cl)])
        e_env = None if is_point else dates.envelope([own_e, *(c["end_iv"] for c in cl)])
        best_s = _best(own_s, cl, "start_iv")
        best_e = None if is_point else _best(own_e, cl, "end_iv")
        out.append({
            "id": ev["id"],
            "title": ev["title"],
            "summary": ev["summary"],
            "start": best_s.label,
            "end": best_e.label if best_e else "",
            "start_earliest": _num(s_env.earliest),
            "start_latest": _num(s_env.latest),
            "end_earliest": _num(e_env.earliest) if e_env else None,
            "end_latest": _num(e_env.latest) if e_env else None,
            "best_start": _anchor(best_s, is_point),
            "best_end": (best_e.latest if not best_e.open_end else math.inf) if best_e else None,
            "is_point": is_point,
            "era": ev["era"],
            "factions": list(ev["factions"]),
            "universes": list(ev["universes"]),
            "canon": min((c["tier"] for c in cl), key=TIERS.index),
            "tiers": [t for t in TIERS if any(c["tier"] == t for c in cl)],
            "disputed": _disputed(cl),
            "dispute_note": ev["dispute_note"],
            "citations": [
                {k: c[k] for k in ("source", "medium", "series", "released", "tier", "page", "page_url", "start", "end",
                                   "value", "note", "start_iv", "end_iv")}
                for c in cl
            ],
        })
    df = pd.DataFrame.from_records(out, columns=list(COLUMNS))
    for col in NULLABLE:  # keep None (not NaN) for open or absent bounds: JSON null, no NaN surprises
        df[col] = pd.Series([None if v is None or v != v else float(v) for v in df[col]], index=df.index, dtype=object)
    return df
