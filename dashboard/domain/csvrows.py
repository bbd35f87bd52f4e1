"""A data file's CSV text as rows, column by column, with the line each row is on; and an EDTF
column's distinct values parsed once. Problems go to the caller's error list, each on its line."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.domain import dates
from dashboard.domain.schema import DataError, TableSpec

_QUOTING = (
    '; wrap a cell holding a comma, a quote or a line break in double quotes, and double each quote inside it ("")'
)


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


def read_rows(path: Path, spec: TableSpec, errors: list[DataError], row_by_row: bool = False) -> Rows | None:
    """The file's rows with their line numbers (marked partial when some rows were malformed);
    None when the file as a whole is unreadable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if spec.optional:  # an optional table (tours.csv) left out: no rows
            return empty_rows(spec)
        errors.append(
            DataError(
                spec.file,
                None,
                "-",
                f"file is missing from {path.parent}; create it with this header row: {','.join(spec.column_names)}",
            )
        )
        return None
    text = _decode(raw, spec.file, errors)
    if text is None:
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = _header(reader, spec, errors)
    if header is None:
        return None  # the rows cannot be read against this header: fix it first
    width = len(header)
    structural = len(errors)
    records: list = _records_fast(reader, width) if not row_by_row else [None]
    lines: list[int] | None = None
    if not records or records[0] is None:  # a record spans lines, a blank or bad row: read it row by row
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        next(reader)
        records, lines = _records_slow(reader, spec.file, width, errors)
    grid = np.array(records, dtype=object) if records else np.empty((0, width), dtype=object)  # rows x columns
    n = len(records)
    cells = {h: np.fromiter(map(str.strip, grid[:, j]), dtype=object, count=n) for j, h in enumerate(header)}
    for name in spec.column_names:  # a column the header may leave out: empty cells
        if name not in cells:
            cells[name] = np.full(n, "", dtype=object)
    if lines is None:
        if n and (cells[header[0]] == "").any():  # a blank first cell: maybe a blank row, to be skipped
            return read_rows(path, spec, errors, row_by_row=True)
        return Rows(np.arange(2, n + 2, dtype=np.int64), cells, partial=len(errors) > structural)
    return Rows(np.asarray(lines, dtype=np.int64), cells, partial=len(errors) > structural)


def empty_rows(spec: TableSpec) -> Rows:
    """A table with no rows (a file left out, or one that could not be read)."""
    return Rows(np.empty(0, dtype=np.int64), {c: np.empty(0, dtype=object) for c in spec.column_names})


def _decode(raw: bytes, file: str, errors: list[DataError]) -> str | None:
    """The file's text (without a byte order mark); None, with the line and column reported, when
    it is not UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw.split(b"\n")[line - 1].decode("utf-8", errors="replace")
        first = raw.split(b"\n")[0].decode("utf-8", errors="replace")
        column = "-"
        try:
            names = next(csv.reader([first]))
            cells = next(csv.reader([bad]))
            column = next((n for n, c in zip(names, cells) if "\ufffd" in c), "-")
        except (StopIteration, csv.Error):
            pass
        errors.append(
            DataError(file, line, column, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        )
        return None
    return text[1:] if text.startswith("\ufeff") else text


def _header(reader, spec: TableSpec, errors: list[DataError]) -> list[str] | None:
    """The header row, stripped; None, with every problem reported, when it is empty, unreadable,
    or lacks, adds or repeats a column."""
    file = spec.file
    try:
        first = next(reader)
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
    header = [h.strip() for h in first]
    missing = [c.name for c in spec.columns if c.in_header and c.name not in header]
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
        return None
    return header


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
