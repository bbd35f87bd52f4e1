"""What the reader asked to see: FilterState <-> URL query string, applied to resolved events.

The query vocabulary is public (bookmarks, embeds, the CLI's --query): canon, era, faction,
universe (comma lists of ids), from, to (years), q (text), disputed=1, event (selected id),
lanes (faction|era), asof (a real-world year: only works released by then count) and tour (a
tour id from tours.csv, or a comma list of event ids). Unknown or malformed values are dropped
with a notice, never an error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

from dashboard.domain import events, tours
from dashboard.domain.schema import TIER_LABELS, TIERS

if TYPE_CHECKING:  # for annotations only: no import at run time
    from dashboard.domain.loading import Tables
    from dashboard.domain.vocabulary import Vocabulary

LANES = ("faction", "era")
LIST_KEYS = ("canon", "era", "faction", "universe")
KNOWN_KEYS = (*LIST_KEYS, "from", "to", "q", "disputed", "event", "lanes", "asof", "tour")
MAX_QUERY_TEXT = 200


@dataclass(frozen=True)
class FilterState:
    """What the reader asked to see. `tiers` are the trusted source tiers (the URL's `canon=`)."""

    tiers: tuple[str, ...] = TIERS
    era: tuple[str, ...] = ()
    faction: tuple[str, ...] = ()
    universe: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    q: str = ""
    disputed: bool = False
    event: str | None = None
    lanes: str = "faction"
    asof: int | None = None  # real-world year: only claims from works released by then count
    tour: tours.Tour | None = None  # the tour `tour=` named, found once when the query is parsed (tours.find)

    def with_event(self, event: str | None) -> FilterState:
        return replace(self, event=event)


DEFAULT = FilterState()


def _year(text: str) -> int | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if math.isfinite(value) and -99999 < value < 99999 else None


def plain_query(search: str | None) -> str:
    """A query string as text that can be encoded again: a lone surrogate (only a forged callback
    request can carry one) becomes U+FFFD instead of failing in urlencode."""
    return (search or "").encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def parse_query(query, vocab: Vocabulary) -> tuple[FilterState, list[str]]:
    """Parse a query string (with or without '?') or a mapping; return the state and notices."""
    if isinstance(query, str):
        params = {k: v[-1] for k, v in parse_qs(query.lstrip("?"), keep_blank_values=True).items()}
    else:
        params = {k: (v[-1] if isinstance(v, list) else v) for k, v in (query or {}).items()}
    notices: list[str] = []
    values: dict = {}
    for key in params:
        if key not in KNOWN_KEYS:
            notices.append(f"Ignored unknown parameter '{key}' (known: {', '.join(KNOWN_KEYS)}).")
    for key in LIST_KEYS:
        if key not in params:
            continue
        items = [i.strip() for i in str(params[key]).split(",") if i.strip()]
        known = vocab.choices(key)
        bad = [i for i in items if i not in known]
        if bad:
            notices.append(f"Ignored unknown {key} value(s) {', '.join(repr(b) for b in bad)}.")
        good = tuple(dict.fromkeys(i for i in items if i in known))
        if key == "canon":
            good = tuple(t for t in TIERS if t in good)
            if bad and not good:
                notices.append("No known canon tier was given, so every tier is shown.")
                good = TIERS
        values["tiers" if key == "canon" else key] = good
    for key, attr in (("from", "year_from"), ("to", "year_to")):
        if key in params and str(params[key]).strip():
            year = _year(str(params[key]))
            if year is None:
                notices.append(f"Ignored '{key}={params[key]}': not a year.")
            else:
                values[attr] = year
    if (
        values.get("year_from") is not None
        and values.get("year_to") is not None
        and values["year_from"] > values["year_to"]
    ):
        notices.append(f"'from' ({values['year_from']}) was after 'to' ({values['year_to']}); swapped them.")
        values["year_from"], values["year_to"] = values["year_to"], values["year_from"]
    if "q" in params:
        values["q"] = str(params["q"]).strip()[:MAX_QUERY_TEXT]
    if "disputed" in params:
        flag = str(params["disputed"]).strip().lower()
        if flag in ("1", "true", "yes"):
            values["disputed"] = True
        elif flag not in ("", "0", "false", "no"):
            notices.append(f"Ignored 'disputed={params['disputed']}': use disputed=1.")
    if params.get("event"):
        if params["event"] in vocab.events:
            values["event"] = params["event"]
        else:
            notices.append(f"Ignored unknown event '{params['event']}'.")
    if "lanes" in params:
        if params["lanes"] in LANES:
            values["lanes"] = params["lanes"]
        else:
            notices.append(f"Ignored 'lanes={params['lanes']}': use faction or era.")
    if "asof" in params and str(params["asof"]).strip():
        year = _year(str(params["asof"]))
        if year is None:
            notices.append(f"Ignored 'asof={params['asof']}': give a real-world year, e.g. asof=1993.")
        else:
            values["asof"] = year
    if "tour" in params and str(params["tour"]).strip():
        tour, tour_notices = tours.find(str(params["tour"])[: MAX_QUERY_TEXT * 10], vocab.tours, vocab.events)
        notices += tour_notices
        if tour is not None:
            values["tour"] = tour
    return FilterState(**values), notices


def to_query(state: FilterState) -> str:
    """The shortest query string that parses back to this state ('' for the default view)."""
    out = []
    if state.tiers != TIERS:
        out.append(("canon", ",".join(state.tiers)))
    for key in ("era", "faction", "universe"):
        if getattr(state, key):
            out.append((key, ",".join(getattr(state, key))))
    if state.year_from is not None:
        out.append(("from", str(state.year_from)))
    if state.year_to is not None:
        out.append(("to", str(state.year_to)))
    if state.q:
        out.append(("q", state.q))
    if state.disputed:
        out.append(("disputed", "1"))
    if state.lanes != DEFAULT.lanes:
        out.append(("lanes", state.lanes))
    if state.asof is not None:
        out.append(("asof", str(state.asof)))
    if state.tour:
        out.append(("tour", state.tour.key))
    if state.event:
        out.append(("event", state.event))
    return urlencode(out, safe=",")


# Columns a catalogue adds once to each resolved table (with_match_columns), so a filter is a few
# array operations: an event's factions and universes as a categorical of "a;b" (a few hundred
# distinct combinations, each tested once), and the text the search looks in, case-folded.
MATCH_COLUMNS = {"factions": "factions_text", "universes": "universes_text"}
SEARCH_TEXT = "search_text"


def _search_text(df: pd.DataFrame) -> pd.Series:
    return (df["title"] + " " + df["summary"]).str.casefold()


def with_match_columns(resolved: pd.DataFrame) -> pd.DataFrame:
    """The resolved table with the columns that make filtering fast (MATCH_COLUMNS, SEARCH_TEXT)."""
    extra = {text: pd.Categorical([";".join(xs) for xs in resolved[col]]) for col, text in MATCH_COLUMNS.items()}
    return resolved.assign(**extra, **{SEARCH_TEXT: _search_text(resolved).astype("str")})


def _has_any(df: pd.DataFrame, col: str, wanted) -> pd.Series:
    """Events whose list column `col` holds any of `wanted`."""
    text = MATCH_COLUMNS[col]
    if text not in df:
        return df[col].map(lambda xs: not set(wanted).isdisjoint(xs)).astype(bool)
    combos = df[text].cat
    hit = np.array([not set(wanted).isdisjoint(c.split(";")) for c in combos.categories], dtype=bool)
    return pd.Series(hit[combos.codes] if len(hit) else np.zeros(len(df), dtype=bool), index=df.index)


def apply(resolved: pd.DataFrame, state: FilterState, vocab: Vocabulary) -> pd.DataFrame:
    """Keep the resolved events the state asks for (tiers were applied when resolving)."""
    df = resolved
    mask = pd.Series(True, index=df.index)
    if state.era:
        mask &= df["era"].isin(state.era)
    if state.universe:  # an event shared by several universes shows in each of them
        mask &= _has_any(df, "universes", state.universe)
    if state.faction:
        mask &= _has_any(df, "factions", set().union(*(vocab.descendants(f) for f in state.faction)))
    if state.year_from is not None or state.year_to is not None:
        lo = state.year_from if state.year_from is not None else -math.inf
        hi = state.year_to + 0.999 if state.year_to is not None else math.inf
        mask &= (events.first_year(df) <= hi) & (events.last_year(df) >= lo)
    if state.q:
        text = df[SEARCH_TEXT] if SEARCH_TEXT in df else _search_text(df)
        mask &= text.str.contains(state.q.casefold(), regex=False)
    if state.disputed:
        mask &= df["disputed"].astype(bool)
    if state.tour:
        mask &= df["id"].isin(tour_stops(state))
    return df[mask]


def tour_stops(state: FilterState) -> tuple[str, ...]:
    """The event ids of the state's tour, in the tour's order (empty without a tour)."""
    return state.tour.events if state.tour else ()


def released_by(tables: Tables, asof: int | None) -> frozenset[str] | None:
    """The ids of the works released in or before `asof` (a real-world year), for resolve's
    `sources=`; None (every work) without a year. A work with no release year is left out: it
    cannot be shown to be out by then, and a spoiler-safe view errs on the safe side."""
    if asof is None:
        return None
    released = pd.to_numeric(tables.sources["released"], errors="coerce")
    return frozenset(tables.sources["id"][released <= asof])


def unreleased_events(tables: Tables) -> list[str]:
    """The ids of the events no `asof` view can show, whatever the year and the trusted tiers: every
    one of their claims comes from a work with no release year (released_by leaves those out)."""
    released = pd.to_numeric(tables.sources["released"], errors="coerce").notna().to_numpy()
    claims = tables.claims
    known = released[claims["source_row"].to_numpy()]
    rows = claims["event_row"].to_numpy()
    has_known = np.bincount(rows[known], minlength=len(tables.events)) > 0
    return tables.events["id"][~has_known].tolist()


def undated_works(tables: Tables) -> int:
    """How many works have no release year (left out of every `asof` view)."""
    return int(pd.to_numeric(tables.sources["released"], errors="coerce").isna().sum())


def describe(state: FilterState, shown: int, total: int, vocab: Vocabulary) -> str:
    """The view in words: '42 of 78 events: canon only, prime universe, 2328 to 2369'."""
    parts = []
    if not state.tiers:
        parts.append("no source tier trusted")
    elif state.tiers != TIERS:
        labels = [TIER_LABELS[t].lower() for t in state.tiers]
        parts.append("canon only" if state.tiers == ("canon",) else " and ".join(labels) + " sources")
    for key, noun in (("era", "era"), ("faction", "faction"), ("universe", "")):
        chosen = getattr(state, key)
        if chosen:
            names = [vocab.choices(key)[c] for c in chosen]
            parts.append(
                ", ".join(names) if not noun else f"{noun}{'s' if len(names) > 1 else ''}: {' or '.join(names)}"
            )
    if state.year_from is not None and state.year_to is not None:
        parts.append(f"{state.year_from} to {state.year_to}")
    elif state.year_from is not None:
        parts.append(f"from {state.year_from}")
    elif state.year_to is not None:
        parts.append(f"up to {state.year_to}")
    if state.q:
        parts.append(f"matching “{state.q}”")
    if state.disputed:
        parts.append("disputed only")
    if state.tour:
        tour = state.tour
        parts.append(f"tour “{tour.title}”" if tour.id else f"a tour of {len(tour.stops)} stops")
    if state.asof is not None:
        parts.append(f"as known in {state.asof} (works released by then)")
    noun = "event" if total == 1 else "events"
    head = f"{shown:,} of {total:,} {noun}"
    return f"{head}: {', '.join(parts)}" if parts else f"{head}: everything"
