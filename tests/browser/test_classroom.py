"""The classroom exercises in a real headless Chromium: a whole /order exercise by keyboard (the move
announced), by mouse and by touch, then Check; a whole /judge exercise (ticking, a verdict, Show the
dates); the answer links reopened; axe-core clean and no console error, at every size."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from dashboard.domain import judge, order
from testsupport.browser import ALL_SIZES, settle, violations

pytestmark = pytest.mark.browser
ORDER = "/order?tour=overview&n=6&seed=3"


def query(page) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def card_ids(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('#order-list > .order-card')].map(c => c.dataset.id)")


def open_order(page, url: str, search: str = ORDER):
    page.goto(url + search)
    page.wait_for_selector("#order-list .order-card")


@ALL_SIZES
def test_a_whole_ordering_exercise_by_keyboard_then_check(page, live_url, real):
    open_order(page, live_url)
    settle(page)
    assert violations(page) == []
    start = card_ids(page)
    ex = order.build(real, ORDER.split("?", 1)[1])
    assert start == [c.id for c in ex.cards]
    page.focus("#order-list > .order-card:nth-child(3)")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    moved = card_ids(page)
    assert moved[0] == start[2] and moved[1:3] == start[:2]
    title = ex.cards[2].title
    assert page.text_content("#order-live") == f"{title} moved to position 1 of 6."
    assert page.evaluate("document.activeElement.dataset.id") == start[2]  # the focus stays on the card
    page.keyboard.press("ArrowUp")  # already first: it says so, and stays
    assert page.text_content("#order-live") == f"{title} stays at position 1 of 6."
    page.keyboard.press("ArrowDown")
    assert card_ids(page)[1] == start[2]
    final = card_ids(page)
    page.click("#order-check")
    page.wait_for_selector("#order-score")
    assert query(page)["answer"] == ",".join(final) and query(page)["seed"] == "3"
    right, total = order.score(final, ex.spans)
    assert page.text_content("#order-score") == f"{right} of {total} orderings the sources settle are right."
    assert page.locator(".order-list.graded .order-card-dates").count() == 6
    assert page.locator(".order-list.graded .order-card.is-wrong").count() == len(
        {p.first for p in order.pairs(final, ex.spans) if p.status == "wrong"}
    )
    settle(page)
    assert violations(page) == []
    page.reload()  # the answer is in the URL: the link shows the same result
    page.wait_for_selector("#order-score")
    assert page.text_content("#order-score").startswith(f"{right} of {total}")
    page.go_back()
    page.wait_for_selector("#order-list .order-card")
    assert page.console_errors == [] and page.console_warnings == []


def test_cards_move_by_mouse_drag_by_touch_on_the_handle_and_by_their_buttons(page, live_url):
    open_order(page, live_url)
    start = card_ids(page)
    first = page.locator("#order-list > .order-card").nth(0).bounding_box()
    last = page.locator("#order-list > .order-card").nth(3).bounding_box()
    page.mouse.move(first["x"] + first["width"] / 2, first["y"] + 10)
    page.mouse.down()
    for k in range(1, 11):  # a drag past the fourth card's middle
        page.mouse.move(
            first["x"] + first["width"] / 2, first["y"] + 10 + k * (last["y"] + last["height"] - first["y"]) / 10
        )
    page.mouse.up()
    after = card_ids(page)
    assert after.index(start[0]) == 3 and "dropped at position 4 of 6" in page.text_content("#order-live")
    # touch: a finger on the handle (pointer events, as a phone sends them)
    grip = page.locator("#order-list > .order-card").nth(5).locator(".order-grip")
    box = grip.bounding_box()
    top = page.locator("#order-list > .order-card").nth(0).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    opts = {"pointerType": "touch", "pointerId": 7, "isPrimary": True, "bubbles": True, "button": 0}
    grip.dispatch_event("pointerdown", {**opts, "clientX": x, "clientY": y})
    for target in (y - 40, top["y"] + 5):
        page.dispatch_event("body", "pointermove", {**opts, "clientX": x, "clientY": target})
    page.dispatch_event("body", "pointerup", {**opts, "clientX": x, "clientY": top["y"] + 5})
    assert card_ids(page)[0] == after[5]
    # a touch elsewhere on the card does not drag (the page scrolls instead)
    text = page.locator("#order-list > .order-card").nth(2).locator(".order-card-text")
    tb = text.bounding_box()
    before = card_ids(page)
    text.dispatch_event("pointerdown", {**opts, "clientX": tb["x"] + 5, "clientY": tb["y"] + 5})
    page.dispatch_event("body", "pointermove", {**opts, "clientX": tb["x"] + 5, "clientY": top["y"]})
    page.dispatch_event("body", "pointerup", {**opts, "clientX": tb["x"] + 5, "clientY": top["y"]})
    assert card_ids(page) == before
    # the buttons
    page.locator("#order-list > .order-card").nth(1).locator("[data-move='1']").click()
    assert card_ids(page)[2] == before[1]
    assert page.console_errors == [] and page.console_warnings == []


@ALL_SIZES
def test_a_whole_judging_exercise_ticking_and_a_verdict(page, live_url, real):
    page.goto(live_url + "/judge?canon=canon,licensed,fan")
    page.wait_for_selector(".judge-choices a")
    settle(page)
    assert violations(page) == []
    page.click(".judge-choices a >> text=Dukat as Prefect of Bajor")
    page.wait_for_selector(".judge-claim")
    assert query(page) == {"canon": "canon,licensed,fan", "event": "dukat-prefecture"}
    assert "2359" not in page.text_content("#judge-body")  # dates hidden
    settle(page)
    assert violations(page) == []
    page.locator(".judge-claim").nth(0).locator("label").click()  # by mouse or touch on the card's text
    page.locator(".judge-claim").nth(6).locator("input").focus()
    page.keyboard.press("Space")  # by keyboard
    verdict = "Both wikis read the same <b>episodes</b>, so I trust both."
    page.fill("#judge-verdict", verdict)
    page.click("#judge-check")
    page.wait_for_selector("#judge-result")
    q = query(page)
    assert q["trust"] == "1,7" and q["verdict"] == verdict and q["event"] == "dukat-prefecture"
    result = page.text_content("#judge-result")
    assert verdict in result and page.locator("#judge-result b").count() == 0  # text, not markup
    o = judge.outcome(judge.build(real, urlparse(page.url).query))
    assert f"The claims you trust give: {o.chosen}." in result and f"All the trusted claims give: {o.full}." in result
    assert "2359" in page.text_content("#judge-body") and page.locator(".judge-reading").count() == len(o.readings)
    settle(page)
    assert violations(page) == []
    page.reload()
    page.wait_for_selector("#judge-result")
    assert verdict in page.text_content("#judge-result")
    assert page.console_errors == [] and page.console_warnings == []
