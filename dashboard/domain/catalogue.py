"""The loaded data of one app: tables, vocabulary, and resolution cached per trusted-tier set (and
per `asof` year's set of released works, and per `universe=` set: a universe view resolves from
that universe's claims only, universes.scoped); the events a query shows, cached per filter state."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from dashboard.domain import loading, resolve, universes
from dashboard.domain.factions import with_top_faction
from dashboard.domain.filters import FilterState, apply, parse_query, released_by, with_match_columns
from dashboard.domain.schema import TIERS
from dashboard.domain.vocabulary import Vocabulary

SHOWN_CACHE = 8  # filter states whose shown events a catalogue keeps


@dataclass(frozen=True)
class Catalogue:
    tables: loading.Tables
    vocab: Vocabulary
    # (tiers, released works, universes) -> resolved events
    _resolve: Callable[[tuple[str, ...], frozenset[str] | None, tuple[str, ...]], pd.DataFrame] = field(
        repr=False, compare=False
    )
    _rows: dict[str, int] = field(repr=False, compare=False)  # event id -> row in tables.events
    # (tiers, released works, universes) -> {event id: row in the resolved events}
    _positions: Callable[[tuple[str, ...], frozenset[str] | None, tuple[str, ...]], dict[str, int]] = field(
        repr=False, compare=False
    )
    _scoped: Callable[[tuple[str, ...]], loading.Tables] = field(repr=False, compare=False)  # universes -> tables
    _shown: Callable[[FilterState], pd.DataFrame] = field(repr=False, compare=False)  # filters -> shown events

    @classmethod
    def load(cls, data_dir: Path | str | None = None, *, warm: bool = True) -> Catalogue:
        """Load and validate a data directory (raises DataInvalid), and (`warm`) resolve the default
        view (every tier trusted), which the first page needs."""
        return cls.of(loading.load(data_dir), warm=warm)

    @classmethod
    def of(cls, tables: loading.Tables, *, warm: bool = True) -> Catalogue:
        """The catalogue of loaded tables (see load)."""
        vocab = Vocabulary.from_tables(tables)

        # 15 non-empty tier sets, times the distinct sets of works released by an `asof` year (keyed by
        # the set, not the year, so every year between two releases shares one entry).
        @lru_cache(maxsize=8)
        def scoped(universe: tuple[str, ...]) -> loading.Tables:
            return universes.scoped(tables, universe)

        @lru_cache(maxsize=64)
        def cached(tiers, sources, universe=()):
            resolved = resolve.resolve(scoped(universe), tiers, sources)
            resolved = with_match_columns(with_top_faction(resolved, vocab))
            resolved.attrs["universe"] = universe  # for the exports' citations (formats/records.py)
            # The tables and each resolved table live as long as the app, and hold a few hundred
            # thousand small lists: keep the cycle collector from re-scanning them on every pass
            # (a 50-100 ms pause in some unlucky request at 100,000 events). Refcounting still frees.
            gc.freeze()
            return resolved

        @lru_cache(maxsize=64)
        def positions(tiers, sources, universe=()):
            ids = cached(tiers, sources, universe)["id"].tolist()
            return dict(zip(ids, range(len(ids))))

        # The events a filter state shows (the selection left out: selecting an event filters nothing),
        # so a page load and the callbacks that follow it apply each set of filters once.
        @lru_cache(maxsize=SHOWN_CACHE)
        def shown(state: FilterState) -> pd.DataFrame:
            return apply(cached(state.tiers, released_by(tables, state.asof), state.universe), state, vocab)

        rows = dict(zip(tables.events["id"].tolist(), range(len(tables.events))))
        cat = cls(tables, vocab, cached, rows, positions, scoped, shown)
        if warm:
            cat.resolved(TIERS)
        return cat

    def resolved(self, tiers: tuple[str, ...], asof: int | None = None, universe: tuple[str, ...] = ()) -> pd.DataFrame:
        """Resolved events for these trusted tiers, counting only works released by `asof` when it
        is given, and only the claims of `universe` when given (shared: do not modify the frame)."""
        return self._resolve(tuple(tiers), released_by(self.tables, asof), tuple(universe))

    def shown(self, query) -> tuple[FilterState, tuple[str, ...], pd.DataFrame]:
        """A query (string or mapping, as filters.parse_query takes) to what it shows: its state, the
        notices about what was dropped from it, and the resolved events that pass its filters, in
        table order (shared: do not modify the frame). The one path from a query to shown events:
        the page, the data routes, the embed and the CLI all take it."""
        state, notices = parse_query(query if query is not None else "", self.vocab)
        return state, tuple(notices), self._shown(state.with_event(None))

    def citations(
        self, event_id: str, tiers: tuple[str, ...], asof: int | None = None, universe: tuple[str, ...] = ()
    ) -> list[dict]:
        """The trusted citations of one event (from works released by `asof`, and of `universe`, when
        given), in file order (built on demand, not cached)."""
        return self.citations_of([event_id], tiers, asof, universe)[event_id]

    def citations_of(
        self, event_ids, tiers: tuple[str, ...], asof: int | None = None, universe: tuple[str, ...] = ()
    ) -> dict[str, list[dict]]:
        """citations() for several events at once (one pass over the claims): {event id: [citation, ...]}."""
        return resolve.citations(
            self._scoped(tuple(universe)),
            list(event_ids),
            tiers,
            released_by(self.tables, asof),
            event_rows=self._rows,
        )

    def row(
        self, event_id: str, tiers: tuple[str, ...], asof: int | None = None, universe: tuple[str, ...] = ()
    ) -> dict | None:
        """One event's resolved row as a dict, or None when no trusted source cites it (a dict
        look-up, not a scan of every event)."""
        key = (tuple(tiers), released_by(self.tables, asof), tuple(universe))
        pos = self._positions(*key).get(event_id)
        return None if pos is None else self._resolve(*key).iloc[[pos]].to_dict("records")[0]

    def event(
        self, event_id: str, tiers: tuple[str, ...], asof: int | None = None, universe: tuple[str, ...] = ()
    ) -> dict | None:
        """One resolved event as a dict with its `citations` (what the panels show), or None when
        no trusted source cites it."""
        row = self.row(event_id, tiers, asof, universe)
        return None if row is None else {**row, "citations": self.citations(event_id, tiers, asof, universe)}

    @property
    def total(self) -> int:
        return len(self.tables.events)

    @property
    def pages(self) -> list[dict]:
        return self.tables.pages.drop(columns=["line"]).to_dict("records")
