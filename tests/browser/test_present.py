"""The presentation and the classroom tools in a real headless Chromium: a tour stepped through with
the keys, the projector's text size, asof narrowing what is drawn, slide images, the printed handout."""

from __future__ import annotations

import struct
from urllib.parse import parse_qs, urlparse

import pytest

from testsupport.browser import chart_ids, open_explorer, settle, violations

pytestmark = pytest.mark.browser
PROJECTOR = pytest.mark.parametrize("page", ["projector"], indirect=True)


def query(page) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def wait_step(page, step: int | None, heading: str):
    """Wait until the URL names the step and the slide shows its heading."""
    for _ in range(150):
        q = query(page)
        if (
            q.get("step") == (str(step) if step else None)
            and page.locator("#present-heading").count()
            and page.text_content("#present-heading") == heading
        ):
            return
        page.wait_for_timeout(100)
    raise AssertionError(
        f"step {step} never showed {heading!r}: {page.url}, "
        f"heading {page.text_content('#present-heading') if page.locator('#present-heading').count() else None!r}"
    )


def selected_on_chart(page) -> str | None:
    return page.evaluate(
        "(document.querySelector('#present-chart .js-plotly-plot') || {layout: {}}).layout.meta.selected"
    )


def open_present(page, url: str, search: str, heading: str):
    page.goto(url + "/present" + search)
    page.wait_for_selector("#present-heading")
    wait_step(page, query(page).get("step") and int(query(page)["step"]), heading)


@PROJECTOR
def test_stepping_through_a_tour_with_the_keys_and_escaping_to_the_explorer(page, live_url, real):
    tour = real.vocab.tours["disagreements"]
    titles = [real.vocab.events[e] for e in tour.events]
    open_present(page, live_url, "?tour=disagreements&canon=canon,licensed,fan", tour.title)
    assert page.locator(".present-qr").count() == 1 and "CC BY-SA 3.0" in page.text_content(".present-credit")
    for key, step in (("ArrowRight", 1), ("Space", 2), ("PageDown", 3), ("ArrowLeft", 2), ("PageUp", 1)):
        page.keyboard.press(key)
        wait_step(page, step, titles[step - 1])
        page.wait_for_function(
            f"(document.querySelector('#present-chart .js-plotly-plot') || {{layout: {{}}}})"
            f".layout.meta && document.querySelector('#present-chart .js-plotly-plot').layout.meta"
            f".selected === '{tour.events[step - 1]}'"
        )
        x0, x1 = page.evaluate("document.querySelector('#present-chart .js-plotly-plot').layout.xaxis.range")
        page.wait_for_selector("#present-chart .js-plotly-plot", state="visible")
        assert tour.stops[step - 1].note in page.text_content("#present-card")
    # The event sits in the middle of the chart's years.
    event = real.resolved(("canon", "licensed", "fan"))
    row = event[event["id"] == tour.events[0]].iloc[0]
    assert x0 < float(row["best_start"]) < x1
    page.keyboard.press("End")
    page.wait_for_function("document.querySelector('#present-progress').textContent === 'End'")
    assert query(page)["step"] == str(len(tour.stops) + 1) and page.locator(".present-qr").count() == 2
    # the closing slide offers the ordering exercise for the same view (dashboard/web/pages/order)
    assert (
        page.locator(".present-url")
        .nth(1)
        .text_content()
        .endswith("/order?canon=canon,licensed,fan&tour=disagreements")
    )
    page.keyboard.press("Home")
    wait_step(page, 0, tour.title)
    page.go_back()  # every step is a history entry: Back returns to the closing step
    page.wait_for_function("document.querySelector('#present-progress').textContent === 'End'")
    page.keyboard.press("ArrowLeft")
    wait_step(page, len(tour.stops), titles[-1])
    page.reload()  # and a reload keeps the place
    page.wait_for_selector("#present-heading")
    wait_step(page, len(tour.stops), titles[-1])
    page.keyboard.press("Escape")
    page.wait_for_selector("#chart-gantt .bars path")
    q = query(page)
    assert urlparse(page.url).path == "/" and q == {
        "canon": "canon,licensed,fan",
        "tour": "disagreements",
        "event": tour.events[-1],
    }
    page.wait_for_selector("#details.open")
    assert set(chart_ids(page)) <= set(tour.events)  # the explorer shows the same view: the tour's events
    assert page.console_errors == [] and page.console_warnings == []


