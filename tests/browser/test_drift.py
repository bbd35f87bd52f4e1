"""The explorer's "Sources over time" chart in a real headless Chromium: it draws, follows a filter and
the selection, and "as known in" (Play, the slider, the step links) moves `asof` in the URL and the charts."""

from __future__ import annotations

import pytest

from testsupport.browser import ALL_SIZES, open_explorer, query, wait_query

pytestmark = pytest.mark.browser

DRIFT = "#chart-drift .js-plotly-plot"
TIERS_DRAWN = f"""(() => {{ const gd = document.querySelector('{DRIFT}');
    return gd && gd.data ? gd.data.filter(t => t.meta === 'claim').map(t => t.name) : null; }})()"""
META = f"(() => {{ const gd = document.querySelector('{DRIFT}'); return gd && gd.layout ? gd.layout.meta : null; }})()"


def drift_meta(page) -> dict:
    page.wait_for_function(META)
    return page.evaluate(META)


def wait_meta(page, key: str, value) -> dict:
    for _ in range(150):
        meta = page.evaluate(META)
        if meta and meta.get(key) == value:
            return meta
        page.wait_for_timeout(100)
    raise AssertionError(f"the drift chart never had {key}={value!r}: {page.evaluate(META)}")


@ALL_SIZES
def test_the_drift_chart_draws_fits_and_follows_a_filter(page, live_url):
    open_explorer(page, live_url, "?event=annexation-of-bajor")
    page.wait_for_selector(f"{DRIFT} .scatterlayer .trace .point")
    assert drift_meta(page)["selected"] == "annexation-of-bajor"
    assert "Licensed tie-in" in page.evaluate(TIERS_DRAWN)
    box = page.evaluate(
        "(() => { const r = document.getElementById('drift').getBoundingClientRect(); return [r.left, r.right]; })()"
    )
    assert box[0] >= 0 and box[1] <= page.viewport_size["width"] + 0.5  # no sideways scrolling
    undated = page.inner_text("#drift-undated")
    assert "When It Rains" in undated and "no known release year" in undated
    page.goto(live_url + "/?canon=canon&event=annexation-of-bajor")  # the filter, as a link gives it
    for _ in range(100):
        if page.evaluate(TIERS_DRAWN) == ["On-screen canon"]:
            break
        page.wait_for_timeout(100)
    assert page.evaluate(TIERS_DRAWN) == ["On-screen canon"]
    assert page.console_errors == []


def test_unticking_a_tier_in_the_filters_redraws_the_drift_chart(page, live_url):
    open_explorer(page, live_url)
    page.wait_for_selector(f"{DRIFT} .scatterlayer .trace .point")
    before = drift_meta(page)["claims"]
    page.get_by_label("Licensed tie-in").uncheck()
    wait_query(page, lambda q: q.get("canon") == "canon,production,fan", "canon without licensed")
    for _ in range(100):
        if "Licensed tie-in" not in (page.evaluate(TIERS_DRAWN) or ["Licensed tie-in"]):
            break
        page.wait_for_timeout(100)
    assert "Licensed tie-in" not in page.evaluate(TIERS_DRAWN) and drift_meta(page)["claims"] < before


def test_play_steps_asof_through_the_release_years_in_the_url_and_the_charts_and_stops(page, live_url):
    open_explorer(page, live_url, "?event=annexation-of-bajor")
    page.wait_for_selector(f"{DRIFT} .scatterlayer .trace .point")
    history = page.evaluate("history.length")
    page.click("#drift-play")
    assert page.get_attribute("#drift-play", "aria-pressed") == "true"
    wait_query(page, lambda q: q.get("asof") == "1991", "the first release year")
    wait_meta(page, "asof", 1991)
    page.wait_for_function("document.getElementById('view-summary').textContent.includes('as known in 1991')")
    page.wait_for_function("document.getElementById('drift-asof').textContent === 'As known in 1991'")
    wait_query(page, lambda q: q.get("asof") == "1992", "the next release year")
    wait_meta(page, "asof", 1992)
    assert query(page)["event"] == "annexation-of-bajor"  # the selection stays
    page.keyboard.press("Escape")  # stops Play
    assert page.get_attribute("#drift-play", "aria-pressed") == "false"
    stopped = query(page).get("asof")
    page.wait_for_timeout(2500)  # longer than a step
    assert query(page).get("asof") == stopped
    assert page.evaluate("history.length") <= history + 1  # one entry for the whole run, not one a year
    page.go_back()
    wait_query(page, lambda q: "asof" not in q, "the view before Play")
    assert page.console_errors == []


