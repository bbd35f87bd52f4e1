"""The ordering exercise's rules (dashboard/domain/order.py): dealing, shuffling, and honest grading,
with property tests of the grading rule and checks on the real data."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.domain import dates, order, words

# Spans as the resolved table gives them: a first and a last possible year, either end open.
YEAR = st.integers(min_value=2300, max_value=2380).map(float)


@st.composite
def spans(draw, min_size=2, max_size=9):
    n = draw(st.integers(min_value=min_size, max_value=max_size))
    out = {}
    for i in range(n):
        a, b = sorted((draw(YEAR), draw(YEAR)))
        b += draw(st.sampled_from([0.0, 0.999]))
        if draw(st.integers(0, 9)) == 0:
            a = -math.inf
        if draw(st.integers(0, 9)) == 0:
            b = math.inf
        out[f"e{i}"] = (a, b)
    return out


@settings(max_examples=300, deadline=None)
@given(spans())
def test_the_true_order_scores_m_of_m(s):
    right, total = order.score(order.true_order(s), s)
    assert right == total


@settings(max_examples=300, deadline=None)
@given(spans(), st.randoms(use_true_random=False))
def test_swapping_two_cards_the_sources_leave_open_never_changes_the_score(s, rnd):
    """Two cards whose order is open, side by side (or with only cards open to both between them):
    swapping them changes no settled pair, so never lowers the score."""
    answer = list(s)
    rnd.shuffle(answer)
    before = order.score(answer, s)
    for i in range(len(answer) - 1):
        for j in range(i + 1, len(answer)):
            a, b = answer[i], answer[j]
            between = answer[i + 1 : j]
            if order.settled(s[a], s[b]) or any(
                order.settled(s[a], s[c]) or order.settled(s[b], s[c]) for c in between
            ):
                continue
            swapped = list(answer)
            swapped[i], swapped[j] = b, a
            assert order.score(swapped, s) == before


@settings(max_examples=300, deadline=None)
@given(spans(), st.randoms(use_true_random=False))
def test_swapping_two_settled_cards_in_the_right_order_always_lowers_the_score(s, rnd):
    answer = list(s)
    rnd.shuffle(answer)
    right, total = order.score(answer, s)
    for i in range(len(answer) - 1):
        for j in range(i + 1, len(answer)):
            if not order.before(s[answer[i]], s[answer[j]]):
                continue
            swapped = list(answer)
            swapped[i], swapped[j] = swapped[j], swapped[i]
            new_right, new_total = order.score(swapped, s)
            assert new_total == total and new_right < right


@settings(max_examples=200, deadline=None)
@given(spans())
def test_swapping_two_settled_cards_of_the_true_order_always_lowers_the_score(s):
    truth = order.true_order(s)
    _, total = order.score(truth, s)
    for i in range(len(truth)):
        for j in range(i + 1, len(truth)):
            if order.settled(s[truth[i]], s[truth[j]]):
                swapped = list(truth)
                swapped[i], swapped[j] = swapped[j], swapped[i]
                assert order.score(swapped, s)[0] < total


def test_a_pair_counts_only_when_one_ends_before_the_other_can_begin():
    s = {"a": (2328.0, 2328.999), "b": (2329.0, 2329.999), "c": (2328.0, 2340.999), "d": (-math.inf, 2330.0)}
    assert order.before(s["a"], s["b"]) and not order.before(s["b"], s["a"])
    assert not order.settled(s["a"], s["c"])  # overlapping: open
    assert not order.settled(s["a"], s["d"])  # an open start: could be either
    statuses = {(p.first, p.second): p.status for p in order.pairs(["b", "a", "c", "d"], s)}
    assert statuses[("b", "a")] == "wrong" and statuses[("b", "c")] == "open" and statuses[("a", "d")] == "open"
    assert order.score(["b", "a", "c", "d"], s) == (0, 1)


def test_hide_years_blanks_years_and_periods_but_not_other_numbers():
    text = "Begun in the late 2340s, finished in 2351; 600 million died by 2410 (2369 - 60 = 2309), 2318/2328."
    assert words.hide_years(text) == (
        "Begun in [some years], finished in [a year]; 600 million died by [a year] "
        "([a year] - 60 = [a year]), [some years]."
    )


def test_a_tour_deals_its_stops_shuffled_the_same_for_everyone(real):
    a, b = order.build(real, "tour=overview"), order.build(real, "tour=overview")
    ids = [c.id for c in a.cards]
    assert ids == [c.id for c in b.cards] and set(ids) == set(real.vocab.tours["overview"].events)
    assert order.score(ids, a.spans) != order.score(order.true_order(a.spans), a.spans)  # not dealt solved
    assert a.query == "tour=overview&seed=1" and a.answer is None and a.notices == ()
    assert not any(ch.isdigit() and len(w) == 4 for c in a.cards for w in c.summary.split() for ch in w[:1])
    other = order.build(real, "tour=overview&seed=2")
    assert [c.id for c in other.cards] != ids and set(c.id for c in other.cards) == set(ids)


def test_n_deals_a_seeded_pick_and_a_big_view_is_cut_to_eight(real):
    pick = order.build(real, "n=5&seed=7")
    assert len(pick.cards) == 5 and [c.id for c in pick.cards] == [c.id for c in order.build(real, "n=5&seed=7").cards]
    assert pick.query == "n=5&seed=7"
    everything = order.build(real, "")
    assert len(everything.cards) == order.DEFAULT_N and "Dealt 8 of the 99 events" in everything.notices[0]
    bad = order.build(real, "n=1&seed=x&answer=nope")
    assert any("'n=1'" in n for n in bad.notices) and any("'seed=x'" in n for n in bad.notices)
    assert bad.answer is None and any("not graded" in n for n in bad.notices)


def test_events_names_the_cards_and_tiers_apply(real):
    ex = order.build(real, "events=first-contact,dukat-prefecture,nope,ds9-established&canon=canon")
    assert {c.id for c in ex.cards} == {"first-contact", "dukat-prefecture", "ds9-established"}
    assert any("'nope'" in n for n in ex.notices)
    assert ex.query.startswith("canon=canon&events=first-contact,dukat-prefecture,ds9-established")


@pytest.mark.parametrize("tiers", ["canon", "canon,licensed,fan,apocrypha"])
def test_the_true_order_graded_from_the_url_is_all_right(real, tiers):
    ex = order.build(real, f"tour=overview&canon={tiers}")
    graded = order.build(real, ex.answer_query(order.true_order(ex.spans)))
    result = order.grade(real, graded)
    assert result.right == result.settled > 0 and result.wrong == []
    assert result.headline == f"{result.settled} of {result.settled} orderings the sources settle are right."
    assert all(p.why for p in result.open) and len(result.pairs) == len(ex.cards) * (len(ex.cards) - 1) // 2


def test_a_wrong_pair_is_marked_and_an_open_pair_says_why(real):
    ex = order.build(real, "events=first-contact,ds9-established,dukat-prefecture,gallitep-camp")
    result = order.grade(
        real,
        order.build(real, ex.answer_query(["ds9-established", "first-contact", "dukat-prefecture", "gallitep-camp"])),
    )
    wrong = {(p.first, p.second) for p in result.wrong}
    assert ("ds9-established", "first-contact") in wrong
    why = {(p.first, p.second): p.why for p in result.open}
    assert why[("dukat-prefecture", "gallitep-camp")].startswith("the sources do not settle it: if Gallitep")
    assert "Began 2346 or 2359; ended 2369" == result.dates["dukat-prefecture"]


def test_asof_grades_on_what_was_known(real):
    ex = order.build(real, "events=first-contact,annexation-of-bajor,dukat-prefecture&asof=1993")
    later = order.build(real, "events=first-contact,annexation-of-bajor,dukat-prefecture")
    assert ex.spans != later.spans or ex.notices != later.notices


def _cite(wiki: str, start: str) -> dict:
    return {
        "page": f"{wiki}: a page",
        "source": "A work",
        "start": start,
        "start_iv": dates.parse(start),
        "end_iv": None,
    }


def test_why_open_names_the_wiki_that_puts_each_first():
    a = {"title": "Raid", "is_point": True, "start_earliest": 2340.0, "start_latest": 2350.999}
    b = {"title": "Treaty", "is_point": True, "start_earliest": 2345.0, "start_latest": 2345.999}
    ca = [_cite("Memory Beta", "2340"), _cite("Memory Alpha", "2350")]
    cb = [_cite("Memory Beta", "2345"), _cite("Memory Alpha", "2345")]
    sa, sb = (2340.0, 2350.999), (2345.0, 2345.999)
    assert not order.settled(sa, sb)
    assert (
        order.why_open(a, b, ca, cb, sa, sb)
        == "the sources disagree: Memory Beta puts Raid first, Memory Alpha Treaty."
    )
    c = {
        "title": "Siege",
        "is_point": False,
        "start_earliest": 2300.0,
        "start_latest": 2301.999,
        "end_earliest": 2399.0,
    }
    assert order.why_open(b, c, cb, [], sb, (2300.0, 2399.999)) == "Treaty happened while Siege was under way."
