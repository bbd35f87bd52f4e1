"""Read the CSV tables of a data directory and check them; no Dash, no figures.

`load(dir)` returns Tables or raises DataInvalid carrying every problem found, each with its
file, line and column. Nothing is coerced or dropped: a table either loads whole or not at all.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import dates, words
from .schema import TABLES, VOCABULARIES, DataError, DataInvalid, TableSpec

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_YEAR = re.compile(r"^-?\d{1,5}$")


_QUOTING = ("; wrap a cell holding a comma, a quote or a line break in double quotes, and double each quote "
            "inside it (\"\")")
_HINTS = {
    "id": "a slug such as first-contact", "text": "some text", "edtf": "an EDTF date such as 2328, 2319~ or 2346/2369",
    "year": "a whole year such as 2328", "colour": "a colour such as #dddddd",
}


_COLUMN_HINTS = {
    "title": "the name to show, such as First contact", "label": "the name to show",
    "summary": "one or two sentences in your own words", "note": "what the source says, in your own words",
    "wiki": "the wiki's name, such as Memory Beta", "licence": "the licence the wiki states, such as CC BY-SA 3.0",
}


def _hint(kind: str, column: str = "") -> str:
    """What to write in an empty required cell of this kind (or of this column)."""
    if kind == "text" and column in _COLUMN_HINTS:
        return _COLUMN_HINTS[column]
    base, _, target = kind.partition(":")
    if base == "ref":
        return f"an id from {target}.csv"
    if base == "refs":
        return f"one or more ids from {target}.csv, separated by ';'"
    if base == "choice":
        return "one of: " + ", ".join(VOCABULARIES[target])
    return _HINTS.get(base, "some text")


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "a-slug"


def _known(ids: set) -> str:
    """The ids one could use instead, or how to add one."""
    if not ids:
        return "that file has no rows yet: add one"
    shown = sorted(ids)[:8]
    more = f" and {len(ids) - 8} more" if len(ids) > 8 else ""
    return f"add a row with that id there, or use one of: {', '.join(shown)}{more}"


def _did_you_mean(value: str) -> str:
    """For words where EDTF belongs ('about 2319', 'c. 1850'): the EDTF that says the same."""
    label = words.to_edtf(value)
    return f"; for '{value}' write '{label}' ({words.edtf(label)})" if label and label != value else ""


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]


class Partial(list):
    """Rows of a file that could only be read in part (some rows were malformed)."""


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
    errors: tuple = field(default=())


def _read_rows(path: Path, spec: TableSpec, errors: list[DataError]) -> list[Row] | None:
    """The file's rows with their line numbers; a Partial list when some rows were malformed;
    None when the file as a whole is unreadable."""
    file = spec.file
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        errors.append(DataError(file, None, "-", f"file is missing from {path.parent}; create it with this header "
                                                 f"row: {','.join(spec.column_names)}"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw.split(b"\n")[line - 1].decode("utf-8", errors="replace")
        header = raw.split(b"\n")[0].decode("utf-8", errors="replace")
        column = "-"
        try:
            names = next(csv.reader([header]))
            cells = next(csv.reader([bad]))
            column = next((n for n, c in zip(names, cells) if "\ufffd" in c), "-")
        except (StopIteration, csv.Error):
            pass
        errors.append(DataError(file, line, column, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"))
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        errors.append(DataError(file, 1, "-", f"file is empty; its first line must be the header row: "
                                              f"{','.join(spec.column_names)}"))
        return None
    except csv.Error as exc:
        errors.append(DataError(file, 1, "-", f"unreadable CSV: {exc}{_QUOTING}"))
        return None
    header = [h.strip() for h in header]
    missing = [c for c in spec.column_names if c not in header]
    for name in missing:
        errors.append(DataError(file, 1, name, f"column is missing from the header; every column must be there, even "
                                               f"when its cells are empty (columns are: {', '.join(spec.column_names)})"))
    unknown = [h for h in header if h not in spec.column_names]
    for name in unknown:
        errors.append(DataError(file, 1, name or "-", f"unknown column; remove it, or rename it to one of the "
                                                      f"columns: {', '.join(spec.column_names)}"))
    seen = {h for h in header if header.count(h) > 1}
    for name in sorted(seen):
        errors.append(DataError(file, 1, name, "column appears more than once; keep one of them"))
    if missing or unknown or seen:
        return None  # the rows cannot be read against this header: fix it first
    rows: list[Row] = []
    structural = len(errors)
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(DataError(file, reader.line_num, "-", f"unreadable CSV: {exc}{_QUOTING}"))
            break
        if not cells or all(not c.strip() for c in cells):
            line = reader.line_num + 1
            continue
        if len(cells) != len(header):
            errors.append(DataError(file, line, "-", f"row has {len(cells)} fields, the header has {len(header)}; "
                                                     f"give every column a cell (empty ones too), and wrap a cell "
                                                     f"holding a comma in double quotes"))
        else:
            rows.append(Row(line, {h: c.strip() for h, c in zip(header, cells)}))
        line = reader.line_num + 1
    if len(errors) > structural:
        return Partial(rows)  # checked cell by cell, but too incomplete for checks across files
    return rows


def _check_cells(spec: TableSpec, rows: list[Row], ids: dict[str, set], errors: list[DataError],
                 parse: dates.Memo, skip_refs: set[str] = frozenset()) -> None:
    file = spec.file
    for col in spec.columns:
        for row in rows:
            value = row.cells[col.name]
            if not value:
                if col.required:
                    errors.append(DataError(file, row.line, col.name, f"is empty; a value is required: {_hint(col.kind, col.name)}"))
                continue
            kind, _, target = col.kind.partition(":")
            if kind == "id" and not _ID.match(value):
                errors.append(DataError(file, row.line, col.name, f"'{value}' is not a slug (lowercase letters, digits "
                                                                   f"and hyphens; write it as '{_slug(value)}')"))
            elif kind == "year" and not _YEAR.match(value):
                errors.append(DataError(file, row.line, col.name, f"'{value}' is not a whole year (write a number "
                                                                   f"such as 2328; -499 is 500 BCE)"))
            elif kind == "colour" and not _COLOUR.match(value):
                errors.append(DataError(file, row.line, col.name, f"'{value}' is not a colour like #1f77b4"))
            elif kind == "edtf":
                try:
                    parse(value)
                except dates.DateSyntaxError as exc:
                    errors.append(DataError(file, row.line, col.name, str(exc) + _did_you_mean(value)))
            elif kind == "choice" and value not in VOCABULARIES[target]:
                errors.append(DataError(file, row.line, col.name, f"unknown {col.name} '{value}' (one of: {', '.join(VOCABULARIES[target])})"))
            elif kind in ("ref", "refs") and target not in skip_refs:
                known = ids.get(target, set())
                for item in (value.split(";") if kind == "refs" else [value]):
                    item = item.strip()
                    if not item:
                        errors.append(DataError(file, row.line, col.name, "has an empty item in its ';' list (remove "
                                                                           "the extra ';')"))
                    elif item not in known:
                        errors.append(DataError(file, row.line, col.name, f"unknown {target[:-1]} '{item}' (not an id in "
                                                                           f"{target}.csv; {_known(known)})"))


def _check_ids(spec: TableSpec, rows: list[Row], errors: list[DataError]) -> set:
    first: dict[str, int] = {}
    for row in rows:
        key = row.cells[spec.key]
        if key in first:
            errors.append(DataError(spec.file, row.line, spec.key, f"duplicate id '{key}' (first on line {first[key]}; "
                                                                   f"give each row its own id)"))
        elif key:
            first[key] = row.line
    return set(first)


def _check_relations(rows: dict[str, list[Row]], errors: list[DataError], parse: dates.Memo) -> None:
    for name, col_start, col_end in (("events", "start", "end"), ("claims", "start", "end"), ("eras", "start", "end")):
        for row in rows[name]:
            start, end = row.cells[col_start], row.cells[col_end]
            if not (start and end):
                continue
            try:
                a, b = (parse(start), parse(end)) if name != "eras" else (
                    dates.Interval(float(start), float(start), start), dates.Interval(float(end), float(end), end))
            except (dates.DateSyntaxError, ValueError):
                continue  # reported by the cell checks
            if b.latest < a.earliest:
                errors.append(DataError(f"{name}.csv", row.line, col_end, f"end '{end}' is before start '{start}' "
                                                                          f"(swap them, or correct one)"))
    point_events = {r.cells["id"] for r in rows["events"] if not r.cells["end"]}
    for row in rows["claims"]:
        if row.cells["event"] in point_events and row.cells["end"]:
            errors.append(DataError("claims.csv", row.line, "end", f"event '{row.cells['event']}' is a point event (no "
                                                                   f"end in events.csv); a claim cannot give it an end "
                                                                   f"(empty this cell, or give the event an end in "
                                                                   f"events.csv)"))
        if row.cells["end"] and not row.cells["start"]:
            pass  # a source may date only the end of a period
    cited = {r.cells["event"] for r in rows["claims"]}
    for row in rows["events"]:
        if row.cells["id"] and row.cells["id"] not in cited:
            errors.append(DataError("events.csv", row.line, "id", f"event '{row.cells['id']}' has no claim in "
                                                                  f"claims.csv; every event needs a citation (add a row "
                                                                  f"to claims.csv with event '{row.cells['id']}')"))
    parents = {r.cells["id"]: r.cells["parent"] for r in rows["factions"]}
    for row in rows["factions"]:
        seen, node = set(), row.cells["id"]
        while node and node in parents:
            if node in seen:
                errors.append(DataError("factions.csv", row.line, "parent", f"faction '{row.cells['id']}' is its own "
                                                                        f"ancestor (point its parent at a faction "
                                                                        f"outside the loop, or leave it empty)"))
                break
            seen.add(node)
            node = parents[node]


def validate_dir(data_dir: Path, parse: dates.Memo | None = None) -> tuple[dict[str, list[Row]], list[DataError]]:
    """Read and check every table; return the rows and every error found."""
    data_dir = Path(data_dir)
    parse = parse or dates.Memo()
    errors: list[DataError] = []
    read = {name: _read_rows(data_dir / spec.file, spec, errors) for name, spec in TABLES.items()}
    unreadable = {name for name, r in read.items() if r is None or isinstance(r, Partial)}
    rows = {name: r or [] for name, r in read.items()}
    ids = {name: _check_ids(spec, rows[name], errors) for name, spec in TABLES.items() if spec.key}
    for name, spec in TABLES.items():
        _check_cells(spec, rows[name], ids, errors, parse, skip_refs=unreadable)
    if not unreadable:  # cross-table checks only make sense when every table was read whole
        _check_relations(rows, errors, parse)
    if "events" not in unreadable and not rows["events"]:
        errors.append(DataError("events.csv", None, "-", "has no events yet; add one row per event under the header "
                                                         "(docs/DATA.md, 'Your own table')"))
    return rows, sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.column, e.message))


def _frame(spec: TableSpec, rows: list[Row]) -> pd.DataFrame:
    records = [{**r.cells, "line": r.line} for r in rows]
    return pd.DataFrame.from_records(records, columns=[*spec.column_names, "line"])


def load(data_dir: Path | str | None = None) -> Tables:
    """Load a data directory (default: the bundled data/); raise DataInvalid on any error."""
    data_dir = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    if not data_dir.is_dir():
        raise DataInvalid([DataError(str(data_dir), None, "--data", "is not a directory; give the folder holding the "
                                                                    "seven CSV files (python -m dashboard new DIR "
                                                                    "starts one)")])
    parse = dates.Memo()
    rows, errors = validate_dir(data_dir, parse)
    if errors:
        raise DataInvalid(errors)
    frames = {name: _frame(TABLES[name], rows[name]) for name in TABLES}
    for name in ("events", "claims"):
        df = frames[name]
        df["start_iv"] = [parse(v) if v else None for v in df["start"]]
        df["end_iv"] = [parse(v) if v else None for v in df["end"]]
    for col in ("factions", "universes"):  # the `;` lists
        frames["events"][col] = [tuple(x.strip() for x in v.split(";")) for v in frames["events"][col]]
    return Tables(data_dir=data_dir, **frames)
