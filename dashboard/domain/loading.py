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

from dashboard.domain import dates, tours, words
from dashboard.domain.schema import TABLES, VOCABULARIES, DataError, DataInvalid, TableSpec

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_YEAR = re.compile(r"^-?\d{1,5}$")
_COUNT = re.compile(r"^[1-9]\d{0,5}$")
_PATTERNS = {"id": _ID, "year": _YEAR, "colour": _COLOUR, "count": _COUNT}
_QUOTING = (
    '; wrap a cell holding a comma, a quote or a line break in double quotes, and double each quote inside it ("")'
)
_HINTS = {
    "id": "a slug such as first-contact",
    "text": "some text",
    "edtf": "an EDTF date such as 2328, 2319~ or 2346/2369",
    "year": "a whole year such as 2328",
    "colour": "a colour such as #dddddd",
}


_COLUMN_HINTS = {
    "title": "the name to show, such as First contact",
    "label": "the name to show",
    "summary": "one or two sentences in your own words",
    "note": "what the source says, in your own words",
    "wiki": "the wiki's name, such as Memory Beta",
    "licence": "the licence the wiki states, such as CC BY-SA 3.0",
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
    tours: pd.DataFrame | None = None  # optional file: no rows when absent
    errors: tuple = field(default=())


def _read_rows(path: Path, spec: TableSpec, errors: list[DataError], row_by_row: bool = False) -> Rows | None:
    """The file's rows with their line numbers (marked partial when some rows were malformed);
    None when the file as a whole is unreadable."""
    file = spec.file
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if spec.optional:  # an optional table (tours.csv) left out: no rows
            return Rows(np.empty(0, dtype=np.int64), {c: np.empty(0, dtype=object) for c in spec.column_names})
        errors.append(
            DataError(
                file,
                None,
                "-",
                f"file is missing from {path.parent}; create it with this header row: {','.join(spec.column_names)}",
            )
        )
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
        errors.append(
            DataError(file, line, column, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        )
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        errors.append(
            DataError(
                file, 1, "-", f"file is empty; its first line must be the header row: {','.join(spec.column_names)}"
            )
        )
        return None
    except csv.Error as exc:
        errors.append(DataError(file, 1, "-", f"unreadable CSV: {exc}{_QUOTING}"))
        return None
    header = [h.strip() for h in header]
    missing = [c for c in spec.column_names if c not in header]
    for name in missing:
        errors.append(
            DataError(
                file,
                1,
                name,
                f"column is missing from the header; every column must be there, even "
                f"when its cells are empty (columns are: {', '.join(spec.column_names)})",
            )
        )
    unknown = [h for h in header if h not in spec.column_names]
    for name in unknown:
        errors.append(
            DataError(
                file,
                1,
                name or "-",
                f"unknown column; remove it, or rename it to one of the columns: {', '.join(spec.column_names)}",
            )
        )
    seen = {h for h in header if header.count(h) > 1}
    for name in sorted(seen):
        errors.append(DataError(file, 1, name, "column appears more than once; keep one of them"))
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
                errors.append(
                    DataError(
                        file,
                        line,
                        "-",
                        f"row has {len(cells)} fields, the header has {width}; "
                        f"give every column a cell (empty ones too), and wrap a cell "
                        f"holding a comma in double quotes",
                    )
                )
            else:
                records.append(cells)
                lines.append(line)
            line = reader.line_num + 1
    except csv.Error as exc:
        errors.append(DataError(file, reader.line_num, "-", f"unreadable CSV: {exc}{_QUOTING}"))
    return records, lines


def _cell_problems(name: str, kind: str, target: str, value: str, ids: dict[str, set], skip_refs) -> list[str]:
    """What is wrong with one non-empty cell value of this kind (nothing: an empty list)."""
    if kind == "id" and not _ID.match(value):
        return [
            f"'{value}' is not a slug (lowercase letters, digits and hyphens; write it as '{words.slug(value, 'a-slug')}')"
        ]
    if kind == "year" and not _YEAR.match(value):
        return [f"'{value}' is not a whole year (write a number such as 2328; -499 is 500 BCE)"]
    if kind == "count" and not _COUNT.match(value):
        return [f"'{value}' is not a whole number from 1 up"]
    if kind == "colour" and not _COLOUR.match(value):
        return [f"'{value}' is not a colour like #1f77b4"]
    if kind == "choice" and value not in VOCABULARIES[target]:
        return [f"unknown {name} '{value}' (one of: {', '.join(VOCABULARIES[target])})"]
    if kind in ("ref", "refs") and target not in skip_refs:
        known = ids.get(target, set())
        out = []
        for item in value.split(";") if kind == "refs" else [value]:
            item = item.strip()
            if not item:
                out.append("has an empty item in its ';' list (remove the extra ';')")
            elif item not in known:
                out.append(f"unknown {target[:-1]} '{item}' (not an id in {target}.csv; {_known(known)})")
        return out
    return []


def _report(errors, file, column, rows: Rows, mask: np.ndarray, message) -> None:
    """One error per row where mask is set; message is a string or a function of the row index."""
    for i in np.flatnonzero(mask):
        errors.append(DataError(file, int(rows.lines[i]), column, message if isinstance(message, str) else message(i)))


def _check_cells(
    spec: TableSpec,
    rows: Rows,
    ids: dict[str, set],
    errors: list[DataError],
    dated: dict[str, DateColumn],
    skip_refs: set[str] = frozenset(),
) -> None:
    """Check every cell, each distinct value of a column once; report every row that has it."""
    file = spec.file
    for col in spec.columns:
        values = rows.cells[col.name]
        kind, _, target = col.kind.partition(":")
        if col.required:
            _report(
                errors,
                file,
                col.name,
                rows,
                values == "",
                f"is empty; a value is required: {_hint(col.kind, col.name)}",
            )
        if kind == "text":
            continue
        if kind == "edtf":
            dc = dated[col.name]
            for code, message in dc.problems.items():
                _report(errors, file, col.name, rows, dc.codes == code, message + _did_you_mean(dc.values[code]))
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
            for i, problems in enumerate(bad.values()):
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
            errors.append(
                DataError(
                    spec.file,
                    line,
                    spec.key,
                    f"duplicate id '{key}' (first on line {first[key]}; give each row its own id)",
                )
            )
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
        _report(
            errors,
            f"{name}.csv",
            "end",
            table,
            backwards,
            lambda i, start=start, end=end: f"end '{end[i]}' is before start '{start[i]}' (swap them, or correct one)",
        )
    events, claims = rows["events"], rows["claims"]
    point_events = events.cells["id"][events.cells["end"] == ""]
    event = claims.cells["event"]
    gives_end = (claims.cells["end"] != "") & _member(event, set(point_events))
    _report(
        errors,
        "claims.csv",
        "end",
        claims,
        gives_end,
        lambda i: f"event '{event[i]}' is a point event (no end in "
        "events.csv); a claim cannot give it an end (empty this cell, or give the event an end in events.csv)",
    )
    ids = events.cells["id"]
    uncited = (ids != "") & ~_member(ids, set(event))
    _report(
        errors,
        "events.csv",
        "id",
        events,
        uncited,
        lambda i: f"event '{ids[i]}' has no claim in claims.csv; "
        f"every event needs a citation (add a row to claims.csv with event '{ids[i]}')",
    )
    errors.extend(tours.check(rows["tours"]))
    parents = dict(zip(rows["factions"].cells["id"], rows["factions"].cells["parent"]))
    for line, faction in zip(rows["factions"].lines.tolist(), rows["factions"].cells["id"]):
        seen, node = set(), faction
        while node and node in parents:
            if node in seen:
                errors.append(
                    DataError(
                        "factions.csv",
                        line,
                        "parent",
                        f"faction '{faction}' is its own ancestor "
                        f"(point its parent at a faction outside the "
                        f"loop, or leave it empty)",
                    )
                )
                break
            seen.add(node)
            node = parents[node]


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
    read = {name: _read_rows(data_dir / spec.file, spec, errors) for name, spec in TABLES.items()}
    unreadable = {name for name, r in read.items() if r is None or r.partial}
    rows = {
        name: r
        if r is not None
        else Rows(np.empty(0, dtype=np.int64), {c: np.empty(0, dtype=object) for c in TABLES[name].column_names})
        for name, r in read.items()
    }
    dated = {
        name: {c.name: DateColumn.parse(rows[name].cells[c.name], parse) for c in spec.columns if c.kind == "edtf"}
        for name, spec in TABLES.items()
    }
    ids = {name: _check_ids(spec, rows[name], errors) for name, spec in TABLES.items() if spec.key}
    for name, spec in TABLES.items():
        _check_cells(spec, rows[name], ids, errors, dated[name], skip_refs=unreadable)
    if not unreadable:  # cross-table checks only make sense when every table was read whole
        _check_relations(rows, errors, dated)
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
    return Tables(data_dir=data_dir, **frames)
