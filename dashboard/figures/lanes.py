"""Which lane an event sits in (its outermost faction, or its era) and the lanes' order."""
from __future__ import annotations

from ..filters import Vocabulary


def top_factions(vocab: Vocabulary) -> list[str]:
    """Outermost factions in table order: they own the colours."""
    return [f for f in vocab.factions if f not in vocab.parents]


def faction_of(factions, vocab: Vocabulary) -> str:
    """The outermost faction of an event's first (most specific) faction."""
    return vocab.top(factions[0])


def lane_of(row: dict, vocab: Vocabulary, lanes: str) -> str:
    if lanes == "era":
        return vocab.eras[row["era"]]
    return vocab.factions[faction_of(row["factions"], vocab)]


def lane_order(vocab: Vocabulary, lanes: str) -> list[str]:
    if lanes == "era":
        return list(vocab.eras.values())
    return [vocab.factions[f] for f in top_factions(vocab)]
