"""The classroom exercises through the real app (Flask's test client): the pages, their callbacks as
the browser calls them, the answer in the URL, the verdict shown as text, hostile queries; and the
/judge rules of dashboard/domain/judge.py on the real data."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest

from dashboard.domain import judge, order
from dashboard.web.app import create_app
from dashboard.web.components import ids
from testsupport.dash_client import call, page_layout


@pytest.fixture(scope="module")
def real_client(real):
    return create_app(catalogue=real).server.test_client()


def order_body(client, search: str) -> str:
    status, body = call(
        client,
        f"..{ids.ORDER_BODY}.children",
        [{"id": ids.ORDER_URL, "property": "search", "value": search}],
        [f"{ids.ORDER_URL}.search"],
    )
    assert status == 200, body
    return json.dumps(body["response"])


def judge_body(client, search: str) -> str:
    status, body = call(
        client,
        f"..{ids.JUDGE_BODY}.children",
        [{"id": ids.JUDGE_URL, "property": "search", "value": search}],
        [f"{ids.JUDGE_URL}.search"],
    )
    assert status == 200, body
    return json.dumps(body["response"])


@pytest.mark.parametrize("path", ["/order", "/judge"])
def test_the_pages_are_served_and_routed(real_client, path):
    r = real_client.get(path + "?tour=overview")
    assert r.status_code == 200 and "text/html" in r.content_type
    assert "script-src 'self'" in r.headers["Content-Security-Policy"]  # the same strict policy
    layout = page_layout(real_client, path, "?tour=overview")
    assert (ids.ORDER_BODY if path == "/order" else ids.JUDGE_BODY) in layout and "attribution" in layout


def test_order_deals_shuffled_cards_without_dates_and_grades_an_answer_from_the_url(real_client, real):
    body = order_body(real_client, "?tour=overview&n=6&seed=3")
    ex = order.build(real, "tour=overview&n=6&seed=3")
    assert body.index(ex.cards[0].title) < body.index(ex.cards[1].title) < body.index(ex.cards[5].title)
    assert ids.ORDER_CHECK in body and "Began" not in body  # no dates before the answer
    truth = order.true_order(ex.spans)
    graded = order_body(real_client, "?" + ex.answer_query(truth))
    result = order.grade(real, order.build(real, ex.answer_query(truth)))
    assert f"{result.settled} of {result.settled} orderings the sources settle are right." in graded
    assert "Wrong pairs (0)" in graded and ids.ORDER_CHECK not in graded
    assert all(d + "." in graded for d in result.dates.values())  # every card's dates in words
    wrong = order_body(real_client, "?" + ex.answer_query(list(reversed(truth))))
    assert "is-wrong" in wrong and f"0 of {result.settled}" in wrong


def test_order_says_why_an_open_pair_is_open(real_client, real):
    q = "events=dukat-prefecture,gallitep-camp&answer=gallitep-camp,dukat-prefecture"
    body = order_body(real_client, "?" + q)
    assert "The sources settle none of these orderings" in body
    assert "Open pairs, never marked wrong (1)" in body and "the sources do not settle it" in body


def test_tiers_and_asof_apply_to_the_grade(real):
    q = "events=first-contact,ds9-established,dukat-prefecture"
    every, canon = order.build(real, q), order.build(real, q + "&canon=canon")
    assert every.query != canon.query and "canon=canon" in canon.query
    early = order.build(real, q + "&asof=1993")
    assert {c.id for c in early.cards} <= {c.id for c in every.cards}


def test_judge_lists_the_disputed_events_of_the_view(real_client, real):
    body = judge_body(real_client, "?canon=canon")
    disputed = real.shown("canon=canon")[2]
    disputed = disputed[disputed["disputed"].to_numpy(dtype=bool)]
    assert len(disputed) and all(json.dumps(t)[1:-1] in body for t in disputed["title"])
    assert "judge?event=" in body and "canon=canon" in body


def test_judge_hides_the_dates_until_an_answer_and_shows_the_verdict_as_text(real_client, real):
    question = judge_body(real_client, "?event=dukat-prefecture")
    assert "Claim 8" in question and "[a year]" in question and "2346" not in question and "2359" not in question
    verdict = "<script>alert(1)</script> I trust Memory Beta " + "x" * 400
    j = judge.build(real, "event=dukat-prefecture")
    search = "?" + j.answer_query([1, 2], verdict)
    assert len(parse_qs(search[1:])["verdict"][0]) == judge.MAX_VERDICT
    answered = judge_body(real_client, search)
    assert "The claims you trust give: " in answered and "Began 2346; ended 2369." in answered
    assert "Began between 2346 and 2359; ended 2369." in answered
    text = json.loads(answered)[ids.JUDGE_BODY]["children"]
    strings = json.dumps(text)
    assert "<script>alert(1)</script> I trust" in strings  # a string child: React shows it as text
    assert "dangerously" not in strings and "Markdown" not in strings


def test_judge_numbers_claims_the_same_whatever_the_tiers(real):
    every = {c.number: c.work for c in judge.build(real, "event=dukat-prefecture").claims}
    canon = {c.number: c.work for c in judge.build(real, "event=dukat-prefecture&canon=canon").claims}
    assert canon and set(canon) < set(every) and all(every[n] == w for n, w in canon.items())


def test_judge_outcome_ranges_readings_and_conflicts(real):
    j = judge.build(real, "event=dukat-prefecture&trust=1,7&verdict=both")
    o = judge.outcome(j)
    assert o.chosen == "Began between 2346 and 2359; ended 2369" and "disagree" in o.conflict
    assert [r.trusted for r in o.readings[:2]] == [True, True]
    values = judge.outcome(judge.build(real, "event=occupation-death-toll&trust=1"))
    assert values.values and any(r.when.startswith("states: ") for r in values.readings)
    bad = judge.build(real, "event=dukat-prefecture&trust=1,99,x")
    assert bad.trust == (1,) and any("'99'" in n for n in bad.notices)
    assert judge.outcome(judge.build(real, "event=dukat-prefecture")) is None


@pytest.mark.parametrize(
    "search",
    [
        "?answer=" + ",".join(["x"] * 500),
        "?events=%00,%ff&n=99999999999999999999&seed=-1",
        "?event=nope&trust=" + "9" * 5000 + "&verdict=" + "%E2%9C%93" * 300,
        "?event=dukat-prefecture&trust=&verdict=%ED%A0%80",
    ],
)
def test_hostile_queries_get_a_page_not_an_error(real_client, search):
    assert "classroom-title" in order_body(real_client, search)
    assert "classroom-title" in judge_body(real_client, search)
