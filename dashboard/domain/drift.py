"""When it was said against when it happened: the data of the "Sources over time" chart.

Every trusted claim has two times: the real-world year its work came out (sources.csv `released`)
and the in-story year it gives. `build` turns the events a query shows into one point per claim
(x: released, y: the year claimed), in release order within each event, and says what cannot be
placed: works with no release year (listed, never dropped silently) and, for an `asof` view, the
events it hides because all their works lack a release year.

An event is read on one side: its start, when any of its trusted claims dates the start (the
annexation, a period's beginning), else its end. A claim's year is the middle of the years it
allows, as a year label (2328 for "2328", 2319 for "2319~"); `lo` and `hi` keep the whole range
(open bounds as -inf/+inf), drawn as a whisker. Column-wise (numpy and pandas): no loop over events.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.domain import derive
from dashboard.domain.filters import to_query
from dashboard.domain.schema import TIERS

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue
    from dashboard.domain.filters import FilterState
    from dashboard.domain.loading import Tables

POINT_COLUMNS = (
    "event",  # event id
    "title",  # event title
    "order",  # the event's place among the events asked for
    "source",  # work id
    "work",  # work title
    "medium",
    "tier",
    "wiki",  # the wiki the claim was read on
    "released",  # the work's release year (float; NaN when unknown)
    "side",  # "start" or "end": which date of the event the claim gives
    "label",  # the date as written (EDTF)
    "lo",  # earliest year it allows (-inf when open)
    "hi",  # latest year it allows, as a year label (+inf when open)
    "y",  # where the claim is drawn
)
YEAR_PAD = 1.0  # years of air around the release years on the x axis
NO_RANGE = (2300.0, 2420.0)  # the claimed-years axis when nothing is dated


@dataclass(frozen=True)
class UndatedWork:
    """A work with no known release year that the shown events cite: listed beside the chart."""

    source: str
    title: str
    tier: str
    events: tuple[str, ...]  # the titles of the shown events it is cited for (the first NAMED)
    count: int = 0  # how many shown events it is cited for

    @property
    def more(self) -> int:
        """Events it is cited for beyond those named."""
        return max(self.count - len(self.events), 0)


@dataclass(frozen=True)
class Drift:
    """What the "Sources over time" chart shows, as data."""

    points: pd.DataFrame  # POINT_COLUMNS: the drawn claims (released by `asof`), by event then release year
    undated: tuple[UndatedWork, ...]  # works with no release year cited by the events (asof aside)
    hidden: tuple[str, ...]  # titles of the shown events every asof view hides: none of their works has a release year
    years: tuple[int, ...]  # the distinct release years of the works: the steps of "as known in"
    x_range: tuple[float, float]  # release years, fixed whatever `asof` is, so the canon visibly grows
    y_range: tuple[float, float]  # claimed years of the events without `asof`, fixed the same way
    asof: int | None
    selected: str | None

    @property
    def events(self) -> int:
        """How many events have a drawn claim."""
        return int(self.points["event"].nunique())

    @property
    def works(self) -> int:
        """How many works the drawn claims come from."""
        return int(self.points["source"].nunique())

    def in_words(self, undated: bool = True) -> str:
        """'14 claims from 9 works on 5 events; 2 works with no release year not drawn' (that last
        part only with `undated`: an asof view's summary says it already)."""
        n, w, e = len(self.points), self.works, self.events
        text = f"{n:,} claim{'s' if n != 1 else ''} from {w:,} work{'s' if w != 1 else ''} on {e:,} event{'s' if e != 1 else ''}"
        if self.undated and undated:
            k = len(self.undated)
            text += f"; {k} work{'s' if k != 1 else ''} with no release year not drawn"
        return text


def steps(years: tuple[int, ...]) -> tuple[int | None, ...]:
    """What "as known in" steps through: each release year, then None (every work, the default view)."""
    return (*years, None)


def position(years: tuple[int, ...], asof: int | None) -> int:
    """Where `asof` stands among steps(years): the last release year at or before it (0 before the
    first), len(years) for None."""
    if asof is None:
        return len(years)
    return max(int(np.searchsorted(np.asarray(years, dtype=float), asof, side="right")) - 1, 0)


def release_years(tables: Tables) -> tuple[int, ...]:
    """The distinct release years of the works, in order: the years "as known in" steps through."""
    released = pd.to_numeric(tables.sources["released"], errors="coerce").dropna()
    return tuple(sorted({int(y) for y in released}))


def step(years: tuple[int, ...], asof: int | None, move: int) -> int | None:
    """The `asof` one step (`move` = -1 or +1) from `asof` among `years`, None standing for "every
    work", after the last year. A year between two releases steps to the release on that side."""
    stops: list[int | None] = [*years, None]
    if asof is None:
        i = len(years) + move
    elif asof in years:
        i = years.index(asof) + move
    else:
        after = int(np.searchsorted(np.asarray(years, dtype=float), asof, side="right"))  # first year past asof
        i = after if move > 0 else after - 1
    return stops[min(max(i, 0), len(stops) - 1)]


def _claims(tables: Tables, event_ids, tiers) -> dict[str, np.ndarray]:
    """The trusted claims of these events (every work, released or not), with their years, in file
    order: columns as numpy arrays (a DataFrame would type-check every text column again)."""
    ev_index = pd.Index(tables.events["id"])
    rows = ev_index.get_indexer(list(event_ids))
    order = np.full(len(ev_index), -1, dtype=np.int64)
    order[rows[rows >= 0]] = np.arange(len(rows))[rows >= 0]
    cl, src = tables.claims, tables.sources
    event_row = cl["event_row"].to_numpy()
    source_row = cl["source_row"].to_numpy()
    tier_of_source = src["tier"].to_numpy(dtype=object)
    trusted_tier = np.isin(tier_of_source, [t for t in TIERS if t in set(tiers)])
    trusted = np.flatnonzero(trusted_tier[source_row])
    pos = trusted[order[event_row[trusted]] >= 0]
    # derived dates computed from the trusted claims they count from; a claim read two ways is two rows
    c = derive.claims(tables, derive.closure(tables, pos, trusted) if derive.has_derived(tables, pos) else pos)
    keep = np.isin(c.pos, pos)
    pos = c.pos[keep]
    sr, er = source_row[pos], event_row[pos]
    released = pd.to_numeric(src["released"], errors="coerce").to_numpy(dtype=float)
    wiki = tables.pages.set_index("id")["wiki"]
    page_codes, page_ids = pd.factorize(cl["page"].iloc[pos])
    return {
        "event": tables.events["id"].to_numpy(dtype=object)[er],
        "title": tables.events["title"].to_numpy(dtype=object)[er],
        "order": order[er],
        "source": src["id"].to_numpy(dtype=object)[sr],
        "work": src["title"].to_numpy(dtype=object)[sr],
        "medium": src["medium"].to_numpy(dtype=object)[sr],
        "tier": tier_of_source[sr],
        "wiki": wiki.reindex(page_ids).to_numpy(dtype=object)[page_codes] if len(pos) else np.empty(0, dtype=object),
        "released": released[sr],
        "start": c.start[keep],
        "end": c.end[keep],
        "s_lo": c.s_lo[keep],
        "s_hi": c.s_hi[keep],
        "e_lo": c.e_lo[keep],
        "e_hi": c.e_hi[keep],
        "file": pos,
    }


def _col(claims, key: str) -> np.ndarray:
    return np.asarray(claims[key])


def points(claims) -> pd.DataFrame:
    """The dated claims of works with a release year as POINT_COLUMNS, each event read on one side
    (its start if any claim dates it, else its end), by event, release year, year, then file order.
    `claims`: columns by name (_claims' arrays, or a DataFrame with those columns)."""
    order = _col(claims, "order").astype(np.int64)
    has_start = ~np.isnan(_col(claims, "s_lo").astype(float))
    n_events = int(order.max()) + 1 if len(order) else 0
    start_side = (np.bincount(order[has_start], minlength=n_events) > 0)[order]
    lo = np.where(start_side, _col(claims, "s_lo"), _col(claims, "e_lo")).astype(float)
    hi_raw = np.where(start_side, _col(claims, "s_hi"), _col(claims, "e_hi")).astype(float)
    released = _col(claims, "released").astype(float)
    keep = np.flatnonzero(~np.isnan(lo) & ~np.isnan(released))
    lo, hi_raw, start_side = lo[keep], hi_raw[keep], start_side[keep]
    with np.errstate(invalid="ignore"):
        hi = np.where(np.isfinite(hi_raw), np.maximum(hi_raw - 0.999, lo), hi_raw)  # 2328.999 -> 2328
        y = np.where(np.isfinite(lo) & np.isfinite(hi), (lo + hi) / 2, np.where(np.isfinite(lo), lo, hi))
    sort = np.lexsort((_col(claims, "file")[keep], y, released[keep], order[keep]))  # last key first
    rows, lo, hi, y, start_side = keep[sort], lo[sort], hi[sort], y[sort], start_side[sort]
    label = np.where(start_side, _col(claims, "start")[rows], _col(claims, "end")[rows]).astype(object)
    text = ("event", "title", "order", "source", "work", "medium", "tier", "wiki")
    columns = {
        **{k: _col(claims, k)[rows] for k in text},
        "released": released[rows],
        "side": np.where(start_side, "start", "end").astype(object),
        "label": label,
        "lo": lo,
        "hi": hi,
        "y": y,
    }
    # Text stays object: letting pandas type each text column again costs more than the rest together.
    return pd.DataFrame(
        {
            k: pd.Series(columns[k], dtype=object if columns[k].dtype == object else None, copy=False)
            for k in POINT_COLUMNS
        }
    )


NAMED = 30  # events named in a list before the rest are counted


def undated_works(claims) -> tuple[UndatedWork, ...]:
    """The works with no release year among these claims, each with the events it is cited for
    (the first NAMED of them, in the events' order; `count` says how many)."""
    undated = np.flatnonzero(np.isnan(_col(claims, "released").astype(float)))
    if not len(undated):
        return ()
    order = _col(claims, "order").astype(np.int64)[undated]
    codes, _ = pd.factorize(_col(claims, "source")[undated])
    _, first = np.unique(
        codes.astype(np.int64) * (int(order.max()) + 1) + order, return_index=True
    )  # by work, then event
    rows, work = undated[first], codes[first]
    starts = np.flatnonzero(np.r_[True, work[1:] != work[:-1]])
    ends = np.r_[starts[1:], len(work)]
    title, source, name, tier = (_col(claims, k) for k in ("title", "source", "work", "tier"))
    out = [
        UndatedWork(
            str(source[rows[a]]),
            str(name[rows[a]]),
            str(tier[rows[a]]),
            tuple(title[rows[a : min(b, a + NAMED)]]),
            int(b - a),
        )
        for a, b in zip(starts, ends)
    ]
    return tuple(sorted(out, key=lambda w: (TIERS.index(w.tier), w.title.casefold())))


def hidden_events(claims) -> tuple[str, ...]:
    """Titles of the events whose every trusted claim comes from a work with no release year: an
    `asof` view hides them whatever its year."""
    order = _col(claims, "order").astype(np.int64)
    if not len(order):
        return ()
    n = int(order.max()) + 1
    dated = np.bincount(order[~np.isnan(_col(claims, "released").astype(float))], minlength=n)
    gone = (np.bincount(order, minlength=n) > 0) & (dated == 0)
    title = np.empty(n, dtype=object)
    title[order] = _col(claims, "title")
    return tuple(title[gone])


def _y_range(p: pd.DataFrame) -> tuple[float, float]:
    finite = np.concatenate([p["lo"].to_numpy(), p["hi"].to_numpy(), p["y"].to_numpy()])
    finite = finite[np.isfinite(finite)]
    if not len(finite):
        return NO_RANGE
    lo, hi = float(np.floor(finite.min())), float(np.ceil(finite.max()))
    pad = max(2.0, round((hi - lo) * 0.06))
    return lo - pad, hi + pad


def _x_range(years: tuple[int, ...]) -> tuple[float, float]:
    if not years:
        return 1990.0 - YEAR_PAD, 2000.0 + YEAR_PAD
    return years[0] - YEAR_PAD, years[-1] + YEAR_PAD


def build(cat: Catalogue, state: FilterState, shown_ids=None) -> Drift:
    """The chart's data for a filter state: the claims of the events it shows, drawn up to `asof`;
    the axes and the lists of what cannot be placed come from the same filters without `asof`, so
    stepping through the years adds points to a chart that stays put. `shown_ids` (the events the
    state shows, when the caller has them) saves filtering again."""
    everything = replace(state, asof=None, event=None)
    _, _, all_shown = cat.shown(to_query(everything))
    all_ids = all_shown["id"]
    claims = _claims(cat.tables, all_ids.tolist(), state.tiers)
    p_all = points(claims)
    if state.asof is None:
        p = p_all
    else:  # the works out by then (filters.released_by's rule), on the events the asof view shows
        ids = shown_ids if shown_ids is not None else cat.shown(to_query(replace(state, event=None)))[2]["id"]
        kept = np.zeros(len(all_ids), dtype=bool)
        where = pd.Index(all_ids).get_indexer(list(ids))
        kept[where[where >= 0]] = True
        mask = (p_all["released"].to_numpy(dtype=float) <= state.asof) & kept[p_all["order"].to_numpy(dtype=np.int64)]
        p = p_all[mask].reset_index(drop=True)
    years = release_years(cat.tables)
    return Drift(
        points=p,
        undated=undated_works(claims),
        hidden=hidden_events(claims),
        years=years,
        x_range=_x_range(years),
        y_range=_y_range(p_all),
        asof=state.asof,
        selected=state.event,
    )
