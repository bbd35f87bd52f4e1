"""The resolved table as plain dicts in the public export shape: what the JSON, CSV and TimelineJS
exports are written from (dashboard/formats/events_json.py, events_csv.py, timelinejs/)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.domain import readings, resolve, universes

if TYPE_CHECKING:
    from dashboard.domain.loading import Tables

EVENT_FIELDS = (
    "id",
    "title",
    "summary",
    "start",
    "end",
    "start_earliest",
    "start_latest",
    "end_earliest",
    "end_latest",
    "era",
    "factions",
    "universes",
    "canon",
    "disputed",
    "dispute_note",
    "start_readings",
    "end_readings",
    "citations",
)
CITATION_FIELDS = (
    "source",
    "medium",
    "tier",
    "page",
    "universe",
    "universe_label",
    "start",
    "end",
    "value",
    "note",
    "derived",
)
_COMPUTED = ("citations", "start_readings", "end_readings")


def _year(value):
    """A year for export: open bounds and a moment's missing end become null (never NaN or inf)."""
    return None if value is None or not math.isfinite(value) else float(value)


def iter_records(resolved: pd.DataFrame, tables: Tables, tiers=None, chunk: int = 1000):
    """The resolved table as plain dicts in the public export shape, a chunk of rows at a time, each
    with its citations from the trusted tiers (given, else those the table was resolved for; built
    only for the events of the chunk, so a large export streams in flat memory). A table resolved
    for a `universe=` view cites only that universe's claims; each citation names its universe."""
    tiers = tiers if tiers is not None else resolved.attrs.get("tiers")
    tables = universes.scoped(tables, resolved.attrs.get("universe", ()))
    fields = [k for k in EVENT_FIELDS if k not in _COMPUTED]
    for first in range(0, len(resolved), chunk):
        part = resolved.iloc[first : first + chunk]
        cites = resolve.citations(tables, part["id"], tiers, resolved.attrs.get("sources"))
        for values in zip(*(part[k].tolist() for k in fields)):  # column lists: no per-cell boxing
            rec = dict(zip(fields, values))
            for k in ("start_earliest", "start_latest", "end_earliest", "end_latest"):
                rec[k] = _year(rec[k])
            rec["disputed"] = bool(rec["disputed"])
            mine = cites[rec["id"]]
            # each side's readings: [{earliest, latest, sources}] in date order, one when the sources agree
            rec["start_readings"] = readings.listed(mine, "start")
            rec["end_readings"] = readings.listed(mine, "end")
            rec["citations"] = [
                {**{k: c.get(k) for k in CITATION_FIELDS[:-1]}, "derived": c.get("via", "")} for c in mine
            ]
            yield rec


def events_records(resolved: pd.DataFrame, tables: Tables, tiers=None) -> list[dict]:
    """The resolved table as plain dicts in the public export shape (see iter_records)."""
    return list(iter_records(resolved, tables, tiers))
