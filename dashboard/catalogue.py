"""The loaded data of one app: tables, vocabulary, and resolution cached per trusted-tier set."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

import pandas as pd

from . import loading, resolve
from .filters import Vocabulary


@dataclass(frozen=True)
class Catalogue:
    tables: loading.Tables
    vocab: Vocabulary
    _resolve: callable = field(repr=False, compare=False, default=None)

    @classmethod
    def load(cls, data_dir: Path | str | None = None) -> Catalogue:
        """Load and validate a data directory (raises DataInvalid)."""
        tables = loading.load(data_dir)
        # There are only 15 non-empty tier sets, so the cache is bounded by the vocabulary.
        cached = lru_cache(maxsize=16)(partial(resolve.resolve, tables))
        return cls(tables, Vocabulary.from_tables(tables), cached)

    def resolved(self, tiers: tuple[str, ...]) -> pd.DataFrame:
        """Resolved events for these trusted tiers (shared: do not modify the frame)."""
        return self._resolve(tuple(tiers))

    def citations(self, event_id: str, tiers: tuple[str, ...]) -> list[dict]:
        """The trusted citations of one event (empty if no trusted source cites it)."""
        df = self.resolved(tiers)
        match = df[df["id"] == event_id]
        return list(match.iloc[0]["citations"]) if len(match) else []

    @property
    def total(self) -> int:
        return len(self.tables.events)

    @property
    def pages(self) -> list[dict]:
        return self.tables.pages.drop(columns=["line"]).to_dict("records")
