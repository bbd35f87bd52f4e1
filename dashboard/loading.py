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
_PATTERNS = {"id": _ID, "year": _YEAR, "colour": _COLOUR}


def _all_match(pattern: re.Pattern, values) -> bool:
    """Whether every value matches, tested in one pass of the regex engine over the values joined
    by newlines (none of the patterns can match a newline; values holding one take the slow way)."""
    values = list(values)
    if not values:
        return True
    joined = "\n".join(values)
    if joined.count("\n") != len(values) - 1:
        return False
    core = pattern.pattern.removeprefix("^").removesuffix("$")
    return re.fullmatch(f"(?:{core})(?:\n(?:{core}))*", joined) is not None


def _member(values: np.ndarray, known) -> np.ndarray:
    """values[i] in known, for each i (a set lookup per cell, in C)."""
    known = known if isinstance(known, (set, frozenset)) else set(known)
    return np.fromiter(map(known.__contains__, values), dtype=bool, count=len(values))


@dataclass
class Rows:
    """The rows of one file, column by column: `cells[column][i]` (a numpy array of str) is on line
    `lines[i]`. `partial` is set when some rows were malformed: the rest are checked cell by cell,
    but the file is too incomplete for checks across files."""

    lines: np.ndarray
    cells: dict[str, np.ndarray]
    partial: bool = False

    def __len__(self) -> int:
        return len(self.lines)


@dataclass
class DateColumn:
    """One EDTF column, each distinct string parsed once: `codes[i]` indexes the distinct values,
    whose Interval (None when empty or invalid), bounds (NaN likewise) and error message are kept."""

    codes: np.ndarray
    values: np.ndarray
    intervals: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    problems: dict[int, str]

    @classmethod
    def parse(cls, cells: np.ndarray, parse: dates.Memo) -> DateColumn:
        codes, values = pd.factorize(cells)
        intervals = np.empty(len(values), dtype=object)
        problems = {}
        for i, value in enumerate(values):
            if value:
                try:
                    intervals[i] = parse(value)
                except dates.DateSyntaxError as exc:
                    problems[i] = str(exc)
        lo = np.array([iv.earliest if iv is not None else math.nan for iv in intervals], dtype="float64")
        hi = np.array([iv.latest if iv is not None else math.nan for iv in intervals], dtype="float64")
        return cls(codes, np.asarray(values, dtype=object), intervals, lo, hi, problems)

    def rows_lo(self) -> np.ndarray:
        return self.lo[self.codes] if len(self.codes) else np.empty(0)

    def rows_hi(self) -> np.ndarray:
        return self.hi[self.codes] if len(self.codes) else np.empty(0)


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


def _read_rows(path: Path, spec: TableSpec, errors: list[DataError], row_by_row: bool = False) -> Rows | None:
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
    records = _records_fast(reader, width) if not row_by_row else [None]
    lines = None
    if not records or records[0] is None:  # a record spans lines, a blank or bad row: read it row by row
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        next(reader)
        records, lines = _records_slow(reader, file, width, errors)
    grid = np.array(records, dtype=object) if records else np.empty((0, width), dtype=object)  # rows x columns
    n = len(records)
    cells = {h: np.fromiter(map(str.strip, grid[:, j]), dtype=object, count=n) for j, h in enumerate(header)}
    if lines is None:
        if n and (cells[header[0]] == "").any():  # a blank first cell: maybe a blank row, to be skipped
            return _read_rows(path, spec, errors, row_by_row=True)
        lines = np.arange(2, n + 2, dtype=np.int64)
    return Rows(np.asarray(lines, dtype=np.int64), cells, partial=len(errors) > structural)


def _records_fast(reader, width: int) -> list:
    """All records at once when every record is one line with every field there and no row is
    blank; else [None] (the caller then reads row by row, to report each problem on its line)."""
    try:
        records = list(reader)
    except csv.Error:
        return [None]
    if reader.line_num != len(records) + 1 or set(map(len, records)) - {width}:
        return [None]
    return records


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


def _cell_problems(name: str, kind: str, target: str, value: str, ids: dict[str, set], skip_refs) -> list[str]:
    """What is wrong with one non-empty cell value of this kind (nothing: an empty list)."""
    if kind == "id" and not _ID.match(value):
        return [f"'{value}' is not a slug (lowercase letters, digits and hyphens)"]
    if kind == "year" and not _YEAR.match(value):
        return [f"'{value}' is not a whole year"]
    if kind == "colour" and not _COLOUR.match(value):
        return [f"'{value}' is not a colour like #1f77b4"]
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


def _report(errors, file, column, rows: Rows, mask: np.ndarray, message) -> None:
    """One error per row where mask is set; message is a string or a function of the row index."""
    for i in np.flatnonzero(mask):
        errors.append(DataError(file, int(rows.lines[i]), column, message if isinstance(message, str) else message(i)))