@PROJECTOR
def test_projector_text_is_24px_or_more_and_chart_labels_are_big(page, live_url):
    open_present(page, live_url, "?tour=overview&step=4", "Annexation of Bajor")
    sizes = page.evaluate("""() => ['.present-summary-text', '.present-when', '.present-note', '.present-title',
        '.present-citations li'].map(s => [s, parseFloat(getComputedStyle(document.querySelector(s)).fontSize)])""")
    body = dict(sizes)
    assert body[".present-summary-text"] >= 24 and body[".present-note"] >= 24 and body[".present-title"] >= 40
    assert body[".present-citations li"] >= 19  # the source list, a step below the body text
    page.wait_for_selector("#present-chart .textpoint text")
    label_px = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('#present-chart .textpoint text')).fontSize)"
    )
    assert label_px >= 22
    # the card and the chart fit the screen side by side; the controls are on screen
    box = page.locator("#present-nav").bounding_box()
    assert box["y"] + box["height"] <= 1080
    assert page.locator("#present-card").bounding_box()["x"] > page.locator("#present-charts").bounding_box()["x"]


@PROJECTOR
def test_b_blanks_f_goes_full_screen_and_buttons_do_the_same(page, live_url):
    open_present(page, live_url, "?tour=overview&step=1", "First contact with Bajor")
    page.keyboard.press("b")
    assert page.is_visible("#present-blank-screen") and page.get_attribute("#present-blank", "aria-pressed") == "true"
    page.keyboard.press("ArrowRight")  # the first key after a blank only brings the slide back
    assert not page.is_visible("#present-blank-screen") and query(page)["step"] == "1"
    page.click("#present-blank")
    assert page.is_visible("#present-blank-screen")
    page.click("#present-blank-screen")
    assert not page.is_visible("#present-blank-screen")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement === null")
    page.click("#present-next")
    wait_step(page, 2, "Cardassia's creeping takeover")
    assert page.console_errors == [] and page.console_warnings == []


def test_asof_narrows_what_is_drawn(page, live_url, real):
    open_explorer(page, live_url)
    everything = set(chart_ids(page))
    open_explorer(page, live_url, "?asof=1992")
    early = set(chart_ids(page)) | set(chart_ids(page, "#chart-timeline .js-plotly-plot"))
    assert early and len(early) < 15 and "dukat-prefecture" in everything and "dukat-prefecture" not in early
    assert "as known in 1992" in page.text_content("#view-summary")
    assert "works with no known release year left out" in page.text_content("#view-summary")
    assert page.input_value("#filter-asof") == "1992"
    page.fill("#filter-asof", "")  # the control writes the URL
    page.keyboard.press("Tab")
    page.wait_for_function("!location.search.includes('asof')")
    n = real.total  # every event again
    page.wait_for_function(f"document.querySelector('#view-summary').textContent.startsWith('{n} of {n}')")
    assert page.console_errors == [] and page.console_warnings == []


