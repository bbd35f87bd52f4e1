"""Tours: tours.csv read into Tour objects, `tour=` values in the URL, and the rules `validate` checks."""

import pytest

from dashboard.domain import loading, tours, view
from dashboard.domain.filters import FilterState, apply, describe, parse_query, to_query, tour_stops
from dashboard.domain.schema import TIERS, DataError, DataInvalid


def errors_of(data_dir) -> list[DataError]:
    with pytest.raises(DataInvalid) as info:
        loading.load(data_dir)
    return info.value.errors


HEADER = "tour,order,event,title,description,note\n"


# --- Reading tours.csv ---------------------------------------------------------------------------


def test_a_named_tour_is_read_in_its_order_with_notes(mini):
    tour = mini.vocab.tours["basics"]
    assert tour.title == "Three stops" and tour.description == "A short tour for the tests."
    assert tour.events == ("annexation", "dukat-prefect", "death-toll")  # by `order`, not by file line
    assert tour.stops[2].note == "A number, not a date." and tour.key == "basics"


def test_the_file_is_optional(broken):
    (broken.dir / "tours.csv").unlink()
    tables = loading.load(broken.dir)
    assert tables.tours.empty and tours.from_table(tables.tours) == {}


def test_the_bundled_tours_name_real_events_and_the_disagreements_tour_is_all_disputes(real):
    named = real.vocab.tours
    assert {"overview", "disagreements"} <= set(named)
    assert all(len(t.stops) >= 10 and all(s.note for s in t.stops) for t in named.values())
    resolved = real.resolved(TIERS)
    disputed = set(resolved.loc[resolved["disputed"].astype(bool), "id"])
    assert set(named["disagreements"].events) <= disputed
    assert set(named["overview"].events) <= set(resolved["id"])


# --- tour= in the URL ----------------------------------------------------------------------------


def test_tour_by_id_or_by_event_ids(mini):
    state, notices = parse_query("tour=basics", mini.vocab)
    assert state.tour.key == "basics" and notices == [] and to_query(state) == "tour=basics"
    state, notices = parse_query("tour=death-toll,annexation", mini.vocab)
    assert state.tour.key == "death-toll,annexation" and notices == []
    assert tour_stops(state) == ("death-toll", "annexation")  # the URL's order is the tour's


def test_unknown_ids_in_a_tour_are_skipped_with_a_notice(mini):
    state, notices = parse_query("tour=annexation,nope,death-toll,<b>", mini.vocab)
    assert state.tour.key == "annexation,death-toll"
    assert notices == ["The tour skips unknown event id(s) 'nope', '<b>'."]
    state, notices = parse_query("tour=no-such-tour", mini.vocab)
    assert state.tour is None and notices == [
        "Ignored unknown tour 'no-such-tour': give a tour id (basics) or event ids separated by commas."
    ]


def test_a_tour_keeps_only_its_events_and_is_described(mini):
    state, _ = parse_query("tour=basics", mini.vocab)
    shown = apply(mini.resolved(TIERS), state, mini.vocab)
    assert set(shown["id"]) == {"annexation", "dukat-prefect", "death-toll"}
    assert describe(state, 3, 7, mini.vocab) == "3 of 7 events: tour “Three stops”"
    adhoc, _ = parse_query("tour=annexation,xss", mini.vocab)
    assert describe(adhoc, 2, 7, mini.vocab) == "2 of 7 events: a tour of 2 stops"


def test_tours_resolve_directly():
    named = {"t": tours.Tour("t", "T", "", (tours.Stop("a"),))}
    assert tours.find("t", named, {"a"})[0] is named["t"]
    tour, notices = tours.find("a,a", named, {"a"})
    assert tour.events == ("a", "a") and notices == []  # a tour may come back to an event
    assert tours.find("", named, {"a"}) == (None, [])


def test_view_with_a_tour_and_other_filters(mini):
    v = view.build_view(mini, "tour=basics&canon=canon")
    assert set(v.shown["id"]) == {"annexation", "dukat-prefect", "death-toll"}
    assert v.state == FilterState(tiers=("canon",), tour=mini.vocab.tours["basics"])


# --- validate ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rows, expected",
    [
        (
            "basics,,,,,\nbasics,1,annexation,,,\n",
            [
                DataError(
                    "tours.csv", 2, "title", "the header row of tour 'basics' (the row with no event) needs a title"
                )
            ],
        ),
        (
            "basics,,,T,,\nbasics,1,annexation,,,\nbasics,1,death-toll,,,\n",
            [DataError("tours.csv", 4, "order", "order 1 is used twice in tour 'basics' (first on line 3)")],
        ),
        (
            "basics,1,annexation,,,\n",
            [
                DataError(
                    "tours.csv",
                    2,
                    "tour",
                    "tour 'basics' has no header row: add a row with the id 'basics', a title and no event",
                )
            ],
        ),
        (
            "basics,,,T,,\n",
            [
                DataError(
                    "tours.csv", 2, "tour", "tour 'basics' has no stops: add rows with its id, an order and an event"
                )
            ],
        ),
        (
            "basics,,,T,,\nbasics,1,nope,,,\n",
            [DataError("tours.csv", 3, "event", "unknown event 'nope' (not an id in events.csv")],
        ),
        (
            "basics,,,T,,\nbasics,first,annexation,,,\n",
            [DataError("tours.csv", 3, "order", "'first' is not a whole number from 1 up")],
        ),
        (
            "basics,,,T,,\nbasics,,annexation,,,\n",
            [DataError("tours.csv", 3, "order", "a stop needs its place in the tour (1, 2, 3...)")],
        ),
        (
            "basics,,,T,,\nbasics,1,annexation,Stop title,,\n",
            [
                DataError(
                    "tours.csv",
                    3,
                    "title",
                    "a stop has no title; put the tour's title on its header row (the row with no event)",
                )
            ],
        ),
        (
            "basics,,,T,,\nbasics,,,T2,,\nbasics,1,annexation,,,\n",
            [
                DataError(
                    "tours.csv",
                    3,
                    "event",
                    "tour 'basics' already has its header row (line 2); give this stop its event id",
                )
            ],
        ),
        (
            "Basics Tour,,,T,,\n",
            [DataError("tours.csv", 2, "tour", "'Basics Tour' is not a slug (lowercase letters, digits and hyphens")],
        ),
    ],
)
def test_validator_reports_tour_problems_with_file_line_column(broken, rows, expected):
    data = broken("tours.csv", raw=(HEADER + rows).encode())
    errors = errors_of(data)
    for e in expected:  # the message starts so (the validator may add a hint after it)
        assert any(
            (x.file, x.line, x.column) == (e.file, e.line, e.column) and x.message.startswith(e.message) for x in errors
        ), errors


def test_a_header_row_with_a_note_or_order_is_reported(broken):
    data = broken("tours.csv", raw=(HEADER + "basics,3,,T,,a note\nbasics,1,annexation,,,\n").encode())
    errors = errors_of(data)
    assert {(e.line, e.column) for e in errors} == {(2, "order"), (2, "note")}


def test_a_tours_file_with_a_wrong_header_is_reported(broken):
    data = broken("tours.csv", raw=b"tour,stop,event\nbasics,1,annexation\n")
    errors = errors_of(data)
    assert any((e.line, e.column) == (1, "stop") and e.message.startswith("unknown column") for e in errors), errors
    assert any((e.line, e.column) == (1, "order") and e.message.startswith("column is missing") for e in errors), errors
