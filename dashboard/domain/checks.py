"""The checks of a data directory's rows: each cell against its column's kind, ids unique,
references known, ends after starts, every event cited, no faction its own ancestor. Every problem
is reported with its file, line and column, and says how to fix it."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.domain import anchors, tours, universes, words
from dashboard.domain.schema import VOCABULARIES, DataError, TableSpec

if TYPE_CHECKING:  # for annotations only: no import at run time
    from dashboard.domain.csvrows import DateColumn, Rows

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_YEAR = re.compile(r"^-?\d{1,5}$")
_COUNT = re.compile(r"^[1-9]\d{0,5}$")
_PATTERNS = {"id": _ID, "year": _YEAR, "colour": _COLOUR, "count": _COUNT}
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


def check_cells(
    spec: TableSpec,
    rows: Rows,
    ids: dict[str, set],
    errors: list[DataError],
    dated: dict[str, DateColumn],
    skip_refs: AbstractSet[str] = frozenset(),
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


def check_ids(spec: TableSpec, rows: Rows, errors: list[DataError]) -> set:
    """The table's ids, each duplicate reported (no ids for a table without a key column)."""
    key_column = spec.key
    if key_column is None:
        return set()
    keys = rows.cells[key_column]
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
                    key_column,
                    f"duplicate id '{key}' (first on line {first[key]}; give each row its own id)",
                )
            )
        elif key:
            first[key] = line
    return set(first)


def check_relations(rows: dict[str, Rows], errors: list[DataError], dated: dict[str, dict[str, DateColumn]]) -> None:
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
    errors.extend(anchors.check(claims, events))  # relative_to and offset: derived dates
    universes.check(rows, errors)
    errors.extend(check_tours(rows["tours"]))
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


# tours.csv's rules across rows (dashboard/domain/tours.py reads it)


def _check_head(c: dict[str, str], line: int) -> list[DataError]:
    """A tour's header row (the row with no event): a title, and no order or note."""
    tour = c["tour"]
    errors = []
    if not c["title"]:
        errors.append(
            DataError(
                tours.FILE, line, "title", f"the header row of tour '{tour}' (the row with no event) needs a title"
            )
        )
    for col in ("order", "note"):
        if c[col]:
            errors.append(
                DataError(
                    tours.FILE,
                    line,
                    col,
                    f"the header row of tour '{tour}' has no {col}; "
                    "give the stop's event id, or move the text to description",
                )
            )
    return errors


def _check_stop(c: dict[str, str], line: int, orders: dict[tuple[str, str], int]) -> list[DataError]:
    """A stop: no title or description, and an order unique within its tour (`orders`, the places
    seen so far, gains this one)."""
    tour = c["tour"]
    errors = []
    for col in ("title", "description"):
        if c[col]:
            errors.append(
                DataError(
                    tours.FILE,
                    line,
                    col,
                    f"a stop has no {col}; put the tour's {col} on its header row (the row with no event)",
                )
            )
    if not c["order"]:
        errors.append(DataError(tours.FILE, line, "order", "a stop needs its place in the tour (1, 2, 3...)"))
    elif (tour, c["order"]) in orders:
        errors.append(
            DataError(
                tours.FILE,
                line,
                "order",
                f"order {c['order']} is used twice in tour '{tour}' (first on line {orders[(tour, c['order'])]})",
            )
        )
    else:
        orders[(tour, c["order"])] = line
    return errors


def check_tours(rows) -> list[DataError]:
    """Rules across the rows of tours.csv (the cells were checked against the schema already):
    one header row per tour, with a title; stops with an order, unique within their tour; at least
    one stop per tour; title and description only on the header row. `rows` is the loader's Rows
    (`lines`, and `cells` column by column)."""
    errors: list[DataError] = []
    heads: dict[str, int] = {}
    first_stop: dict[str, int] = {}
    orders: dict[tuple[str, str], int] = {}
    columns = list(rows.cells)
    for i, line in enumerate(rows.lines.tolist()):
        c = {name: rows.cells[name][i] for name in columns}
        tour = c["tour"]
        if not c["event"]:
            if tour in heads:
                errors.append(
                    DataError(
                        tours.FILE,
                        line,
                        "event",
                        f"tour '{tour}' already has its header row (line {heads[tour]}); give this stop its event id",
                    )
                )
                continue
            heads[tour] = line
            errors.extend(_check_head(c, line))
            continue
        first_stop.setdefault(tour, line)
        errors.extend(_check_stop(c, line, orders))
    for tour, line in first_stop.items():
        if tour not in heads:
            errors.append(
                DataError(
                    tours.FILE,
                    line,
                    "tour",
                    f"tour '{tour}' has no header row: add a row with the id '{tour}', a title and no event",
                )
            )
    for tour, line in heads.items():
        if tour not in first_stop:
            errors.append(
                DataError(
                    tours.FILE, line, "tour", f"tour '{tour}' has no stops: add rows with its id, an order and an event"
                )
            )
    return errors
