"""Tours: ordered lists of events to step through in front of a class, with a teacher's note per stop.

A tour comes from `data/tours.csv` (named by its id: `tour=overview`) or from the URL itself
(`tour=annexation-of-bajor,dukat-prefecture`). tours.csv has two kinds of row, told apart by the
`event` cell: one *header* row per tour (no event; the tour's title and description) and one row
per *stop* (its `order`, its `event` and an optional `note`). The file is optional.

No Dash, no pandas beyond reading the loaded frame: `find` turns a URL value into a Tour (and
notices for what it skipped), dashboard/domain/checks.py validates its rows.
"""

from __future__ import annotations

from dataclasses import dataclass

FILE = "tours.csv"  # its rules: dashboard/domain/checks.py (check_tours)


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
