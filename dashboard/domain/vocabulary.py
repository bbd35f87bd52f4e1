"""The ids a query may name, with their labels: eras, factions (nested), universes, events, tours;
and the faction rules that follow from the nesting (each event's outermost faction)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.domain import tours
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

    @classmethod
    def from_tables(cls, tables: Tables) -> Vocabulary:
        f = tables.factions
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


TOP_FACTION = "top_faction"  # a resolved table's column: each event's outermost faction (with_top_faction)


def top_factions(vocab: Vocabulary) -> list[str]:
    """Outermost factions in table order: they own the colours."""
    return [f for f in vocab.factions if f not in vocab.parents]


def faction_of(factions, vocab: Vocabulary) -> str:
    """The outermost faction of an event's first (most specific) faction."""
    return vocab.top(factions[0])


def faction_keys(df, vocab: Vocabulary) -> np.ndarray:
    """Each event's outermost faction id: the TOP_FACTION column when the table has it (the
    catalogue adds it once per resolved table), else worked out (one tree walk per distinct
    first faction)."""
    if TOP_FACTION in df:
        return df[TOP_FACTION].to_numpy(dtype=object)
    tops = {f: vocab.top(f) for f in vocab.factions}
    codes, firsts = pd.factorize(pd.Series([fs[0] for fs in df["factions"]], dtype=object))
    return np.array([tops.get(f, f) for f in firsts], dtype=object)[codes] if len(codes) else np.array([], dtype=object)


def with_top_faction(resolved: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """The resolved table with its TOP_FACTION column (what lanes and colours are keyed by)."""
    return resolved.assign(**{TOP_FACTION: faction_keys(resolved.drop(columns=TOP_FACTION, errors="ignore"), vocab)})