def test_play_runs_to_every_work_and_the_button_stops_it(page, live_url):
    open_explorer(page, live_url, "?asof=2008")
    page.wait_for_selector(f"{DRIFT} .scatterlayer .trace .point")
    page.click("#drift-play")
    wait_query(page, lambda q: q.get("asof") == "2013", "the last release year")
    wait_query(page, lambda q: "asof" not in q, "every work, the end of the run")
    page.wait_for_function("document.getElementById('drift-play').getAttribute('aria-pressed') === 'false'")
    page.click("#drift-play")  # from the end, Play starts again at the first year
    wait_query(page, lambda q: q.get("asof") == "1991", "the first release year again")
    page.click("#drift-play")  # Stop
    assert page.get_attribute("#drift-play", "aria-pressed") == "false"


def test_the_slider_and_the_step_links_work_from_the_keyboard(page, live_url):
    open_explorer(page, live_url, "?asof=1993")
    page.wait_for_selector(f"{DRIFT} .scatterlayer .trace .point")
    wait_meta(page, "asof", 1993)
    page.focus("#drift-next")
    page.keyboard.press("Enter")
    wait_query(page, lambda q: q.get("asof") == "1994", "a step on")
    wait_meta(page, "asof", 1994)
    thumb = page.locator("#drift-slider [role=slider]").first
    page.wait_for_function(
        "document.querySelector('#drift-slider [role=slider]').getAttribute('aria-valuetext') === 'As known in 1994'"
    )
    assert thumb.get_attribute("aria-label") == "As known in"  # the slider says the year, not its step number
    thumb.focus()
    page.keyboard.press("ArrowLeft")
    wait_query(page, lambda q: q.get("asof") == "1993", "a step back on the slider")
    wait_meta(page, "asof", 1993)
    page.keyboard.press("End")
    wait_query(page, lambda q: "asof" not in q, "every work")
    page.wait_for_function("document.getElementById('drift-asof').textContent === 'All works'")
    page.go_back()  # each step is a history entry: Back returns to the year before
    wait_query(page, lambda q: q.get("asof") == "1993", "Back")
    assert page.console_errors == []


def test_the_presentation_switches_to_drift_with_d_and_steps_asof_with_brackets(page, live_url):
    page.goto(live_url + "/present?tour=overview&step=4")
    page.wait_for_selector("#present-chart .main-svg .trace")
    page.keyboard.press("d")
    wait_query(page, lambda q: q.get("view") == "drift", "view=drift")
    page.wait_for_function(
        "(() => { const gd = document.querySelector('#present-chart .js-plotly-plot');"
        " return gd && gd.layout && gd.layout.meta && gd.layout.meta.role === 'drift'; })()"
    )
    event = page.evaluate("document.querySelector('#present-chart .js-plotly-plot').layout.meta.selected")
    assert event == "annexation-of-bajor"
    page.keyboard.press("[")
    q = wait_query(page, lambda q: q.get("asof") == "2013", "a year back from every work")
    assert q["event"] == event and q["view"] == "drift"  # the same event, the same chart
    page.wait_for_function("document.querySelector('#present-chart .js-plotly-plot').layout.meta.asof === 2013")
    page.keyboard.press("]")
    wait_query(page, lambda q: "asof" not in q, "every work again")
    page.keyboard.press("d")
    wait_query(page, lambda q: "view" not in q, "periods and moments again")
    assert page.console_errors == []
