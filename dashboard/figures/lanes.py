"""Lanes: which lane an event sits in (its outermost faction, or its era), keyed by id, in order.

The faction rules (outermost faction, nesting) live in dashboard/domain/vocabulary.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from dashboard.domain.factions import faction_keys, top_factions

if TYPE_CHECKING:
    from dashboard.domain.vocabulary import Vocabulary


def lane_keys(df, vocab: Vocabulary, lanes: str) -> np.ndarray:
    """The lane id of each event: an outermost faction id, or an era id."""
    if lanes == "era":
        return df["era"].to_numpy(dtype=object)
    return faction_keys(df, vocab)


def lane_order(vocab: Vocabulary, lanes: str) -> list[str]:
    return list(vocab.eras) if lanes == "era" else top_factions(vocab)


def lane_labels(vocab: Vocabulary, lanes: str) -> dict[str, str]:
    return dict(vocab.eras) if lanes == "era" else {f: vocab.factions[f] for f in top_factions(vocab)}
