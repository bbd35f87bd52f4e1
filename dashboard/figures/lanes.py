"""Lanes: which lane an event sits in (its outermost faction, or its era), keyed by id, in order."""
from __future__ import annotations

import numpy as np

from ..filters import Vocabulary


def top_factions(vocab: Vocabulary) -> list[str]:
    """Outermost factions in table order: they own the colours."""
    return [f for f in vocab.factions if f not in vocab.parents]


def faction_of(factions, vocab: Vocabulary) -> str:
    """The outermost faction of an event's first (most specific) faction."""
    return vocab.top(factions[0])


def faction_keys(df, vocab: Vocabulary) -> np.ndarray:
    """Each event's outermost faction id (one tree walk per distinct first faction)."""
    tops = {f: vocab.top(f) for f in vocab.factions}
    return np.array([tops.get(fs[0], fs[0]) for fs in df["factions"]], dtype=object)


def lane_keys(df, vocab: Vocabulary, lanes: str) -> np.ndarray:
    """The lane id of each event: an outermost faction id, or an era id."""
    if lanes == "era":
        return df["era"].to_numpy(dtype=object)
    return faction_keys(df, vocab)


def lane_order(vocab: Vocabulary, lanes: str) -> list[str]:
    return list(vocab.eras) if lanes == "era" else top_factions(vocab)


def lane_labels(vocab: Vocabulary, lanes: str) -> dict[str, str]:
    return dict(vocab.eras) if lanes == "era" else {f: vocab.factions[f] for f in top_factions(vocab)}
