"""The server's picture of a chart (dashboard/web/first_view/picture.py) against plotly.js drawing the same
figure, in Chromium: every label and brick in the same place, the same pixels; and in the app, the
first view of a big table painted from the HTML alone, then the live chart in its place."""

from __future__ import annotations

import base64
import json

import plotly.io as pio
import pytest

from dashboard import figures
from dashboard.domain import view
from dashboard.domain.catalogue import Catalogue
from dashboard.formats import plotlyjs
from dashboard.web.first_view import picture
from testsupport import synthetic
from testsupport.browser import ALL_SIZES, hold_layout, release, serve

pytestmark = pytest.mark.browser

# Each text in the chart: its words and its box, from plotly.js's drawing (a line of a multi-line
# annotation is a tspan.line) and from the picture's.
TEXTS = """([plotly, pic]) => {
  const box = e => { const b = e.getBoundingClientRect(); return [e.textContent, b.x, b.y, b.width, b.height]; };
  const theirs = [];
  for (const t of document.querySelectorAll(plotly + ' .xtick text, ' + plotly + ' .annotation-text')) {
    const lines = t.querySelectorAll('tspan.line');
    (lines.length ? [...lines] : [t]).forEach(e => theirs.push(box(e)));
  }
  return {theirs, mine: [...document.querySelectorAll(pic + ' text')].map(box)};
}"""
# Pixels that differ (any channel by more than 40 of 255) between two PNG screenshots.
PIXEL_DIFF = """async ([a, b]) => {
  const load = src => new Promise(r => { const i = new Image(); i.onload = () => r(i); i.src = src; });
  const [ia, ib] = await Promise.all([load(a), load(b)]);
  const data = img => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
    const x = c.getContext('2d'); x.drawImage(img, 0, 0); return x.getImageData(0, 0, img.width, img.height).data; };
  const da = data(ia), db = data(ib); let n = 0;
  for (let i = 0; i < da.length; i += 4) {
    if (Math.max(Math.abs(da[i] - db[i]), Math.abs(da[i + 1] - db[i + 1]), Math.abs(da[i + 2] - db[i + 2])) > 40) n++;
  }
  return n / (ia.width * ia.height);
}"""


def png_url(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


def pixel_share(page, a: bytes, b: bytes) -> float:
    return page.evaluate(PIXEL_DIFF, [png_url(a), png_url(b)])


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """3,000 synthetic events: past the level-of-detail limit, so the charts are densities."""
    return Catalogue.load(synthetic.write_tables(tmp_path_factory.mktemp("big") / "data", 3000, seed=1))


@pytest.mark.parametrize(
    "query, chart_px",
    [
        ("", 712),
        ("", 1266),
        ("", 366),  # the laptop's, projector's and phone's chart widths
        ("lanes=era", 712),
        ("from=2330&to=2400", 712),
        ("lanes=era&from=2311", 366),
        ("to=2401", 1000),
    ],
)
def test_the_picture_is_drawn_where_plotly_draws_the_same_figure(browser, big, query, chart_px):
    v = view.build_view(big, query)
    drawn = 0
    for build in (figures.gantt, figures.timeline):
        fig = build(v.shown, big.vocab, lanes=v.state.lanes, x_range=v.x_range, plot_px=chart_px - 28)
        if not fig["layout"]["meta"].get("aggregated"):  # few enough moments to draw one by one: plotly.js's
            continue
        drawn += 1
        height = fig["layout"]["height"]
        pg = browser.new_page(viewport={"width": chart_px + 40, "height": height + 40})
        try:
            pg.set_content(
                f"<html><body style='margin: 0'>"
                f"<div id=pic style='position: absolute; top: 0; left: 0; width: {chart_px}px'>{picture.svg(fig)}</div>"
                f"<div id=plotly style='position: absolute; top: 0; left: 0; width: {chart_px}px; height: {height}px; "
                f"visibility: hidden'></div><script>{plotlyjs.source()}</script></body></html>"
            )
            pg.evaluate(
                "f => Plotly.newPlot('plotly', f.data, f.layout, {staticPlot: true})",
                json.loads(pio.to_json(fig, validate=False)),
            )
            texts = pg.evaluate(TEXTS, ["#plotly", "#pic"])
            theirs = {t[0]: t[1:] for t in texts["theirs"] if t[3]}  # a label plotly.js hid has no box
            mine = {t[0]: t[1:] for t in texts["mine"]}
            assert set(mine) == set(theirs) and len(mine) > 10  # ticks, era names, lanes, the note
            for text, (x, y, w, h) in mine.items():
                # To the pixel: plotly.js puts a centred label's box, as wide as it measures the
                # text, on whole pixels (this moves it by less than a pixel).
                assert theirs[text] == pytest.approx([x, y, w, h], abs=1.0), text
            clip = {"x": 0, "y": 0, "width": chart_px, "height": height}
            ours = pg.screenshot(clip=clip)
            pg.evaluate("() => { plotly.style.visibility = 'visible'; pic.style.visibility = 'hidden'; }")
            plotly_png = pg.screenshot(clip=clip)
            assert pixel_share(pg, ours, plotly_png) < 0.004  # text anti-aliasing at most
        finally:
            pg.close()
    assert drawn  # the periods at least are a density


@pytest.fixture(scope="module")
def big_url(big):
    with serve(big) as url:
        yield url


@ALL_SIZES
def test_a_big_tables_first_chart_is_painted_from_the_html_and_the_live_chart_takes_its_place_unchanged(page, big_url):
    """On a second visit (the width measured), the live chart is the very picture the first view
    showed: the screen does not change at hand-over. plotly.js draws nothing in the first view."""
    page.goto(big_url + "/")
    page.wait_for_selector("#first-view", state="detached")
    page.wait_for_selector("#chart-gantt .heatmaplayer image")
    page.wait_for_load_state("networkidle")
    held = hold_layout(page)
    page.reload()
    page.wait_for_selector("#first-view .chart-picture .marks rect", state="attached")
    assert page.locator("#first-view .js-plotly-plot").count() == 0  # nothing for plotly.js to draw
    assert page.locator("#first-view + script[type='application/json']").count() == 0  # no figure sent for it
    assert (
        page.locator("#first-view .chart-picture").count() == 1
    )  # the periods (3,000 events: 1,180 moments are drawn one by one)
    assert "periods: too many to draw one by one" in page.locator("#first-view .chart-picture").first.text_content()
    box = page.eval_on_selector(
        "#first-view .chart-picture",
        "e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; }",
    )
    assert box["y"] + box["height"] / 3 < page.viewport_size["height"]  # the chart is in view
    page.wait_for_timeout(300)  # the picture is painted (no script draws it)
    first = page.screenshot(clip=box)
    release(page, held)
    page.wait_for_selector("#first-view", state="detached")
    page.wait_for_selector("#chart-gantt .heatmaplayer image")
    page.add_style_tag(
        content=".modebar-container { visibility: hidden }"
    )  # the live chart's buttons (always shown on a phone)
    page.wait_for_timeout(300)
    live = page.screenshot(clip=box)
    assert pixel_share(page, first, live) < 0.005
    assert page.console_errors == [] and page.console_warnings == []
