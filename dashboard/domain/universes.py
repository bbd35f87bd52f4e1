"""Each claim's universe, and the tables as seen from inside some universes.

A claim belongs to one universe: the `universe` cell of claims.csv when filled, else the `universe`
of the page it was read on (pages.csv), else none in particular (written '', it then counts in every
universe its event lists: tables written before these columns behave as they always did). A claim's
universe must be one its event lists (checked by `check`).

`scoped(tables, universes)` is what a `universe=` filter resolves from: only the claims of those
universes; and on a side (start, end) that those claims date, each event's own (editorial) date
counts only if it is the reading of one of them (some claim's date lies within it). Otherwise it is
set aside, so the event is resolved from that universe's claims alone. Without a filter every claim counts, and each
citation carries its universe (resolve.citations) so the panels and exports can label it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.domain.schema import DataError

if TYPE_CHECKING:
    from dashboard.domain.csvrows import Rows
    from dashboard.domain.loading import Tables


def of_claims(claim_cells, claim_pages, page_ids, page_universes) -> np.ndarray:
    """Each claim's universe: its own cell, else its page's, else '' (see the module doc)."""
    by_page = dict(zip(page_ids, page_universes))
    cells = np.asarray(claim_cells, dtype=object)
    pages = pd.Series(np.asarray(claim_pages, dtype=object)).map(by_page).fillna("").to_numpy(dtype=object)
    return np.where(cells != "", cells, pages).astype(object)


def check(rows: dict[str, Rows], errors: list[DataError]) -> None:
    """A claim's universe (its own, or its page's) must be one its event lists (each distinct pair of
    an event's universes and a claim's universe is tested once: fast on large tables)."""
    events, claims, pages = rows["events"], rows["claims"], rows["pages"]
    page_universe = pages.cells.get("universe")
    if page_universe is None:
        page_universe = np.full(len(pages.cells["id"]), "", dtype=object)
    own = claims.cells["universe"]
    universe = of_claims(own, claims.cells["page"], pages.cells["id"], page_universe)
    n_events = len(events.cells["id"])
    ids = pd.Index(events.cells["id"])
    first = np.flatnonzero(~ids.duplicated())  # a repeated id is reported elsewhere: its first row counts
    found = ids[first].get_indexer(claims.cells["event"])  # -1: an unknown event, reported elsewhere
    row = np.where(found >= 0, first[np.maximum(found, 0)] if len(first) else -1, -1)
    lists, combos = pd.factorize(np.append(events.cells["universes"], ""))  # the last: an unknown event's
    their = lists[np.where(row >= 0, row, n_events)]
    mine, names = pd.factorize(universe)
    width = max(len(names), 1)
    distinct, inverse = np.unique(their.astype(np.int64) * width + mine, return_inverse=True)
    ok = np.array([_fits(combos[p // width], names[p % width]) for p in distinct], dtype=bool)
    theirs = np.asarray(combos, dtype=object)[their]
    for i in np.flatnonzero(~ok[inverse]) if len(distinct) else ():
        u, event, page = universe[i], claims.cells["event"][i], claims.cells["page"][i]
        whence = f"its own universe '{u}'" if own[i] else f"universe '{u}' (the default of page '{page}' in pages.csv)"
        listed_there = ", ".join(sorted(x.strip() for x in theirs[i].split(";")))
        errors.append(
            DataError(
                "claims.csv",
                int(claims.lines[i]),
                "universe",
                f"{whence} is not one of event '{event}''s universes ({listed_there}); "
                "write the claim's universe in this column, or add it to the event's universes in events.csv",
            )
        )


def _fits(event_universes: str, universe: str) -> bool:
    """An unknown event (reported elsewhere) or no universe fits; else it must be listed."""
    return not event_universes or not universe or universe in {x.strip() for x in event_universes.split(";")}


def scoped(tables: Tables, universes: tuple[str, ...] | frozenset[str]) -> Tables:
    """The tables as a `universe=` view resolves them: only the claims of these universes (and those
    of no universe in particular); on each side (start, end) those claims date, an event's own date
    that holds none of their dates is replaced by the hull of their dates, so that it neither widens
    the range nor breaks the best estimate's tie. Without universes: the tables as they are."""
    if not universes:
        return tables
    cl = tables.claims
    mine = cl["universe"].isin(list(universes)) | (cl["universe"] == "")
    claims = cl[mine.to_numpy(dtype=bool)].reset_index(drop=True)
    events = tables.events.copy()
    n = len(events)
    rows = claims["event_row"].to_numpy()
    for side in ("start", "end"):
        lo, hi = claims[f"{side}_lo"].to_numpy(dtype="float64"), claims[f"{side}_hi"].to_numpy(dtype="float64")
        dated = ~np.isnan(lo)
        low, high = np.full(n, np.inf), np.full(n, -np.inf)
        np.minimum.at(low, rows[dated], lo[dated])
        np.maximum.at(high, rows[dated], hi[dated])
        own_lo = events[f"{side}_lo"].to_numpy(dtype="float64").copy()
        own_hi = events[f"{side}_hi"].to_numpy(dtype="float64").copy()
        r = rows[dated]
        within = (lo[dated] >= own_lo[r]) & (hi[dated] <= own_hi[r])  # the own date reads this claim
        has = np.bincount(r, minlength=n) > 0
        read = np.bincount(r[within], minlength=n) > 0
        aside = has & ~read & ~np.isnan(own_lo)  # a moment keeps its empty end
        own_lo[aside], own_hi[aside] = low[aside], high[aside]
        events[f"{side}_lo"], events[f"{side}_hi"] = own_lo, own_hi
    return replace(tables, claims=claims, events=events)


def labels(tables: Tables) -> dict[str, str]:
    """{universe id: its label}, '' for a claim of no universe in particular."""
    return {"": "", **dict(zip(tables.universes["id"], tables.universes["label"]))}
