"""Readings: claims grouped by whether they can all be true at once (dashboard/domain/readings.py),
column-wise for many events and for one event's citations; the resolved columns and the exports."""

from __future__ import annotations

import json
import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.domain import dates, explain, readings
from dashboard.domain.schema import TIERS
from dashboard.formats import events_csv, records


def reference(intervals: list[tuple[float, float]]) -> list[list[int]]:
    """The rule as first written (explain.readings before it moved): sort by (earliest, latest),
    put each claim in the first reading whose every member it overlaps, else open a new one."""
    order = sorted(range(len(intervals)), key=lambda i: (intervals[i][0], intervals[i][1]))
    groups: list[list[int]] = []
    for i in order:
        lo, hi = intervals[i]
        home = next((g for g in groups if all(lo <= intervals[m][1] and intervals[m][0] <= hi for m in g)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return groups


bound = st.integers(2300, 2400).map(float)
interval = st.tuples(bound, st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1] + 0.999))
opened = st.one_of(
    interval,
    interval.map(lambda t: (-math.inf, t[1])),
    interval.map(lambda t: (t[0], math.inf)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(opened, min_size=1, max_size=8), min_size=1, max_size=6))
def test_grouping_many_events_at_once_matches_the_rule_one_event_at_a_time(per_event):
    codes = np.concatenate([np.full(len(ivs), e) for e, ivs in enumerate(per_event)])
    flat = [iv for ivs in per_event for iv in ivs]
    g = readings.group(codes, np.array([a for a, _ in flat]), np.array([b for _, b in flat]))
    first = 0
    for e, ivs in enumerate(per_event):
        expected = reference(ivs)
        mine = g.of_claim[first : first + len(ivs)]
        got: dict[int, list[int]] = {}
        for i, r in enumerate(mine.tolist()):
            got.setdefault(r, []).append(i)
        assert sorted(sorted(x) for x in got.values()) == sorted(sorted(x) for x in expected)
        assert set(g.event[mine].tolist()) == {e}
        first += len(ivs)
    # readings come in date order within an event, and each reading's hull holds its claims
    for r in range(len(g.event)):
        members = np.flatnonzero(g.of_claim == r)
        assert g.earliest[r] == min(flat[m][0] for m in members) and g.latest[r] == max(flat[m][1] for m in members)
    for r in range(1, len(g.event)):
        if g.event[r] == g.event[r - 1]:
            assert g.earliest[r] >= g.earliest[r - 1]


def test_undated_claims_are_in_no_reading():
    g = readings.group(np.array([0, 0, 1]), np.array([np.nan, 2328.0, np.nan]), np.array([np.nan, 2328.999, np.nan]))
    assert g.of_claim.tolist() == [-1, 0, -1] and g.event.tolist() == [0]


def cite(source: str, label: str) -> dict:
    return {"source": source, "page": "Memory Beta: X", "start_iv": dates.parse(label), "start": label}


def test_one_event_readings_in_date_order_with_their_works():
    cs = [cite("Waltz", "2359"), cite("Things Past", "2346"), cite("Duet", "2346/2347"), cite("Waltz", "2346")]
    groups = explain.readings(cs, "start")  # the verdict's grouping is this module's
    assert [[c["source"] for c in ms] for _, ms in groups] == [["Things Past", "Waltz", "Duet"], ["Waltz"]]
    assert readings.listed(cs, "start") == [
        {"earliest": 2346.0, "latest": 2347.999, "sources": ["Things Past", "Waltz", "Duet"]},
        {"earliest": 2359.0, "latest": 2359.999, "sources": ["Waltz"]},
    ]
    assert readings.in_words(cs, "start") == "2346 (Things Past, Waltz, Duet) or 2359 (Waltz)"
    agreed = [cite("Waltz", "2346"), cite("Duet", "2346")]
    assert readings.listed(agreed, "start") == [{"earliest": 2346.0, "latest": 2346.999, "sources": ["Waltz", "Duet"]}]
    assert readings.listed([cite("X", "../2319")], "start")[0]["earliest"] is None  # open: null, never -inf


def test_resolved_rows_carry_the_readings_of_a_split_side_only(mini):
    df = mini.resolved(TIERS).set_index("id")
    s = df.loc["annexation", "start_readings"]
    assert [(r.earliest, r.said) for r in s] == [(2309.0, "2309"), (2319.0, "2319"), (2328.0, "2328")]
    assert [r.sources for r in s] == [("Emissary",), ("Bait and Switch: The Wrong Reflection",), ("Ensign Ro",)]
    assert [r.best for r in s] == [2309.0, 2319.0, 2328.0]  # a bar's best start is its earliest
    assert df.loc["annexation", "end_readings"] == ()  # the end is agreed: the envelope is its one reading
    assert df.loc["resistance-formed", "start_readings"] == ()


def test_dates_in_words_say_or_where_readings_do_not_overlap(mini, real):
    e = mini.row("dukat-prefect", TIERS)
    assert explain.dates_in_words(e) == "Sources allow 2346 or 2359"
    e = real.row("dukat-prefecture", TIERS)
    assert explain.dates_in_words(e) == "Began 2346 or 2359; ended 2369"
    assert "between 2346 and 2359" not in explain.dates_in_words(e)
    canon_only = mini.row("annexation", ("canon",))  # Emissary 2309 and Ensign Ro 2328 stay apart
    assert explain.dates_in_words(canon_only).startswith("Began 2309 or 2328;")


def test_exports_give_each_side_its_readings(real):
    df = real.resolved(TIERS)
    part = df[df["id"].isin(["dukat-prefecture", "gallitep-camp", "first-contact"])]
    recs = {r["id"]: r for r in records.events_records(part, real.tables)}
    d = recs["dukat-prefecture"]
    assert [(r["earliest"], r["latest"]) for r in d["start_readings"]] == [(2346.0, 2346.999), (2359.0, 2359.999)]
    assert d["start_readings"][0]["sources"] == ["Waltz", "Things Past"]
    assert len(d["end_readings"]) == 1  # the sources agree on 2369: one item
    assert recs["first-contact"]["end_readings"] == []  # a moment has no end
    json.dumps(recs)  # plain JSON (no inf, no tuples of floats that are not lists)
    text = events_csv.to_csv(part, real.tables)
    assert "2346 (Waltz, Things Past) or 2359 (Things Past, Waltz)" in text