def test_the_present_button_and_the_tours_carry_the_filters(page, live_url):
    open_explorer(page, live_url, "?canon=canon&asof=1999")
    page.wait_for_function("document.querySelector('#present-link').getAttribute('href').includes('asof=1999')")
    page.click("#tours-menu .dropdown-toggle")
    hrefs = [a.get_attribute("href") for a in page.locator("#tours-menu a.dropdown-item").all()]
    assert hrefs == [
        "/present?tour=overview&canon=canon&asof=1999",
        "/present?tour=disagreements&canon=canon&asof=1999",
        "/order?canon=canon&asof=1999",
        "/judge?canon=canon&asof=1999",
    ]
    page.keyboard.press("Escape")
    page.click("#present-link")
    page.wait_for_selector("#present-heading")
    assert query(page) == {"canon": "canon", "asof": "1999"} and "as known in 1999" in page.text_content(
        ".present-filters"
    )


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@PROJECTOR
def test_slide_images_are_1920x1080_twice_that_and_svg_with_title_and_credit(page, live_url):
    open_present(page, live_url, "?tour=overview&step=10", "Dukat as Prefect of Bajor")
    page.wait_for_function(
        "document.querySelector('#present-chart .js-plotly-plot').layout.meta.selected === 'dukat-prefecture'"
    )
    got = {}
    for i, name in enumerate(("png", "png2x", "svg")):
        page.click("#present-nav .dropdown-toggle")
        with page.expect_download() as info:
            page.locator("#present-nav [data-slide-image]").nth(i).click()
        got[name] = (info.value.suggested_filename, open(info.value.path(), "rb").read())
    assert png_size(got["png"][1]) == (1920, 1080) and png_size(got["png2x"][1]) == (3840, 2160)
    assert got["png"][0].startswith("bajor-timeline-dukat-as-prefect-of-bajor-") and got["png"][0].endswith(
        "-1920x1080.png"
    )
    svg = got["svg"][1].decode("utf-8")
    assert svg.startswith("<svg") and 'width="1920" height="1080"' in svg[:400] and "viewBox" in svg[:400]
    assert "Dukat as Prefect of Bajor" in svg and "Memory Alpha (CC BY-NC 3.0)" in svg and "tour" in svg
    # the explorer's menu offers the same for either chart
    open_explorer(page, live_url, "?canon=canon")
    page.click("#image-menu .dropdown-toggle")
    with page.expect_download() as info:
        page.locator("#image-menu [data-slide-image]").nth(3).click()
    assert png_size(open(info.value.path(), "rb").read()) == (1920, 1080)
    name = info.value.suggested_filename
    assert name.startswith("bajor-timeline-moments-") and "canon-only" in name and name.endswith("-1920x1080.png")
    assert page.console_errors == [] and page.console_warnings == []


def test_printing_gives_the_chart_and_the_events_with_citations_and_no_controls(page, live_url, real):
    open_explorer(page, live_url, "?tour=disagreements")
    page.wait_for_selector("#handout .handout-item", state="attached")
    assert not page.is_visible("#handout")  # on screen: no handout
    page.emulate_media(media="print")
    for hidden in (
        "#filters",
        "#present-link",
        "#tours-menu",
        "#image-menu",
        "#download-csv",
        ".events-grid",
        "#filter-reset",
    ):
        assert not page.is_visible(hidden), hidden
    assert page.is_visible("#chart-gantt .js-plotly-plot") and page.is_visible("#handout")
    items = page.locator("#handout .handout-item")
    assert items.count() == len(real.vocab.tours["disagreements"].stops)
    first = items.nth(0).text_content()
    assert "Cardassia's creeping takeover" in first and "Emissary" in first and "2328" in first
    assert "CC BY-NC 3.0" in page.text_content("#handout .handout-credit")
    # a tour printed from the presentation: its stops with the teacher's notes, the charts, no controls
    page.emulate_media(media="screen")
    open_present(page, live_url, "?tour=disagreements&step=2", "First contact with Bajor")
    page.wait_for_selector("#present-handout .handout-item", state="attached")
    page.emulate_media(media="print")
    assert not page.is_visible("#present-nav") and not page.is_visible("#present-card")
    assert page.is_visible("#present-handout .handout-chart .js-plotly-plot")
    notes = page.locator("#present-handout .handout-note")
    assert notes.count() == len(real.vocab.tours["disagreements"].stops)
    assert page.console_errors == [] and page.console_warnings == []


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_on_a_phone_the_slide_stacks_and_the_controls_stay_on_screen(page, live_url):
    open_present(page, live_url, "?tour=overview&step=4", "Annexation of Bajor")
    chart = page.locator("#present-charts").bounding_box()
    card = page.locator("#present-card").bounding_box()
    assert card["y"] >= chart["y"] + chart["height"] - 1 and chart["width"] >= 340
    nav = page.locator("#present-nav").bounding_box()
    assert nav["y"] + nav["height"] <= 844 + 1
    page.click("#present-next")
    wait_step(page, 5, "The Occupation of Bajor")
    assert page.console_errors == [] and page.console_warnings == []


@PROJECTOR
@pytest.mark.parametrize(
    "search, heading",
    [("?tour=overview", "The Occupation in fourteen stops"), ("?tour=overview&step=10", "Dukat as Prefect of Bajor")],
)
def test_no_axe_violations_in_the_presentation(page, live_url, search, heading):
    open_present(page, live_url, search, heading)
    settle(page)
    assert violations(page) == []
