"""The ids a query may name, with their labels: eras, factions (nested), universes, events, tours;
and the faction rules that follow from the nesting (each event's outermost faction)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dashboard.domain import tours
from dashboard.domain.filters import unreleased_events
from dashboard.domain.schema import TIER_LABELS

if TYPE_CHECKING:  # for annotations only: no import at run time
    from dashboard.domain.loading import Tables


@dataclass(frozen=True)
class Vocabulary:
    """The ids a query may name, with their labels; faction parents for nesting."""

    eras: dict[str, str]
    factions: dict[str, str]
    parents: dict[str, str]
    universes: dict[str, str]
    events: dict[str, str]
    era_bands: tuple[tuple[str, str, float, float, str], ...] = ()
    tours: dict[str, tours.Tour] = field(default_factory=dict)  # tours.csv, by tour id
    # {event id: title} of the events no `asof` view can show (filters.unreleased_events)
    unreleased: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_tables(cls, tables: Tables) -> Vocabulary:
        f = tables.factions
        unreleased = set(unreleased_events(tables))
        return cls(
            eras=dict(zip(tables.eras["id"], tables.eras["label"])),
            factions=dict(zip(f["id"], f["label"])),
            parents={i: p for i, p in zip(f["id"], f["parent"]) if p},
            universes=dict(zip(tables.universes["id"], tables.universes["label"])),
            events=dict(zip(tables.events["id"].tolist(), tables.events["title"].tolist())),
            era_bands=tuple(
                (e["id"], e["label"], float(e["start"]), float(e["end"]), e["colour"])
                for e in tables.eras.to_dict("records")
            ),
            tours=tours.from_table(tables.tours),
            unreleased={i: t for i, t in zip(tables.events["id"], tables.events["title"]) if i in unreleased},
        )

    def choices(self, key: str) -> dict[str, str]:
        return {"canon": TIER_LABELS, "era": self.eras, "faction": self.factions, "universe": self.universes}[key]

    def descendants(self, faction: str) -> set[str]:
        """The faction and every faction nested inside it."""
        out = {faction}
        changed = True
        while changed:
            grown = out | {c for c, p in self.parents.items() if p in out}
            changed, out = grown != out, grown
        return out

    def top(self, faction: str) -> str:
        """The outermost faction containing this one."""
        seen = set()
        while faction in self.parents and faction not in seen:
            seen.add(faction)
            faction = self.parents[faction]
        return faction
