"""Read the CSV tables of a data directory and check them; no Dash, no figures.

The reading is in csvrows.py, the checks in checks.py; this module puts them together.

`load(dir)` returns Tables or raises DataInvalid carrying every problem found, each with its
file, line and column. Nothing is coerced or dropped: a table either loads whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.domain import dates, universes
from dashboard.domain.checks import check_cells, check_ids, check_relations
from dashboard.domain.csvrows import DateColumn, Rows, empty_rows, read_rows
from dashboard.domain.memory import quiet_gc
from dashboard.domain.schema import TABLES, DataError, DataInvalid, TableSpec

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Tables:
    """The validated tables as DataFrames (string cells, plus parsed columns where useful)."""

    data_dir: Path
    events: pd.DataFrame
    claims: pd.DataFrame
    sources: pd.DataFrame
    pages: pd.DataFrame
    eras: pd.DataFrame
    factions: pd.DataFrame
    universes: pd.DataFrame
    tours: pd.DataFrame | None = None  # optional file: no rows when absent
    errors: tuple = field(default=())


def validate_dir(data_dir: Path, parse: dates.Memo | None = None) -> tuple[dict[str, Rows], list[DataError]]:
    """Read and check every table; return the rows and every error found."""
    rows, _dated, errors = _validate(data_dir, parse)
    return rows, errors


def _validate(
    data_dir: Path, parse: dates.Memo | None = None
) -> tuple[dict[str, Rows], dict[str, dict[str, DateColumn]], list[DataError]]:
    """validate_dir, also returning the parsed date columns (for the frames)."""
    data_dir = Path(data_dir)
    parse = parse or dates.Memo()
    errors: list[DataError] = []
    read = {name: read_rows(data_dir / spec.file, spec, errors) for name, spec in TABLES.items()}
    unreadable = {name for name, r in read.items() if r is None or r.partial}
    rows = {name: r if r is not None else empty_rows(TABLES[name]) for name, r in read.items()}
    dated = {
        name: {c.name: DateColumn.parse(rows[name].cells[c.name], parse) for c in spec.columns if c.kind == "edtf"}
        for name, spec in TABLES.items()
    }
    ids = {name: check_ids(spec, rows[name], errors) for name, spec in TABLES.items() if spec.key}
    for name, spec in TABLES.items():
        check_cells(spec, rows[name], ids, errors, dated[name], skip_refs=unreadable)
    if not unreadable:  # cross-table checks only make sense when every table was read whole
        check_relations(rows, errors, dated)
    if "events" not in unreadable and not len(rows["events"]):
        errors.append(
            DataError(
                "events.csv",
                None,
                "-",
                "has no events yet; add one row per event under the header (docs/DATA.md, 'Your own table')",
            )
        )
    return rows, dated, sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.column, e.message))


def _frame(spec: TableSpec, rows: Rows, dated: dict[str, DateColumn]) -> pd.DataFrame:
    """One table as a DataFrame: its cells as text, `;` lists as tuples, the line of each row, and
    for dated columns the parsed Interval (`start_iv`, None when empty) and its bounds as floats
    (`start_lo`, `start_hi`: NaN when empty, +/-inf when open)."""
    data: dict[str, object] = {}
    for col in spec.columns:
        values = rows.cells[col.name]
        if col.kind.startswith("refs:"):  # each distinct list split once
            codes, uniques = pd.factorize(values)
            split = np.empty(len(uniques), dtype=object)
            split[:] = [tuple(x.strip() for x in v.split(";")) for v in uniques]
            data[col.name] = split[codes] if len(codes) else np.empty(0, dtype=object)
        else:
            data[col.name] = values
    data["line"] = rows.lines
    df = pd.DataFrame(data, columns=[*spec.column_names, "line"])
    for name, dc in dated.items():
        df[f"{name}_iv"] = dc.intervals[dc.codes] if len(dc.codes) else np.empty(0, dtype=object)
        df[f"{name}_lo"] = dc.rows_lo()
        df[f"{name}_hi"] = dc.rows_hi()
    return df


def load(data_dir: Path | str | None = None) -> Tables:
    """Load a data directory (default: the bundled data/); raise DataInvalid on any error."""
    data_dir = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    if not data_dir.is_dir():
        raise DataInvalid(
            [
                DataError(
                    str(data_dir),
                    None,
                    "--data",
                    "is not a directory; give the folder holding the "
                    "seven CSV files (python -m dashboard new DIR "
                    "starts one)",
                )
            ]
        )
    with quiet_gc():
        rows, dated, errors = _validate(data_dir, dates.Memo())
        if errors:
            raise DataInvalid(errors)
        frames = {name: _frame(spec, rows[name], dated[name]) for name, spec in TABLES.items()}
        claims = frames["claims"]  # where each claim's event and source are, as row positions
        claims["event_row"] = pd.Index(frames["events"]["id"]).get_indexer(claims["event"]).astype("int64")
        claims["source_row"] = pd.Index(frames["sources"]["id"]).get_indexer(claims["source"]).astype("int64")
        pages = frames["pages"]  # each claim's universe: its own cell, else its page's (universes.py)
        claims["universe"] = universes.of_claims(claims["universe"], claims["page"], pages["id"], pages["universe"])
    return Tables(data_dir=data_dir, **frames)
