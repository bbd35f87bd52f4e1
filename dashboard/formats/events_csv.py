"""The CSV export: one row per event, citations and pages in words. Cells that a spreadsheet would
run as a formula are neutralised with a leading apostrophe."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.domain import citations, readings
from dashboard.formats.records import EVENT_FIELDS, iter_records

if TYPE_CHECKING:
    from dashboard.domain.loading import Tables

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell) -> str:
    """Make a cell safe to open in a spreadsheet: formula-like text gets a leading apostrophe."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(_FORMULA_START) else text


def iter_csv(resolved: pd.DataFrame, tables: Tables, tiers=None):
    """The CSV export in pieces (the header, then one line per event), so a large view streams in flat memory."""
    licences = {f"{p['wiki']}: {p['title']}": p["licence"] for p in tables.pages.to_dict("records")}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")

    def line(row) -> str:
        buf.seek(0)
        buf.truncate()
        writer.writerow(row)
        return buf.getvalue()

    yield line([*EVENT_FIELDS, "pages"])
    for rec in iter_records(resolved, tables, tiers):
        pages = sorted({c["page"] for c in rec["citations"]})
        row = []
        for k in EVENT_FIELDS:
            v = rec[k]
            if k in ("factions", "universes"):
                v = ";".join(v)
            elif k == "citations":
                v = " | ".join(citations.text(c, "csv") for c in v)
            elif k in ("start_readings", "end_readings"):
                v = readings.listed_in_words(v)
            elif k == "disputed":
                v = "true" if v else "false"
            elif v is None:
                v = ""
            row.append(neutralise(v))
        row.append(neutralise(" | ".join(f"{p} ({licences[p]})" for p in pages)))
        yield line(row)


def to_csv(resolved: pd.DataFrame, tables: Tables, tiers=None) -> str:
    return "".join(iter_csv(resolved, tables, tiers))
