"""What a person does in the explorer, in a real headless Chromium: load, filter, click, type, go back."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser

GANTT = "#chart-gantt .js-plotly-plot"
TIMELINE = "#chart-timeline .js-plotly-plot"


def query(page) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def open_explorer(page, url: str, search: str = ""):
    page.goto(url + "/" + search)
    page.wait_for_selector("#chart-gantt .bars path")
    page.wait_for_function("document.querySelector('#view-summary').textContent.includes(' of ')")


def wait_query(page, predicate, what: str):
    for _ in range(100):
        if predicate(query(page)):
            return query(page)
        page.wait_for_timeout(100)
    raise AssertionError(f"URL never got {what}: {page.url}")


def bar_centre(page, event_id: str) -> tuple[float, float]:
    """Screen position of an event's best-estimate bar in the Gantt chart."""
    return page.evaluate("""([sel, id]) => {
        const gd = document.querySelector(sel);
        const i = gd.layout.meta.ids.indexOf(id);
        const trace = [...gd.querySelectorAll('.barlayer .trace')][1];
        const box = trace.querySelectorAll('.point')[i].getBoundingClientRect();
        return [box.x + box.width / 2, box.y + box.height / 2];
    }""", [GANTT, event_id])


def test_page_loads_offline_with_charts_table_and_credit(page, live_url, real):
    open_explorer(page, live_url)
    total = len(real.tables.events)
    assert page.text_content("#view-summary") == f"{total} of {total} events: everything"
    assert page.locator("#chart-gantt .bars path").count() > 10
    assert page.locator("#chart-timeline .scatterlayer .point").count() > 10
    assert page.locator(".events-grid .ag-row").count() > 5
    assert "Memory Alpha" in page.text_content("#attribution") and "CC BY-NC 3.0" in page.text_content("#attribution")
    assert page.external_requests == [], "the page tried to reach the internet"
    assert page.console_errors == []


def test_unticking_a_tier_updates_url_summary_and_charts(page, live_url, real):
    open_explorer(page, live_url)
    before = page.evaluate(f"document.querySelector('{GANTT}').layout.meta.ids.length")
    page.get_by_label("Fan work").uncheck()
    q = wait_query(page, lambda q: q.get("canon") == "canon,licensed,production", "canon without fan")
    assert q == {"canon": "canon,licensed,production"}
    page.wait_for_function("document.querySelector('#view-summary').textContent.includes('sources')")
    assert "on-screen canon and licensed tie-in and production note sources" in page.text_content("#view-summary")
    after = page.evaluate(f"document.querySelector('{GANTT}').layout.meta.ids.length")
    assert after < before


def test_faction_filter_includes_nested_cells(page, live_url, real):
    open_explorer(page, live_url)
    page.get_by_label("Bajoran Resistance").check()
    wait_query(page, lambda q: q.get("faction") == "resistance", "faction=resistance")
    page.wait_for_function("document.querySelector('#view-summary').textContent.includes('Bajoran Resistance')")
    ids = set(page.evaluate(f"document.querySelector('{GANTT}').layout.meta.ids.concat(document.querySelector('{TIMELINE}').layout.meta.ids)"))
    cells = {"shakaar-cell", "kohn-ma", "ornathia-cell"}
    tables = real.tables.events
    cell_events = {i for i, fs in zip(tables["id"], tables["factions"]) if cells & set(fs)}
    assert cell_events and cell_events <= ids


def test_clicking_a_bar_selects_it_shows_citations_and_back_undoes(page, live_url, real):
    open_explorer(page, live_url)
    target = page.evaluate(f"document.querySelector('{GANTT}').layout.meta.ids[0]")
    x, y = bar_centre(page, target)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    wait_query(page, lambda q: q.get("event") == target, f"event={target}")
    page.wait_for_selector("#panel-citations .citation-list li")
    title = real.vocab.events[target]
    assert page.text_content("#panel-citations h3") == title
    assert "Read on" in page.text_content("#panel-citations")
    page.wait_for_function(f"document.querySelector('{GANTT}').data[3].base.length === 1")  # the outline
    assert page.is_visible("#panel-uncertainty-chart")
    page.go_back()
    wait_query(page, lambda q: "event" not in q, "no event after Back")
    page.wait_for_function("!document.querySelector('#panel-citations .citation-list')")
    assert "Select an event" in page.text_content("#panel-citations")


