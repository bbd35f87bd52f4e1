"""Table and column specifications, controlled vocabularies, and the typed data error."""

from __future__ import annotations

from dataclasses import dataclass

TIERS = ("canon", "licensed", "production", "fan")  # strongest first
TIER_LABELS = {
    "canon": "On-screen canon",
    "licensed": "Licensed tie-in",
    "production": "Production note",
    "fan": "Fan work",
}
MEDIA = (
    "episode",
    "film",
    "novel",
    "comic",
    "RPG module",
    "reference book",
    "game",
    "fan fiction",
    "draft script",
    "fan wiki",
    "timeline",
    "web page",
    "image",
    "video",
    "audio",  # what an imported TimelineJS timeline cites
)
UNIVERSE_KINDS = ("prime", "mirror", "alternate", "fan")


@dataclass(frozen=True)
class Column:
    """One column: `kind` says how its cells are checked.

    kinds: id, text, edtf, year, count (1, 2, 3...), colour, ref:<table>, refs:<table> (semicolon list),
    choice:<vocab>.
    """

    name: str
    kind: str = "text"
    required: bool = True  # the cell must not be empty
    in_header: bool = True  # False: the header may leave the column out (its cells are then empty)


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    key: str | None = "id"
    optional: bool = False  # the file may be absent (then the table is empty)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


C = Column
TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "pages",
            (
                C("id", "id"),
                C("wiki"),
                C("title"),
                C("url", required=False),
                C("licence"),
                C("licence_url", required=False),
                C("seed", required=False),
                # Added in round 5 (optional in the header): the universe its claims belong to by default.
                C("universe", "ref:universes", required=False, in_header=False),
            ),
        ),
        TableSpec("eras", (C("id", "id"), C("label"), C("start", "year"), C("end", "year"), C("colour", "colour"))),
        TableSpec("factions", (C("id", "id"), C("label"), C("parent", "ref:factions", required=False))),
        TableSpec(
            "universes",
            (C("id", "id"), C("label"), C("kind", "choice:universe_kinds"), C("description", required=False)),
        ),
        TableSpec(
            "sources",
            (
                C("id", "id"),
                C("title"),
                C("medium", "choice:media"),
                C("series", required=False),
                C("tier", "choice:tiers"),
                C("released", "year", required=False),
            ),
        ),
        TableSpec(
            "events",
            (
                C("id", "id"),
                C("title"),
                C("summary"),
                C("start", "edtf"),
                C("end", "edtf", required=False),
                C("era", "ref:eras"),
                C("factions", "refs:factions"),
                C("universes", "refs:universes"),
                C("dispute_note", required=False),
            ),
        ),
        TableSpec(
            "claims",
            (
                C("event", "ref:events"),
                C("source", "ref:sources"),
                C("page", "ref:pages"),
                C("start", "edtf", required=False),
                C("end", "edtf", required=False),
                C("value", required=False),
                # Added in round 5: a file written before them may leave them out of its header.
                C("universe", "ref:universes", required=False, in_header=False),
                C("relative_to", required=False, in_header=False),
                C("offset", required=False, in_header=False),
                C("note"),
            ),
            key=None,
        ),
        # Tours (dashboard/tours.py): a header row per tour (no event) and a row per stop.
        TableSpec(
            "tours",
            (
                C("tour", "id"),
                C("order", "count", required=False),
                C("event", "ref:events", required=False),
                C("title", required=False),
                C("description", required=False),
                C("note", required=False),
            ),
            key=None,
            optional=True,
        ),
    )
}
VOCABULARIES = {"tiers": TIERS, "media": MEDIA, "universe_kinds": UNIVERSE_KINDS}


@dataclass(frozen=True, order=True)
class DataError:
    """A problem at a place in a data file: prints as `file:line: column: message`."""

    file: str
    line: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.column}: {self.message}"


class DataInvalid(Exception):
    """Raised when a table directory fails validation; carries every error found."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.column, e.message))
        super().__init__("\n".join(str(e) for e in self.errors))
