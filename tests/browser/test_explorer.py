"""What a person does in the explorer, in a real headless Chromium: load, filter, click, type, go back."""

from __future__ import annotations

import re

import pytest

from testsupport.browser import (
    ALL_SIZES,
    GANTT,
    TIMELINE,
    bar_centre,
    chart_ids,
    open_explorer,
    query,
    settle,
    wait_query,
)

pytestmark = pytest.mark.browser


def hold_callbacks(page, output: str, *, first_only: bool = False) -> list:
    """Hold back the callback requests for `output` ("component.property"; only the first, with
    `first_only`): they wait in the returned list until the test lets them go (route.continue_())."""
    held = []

    def hold(route):
        if output in (route.request.post_data or "") and not (first_only and held):
            held.append(route)
        else:
            route.continue_()

    page.route("**/_dash-update-component*", hold)
    return held


def click_event(page, event_id: str) -> None:
    """Scroll an event's bar into view, as a reader would, and click it."""
    page.evaluate(
        """id => {
        const gd = document.querySelector('#chart-gantt .js-plotly-plot');
        const k = gd.data.findIndex(t => t.meta === 'range');
        gd.querySelectorAll('.barlayer .trace')[k].querySelectorAll('.point')[gd.data[k].customdata.indexOf(id)]
          .scrollIntoView({block: 'center', behavior: 'instant'});
    }""",
        event_id,
    )
    x, y = bar_centre(page, event_id)
    page.mouse.click(x, y)


def in_viewport(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    vp = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + min(box["height"], 60) <= vp["height"]
        and box["x"] + box["width"] <= vp["width"] + 1
    )


def test_page_loads_offline_with_charts_table_and_credit(page, live_url, real):
    open_explorer(page, live_url)
    total = len(real.tables.events)
    assert page.text_content("#view-summary") == f"{total} of {total} events: everything"
    assert page.locator("#chart-gantt .bars path").count() > 10
    assert page.locator("#chart-timeline .scatterlayer .point").count() > 10
    page.wait_for_selector(".events-grid .ag-row[row-id]")
    assert page.locator(".events-grid .ag-row").count() > 5
    assert "Memory Alpha" in page.text_content("#attribution") and "CC BY-NC 3.0" in page.text_content("#attribution")
    assert page.external_requests == [], "the page tried to reach the internet"
    assert page.console_errors == [] and page.console_warnings == []


def test_the_first_screen_shows_years_eras_and_events(page, live_url):
    open_explorer(page, live_url)
    ticks = page.locator("#chart-gantt .xtick text")
    assert ticks.count() >= 5 and in_viewport(page, "#chart-gantt .xtick >> nth=0")
    era = page.locator("#chart-gantt .annotation-text", has_text="Late occupation")
    assert era.count() == 1 and in_viewport(page, "#chart-gantt .annotation-text >> nth=0")
    labels = page.locator("#chart-gantt .scatterlayer .textpoint")
    visible = [
        b for b in (labels.nth(i).bounding_box() for i in range(labels.count())) if b and b["y"] + b["height"] < 768
    ]
    assert len(visible) >= 15  # events named on the first screen, without hovering


@ALL_SIZES
def test_clicking_a_bar_opens_the_answer_in_view_and_escape_closes_it(page, live_url, real):
    open_explorer(page, live_url)
    target = "dukat-prefecture"
    click_event(page, target)
    wait_query(page, lambda q: q.get("event") == target, f"event={target}")
    page.wait_for_selector("#details.open #details-title")
    settle(page)  # the drawer has slid in
    assert page.text_content("#details-title") == real.vocab.events[target]
    assert in_viewport(page, "#details-title") and in_viewport(page, "#details .verdict")
    assert "2346 or 2359" in page.text_content("#details .verdict")
    assert page.title().startswith(real.vocab.events[target])
    page.wait_for_function("document.activeElement && document.activeElement.id === 'details-title'")  # focus moved in
    page.wait_for_function(f"document.querySelector('{GANTT}').layout.meta.selected === '{target}'")
    page.keyboard.press("Escape")
    wait_query(page, lambda q: "event" not in q, "no event after Escape")
    page.wait_for_function("!document.querySelector('#details').classList.contains('open')")
    assert page.console_errors == [] and page.console_warnings == []


def test_selecting_patches_the_figures_and_never_resends_them(page, live_url):
    open_explorer(page, live_url)
    bodies = []
    page.on(
        "request", lambda r: r.method == "POST" and "_dash-update-component" in r.url and bodies.append(r.post_data)
    )
    target = chart_ids(page)[2]
    click_event(page, target)
    page.wait_for_selector("#details.open #details-title")
    page.wait_for_timeout(300)
    assert bodies and not any('"chart-gantt.figure' in b.split('"inputs"')[0] for b in bodies)
    page.wait_for_function(f"document.querySelector('{GANTT}').layout.meta.selected === '{target}'")
    ranged = page.evaluate(f"document.querySelector('{GANTT}').data.find(t => t.meta === 'range').selectedpoints")
    assert ranged == [2]


