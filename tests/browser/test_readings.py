"""Readings drawn apart and dates counted from other dates, as a reader meets them in Chromium."""

from __future__ import annotations

import pytest

from testsupport.browser import GANTT, TIMELINE, open_explorer, wait_query

pytestmark = pytest.mark.browser

# What is painted at a point of a chart: for each plotly bar or marker under it, its trace's meta and
# its event id (the marks a reader sees, topmost first).
PAINTED_AT = """([sel, year, id]) => {
  const gd = document.querySelector(sel);
  const xa = gd._fullLayout.xaxis;
  const box = gd.getBoundingClientRect();
  const x = box.left + xa._offset + xa.l2p(year);
  // every drawn point of the event, with its trace (plotly keeps both on the nodes)
  const marks = [];
  gd.querySelectorAll('.trace .point, .trace .errorbar').forEach(el => {
    const trace = el.closest('.trace').__data__[0].trace;
    if ((trace.customdata || [])[el.__data__.i] === id) marks.push([trace, el]);
  });
  // the event's row: the vertical centre of its main mark
  const main = marks.find(([t, el]) => (t.meta === 'range' || t.meta === 'moment') && el.classList.contains('point'));
  const row = main[1].getBoundingClientRect();
  const y = row.y + row.height / 2;
  const out = [];
  for (const [trace, el] of marks) {
    const r = el.getBoundingClientRect();
    if (r.left - 0.5 <= x && x <= r.right + 0.5 && r.top - 0.5 <= y && y <= r.bottom + 0.5) {
      const style = getComputedStyle(el.querySelector('path') || el);
      const kind = el.classList.contains('errorbar') ? ' whiskers' : '';
      out.push({meta: trace.meta + kind, fill: style.fill, opacity: style.fillOpacity});
    }
  }
  return out;
}"""


def painted(page, sel: str, year: float, event: str) -> list[dict]:
    """The marks of `event` painted at `year` on its row (their trace's meta, fill and fill opacity)."""
    return page.evaluate(PAINTED_AT, [sel, year, event])


def test_the_gap_between_two_readings_is_empty_on_screen(page, live_url):
    # Dukat's prefecture began 2346 (Memory Beta) or 2359 (Memory Alpha), and ended 2369.
    open_explorer(page, live_url, "?q=Prefect+of+Bajor")
    page.wait_for_function("document.querySelector('#view-summary').textContent.startsWith('2 of')")
    at_2346 = painted(page, GANTT, 2346.5, "dukat-prefecture")
    at_gap = painted(page, GANTT, 2352.5, "dukat-prefecture")
    at_2359 = painted(page, GANTT, 2359.5, "dukat-prefecture")
    assert {m["meta"] for m in at_2346} >= {"reading"}, at_2346  # the first reading: a faded span of its own
    assert {m["meta"] for m in at_2359} >= {"range"}, at_2359  # the second, where the main bar begins
    # between them only the envelope's outline: nothing filled
    assert [m["meta"] for m in at_gap] == ["envelope"], at_gap
    assert at_gap[0]["fill"] in ("rgba(0, 0, 0, 0)", "none") or at_gap[0]["opacity"] == "0"
    # a best-estimate tick for each reading
    ticks = page.evaluate(
        """sel => { const gd = document.querySelector(sel); const t = gd._fullData.find(t => t.meta === 'best');
        return Array.from(t.x).filter((x, i) => t.customdata[i] === 'dukat-prefecture'); }""",
        GANTT,
    )
    assert sorted(round(x) for x in ticks) == [2346, 2359, 2370]
    assert page.console_errors == [] and page.console_warnings == []


def test_a_moment_read_two_ways_has_two_marks_and_nothing_between(page, live_url):
    # First contact: by 2309 (Emissary, on Memory Beta's reading) or in 2318 (the other sources).
    page.goto(live_url + "/?q=First+contact+with+Bajor")  # one moment: the Gantt chart is empty
    page.wait_for_selector("#chart-timeline .scatterlayer .point")
    page.wait_for_function("document.querySelector('#view-summary').textContent.startsWith('1 of')")
    page.wait_for_load_state("networkidle")
    assert {m["meta"] for m in painted(page, TIMELINE, 2318.0, "first-contact")} >= {"moment"}  # the 2318 marker
    assert {m["meta"] for m in painted(page, TIMELINE, 2318.7, "first-contact")} == {"moment whiskers"}
    assert painted(page, TIMELINE, 2313.5, "first-contact") == []  # the years between: nothing at all
    readings = page.evaluate(
        """sel => { const gd = document.querySelector(sel); const t = gd._fullData.find(t => t.meta === 'reading');
        return t.customdata.filter(id => id === 'first-contact').length; }""",
        TIMELINE,
    )
    assert readings == 1  # the other reading: a marker of its own


def test_unticking_a_tier_moves_a_date_counted_from_it(page, live_url):
    # The annexation counts ten years from first contact, which Emissary (canon) puts by 2309.
    open_explorer(page, live_url, "?event=annexation-of-bajor")
    page.wait_for_selector("#details.open #details-title")
    before = page.text_content("#details")
    assert "ten years after First contact with Bajor (by 2309, Emissary)" in before
    page.get_by_label("On-screen canon").uncheck()
    wait_query(page, lambda q: q.get("canon") == "licensed,production,fan", "canon unticked")
    page.wait_for_function(
        "!document.querySelector('#details').textContent.includes('(by 2309, Emissary)')", timeout=15000
    )
    after = page.text_content("#details")
    # Day of the Vipers (licensed) still counts ten years from first contact: now only from 2318
    assert "ten years after First contact with Bajor (2318, Day of the Vipers" in after
    assert "by 2319" not in after.split("Day of the Vipers")[1].split("Read on")[0]
