"""Sources over time (issue 19, part 3): the data (dashboard/domain/drift.py) on the real and the mini
tables, and the "as known in" steps; the figure's own tests are in tests/figures/test_drift.py."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.domain import drift
from dashboard.domain.filters import parse_query


def build(cat, query=""):
    state, _ = parse_query(query, cat.vocab)
    return drift.build(cat, state)


def of(d: drift.Drift, event: str) -> pd.DataFrame:
    return d.points[d.points["event"] == event]


def test_the_occupation_moves_between_2309_2319_and_2328_as_the_works_came_out(real):
    p = of(build(real), "occupation-of-bajor")
    assert {2309.0, 2319.0, 2328.0} <= set(p["y"])
    assert list(p["released"]) == sorted(p["released"])  # the line joins the claims in release order
    first = p.iloc[0]
    assert (first["work"], first["released"], first["wiki"]) == ("Ensign Ro", 1991.0, "Memory Beta")
    # Ensign Ro's start is derived (ten years after first contact), so it is drawn once per reading of
    # first contact: "by 2309" (Emissary) gives "by 2319", 2318 gives 2328
    ensign_ro = p[p["work"] == "Ensign Ro"]
    assert list(ensign_ro["y"]) == [2319.0, 2328.0] and ensign_ro.iloc[1]["label"] == "2328"
    emissary = p[(p["work"] == "Emissary") & (p["wiki"] == "Memory Beta")].iloc[0]
    assert (emissary["released"], emissary["y"], emissary["label"]) == (1993.0, 2309.0, "2309")
    p = of(build(real), "annexation-of-bajor")
    vague = p[p["label"] == "../2319"].iloc[0]  # "by 2319": open at the start, drawn at its one end
    assert vague["lo"] == -math.inf and vague["hi"] == vague["y"] == 2319.0
    about = p[p["label"] == "2319~"].iloc[0]
    assert (about["lo"], about["y"], about["hi"]) == (2318.0, 2319.0, 2320.0)


def test_a_point_per_trusted_claim_of_a_work_with_a_release_year(mini):
    d = build(mini)
    assert list(of(d, "annexation")[["work", "released", "y", "side"]].itertuples(index=False, name=None)) == [
        ("Ensign Ro", 1991.0, 2328.0, "start"),
        ("Emissary", 1993.0, 2309.0, "start"),
    ]  # the fan story's 2319 has no release year: listed, not drawn
    assert len(d.points) == 7 and set(d.points.columns) == set(drift.POINT_COLUMNS)
    assert "death-toll" in set(d.points["event"])  # "237X" is a decade: drawn at its middle
    toll = of(d, "death-toll").iloc[0]
    assert (toll["lo"], toll["hi"], toll["y"]) == (2370.0, 2379.0, 2374.5)
    assert "micro-explosives" not in set(d.points["event"])  # its one claim gives no date


def test_works_with_no_release_year_are_listed_with_their_events_never_dropped_silently(mini):
    d = build(mini)
    assert [(w.title, w.tier, w.events) for w in d.undated] == [
        ("When It Rains... (first draft script)", "production", ("Micro-explosives",)),
        (
            "Bait and Switch: The Wrong Reflection",
            "fan",
            ("Annexation of Bajor", "Death toll counted", "Empire, still going"),
        ),
    ]
    assert d.in_words() == "7 claims from 5 works on 5 events; 2 works with no release year not drawn"
    canon = build(mini, "canon=canon")
    assert canon.undated == () and set(canon.points["tier"]) == {"canon"}


def test_the_events_every_asof_view_hides_are_named(mini, real):
    assert build(mini).hidden == ("Micro-explosives", "Empire, still going")
    assert build(mini, "canon=canon").hidden == ()
    hidden = build(real, "asof=1993").hidden
    assert "Cytromyaline micro-explosives" in hidden and "Annexation of Bajor" not in hidden
    assert "Dulcet's escape racket" not in hidden  # "Victims of Deceit" has its release year (1995)
    shown = {t for t in build(real, "asof=2013").points["title"]}
    assert not shown & set(hidden)  # hidden, whatever the year


def test_asof_draws_only_the_works_out_by_then_on_axes_that_stay_put(real):
    everything, early = build(real), build(real, "asof=1993")
    assert early.points["released"].max() <= 1993 < everything.points["released"].max()
    assert (early.x_range, early.y_range) == (everything.x_range, everything.y_range)
    assert early.asof == 1993 and everything.asof is None
    occupation = of(early, "occupation-of-bajor")
    assert set(occupation["y"]) == {2309.0, 2319.0, 2328.0} and occupation["released"].max() == 1993
    assert len(build(real, "asof=1980").points) == 0


def test_the_chart_follows_the_filters_and_the_selection(real):
    query = "canon=canon&q=annexation&event=annexation-of-bajor"
    d = build(real, query)
    _, _, shown = real.shown(query)
    assert "annexation-of-bajor" in set(d.points["event"]) and set(d.points["event"]) <= set(shown["id"])
    assert len(shown) < 5 and set(d.points["tier"]) == {"canon"} and d.selected == "annexation-of-bajor"


def test_an_event_only_dated_by_its_end_is_read_on_its_end():
    claims = pd.DataFrame(
        {
            "event": ["ends", "ends", "both"],
            "title": ["Ends", "Ends", "Both"],
            "order": [0, 0, 1],
            "source": ["a", "b", "a"],
            "work": ["A", "B", "A"],
            "medium": ["episode"] * 3,
            "tier": ["canon"] * 3,
            "wiki": ["Memory Beta"] * 3,
            "released": [1995.0, 1993.0, 1995.0],
            "start": ["", "", "2350"],
            "end": ["2369", "2370", "2360"],
            "s_lo": [np.nan, np.nan, 2350.0],
            "s_hi": [np.nan, np.nan, 2350.999],
            "e_lo": [2369.0, 2370.0, 2360.0],
            "e_hi": [2369.999, 2370.999, 2360.999],
            "file": [0, 1, 2],
        }
    )
    p = drift.points(claims)
    assert list(p["side"]) == ["end", "end", "start"] and list(p["y"]) == [2370.0, 2369.0, 2350.0]
    assert list(p["work"]) == ["B", "A", "A"]  # release order within the event


@pytest.mark.parametrize(
    ("asof", "move", "expected"),
    [(None, -1, 1998), (None, 1, None), (1991, -1, 1991), (1991, 1, 1993), (1998, 1, None), (1995, -1, 1993),
     (1995, 1, 1998), (1980, 1, 1991), (1980, -1, 1991), (2050, -1, 1998), (2050, 1, None)],
)  # fmt: skip
def test_as_known_in_steps_through_the_release_years_then_every_work(asof, move, expected):
    assert drift.step((1991, 1993, 1998), asof, move) == expected


def test_steps_and_positions(real):
    years = drift.release_years(real.tables)
    assert years[0] == 1991 and list(years) == sorted(set(years)) and 1993 in years
    assert drift.steps((1991, 1993)) == (1991, 1993, None)
    assert [drift.position((1991, 1993), a) for a in (None, 1991, 1992, 1993, 1980, 2000)] == [2, 0, 0, 1, 0, 1]