def test_arrow_keys_step_through_events_in_date_order(page, live_url):
    open_explorer(page, live_url, "?event=dukat-prefecture")
    page.wait_for_selector("#details.open #details-title")
    first = page.text_content("#details-title")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        f"document.querySelector('#details-title') && document.querySelector('#details-title').textContent !== {first!r}"
    )
    after = query(page)["event"]
    page.keyboard.press("ArrowLeft")
    wait_query(page, lambda q: q.get("event") == "dukat-prefecture", "back to the first event")
    assert after != "dukat-prefecture"


def test_unticking_a_tier_updates_url_summary_and_charts(page, live_url):
    open_explorer(page, live_url)
    before = len(chart_ids(page))
    page.get_by_label("Fan work").uncheck()
    q = wait_query(page, lambda q: q.get("canon") == "canon,licensed,production", "canon without fan")
    assert q == {"canon": "canon,licensed,production"}
    page.wait_for_function("document.querySelector('#view-summary').textContent.includes('sources')")
    assert "on-screen canon and licensed tie-in and production note sources" in page.text_content("#view-summary")
    assert len(chart_ids(page)) < before


def test_faction_filter_includes_nested_cells(page, live_url, real):
    open_explorer(page, live_url)
    page.get_by_label("Bajoran Resistance").check()
    wait_query(page, lambda q: q.get("faction") == "resistance", "faction=resistance")
    page.wait_for_function("document.querySelector('#view-summary').textContent.includes('Bajoran Resistance')")
    ids = set(chart_ids(page)) | set(chart_ids(page, TIMELINE))
    cells = {"shakaar-cell", "kohn-ma", "ornathia-cell"}
    tables = real.tables.events
    cell_events = {i for i, fs in zip(tables["id"], tables["factions"]) if cells & set(fs)}
    assert cell_events and cell_events <= ids


def test_search_filters_as_one_types_and_reset_clears(page, live_url):
    open_explorer(page, live_url)
    page.focus("#filter-q")
    page.keyboard.type("Gallitep", delay=40)  # no Enter
    wait_query(page, lambda q: q.get("q") == "Gallitep", "q=Gallitep")
    page.wait_for_function("document.querySelector('#view-summary').textContent.includes('Gallitep')")
    shown = int(page.text_content("#view-summary").split(" of ")[0])
    assert 1 <= shown < 10
    page.get_by_role("button", name="Reset filters").click()
    wait_query(page, lambda q: q == {}, "an empty query after Reset")
    assert page.input_value("#filter-q") == ""


def test_choosing_a_table_row_selects_the_event_and_tab_leaves_the_table(page, live_url, real):
    open_explorer(page, live_url, "?disputed=1")
    row = page.locator(".events-grid .ag-center-cols-container .ag-row[row-id]").first
    row.wait_for()
    row_id = row.get_attribute("row-id")
    row.locator(".ag-cell").first.click()
    wait_query(page, lambda q: q.get("event") == row_id, f"event={row_id}")
    page.wait_for_selector("#details.open #details-title")
    assert page.text_content("#details-title") == real.vocab.events[row_id]
    row.locator(".ag-cell").nth(1).click()
    page.keyboard.press("Escape")  # the panel closes; focus returns to the table
    page.locator(".events-grid .ag-cell").first.focus()
    page.keyboard.press("Tab")
    outside = page.evaluate("!document.activeElement.closest('.events-grid')")
    assert outside, "Tab should leave the table"


def test_zooming_one_chart_moves_the_other(page, live_url):
    open_explorer(page, live_url)
    page.evaluate(f"Plotly.relayout(document.querySelector('{GANTT}'), {{'xaxis.range': [2330, 2350]}})")
    page.wait_for_function(f"JSON.stringify(document.querySelector('{TIMELINE}').layout.xaxis.range) === '[2330,2350]'")
    page.evaluate(f"Plotly.relayout(document.querySelector('{TIMELINE}'), {{'xaxis.range': [2340, 2370]}})")
    page.wait_for_function(f"JSON.stringify(document.querySelector('{GANTT}').layout.xaxis.range) === '[2340,2370]'")
    drawn = page.evaluate(f"JSON.stringify(document.querySelector('{GANTT}').layout.meta.x_range)")
    page.evaluate(f"Plotly.relayout(document.querySelector('{GANTT}'), {{'xaxis.autorange': true}})")  # double-click
    page.wait_for_function(f"JSON.stringify(document.querySelector('{TIMELINE}').layout.xaxis.range) === '{drawn}'")


def test_bad_url_values_and_unknown_events_show_a_notice(page, live_url):
    open_explorer(page, live_url, "?era=golden-age&from=soon&canon=canon&event=no-such-event")
    page.wait_for_selector("#url-notice")
    notice = page.text_content("#url-notice")
    assert "golden-age" in notice and "from=soon" in notice and "no-such-event" in notice
    assert page.text_content("#view-summary").endswith("canon only")


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_on_a_phone_the_charts_are_wide_and_filters_sit_behind_a_button(page, live_url):
    open_explorer(page, live_url)
    width = page.evaluate(f"document.querySelector('{GANTT}')._fullLayout._size.w")
    assert width >= 300
    assert not page.is_visible("#filter-canon")
    page.get_by_role("button", name="Filters").click()
    page.wait_for_selector("#filters.show")
    assert page.is_visible("#filter-canon")
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('#filters').classList.contains('show')")
    box = page.locator("#chart-gantt").bounding_box()
    assert box["y"] < 300  # the chart starts near the top, not under the filters


