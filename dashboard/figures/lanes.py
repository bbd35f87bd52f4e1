"""Lanes: which lane an event sits in (its outermost faction, or its era), keyed by id, in order."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.domain.filters import Vocabulary

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


def lane_keys(df, vocab: Vocabulary, lanes: str) -> np.ndarray:
    """The lane id of each event: an outermost faction id, or an era id."""
    if lanes == "era":
        return df["era"].to_numpy(dtype=object)
    return faction_keys(df, vocab)


def lane_order(vocab: Vocabulary, lanes: str) -> list[str]:
    return list(vocab.eras) if lanes == "era" else top_factions(vocab)


def lane_labels(vocab: Vocabulary, lanes: str) -> dict[str, str]:
    return dict(vocab.eras) if lanes == "era" else {f: vocab.factions[f] for f in top_factions(vocab)}
