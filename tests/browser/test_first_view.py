"""The explorer's first view in Chromium: the page and its first chart on screen before Dash has
run, then the live page in its place, with nothing moving."""

from __future__ import annotations

import pytest

from dashboard.domain.loading import load
from testsupport.browser import ALL_SIZES, hold_layout, release

pytestmark = pytest.mark.browser

GANTT_ID = "chart-gantt"
RECT = "e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width]; }"


@ALL_SIZES
def test_the_first_chart_is_on_screen_before_dash_runs_and_the_live_one_takes_its_place(page, live_url):
    held = hold_layout(page)
    page.goto(live_url + "/?event=dukat-prefecture")
    page.wait_for_selector("#first-view .first-view-plot .bars path", state="attached")
    # Drawn, in view, with the page's text around it; the live page is not there yet.
    assert page.evaluate("getComputedStyle(document.getElementById('react-entry-point')).visibility") == "hidden"
    assert page.locator("#first-view h1").text_content() == "Bajor Timeline"
    n = len(load().events)  # every event of the bundled data
    assert f"{n} of {n} events" in page.locator("#first-view .summary-bar").text_content()
    first = page.eval_on_selector("#first-view .first-view-plot", RECT)
    assert first[1] < page.viewport_size["height"] / 2  # the chart starts in the top half of the screen
    # The selection is drawn, and the panel holds its details.
    assert "Dukat as Prefect of Bajor" in page.locator("#first-view .details-panel.open").text_content()
    release(page, held)
    page.wait_for_selector("#first-view", state="detached")
    page.wait_for_selector("#chart-gantt .bars path")
    live = page.eval_on_selector("#chart-gantt .js-plotly-plot", RECT)
    assert live == pytest.approx(first, abs=1)  # in the same place, the same width
    assert page.evaluate("getComputedStyle(document.getElementById('react-entry-point')).visibility") == "visible"
    assert page.locator("#first-view-figure-0").count() == 0  # the figures' JSON goes with it
    page.get_by_role("link", name="Next").click()  # live: the panel steps to the next event
    page.wait_for_function("!['dukat-prefecture', null].includes(new URLSearchParams(location.search).get('event'))")
    assert page.console_errors == [] and page.console_warnings == []


def test_the_first_view_cannot_be_focused_or_clicked(page, live_url):
    held = hold_layout(page)
    page.goto(live_url + "/")
    page.wait_for_selector("#first-view .first-view-plot .bars path", state="attached")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement === document.body")  # inert: nothing in it takes focus
    page.mouse.click(
        *page.eval_on_selector(
            "#first-view button.btn-outline-primary",
            "e => { const r = e.getBoundingClientRect(); return [r.x + 5, r.y + 5]; }",
        )
    )
    assert page.url == live_url + "/"
    release(page, held)
    page.wait_for_selector("#first-view", state="detached")
    assert page.console_errors == []


def test_when_dash_cannot_load_the_page_its_error_is_not_hidden_behind_the_first_view(page, live_url):
    page.route("**/_dash-layout", lambda route: route.fulfill(status=500, body="{}", content_type="application/json"))
    page.goto(live_url + "/")
    page.wait_for_selector("._dash-error")
    page.wait_for_selector("#first-view", state="detached", timeout=3000)
    assert page.locator("._dash-error").is_visible()
    page.console_errors.clear()  # the 500 itself is reported by the browser


def test_while_the_first_view_is_on_screen_assistive_technology_meets_only_a_page_still_loading(page, live_url):
    """The first view is inert (hidden from assistive technology: its controls do nothing yet), so
    until the live page is there axe finds what it finds on any page still loading (no main
    landmark, no level-one heading), and nothing more."""
    from testsupport.browser import violations

    held = hold_layout(page)
    page.goto(live_url + "/?event=dukat-prefecture")
    page.wait_for_selector("#first-view .first-view-plot .bars path", state="attached")
    found = {v.split(":")[0] for v in violations(page)}
    assert found == {"moderate landmark-one-main", "moderate page-has-heading-one"}, found
    release(page, held)
    page.wait_for_selector("#first-view", state="detached")


@ALL_SIZES
def test_the_live_charts_come_laid_out_for_the_measured_width_and_are_not_sent_again(page, live_url):
    """first_view.js stores the charts' width before Dash asks for the layout: the live charts are
    laid out for it, and the charts' callback, told that width, sends nothing. On the next visit the
    first view is laid out for it too, so the live page takes over the very same picture."""
    from dashboard.web import head

    answers = []
    page.on(
        "response",
        lambda r: "_dash-update-component" in r.url
        and f"{GANTT_ID}.figure" in (r.request.post_data or "")
        and answers.append(r.status),
    )
    page.goto(live_url + "/")
    page.wait_for_selector("#first-view", state="detached")
    page.wait_for_selector("#chart-gantt .bars path")
    page.wait_for_load_state("networkidle")
    width = page.evaluate("Math.round(document.getElementById('charts').getBoundingClientRect().width)")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies[head.WIDTH_COOKIE] == str(width)
    assert answers and 200 not in answers  # asked (the width came), answered "nothing new" (204)
    held = hold_layout(page)
    page.reload()
    page.wait_for_selector("#first-view .first-view-plot .bars path", state="attached")
    shape = (
        "gd => [gd._fullLayout.height, gd.layout.xaxis.nticks, gd.data.map(t => t.customdata && t.customdata.length)]"
    )
    first = page.eval_on_selector("#first-view .first-view-plot", shape)
    release(page, held)
    page.wait_for_selector("#first-view", state="detached")
    assert page.eval_on_selector("#chart-gantt .js-plotly-plot", shape) == first
    assert page.console_errors == [] and page.console_warnings == []
