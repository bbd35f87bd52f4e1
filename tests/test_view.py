"""The plain functions behind the callbacks: query in, everything shown out; actions back to a query."""
from dashboard import view
from dashboard.filters import DEFAULT, parse_query


def test_build_view_for_a_shared_link(mini):
    v = view.build_view(mini, "?canon=canon&event=annexation&faction=borg")
    assert v.summary == "4 of 7 events: canon only"
    assert v.notices == ["Ignored unknown faction value(s) 'borg'."]
    assert v.selected["id"] == "annexation" and v.uncertainty.layout.meta["event"] == "annexation"
    assert v.query == "canon=canon&event=annexation"
    assert {r["id"] for r in v.rows} == set(v.shown["id"])
    assert v.gantt.layout.meta["ids"] == ["annexation"]


def test_year_filter_sets_the_shared_range(mini):
    v = view.build_view(mini, "from=2330&to=2360")
    assert tuple(v.gantt.layout.xaxis.range) == tuple(v.timeline.layout.xaxis.range) == (2330, 2361)


def test_selected_event_outside_the_trusted_tiers_gives_a_notice(mini):
    v = view.build_view(mini, "canon=canon&event=open-ended")
    assert v.selected is None and "no source among the trusted tiers" in v.notices[0]


def test_controls_round_trip_through_the_state(mini):
    state, _ = parse_query("canon=canon,fan&faction=resistance&from=2330&q=bomb&disputed=1&lanes=era&event=xss", mini.vocab)
    values = view.controls_from_state(state)
    assert view.state_from_controls(values, "xss", mini) == state
    assert view.state_from_controls(view.controls_from_state(DEFAULT), None, mini) == DEFAULT


def test_unticking_every_tier_trusts_nothing(mini):
    values = view.controls_from_state(DEFAULT)
    values[0] = []
    state = view.state_from_controls(values, None, mini)
    assert state.canon == () and view.build_view(mini, view.to_query(state)).shown.empty


def test_click_and_row_payloads():
    assert view.event_from_click({"points": [{"customdata": ["annexation", "x"]}]}) == "annexation"
    assert view.event_from_click({"points": [{"x": 1}]}) is None
    assert view.event_from_click(None) is None
    assert view.event_from_rows([{"id": "xss"}]) == "xss" and view.event_from_rows([]) is None


def test_respond_url_change_sets_the_controls(mini):
    search, controls = view.respond(mini, "?canon=canon&faction=resistance", "url", [])
    assert search is None and controls[0] == ["canon"] and controls[2] == ["resistance"]


def test_respond_click_row_and_clear_write_the_url(mini):
    click = {"points": [{"customdata": ["annexation"]}]}
    assert view.respond(mini, "?canon=canon", "gantt", [], gantt_click=click) == ("?canon=canon&event=annexation", None)
    assert view.respond(mini, "", "grid", [], rows=[{"id": "xss"}]) == ("?event=xss", None)
    assert view.respond(mini, "?event=xss", "clear", []) == ("", None)
    assert view.respond(mini, "?event=xss", "timeline", [], timeline_click={"points": [{}]}) == (None, None)  # nothing picked


def test_respond_controls_and_reset(mini):
    values = view.controls_from_state(DEFAULT)
    values[7] = True  # disputed only
    assert view.respond(mini, "?event=annexation", "controls", values) == ("?disputed=1&event=annexation", None)
    assert view.respond(mini, "?disputed=1&event=annexation", "controls", values) == (None, None)  # unchanged: no new history entry
    search, controls = view.respond(mini, "?disputed=1", "reset", values)
    assert search == "" and controls == view.controls_from_state(DEFAULT)


def test_respond_refuses_an_unknown_action(mini):
    import pytest

    with pytest.raises(ValueError, match="unknown action 'dance'"):
        view.respond(mini, "", "dance", [])
