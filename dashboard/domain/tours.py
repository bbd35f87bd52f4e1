"""Tours: ordered lists of events to step through in front of a class, with a teacher's note per stop.

A tour comes from `data/tours.csv` (named by its id: `tour=overview`) or from the URL itself
(`tour=annexation-of-bajor,dukat-prefecture`). tours.csv has two kinds of row, told apart by the
`event` cell: one *header* row per tour (no event; the tour's title and description) and one row
per *stop* (its `order`, its `event` and an optional `note`). The file is optional.

No Dash, no pandas beyond reading the loaded frame: `find` turns a URL value into a Tour (and
notices for what it skipped), `check` validates the rows for `python -m dashboard validate`.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.domain.schema import DataError

FILE = "tours.csv"


@dataclass(frozen=True)
class Stop:
    event: str
    note: str = ""


@dataclass(frozen=True)
class Tour:
    """A named tour (`id` set) or one written in the URL (`id` empty)."""

    id: str
    title: str
    description: str
    stops: tuple[Stop, ...]

    @property
    def events(self) -> tuple[str, ...]:
        return tuple(s.event for s in self.stops)

    @property
    def key(self) -> str:
        """What `tour=` holds for this tour: its id, or its event ids joined by commas."""
        return self.id or ",".join(self.events)


def from_table(df) -> dict[str, Tour]:
    """Tours by id from the loaded (validated) tours frame, in file order; {} when there is none."""
    if df is None or not len(df):
        return {}
    heads: dict[str, dict] = {}
    stops: dict[str, list[tuple[int, int, Stop]]] = {}
    for i, row in enumerate(df.to_dict("records")):
        if row["event"]:
            stops.setdefault(row["tour"], []).append((int(row["order"]), i, Stop(row["event"], row["note"] or "")))
        else:
            heads.setdefault(row["tour"], row)
    return {
        tid: Tour(tid, head["title"], head["description"] or "", tuple(s for _, _, s in sorted(stops.get(tid, []))))
        for tid, head in heads.items()
    }


def find(value: str, tours: dict[str, Tour], events) -> tuple[Tour | None, list[str]]:
    """The tour a `tour=` value names: a tour id, or event ids separated by commas. Unknown event
    ids are skipped with a notice; None (with a notice) when nothing usable is left."""
    value = (value or "").strip()
    if not value:
        return None, []
    if value in tours:
        return tours[value], []
    items = [i.strip() for i in value.split(",") if i.strip()]
    known = [i for i in items if i in events]
    unknown = [i for i in items if i not in events]
    notices = []
    if unknown and not known:
        named = ", ".join(tours) or "none in tours.csv"
        notices.append(
            f"Ignored unknown tour '{value[:80]}': give a tour id ({named}) or event ids separated by commas."
        )
        return None, notices
    if unknown:
        notices.append(
            f"The tour skips unknown event id(s) {', '.join(repr(u[:60]) for u in unknown[:10])}"
            + (f" and {len(unknown) - 10} more" if len(unknown) > 10 else "")
            + "."
        )
    n = len(known)
    return Tour("", f"A tour of {n} event{'s' if n != 1 else ''}", "", tuple(Stop(e) for e in known)), notices


def _check_head(c: dict[str, str], line: int) -> list[DataError]:
    """A tour's header row (the row with no event): a title, and no order or note."""
    tour = c["tour"]
    errors = []
    if not c["title"]:
        errors.append(
            DataError(FILE, line, "title", f"the header row of tour '{tour}' (the row with no event) needs a title")
        )
    for col in ("order", "note"):
        if c[col]:
            errors.append(
                DataError(
                    FILE,
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
                    FILE,
                    line,
                    col,
                    f"a stop has no {col}; put the tour's {col} on its header row (the row with no event)",
                )
            )
    if not c["order"]:
        errors.append(DataError(FILE, line, "order", "a stop needs its place in the tour (1, 2, 3...)"))
    elif (tour, c["order"]) in orders:
        errors.append(
            DataError(
                FILE,
                line,
                "order",
                f"order {c['order']} is used twice in tour '{tour}' (first on line {orders[(tour, c['order'])]})",
            )
        )
    else:
        orders[(tour, c["order"])] = line
    return errors


def check(rows) -> list[DataError]:
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
                        FILE,
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
                    FILE,
                    line,
                    "tour",
                    f"tour '{tour}' has no header row: add a row with the id '{tour}', a title and no event",
                )
            )
    for tour, line in heads.items():
        if tour not in first_stop:
            errors.append(
                DataError(
                    FILE, line, "tour", f"tour '{tour}' has no stops: add rows with its id, an order and an event"
                )
            )
    return errors
