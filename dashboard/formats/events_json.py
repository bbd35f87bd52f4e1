"""The JSON export: the shown events with nested citations, and the credit to the wikis."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.domain.credits import attribution
from dashboard.formats.records import iter_records

if TYPE_CHECKING:
    from dashboard.domain.loading import Tables


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
    yield (
        (pad + "]" if sep.startswith(",") else "]")
        + ","
        + pad
        + '"attribution": '
        + _dumps(attribution(tables), 1, indent)
    )
    for key, value in (extra or {}).items():
        yield "," + pad + json.dumps(key) + ": " + _dumps(value, 1, indent)
    yield "\n}\n"


def to_json(resolved: pd.DataFrame, tables: Tables, tiers=None) -> str:
    return "".join(iter_json(resolved, tables, tiers=tiers))
