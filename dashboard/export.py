"""Serialise the resolved table: JSON (nested citations), CSV (one row per event) and TimelineJS JSON
(dashboard/timelinejs.py, built from the same public records).

Both carry the credit to the wikis the facts were read from. CSV cells that a spreadsheet
would run as a formula are neutralised with a leading apostrophe.
"""
from __future__ import annotations

import csv
import io
import json
import math

import pandas as pd

from . import resolve
from .loading import Tables

EVENT_FIELDS = (
    "id", "title", "summary", "start", "end", "start_earliest", "start_latest", "end_earliest",
    "end_latest", "era", "factions", "universes", "canon", "disputed", "dispute_note", "citations",
)
CITATION_FIELDS = ("source", "medium", "tier", "page", "start", "end", "value", "note")
FORMATS = ("json", "csv", "timelinejs")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def attribution(tables: Tables) -> list[dict]:
    """One credit per wiki page: wiki, page title, address and licence."""
    return [
        {"wiki": p["wiki"], "title": p["title"], "url": p["url"], "licence": p["licence"], "licence_url": p["licence_url"]}
        for p in tables.pages.to_dict("records")
    ]


def credit_line(tables: Tables) -> str:
    pages = "; ".join(f"{a['wiki']}, \"{a['title']}\" ({a['licence']})" for a in attribution(tables))
    return f"Facts read from community wikis, paraphrased: {pages}."


def _year(value):
    """A year for export: open bounds and a moment's missing end become null (never NaN or inf)."""
    return None if value is None or not math.isfinite(value) else float(value)


def iter_records(resolved: pd.DataFrame, tables: Tables, tiers=None, chunk: int = 1000):
    """The resolved table as plain dicts in the public export shape, a chunk of rows at a time, each
    with its citations from the trusted tiers (given, else those the table was resolved for; built
    only for the events of the chunk, so a large export streams in flat memory)."""
    tiers = tiers if tiers is not None else resolved.attrs.get("tiers")
    fields = [k for k in EVENT_FIELDS if k != "citations"]
    for first in range(0, len(resolved), chunk):
        part = resolved.iloc[first:first + chunk]
        cites = resolve.citations(tables, part["id"], tiers, resolved.attrs.get("sources"))
        for values in zip(*(part[k].tolist() for k in fields)):  # column lists: no per-cell boxing
            rec = dict(zip(fields, values))
            for k in ("start_earliest", "start_latest", "end_earliest", "end_latest"):
                rec[k] = _year(rec[k])
            rec["disputed"] = bool(rec["disputed"])
            rec["citations"] = [{k: c[k] for k in CITATION_FIELDS} for c in cites[rec["id"]]]
            yield rec


def events_records(resolved: pd.DataFrame, tables: Tables, tiers=None) -> list[dict]:
    """The resolved table as plain dicts in the public export shape (see iter_records)."""
    return list(iter_records(resolved, tables, tiers))


def _dumps(obj, level: int, indent: int | None) -> str:
    """json.dumps of a value nested `level` deep, so the pieces join into one (indented) document."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent, allow_nan=False)
    return text.replace("\n", "\n" + " " * (indent * level)) if indent else text


def iter_json(resolved: pd.DataFrame, tables: Tables, extra: dict | None = None, indent: int | None = 2, tiers=None):
    """The JSON export in pieces (one per event), so a large view streams in flat memory.

    With indent=2 the joined pieces equal json.dumps(payload, indent=2); with indent=None each event
    is one compact line (json's C encoder: several times faster). `extra` adds top-level fields.
    """
    pad = "\n" + " " * (indent or 0)
    yield "{" + pad + '"events": ['
    sep = pad + " " * (indent or 0)
    for rec in iter_records(resolved, tables, tiers):
        yield sep + _dumps(rec, 2, indent)
        sep = "," + pad + " " * (indent or 0)
    yield (pad + "]" if sep.startswith(",") else "]") + "," + pad + '"attribution": ' + _dumps(attribution(tables), 1, indent)
    for key, value in (extra or {}).items():
        yield "," + pad + json.dumps(key) + ": " + _dumps(value, 1, indent)
    yield "\n}\n"


def to_json(resolved: pd.DataFrame, tables: Tables, tiers=None) -> str:
    return "".join(iter_json(resolved, tables, tiers=tiers))


def neutralise(cell) -> str:
    """Make a cell safe to open in a spreadsheet: formula-like text gets a leading apostrophe."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _citation_text(c: dict) -> str:
    when = " to ".join(x for x in (c["start"], c["end"]) if x) or "undated"
    value = f" [{c['value']}]" if c["value"] else ""
    return f"{c['source']} ({c['tier']}; {c['page']}): {when}{value}"


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
                v = " | ".join(_citation_text(c) for c in v)
            elif k == "disputed":
                v = "true" if v else "false"
            elif v is None:
                v = ""
            row.append(neutralise(v))
        row.append(neutralise(" | ".join(f"{p} ({licences[p]})" for p in pages)))
        yield line(row)


def to_csv(resolved: pd.DataFrame, tables: Tables, tiers=None) -> str:
    return "".join(iter_csv(resolved, tables, tiers))


def export(resolved: pd.DataFrame, tables: Tables, fmt: str, tiers=None) -> str:
    """Serialise in the named format; fmt must be one of FORMATS. Citations come from `tiers`
    (default: the tiers `resolved` was made for)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "timelinejs":
        from . import timelinejs  # it builds on events_records and attribution above

        return timelinejs.to_json(resolved, tables)
    return to_json(resolved, tables, tiers) if fmt == "json" else to_csv(resolved, tables, tiers)
