"""The loaded data of one app: tables, vocabulary, and resolution cached per trusted-tier set (and
per `asof` year's set of released works)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

import pandas as pd

from . import loading, resolve
from .filters import Vocabulary, released_by


@dataclass(frozen=True)
class Catalogue:
    tables: loading.Tables
    vocab: Vocabulary
    _resolve: callable = field(repr=False, compare=False, default=None)

    @classmethod
    def load(cls, data_dir: Path | str | None = None) -> Catalogue:
        """Load and validate a data directory (raises DataInvalid)."""
        tables = loading.load(data_dir)
        # 15 non-empty tier sets times the distinct sets of works released by a year (keyed by the
        # set, not the year, so every year between two releases shares one entry).
        cached = lru_cache(maxsize=64)(partial(resolve.resolve, tables))
        return cls(tables, Vocabulary.from_tables(tables), cached)

    def resolved(self, tiers: tuple[str, ...], asof: int | None = None) -> pd.DataFrame:
        """Resolved events for these trusted tiers, counting only works released by `asof` when it
        is given (shared: do not modify the frame)."""
        return self._resolve(tuple(tiers), released_by(self.tables, asof))

    def citations(self, event_id: str, tiers: tuple[str, ...], asof: int | None = None) -> list[dict]:
        """The trusted citations of one event (empty if no trusted source cites it)."""
        df = self.resolved(tiers, asof)
        match = df[df["id"] == event_id]
        return list(match.iloc[0]["citations"]) if len(match) else []

    @property
    def total(self) -> int:
        return len(self.tables.events)

    @property
    def pages(self) -> list[dict]:
        return self.tables.pages.drop(columns=["line"]).to_dict("records")
