"""Read the CSV tables of a data directory and check them; no Dash, no figures.

`load(dir)` returns Tables or raises DataInvalid carrying every problem found, each with its
file, line and column. Nothing is coerced or dropped: a table either loads whole or not at all.
"""
from __future__ import annotations

import csv
import gc
import io
import math
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import dates
from .schema import TABLES, VOCABULARIES, DataError, DataInvalid, TableSpec

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_YEAR = re.compile(r"^-?\d{1,5}$")


@dataclass
class Rows:
    """The rows of one file, column by column: `cells[column][i]` is on line `lines[i]`.

    `partial` is set when some rows were malformed: the rest are checked cell by cell, but the file
    is too incomplete for checks across files."""

    lines: list[int]
    cells: dict[str, list[str]]
    partial: bool = False

    def __len__(self) -> int:
        return len(self.lines)

    def at(self, column: str, line_index: int) -> str:
        return self.cells[column][line_index]


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


def _read_rows(path: Path, spec: TableSpec, errors: list[DataError]) -> Rows | None:
    """The file's rows with their line numbers (marked partial when some rows were malformed);
    None when the file as a whole is unreadable."""
    file = spec.file
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        errors.append(DataError(file, None, "-", f"file is missing from {path.parent}"))
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
        errors.append(DataError(file, 1, "-", "file is empty; it needs a header row"))
        return None
    except csv.Error as exc:
        errors.append(DataError(file, 1, "-", f"unreadable CSV: {exc}"))
        return None
    header = [h.strip() for h in header]
    missing = [c for c in spec.column_names if c not in header]
    for name in missing:
        errors.append(DataError(file, 1, name, f"column is missing from the header; every column must be there, even "
                                               f"when its cells are empty (columns are: {', '.join(spec.column_names)})"))
    unknown = [h for h in header if h not in spec.column_names]
    for name in unknown:
        errors.append(DataError(file, 1, name or "-", f"unknown column (columns are: {', '.join(spec.column_names)})"))
    seen = {h for h in header if header.count(h) > 1}
    for name in sorted(seen):
        errors.append(DataError(file, 1, name, "column appears more than once"))
    if missing or unknown or seen:
        return None  # the rows cannot be read against this header: fix it first
    width = len(header)
    structural = len(errors)
    records, lines = _records_fast(reader, width)
    if records is None:  # a record spans lines, a blank line, or a bad row: read it row by row
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        next(reader)
        records, lines = _records_slow(reader, file, width, errors)
    columns = list(zip(*records)) if records else [()] * width
    rows = Rows(lines, {h: [c.strip() for c in col] for h, col in zip(header, columns)})
    rows.partial = len(errors) > structural
    return rows


def _cell_problems(name: str, kind: str, target: str, value: str, ids: dict[str, set], parse: dates.Memo,
                   skip_refs) -> list[str]:
    """What is wrong with one non-empty cell value of this kind (nothing: an empty list)."""
    if kind == "id" and not _ID.match(value):
        return [f"'{value}' is not a slug (lowercase letters, digits and hyphens)"]
    if kind == "year" and not _YEAR.match(value):
        return [f"'{value}' is not a whole year"]
    if kind == "colour" and not _COLOUR.match(value):
        return [f"'{value}' is not a colour like #1f77b4"]
    if kind == "edtf":
        try:
            parse(value)
        except dates.DateSyntaxError as exc:
            return [str(exc)]
        return []
    if kind == "choice" and value not in VOCABULARIES[target]:
        return [f"unknown {name} '{value}' (one of: {', '.join(VOCABULARIES[target])})"]
    if kind in ("ref", "refs") and target not in skip_refs:
        known = ids.get(target, set())
        out = []
        for item in (value.split(";") if kind == "refs" else [value]):
            item = item.strip()
            if not item:
                out.append("has an empty item in its ';' list")
            elif item not in known:
                out.append(f"unknown {target[:-1]} '{item}' (not an id in {target}.csv)")
        return out
    return []


def _records_fast(reader, width: int):
    """All records at once, when every record is one line long with every field there; else None."""
    try:
        records = list(reader)
    except csv.Error:
        return None, None
    if reader.line_num != len(records) + 1 or any(len(r) != width or not r[0].strip() for r in records):
        return None, None
    return records, list(range(2, len(records) + 2))


