"""The plain functions behind the callbacks: query in, a View (data only) out; actions back to a query."""

import pytest

from dashboard.domain import view
from dashboard.domain.filters import DEFAULT, SEARCH_TEXT, parse_query
from dashboard.domain.schema import TIERS
from dashboard.web.pages.explorer import actions


def test_build_view_for_a_shared_link(mini):
    v = view.build_view(mini, "?canon=canon&event=annexation&faction=borg")
    assert v.summary == "4 of 7 events: canon only"
    assert v.notices == ("Ignored unknown faction value(s) 'borg'.",)
    assert v.selected["id"] == "annexation"
    assert v.query == "canon=canon&event=annexation" and v.filter_query == "canon=canon"
    assert not any(hasattr(getattr(v, f), "to_plotly_json") for f in v.__dataclass_fields__)  # data only


def test_a_query_to_what_it_shows_is_one_path_applied_once_per_filters(mini):
    state, notices, shown = mini.shown("canon=canon&faction=borg")
    assert state.tiers == ("canon",) and notices == ("Ignored unknown faction value(s) 'borg'.",)
    assert len(shown) == 4 and SEARCH_TEXT in shown.columns  # the catalogue's resolved tables: fast filter columns
    # the same filters with another selection (or none) share one applied frame: built once
    assert mini.shown("canon=canon&event=annexation")[2] is mini.shown("canon=canon")[2]
    assert view.build_view(mini, "canon=canon&event=annexation").shown is mini.shown("canon=canon")[2]
    assert mini.shown("canon=canon&disputed=1")[2] is not mini.shown("canon=canon")[2]


def test_year_filter_sets_the_shared_range(mini):
    assert view.build_view(mini, "from=2330&to=2360").x_range == (2330, 2361)


def test_unknown_event_gives_a_notice(mini):
    v = view.build_view(mini, "event=no-such-event")
    assert v.selected is None and v.notices == ("Ignored unknown event 'no-such-event'.",)
    v = view.build_view(mini, "canon=canon&event=open-ended")
    assert v.selected is None and "no source among the trusted tiers" in v.notices[0]


def test_details_give_the_verdict_and_the_neighbours_in_date_order(mini):
    v = view.build_view(mini, "event=dukat-prefect")
    d = view.details(mini, v)
    order = view.chronological(v.shown)
    assert order[d.position - 1] == "dukat-prefect" and d.count == 7
    assert d.previous == order[d.position - 2] and d.next == order[d.position]
    assert {c["source"] for c in d.citations} >= {"Waltz"}
    assert d.verdict.startswith("Happened")
    assert view.details(mini, view.build_view(mini, "")) is None


def test_with_event_keeps_the_filters(mini):
    assert view.with_event("?canon=canon&event=annexation", "dukat-prefect", mini) == "?canon=canon&event=dukat-prefect"
    assert view.with_event("?event=annexation", None, mini) == ""


def test_controls_round_trip_through_the_state(mini):
    state, _ = parse_query(
        "canon=canon,fan&faction=resistance&from=2330&q=bomb&disputed=1&lanes=era&event=xss", mini.vocab
    )
    values = actions.controls_from_state(state)
    assert actions.state_from_controls(values, "xss", mini) == state
    assert actions.state_from_controls(actions.controls_from_state(DEFAULT), None, mini) == DEFAULT


def test_unticking_every_tier_trusts_nothing(mini):
    values = actions.controls_from_state(DEFAULT)
    values[0] = []
    state = actions.state_from_controls(values, None, mini)
    assert state.tiers == () and view.build_view(mini, view.to_query(state)).shown.empty


def test_click_and_row_payloads():
    assert actions.event_from_click({"points": [{"customdata": "annexation"}]}) == "annexation"
    assert actions.event_from_click({"points": [{"customdata": ["annexation"]}]}) == "annexation"
    assert actions.event_from_click({"points": [{}]}) is None and actions.event_from_click(None) is None
    assert actions.event_from_rows([{"id": "x"}]) == "x" and actions.event_from_rows([]) is None


def test_respond_writes_the_url_or_sets_the_controls(mini):
    search, controls = actions.respond(
        mini, "?canon=canon", "gantt", [], gantt_click={"points": [{"customdata": "annexation"}]}
    )
    assert search == "?canon=canon&event=annexation" and controls is None
    search, controls = actions.respond(mini, "?canon=canon&event=annexation", "clear", [])
    assert search == "?canon=canon"
    search, controls = actions.respond(mini, "?era=aftermath", "url", [])
    assert search is None and controls[1] == ["aftermath"]


def test_neighbours_agree_with_the_full_date_order(real, tmp_path):
    from dashboard.domain.catalogue import Catalogue
    from testsupport import synthetic

    ties = Catalogue.load(synthetic.write_tables(tmp_path / "data", 300, seed=5))  # titles and years repeat
    for cat, query in ((real, ""), (real, "canon=canon"), (ties, ""), (ties, "era=late-occupation")):
        shown = view.build_view(cat, query).shown
        order = view.chronological(shown)
        for i, event_id in enumerate(order):
            expected = (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None, i + 1, len(order))
            assert view.neighbours(shown, event_id) == expected, (query, event_id)
    assert view.neighbours(real.resolved(("canon",)), "no-such-event") == (
        None,
        None,
        0,
        len(real.resolved(("canon",))),
    )


def test_the_first_events_in_date_order_are_the_start_of_the_whole_order(real, mini):
    """chronological(shown, limit) sorts only the events that can come first; the handout and the
    printout take their first 40 this way, with their citations in one pass."""
    from dashboard.domain.view import build_view, chronological

    for cat in (real, mini):
        for q in ("", "?canon=canon", "?disputed=1", "?q=zzz-nothing"):
            shown = build_view(cat, q).shown
            everything = chronological(shown)
            for limit in (1, 2, 7, 40, len(shown), len(shown) + 5):
                assert chronological(shown, limit) == everything[:limit], (q, limit)
            ids = everything[:12]
            many = cat.citations_of(ids, TIERS)
            assert set(many) == set(ids)
            assert all(many[i] == cat.citations(i, TIERS) for i in ids)


@pytest.mark.parametrize(
    "query, window",
    [
        ("?from=2411", (2411, 2421)),
        ("?from=2500", (2500, 2510)),
        ("?to=2200", (2191, 2201)),
        ("?from=2380&to=2380", (2380, 2381)),
    ],
)
def test_a_year_beyond_the_events_other_end_still_gives_an_increasing_window(real, query, window):
    """`from` past the shown events' last year (or `to` before their first) once made an inverted
    range, which the charts could not draw (the page answered 500)."""
    from dashboard import figures

    v = view.build_view(real, query)
    assert v.x_range == window
    for build in (figures.gantt, figures.timeline):
        assert (
            build(v.shown, real.vocab, lanes=v.state.lanes, x_range=v.x_range)["layout"]["xaxis"]["range"] is not None
        )


def test_year_window_uses_the_extent_where_the_url_gives_no_year():
    assert view.year_window(None, None, (2300.0, 2400.0)) == (2300.0, 2400.0)
    assert view.year_window(2350, None, (2300.0, 2400.0)) == (2350, 2400.0)
    assert view.year_window(None, 2350, (2300.0, 2400.0)) == (2300.0, 2351)
