"""Each event's outermost faction (what lanes and colours are keyed by), from the nesting the
vocabulary holds (dashboard/domain/vocabulary.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from dashboard.domain.vocabulary import Vocabulary

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