def test_toolbar_has_no_cloud_share_and_no_lasso(page, live_url):
    open_explorer(page, live_url)
    page.hover(GANTT)
    titles = page.eval_on_selector_all("#chart-gantt .modebar-btn", "bs => bs.map(b => b.getAttribute('data-title'))")
    assert "Download plot as a PNG" in titles or any(t and t.startswith("Download plot") for t in titles)
    assert not any(
        t and ("Lasso" in t or "Box Select" in t or "Chart Studio" in t or "cloud" in t.lower()) for t in titles
    )


def test_markup_in_a_title_is_shown_never_run(page, mini_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_explorer(page, mini_url, "?event=xss")
    page.wait_for_selector("#details.open #details-title")
    assert page.text_content("#details-title") == "<img src=x onerror=alert(1)>"
    assert page.locator("img[src=x]").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.text_content(f"{TIMELINE} .scatterlayer")
    page.wait_for_selector(".events-grid .ag-row[row-id]")
    assert re.search(r"<img src=x", page.inner_text(".events-grid"))
    assert dialogs == []


@pytest.mark.parametrize("width", [1366, 910])  # 910 CSS px: a 1366 px laptop at 150% zoom
def test_era_labels_never_overlap(browser, live_url, width):
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    try:
        open_explorer(page, live_url)
        settle(page)
        boxes = page.evaluate("""() => [...document.querySelectorAll('#chart-gantt .annotation')]
            .map(a => a.getBoundingClientRect()).filter(b => b.top < document.querySelector('#chart-gantt .xtick')
            .getBoundingClientRect().top).map(b => [b.left, b.right])""")
        boxes.sort()
        assert len(boxes) >= 3
        assert all(a[1] <= b[0] + 1 for a, b in zip(boxes, boxes[1:])), boxes
    finally:
        context.close()


def test_png_download_is_named_after_the_view(page, live_url):
    open_explorer(page, live_url, "?canon=canon")
    page.hover(GANTT)
    with page.expect_download() as info:
        page.locator('#chart-gantt .modebar-btn[data-title^="Download plot"]').click()
    name = info.value.suggested_filename
    assert name.startswith("bajor-timeline-periods-") and "canon-only" in name and name.endswith(".png")


def test_the_first_chart_comes_with_the_page_not_after_a_callback(page, live_url):
    """The layout Dash fetches holds the charts for the URL: they are drawn while every charts'
    callback is held back (the later one, told the measured width, draws them again only if the
    first answer laid them out for another)."""
    held = hold_callbacks(page, "chart-gantt.figure")
    page.goto(live_url + "/?canon=canon&event=annexation-of-bajor")
    page.wait_for_selector("#chart-gantt .bars path")
    page.wait_for_selector("#chart-timeline .scatterlayer path.point")
    assert "canon" in page.text_content("#view-summary")
    gd_meta = page.evaluate(
        f"[document.querySelector('{GANTT}').layout.meta.selected, "
        f"document.querySelector('{TIMELINE}').layout.meta.selected]"
    )
    assert "annexation-of-bajor" in gd_meta  # the selection is drawn too
    page.wait_for_timeout(300)
    for route in held:
        route.continue_()
    page.unroute("**/_dash-update-component*")
    page.wait_for_load_state("networkidle")
    assert page.console_errors == []


@pytest.mark.parametrize(
    "search",
    [
        "",
        "?canon=canon",
        "?q=a+b%20c&event=x&step=2&canon=canon,fan",
        "?q=%7E*~!'()&x=",
        "?a&&b=1&q=%E2%9C%93%20caf%C3%A9",
        "?q=%ff",
        "?event=only",
    ],
)
def test_the_servers_filter_key_is_the_browsers(page, live_url, search):
    """view.filter_key writes the key as assets/explorer.js does, so charts drawn for it are known."""
    from dashboard.domain.view import filter_key

    page.goto(live_url + "/")
    key = page.evaluate(
        """(s) => { const p = new URLSearchParams(s.replace(/^\\?/, ''));
        p.delete('event'); p.delete('step'); return p.toString(); }""",
        search,
    )
    assert filter_key(search) == key


def test_the_panel_never_takes_focus_from_where_the_reader_went(page, live_url):
    """The details panel takes focus when it opens for a choice made on the charts or in the panel;
    on a page that opens with an event, a reader who has already moved to a header button keeps it."""
    held = hold_callbacks(page, "details-body.children", first_only=True)
    page.goto(live_url + "/?event=dukat-prefecture")
    page.wait_for_selector("#chart-gantt .bars path")
    page.focus("#share-open")
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    page.wait_for_timeout(400)  # the panel's answer has come and its focus timer has run
    assert page.evaluate("document.activeElement.id") == "share-open"
    page.unroute("**/_dash-update-component*")