def _records_slow(reader, file: str, width: int, errors: list[DataError]):
    """Records one by one, with the line each starts on; blank rows skipped, bad rows reported."""
    records: list[list[str]] = []
    lines: list[int] = []
    line = reader.line_num + 1
    try:
        for cells in reader:
            if not cells or all(not c.strip() for c in cells):
                pass  # blank lines are allowed anywhere
            elif len(cells) != width:
                errors.append(DataError(file, line, "-", f"row has {len(cells)} fields, the header has {width}"))
            else:
                records.append(cells)
                lines.append(line)
            line = reader.line_num + 1
    except csv.Error as exc:
        errors.append(DataError(file, reader.line_num, "-", f"unreadable CSV: {exc}"))
    return records, lines


def _check_cells(spec: TableSpec, rows: Rows, ids: dict[str, set], errors: list[DataError],
                 parse: dates.Memo, skip_refs: set[str] = frozenset()) -> None:
    """Check every cell, each distinct value of a column once; report every row that has it."""
    file = spec.file
    for col in spec.columns:
        values = rows.cells[col.name]
        kind, _, target = col.kind.partition(":")
        distinct = set(values)
        bad: dict[str, list[str]] = {}
        if "" in distinct and col.required:
            bad[""] = ["is empty; a value is required"]
        distinct.discard("")
        if kind == "ref" and target not in skip_refs:
            distinct -= ids.get(target, set())  # known ids are fine: only the rest needs a look
        if kind != "text":
            for value in distinct:
                problems = _cell_problems(col.name, kind, target, value, ids, parse, skip_refs)
                if problems:
                    bad[value] = problems
        if bad:
            for line, value in zip(rows.lines, values):
                for message in bad.get(value, ()):
                    errors.append(DataError(file, line, col.name, message))


def _check_ids(spec: TableSpec, rows: Rows, errors: list[DataError]) -> set:
    keys = rows.cells[spec.key]
    unique = set(keys)
    if len(unique) == len(keys) and "" not in unique:
        return unique
    first: dict[str, int] = {}
    for line, key in zip(rows.lines, keys):
        if key in first:
            errors.append(DataError(spec.file, line, spec.key, f"duplicate id '{key}' (first on line {first[key]})"))
        elif key:
            first[key] = line
    return set(first)


def _check_relations(rows: dict[str, Rows], errors: list[DataError], parse: dates.Memo) -> None:
    for name in ("events", "claims", "eras"):
        table = rows[name]
        pairs = {(a, b) for a, b in zip(table.cells["start"], table.cells["end"]) if a and b}
        backwards = set()
        for start, end in pairs:  # each distinct (start, end) pair is compared once
            try:
                a, b = (parse(start), parse(end)) if name != "eras" else (
                    dates.Interval(float(start), float(start), start), dates.Interval(float(end), float(end), end))
            except (dates.DateSyntaxError, ValueError):
                continue  # reported by the cell checks
            if b.latest < a.earliest:
                backwards.add((start, end))
        if backwards:
            for line, start, end in zip(table.lines, table.cells["start"], table.cells["end"]):
                if (start, end) in backwards:
                    errors.append(DataError(f"{name}.csv", line, "end", f"end '{end}' is before start '{start}'"))
    events, claims = rows["events"], rows["claims"]
    point_events = {i for i, e in zip(events.cells["id"], events.cells["end"]) if not e}
    for line, event, end in zip(claims.lines, claims.cells["event"], claims.cells["end"]):
        if end and event in point_events:
            errors.append(DataError("claims.csv", line, "end", f"event '{event}' is a point event (no end in events.csv); a claim cannot give it an end"))
    cited = set(claims.cells["event"])
    for line, event in zip(events.lines, events.cells["id"]):
        if event and event not in cited:
            errors.append(DataError("events.csv", line, "id", f"event '{event}' has no claim in claims.csv; every event needs a citation"))
    parents = dict(zip(rows["factions"].cells["id"], rows["factions"].cells["parent"]))
    for line, faction in zip(rows["factions"].lines, rows["factions"].cells["id"]):
        seen, node = set(), faction
        while node and node in parents:
            if node in seen:
                errors.append(DataError("factions.csv", line, "parent", f"faction '{faction}' is its own ancestor"))
                break
            seen.add(node)
            node = parents[node]