def test_keyboard_search_and_reset(page, live_url):
    open_explorer(page, live_url)
    page.focus("#filter-q")
    page.keyboard.type("Gallitep")
    page.keyboard.press("Enter")
    wait_query(page, lambda q: q.get("q") == "Gallitep", "q=Gallitep")
    page.wait_for_function("document.querySelector('#view-summary').textContent.includes('Gallitep')")
    shown = int(page.text_content("#view-summary").split(" of ")[0])
    assert 1 <= shown < 10
    page.get_by_role("button", name="Reset filters").click()
    wait_query(page, lambda q: q == {}, "an empty query after Reset")
    assert page.input_value("#filter-q") == ""


def test_choosing_a_table_row_selects_the_event(page, live_url, real):
    open_explorer(page, live_url, "?disputed=1")
    row = page.locator(".events-grid .ag-center-cols-container .ag-row").first
    row_id = row.get_attribute("row-id")
    row.locator(".ag-cell").first.click()
    wait_query(page, lambda q: q.get("event") == row_id, f"event={row_id}")
    page.wait_for_selector("#panel-citations .citation-list li")
    assert page.text_content("#panel-citations h3") == real.vocab.events[row_id]
    assert "disagree" in page.text_content("#panel-uncertainty-text")
    page.get_by_role("button", name="Clear selection").click()  # the grid's selection follows the URL...
    wait_query(page, lambda q: "event" not in q, "no event after Clear selection")
    page.wait_for_function(f"!document.querySelector('.events-grid .ag-row[row-id=\"{row_id}\"]').classList.contains('ag-row-selected')")
    row.locator(".ag-cell").first.click()  # ...so choosing the same row again selects it again
    wait_query(page, lambda q: q.get("event") == row_id, f"event={row_id} again")


def test_zooming_one_chart_moves_the_other(page, live_url):
    open_explorer(page, live_url)
    page.evaluate(f"Plotly.relayout(document.querySelector('{GANTT}'), {{'xaxis.range': [2330, 2350]}})")
    page.wait_for_function(f"JSON.stringify(document.querySelector('{TIMELINE}').layout.xaxis.range) === '[2330,2350]'")
    page.evaluate(f"Plotly.relayout(document.querySelector('{TIMELINE}'), {{'xaxis.range': [2340, 2370]}})")
    page.wait_for_function(f"JSON.stringify(document.querySelector('{GANTT}').layout.xaxis.range) === '[2340,2370]'")
    drawn = page.evaluate(f"JSON.stringify(document.querySelector('{GANTT}').layout.meta.x_range)")
    page.evaluate(f"Plotly.relayout(document.querySelector('{GANTT}'), {{'xaxis.autorange': true}})")  # double-click
    page.wait_for_function(f"JSON.stringify(document.querySelector('{TIMELINE}').layout.xaxis.range) === '{drawn}'")


def test_bad_url_values_show_a_notice_not_an_error_page(page, live_url):
    open_explorer(page, live_url, "?era=golden-age&from=soon&canon=canon")
    page.wait_for_selector("#url-notice")
    notice = page.text_content("#url-notice")
    assert "golden-age" in notice and "from=soon" in notice
    assert page.text_content("#view-summary").endswith("canon only")


def test_markup_in_a_title_is_shown_never_run(page, mini_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_explorer(page, mini_url, "?event=xss")
    page.wait_for_selector("#panel-citations h3")
    assert page.text_content("#panel-citations h3") == "<img src=x onerror=alert(1)>"
    assert page.locator("img[src=x]").count() == 0
    box = page.locator(f"{TIMELINE} .scatterlayer .trace").first.locator(".point").nth(4).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(".hoverlayer .hovertext")
    assert "<img src=x onerror=alert(1)>" in page.text_content(".hoverlayer .hovertext")
    assert dialogs == []
    assert re.search(r"<img src=x", page.inner_text(".events-grid"))
