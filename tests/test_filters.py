"""FilterState <-> query string, nesting, tier-narrowed ranges, and the sentence that describes a view."""

import pytest

from dashboard.domain import events
from dashboard.domain.filters import DEFAULT, FilterState, apply, describe, parse_query, to_query
from dashboard.domain.schema import TIERS


def test_default_view_is_the_empty_query(mini):
    state, notices = parse_query("", mini.vocab)
    assert state == DEFAULT and notices == [] and to_query(state) == ""


def test_query_round_trip(mini):
    state = FilterState(
        tiers=("canon", "licensed"),
        era=("late-occupation",),
        faction=("resistance",),
        universe=("prime",),
        year_from=2328,
        year_to=2369,
        q="Gallitep & co",
        disputed=True,
        event="annexation",
        lanes="era",
    )
    query = to_query(state)
    assert query.startswith(
        "canon=canon,licensed&era=late-occupation&faction=resistance&universe=prime&from=2328&to=2369"
    )
    assert parse_query("?" + query, mini.vocab) == (state, [])


@pytest.mark.parametrize(
    "query, notice",
    [
        ("faction=resistance,borg", "Ignored unknown faction value(s) 'borg'."),
        ("canon=kanon", "No known canon tier was given, so every tier is shown."),
        ("from=soon", "Ignored 'from=soon': not a year."),
        ("disputed=maybe", "Ignored 'disputed=maybe': use disputed=1."),
        ("event=nope", "Ignored unknown event 'nope'."),
        ("lanes=diagonal", "Ignored 'lanes=diagonal': use faction or era."),
        ("colour=red", "Ignored unknown parameter 'colour'"),
        ("from=2369&to=2328", "'from' (2369) was after 'to' (2328); swapped them."),
    ],
)
def test_malformed_values_are_ignored_with_a_notice(mini, query, notice):
    state, notices = parse_query(query, mini.vocab)
    assert any(n.startswith(notice) for n in notices), notices
    assert isinstance(state, FilterState)


def test_canon_order_is_normalised_and_empty_means_nothing_trusted(mini):
    assert parse_query("canon=fan,canon", mini.vocab)[0].tiers == ("canon", "fan")
    assert parse_query("canon=", mini.vocab)[0].tiers == ()


def test_choosing_the_resistance_includes_its_cells(mini):
    resolved = mini.resolved(TIERS)
    state, _ = parse_query("faction=resistance", mini.vocab)
    assert set(apply(resolved, state, mini.vocab)["id"]) == {"resistance-formed", "micro-explosives"}
    cell, _ = parse_query("faction=shakaar-cell", mini.vocab)
    assert set(apply(resolved, cell, mini.vocab)["id"]) == {"resistance-formed"}
    union, _ = parse_query("faction=cardassian-union", mini.vocab)  # Central Command nests inside it
    assert set(apply(resolved, union, mini.vocab)["id"]) == {"annexation", "dukat-prefect"}


def test_year_range_keeps_events_whose_range_overlaps(mini):
    resolved = mini.resolved(TIERS)
    state, _ = parse_query("from=2340&to=2355", mini.vocab)
    ids = set(apply(resolved, state, mini.vocab)["id"])
    assert {"annexation", "dukat-prefect", "xss", "micro-explosives"} == ids
    open_state, _ = parse_query("from=2400", mini.vocab)
    assert {"open-ended", "death-toll"} == set(apply(resolved, open_state, mini.vocab)["id"])


def test_tier_narrowed_ranges_change_what_a_year_filter_keeps(mini):
    state, _ = parse_query("canon=canon&from=2400", mini.vocab)
    assert apply(mini.resolved(state.tiers), state, mini.vocab).empty  # 2410 is only a fan claim


def test_text_search_disputed_era_universe(mini):
    resolved = mini.resolved(TIERS)
    for query, expected in [
        ("q=DUKAT", {"dukat-prefect"}),
        ("q=<img", {"xss"}),
        ("disputed=1", {"annexation", "dukat-prefect", "death-toll"}),
        ("era=aftermath", {"death-toll", "open-ended"}),
        ("universe=dark-mirror", {"open-ended", "annexation"}),  # annexation is shared: prime;dark-mirror
        (
            "universe=prime",
            {"annexation", "dukat-prefect", "resistance-formed", "micro-explosives", "death-toll", "xss"},
        ),
    ]:
        state, _ = parse_query(query, mini.vocab)
        assert set(apply(resolved, state, mini.vocab)["id"]) == expected, query


def test_describe_in_words(mini):
    state, _ = parse_query("canon=canon&universe=prime&from=2328&to=2369", mini.vocab)
    assert describe(state, 4, 7, mini.vocab) == "4 of 7 events: canon only, Prime universe, 2328 to 2369"
    assert describe(DEFAULT, 7, 7, mini.vocab) == "7 of 7 events: everything"
    state, _ = parse_query("faction=resistance,federation&q=bomb&disputed=1", mini.vocab)
    assert describe(state, 0, 7, mini.vocab) == (
        "0 of 7 events: factions: Bajoran Resistance or United Federation of Planets, matching “bomb”, disputed only"
    )


def test_the_catalogue_columns_filter_exactly_as_the_plain_rule(real):
    """The catalogue's resolved tables carry match columns (a categorical per list column, the
    case-folded search text) and each event's lane: every filter keeps the same events with them
    as without them, on every faction, universe and era and a few searches."""
    from dashboard.domain.factions import TOP_FACTION, faction_keys
    from dashboard.domain.filters import MATCH_COLUMNS, SEARCH_TEXT

    fast = real.resolved(TIERS)
    assert {*MATCH_COLUMNS.values(), SEARCH_TEXT, TOP_FACTION} <= set(fast.columns)
    plain = fast.drop(columns=[*MATCH_COLUMNS.values(), SEARCH_TEXT, TOP_FACTION])
    v = real.vocab
    states = (
        [FilterState(faction=(f,)) for f in v.factions]
        + [FilterState(universe=(u,)) for u in v.universes]
        + [FilterState(era=(e,)) for e in v.eras]
        + [FilterState(q=q) for q in ("dukat", "BAJOR", "terok nor", "zzz-nothing")]
        + [FilterState(faction=tuple(v.factions)[:2], universe=tuple(v.universes)[:1], q="the")]
    )
    for state in states:
        assert apply(fast, state, v)["id"].tolist() == apply(plain, state, v)["id"].tolist(), state
    assert (faction_keys(fast, v) == faction_keys(plain, v)).all()


def test_describe_groups_the_thousands(mini):
    assert describe(DEFAULT, 60045, 100000, mini.vocab).startswith("60,045 of 100,000 events")


def test_an_events_first_and_last_possible_years(mini):
    """events.first_year/last_year: the one home of the rule the year filter, the grid, the Gantt
    chart and the presentation share (a moment ends when it starts; an open end is +inf)."""
    resolved = mini.resolved(TIERS)
    by_id = dict(zip(resolved["id"], zip(events.first_year(resolved), events.last_year(resolved))))
    point = resolved.set_index("id")["is_point"]
    assert (
        point["dukat-prefect"]
        and by_id["dukat-prefect"][1] == resolved.set_index("id")["start_latest"]["dukat-prefect"]
    )
    assert by_id["open-ended"][1] == float("inf")  # '2369/..': no last year
    assert by_id["annexation"][0] <= 2328 and by_id["annexation"][1] >= 2369
    _, _, _, e_hi = events.bound_arrays(resolved)
    assert list(e_hi) == list(events.last_year(resolved))