def validate_dir(data_dir: Path, parse: dates.Memo | None = None) -> tuple[dict[str, Rows], list[DataError]]:
    """Read and check every table; return the rows and every error found."""
    data_dir = Path(data_dir)
    parse = parse or dates.Memo()
    errors: list[DataError] = []
    read = {name: _read_rows(data_dir / spec.file, spec, errors) for name, spec in TABLES.items()}
    unreadable = {name for name, r in read.items() if r is None or r.partial}
    rows = {name: r if r is not None else Rows([], {c: [] for c in TABLES[name].column_names})
            for name, r in read.items()}
    ids = {name: _check_ids(spec, rows[name], errors) for name, spec in TABLES.items() if spec.key}
    for name, spec in TABLES.items():
        _check_cells(spec, rows[name], ids, errors, parse, skip_refs=unreadable)
    if not unreadable:  # cross-table checks only make sense when every table was read whole
        _check_relations(rows, errors, parse)
    return rows, sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.column, e.message))


def _per_distinct(values: list[str], fn, dtype=object) -> np.ndarray:
    """fn applied to each distinct value once, spread back over the rows (in C, not per row)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    if dtype is object:
        mapped = np.empty(len(uniques), dtype=object)
        mapped[:] = [fn(u) for u in uniques]
    else:
        mapped = np.array([fn(u) for u in uniques], dtype=dtype)
    return mapped[codes] if len(codes) else np.empty(0, dtype=dtype)


def _frame(spec: TableSpec, rows: Rows, parse: dates.Memo) -> pd.DataFrame:
    """One table as a DataFrame: its cells as text, `;` lists as tuples, the line of each row, and
    for dated columns the parsed Interval (`start_iv`, None when empty) and its bounds as floats
    (`start_lo`, `start_hi`: NaN when empty, +/-inf when open)."""
    data: dict[str, object] = {}
    for col in spec.columns:
        values = rows.cells[col.name]
        if col.kind.startswith("refs:"):
            data[col.name] = _per_distinct(values, lambda v: tuple(x.strip() for x in v.split(";")))
        else:
            data[col.name] = values
    data["line"] = np.asarray(rows.lines, dtype="int64")
    df = pd.DataFrame(data, columns=[*spec.column_names, "line"])
    for col in spec.columns:
        if col.kind != "edtf":
            continue
        values = rows.cells[col.name]
        df[f"{col.name}_iv"] = _per_distinct(values, lambda v: parse(v) if v else None)
        df[f"{col.name}_lo"] = _per_distinct(values, lambda v: parse(v).earliest if v else math.nan, "float64")
        df[f"{col.name}_hi"] = _per_distinct(values, lambda v: parse(v).latest if v else math.nan, "float64")
    return df


@contextmanager
def quiet_gc():
    """Reading or resolving a big table makes millions of small objects and no reference cycles;
    the cyclic garbage collector's repeated passes over them would cost a third of the time.
    Paused for the duration, then restored (nothing is lost: it runs again afterwards)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(data_dir: Path | str | None = None) -> Tables:
    """Load a data directory (default: the bundled data/); raise DataInvalid on any error."""
    data_dir = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    if not data_dir.is_dir():
        raise DataInvalid([DataError(str(data_dir), None, "--data", "is not a directory")])
    parse = dates.Memo()
    with quiet_gc():
        rows, errors = validate_dir(data_dir, parse)
        if errors:
            raise DataInvalid(errors)
        frames = {name: _frame(spec, rows[name], parse) for name, spec in TABLES.items()}
        claims = frames["claims"]  # where each claim's event and source are, as row positions
        claims["event_row"] = pd.Index(frames["events"]["id"]).get_indexer(claims["event"]).astype("int64")
        claims["source_row"] = pd.Index(frames["sources"]["id"]).get_indexer(claims["source"]).astype("int64")
    return Tables(data_dir=data_dir, **frames)