def _check_cells(spec: TableSpec, rows: Rows, ids: dict[str, set], errors: list[DataError],
                 dated: dict[str, DateColumn], skip_refs: set[str] = frozenset()) -> None:
    """Check every cell, each distinct value of a column once; report every row that has it."""
    file = spec.file
    for col in spec.columns:
        values = rows.cells[col.name]
        kind, _, target = col.kind.partition(":")
        if col.required:
            _report(errors, file, col.name, rows, values == "", "is empty; a value is required")
        if kind == "text":
            continue
        if kind == "edtf":
            dc = dated[col.name]
            for code, message in dc.problems.items():
                _report(errors, file, col.name, rows, dc.codes == code, message)
            continue
        distinct = set(values)
        distinct.discard("")
        if kind == "ref" and target not in skip_refs:
            distinct -= ids.get(target, set())  # known ids are fine: only the rest needs a look
        if kind in _PATTERNS and _all_match(_PATTERNS[kind], distinct):
            continue
        bad = {v: p for v in distinct if (p := _cell_problems(col.name, kind, target, v, ids, skip_refs))}
        if bad:
            codes = pd.Series(values).map({v: i for i, v in enumerate(bad)}).to_numpy(dtype="float64")
            for i, (value, problems) in enumerate(bad.items()):
                for message in problems:
                    _report(errors, file, col.name, rows, codes == i, message)


def _check_ids(spec: TableSpec, rows: Rows, errors: list[DataError]) -> set:
    keys = rows.cells[spec.key]
    unique = set(keys)
    if len(unique) == len(keys) and "" not in unique:
        return unique
    first: dict[str, int] = {}
    for line, key in zip(rows.lines.tolist(), keys):
        if key in first:
            errors.append(DataError(spec.file, line, spec.key, f"duplicate id '{key}' (first on line {first[key]})"))
        elif key:
            first[key] = line
    return set(first)


def _check_relations(rows: dict[str, Rows], errors: list[DataError], dated: dict[str, dict[str, DateColumn]]) -> None:
    for name in ("events", "claims", "eras"):
        table = rows[name]
        start, end = table.cells["start"], table.cells["end"]
        if name == "eras":
            lo = pd.to_numeric(pd.Series(start), errors="coerce").to_numpy(dtype="float64")
            hi = pd.to_numeric(pd.Series(end), errors="coerce").to_numpy(dtype="float64")
        else:
            lo, hi = dated[name]["start"].rows_lo(), dated[name]["end"].rows_hi()
        with np.errstate(invalid="ignore"):
            backwards = hi < lo  # NaN (empty or invalid, reported by the cell checks) compares False
        _report(errors, f"{name}.csv", "end", table, backwards, lambda i: f"end '{end[i]}' is before start '{start[i]}'")
    events, claims = rows["events"], rows["claims"]
    point_events = events.cells["id"][events.cells["end"] == ""]
    event = claims.cells["event"]
    gives_end = (claims.cells["end"] != "") & _member(event, set(point_events))
    _report(errors, "claims.csv", "end", claims, gives_end, lambda i: f"event '{event[i]}' is a point event (no end in "
            "events.csv); a claim cannot give it an end")
    ids = events.cells["id"]
    uncited = (ids != "") & ~_member(ids, set(event))
    _report(errors, "events.csv", "id", events, uncited, lambda i: f"event '{ids[i]}' has no claim in claims.csv; "
            "every event needs a citation")
    parents = dict(zip(rows["factions"].cells["id"], rows["factions"].cells["parent"]))
    for line, faction in zip(rows["factions"].lines.tolist(), rows["factions"].cells["id"]):
        seen, node = set(), faction
        while node and node in parents:
            if node in seen:
                errors.append(DataError("factions.csv", line, "parent", f"faction '{faction}' is its own ancestor"))
                break
            seen.add(node)
            node = parents[node]


def validate_dir(data_dir: Path, parse: dates.Memo | None = None
                 ) -> tuple[dict[str, Rows], dict[str, dict[str, DateColumn]], list[DataError]]:
    """Read and check every table; return the rows, the parsed date columns and every error found."""
    data_dir = Path(data_dir)
    parse = parse or dates.Memo()
    errors: list[DataError] = []
    read = {name: _read_rows(data_dir / spec.file, spec, errors) for name, spec in TABLES.items()}
    unreadable = {name for name, r in read.items() if r is None or r.partial}
    rows = {name: r if r is not None else Rows(np.empty(0, dtype=np.int64),
                                                {c: np.empty(0, dtype=object) for c in TABLES[name].column_names})
            for name, r in read.items()}
    dated = {name: {c.name: DateColumn.parse(rows[name].cells[c.name], parse) for c in spec.columns if c.kind == "edtf"}
             for name, spec in TABLES.items()}
    ids = {name: _check_ids(spec, rows[name], errors) for name, spec in TABLES.items() if spec.key}
    for name, spec in TABLES.items():
        _check_cells(spec, rows[name], ids, errors, dated[name], skip_refs=unreadable)
    if not unreadable:  # cross-table checks only make sense when every table was read whole
        _check_relations(rows, errors, dated)
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
    with quiet_gc():
        rows, dated, errors = validate_dir(data_dir, dates.Memo())
        if errors:
            raise DataInvalid(errors)
        frames = {name: _frame(spec, rows[name], dated[name]) for name, spec in TABLES.items()}
        claims = frames["claims"]  # where each claim's event and source are, as row positions
        claims["event_row"] = pd.Index(frames["events"]["id"]).get_indexer(claims["event"]).astype("int64")
        claims["source_row"] = pd.Index(frames["sources"]["id"]).get_indexer(claims["source"]).astype("int64")
    return Tables(data_dir=data_dir, **frames)
