"""The standalone chart file opened from disk in headless Chromium with the network cut off."""

from __future__ import annotations

import pytest

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.schema import TIERS
from dashboard.formats import charts, plotlyjs, standalone

pytestmark = pytest.mark.browser

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_NOTE = "</script><script>window.pwned=1;alert(2)</script>"
PLOTLY_URL = "https://example.org/js/plotly.min.js"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Catalogue:
    """The mini table, with markup in a title (already there) and a script in a citation's note."""
    import shutil

    from testsupport import MINI

    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(MINI, target)
    claims = target / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8").replace("Appointed in 2359.", HOSTILE_NOTE), encoding="utf-8")
    return Catalogue.load(target)


@pytest.fixture
def offline(browser):
    """A page that may load only file:, data: and blob: URLs (plus PLOTLY_URL, served from disk when asked)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.external_requests, pg.console_errors, pg.dialogs = [], [], []
    pg.serve_plotly = False

    def route(r):
        url = r.request.url
        if url == PLOTLY_URL and pg.serve_plotly:
            r.fulfill(status=200, content_type="text/javascript", body=plotlyjs.source())
        elif url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            pg.external_requests.append(url)
            r.abort()

    pg.route("**/*", route)
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def write(tmp_path, cat, query, mode="inline"):
    path = tmp_path / f"{mode.split(':')[0]}.html"
    path.write_text(
        standalone.standalone_html(charts.build(cat, query), cat.tables, plotlyjs_src=mode), encoding="utf-8"
    )
    return path


def assert_inert(pg):
    assert pg.dialogs == [], "a dialog fired"
    assert pg.evaluate("window.pwned") is None
    assert pg.evaluate("document.querySelectorAll('img').length") == 0
    assert pg.console_errors == []
    assert pg.external_requests == []


def ids_of(pg, meta: str) -> list[str]:
    return pg.evaluate(f"document.getElementById('chart').data.find(t => t.meta === '{meta}').customdata")


@pytest.mark.parametrize("mode", ["inline", "inline-plain"])
def test_offline_file_draws_the_timeline_with_hover_and_inert_text(offline, tmp_path, hostile, mode):
    path = write(tmp_path, hostile, "view=timeline", mode)
    offline.context.set_offline(True)
    offline.goto(path.as_uri())
    offline.wait_for_selector("#chart .scatterlayer .point")
    ids = ids_of(offline, "moment")
    markers = offline.locator("#chart .scatterlayer .trace").first.locator(".point")
    assert markers.count() == len(ids) == 5
    # whiskers: the years each moment may fall in (per reading where the sources' dates do not overlap)
    assert offline.locator("#chart .errorbar").count() == 5 + len(ids_of(offline, "reading"))
    # Hover the hostile event's marker: its title is shown as text in the hover label.
    box = markers.nth(ids.index("xss")).bounding_box()
    offline.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    offline.wait_for_selector("#chart .hoverlayer .hovertext")
    assert HOSTILE_TITLE in offline.text_content("#chart .hoverlayer .hovertext")
    assert HOSTILE_TITLE in offline.locator("#chart .textpoint").all_text_contents()  # its label, as text
    sources = offline.text_content(".sources")
    assert HOSTILE_TITLE in sources and HOSTILE_NOTE in sources
    assert "CC BY-NC 3.0" in offline.text_content("footer") and "whiskers" in offline.text_content(".key")
    assert_inert(offline)


def test_offline_file_draws_gantt_bars_and_uncertainty(offline, tmp_path, real):
    path = write(tmp_path, real, "view=gantt&canon=canon,licensed")
    offline.context.set_offline(True)
    offline.goto(path.as_uri())
    offline.wait_for_selector("#chart .bars .point path")
    ids = ids_of(offline, "range")
    ranges = offline.locator("#chart .barlayer .trace").nth(0).locator(".point path")
    assert ranges.count() == len(ids) > 10  # the faded bars: everything each period's dates allow
    agreed = offline.locator("#chart .barlayer .trace").nth(1).locator(".point path")
    assert agreed.count() == len(ids_of(offline, "agreed")) > 0  # the spans every trusted source agrees on
    assert offline.evaluate("document.getElementById('chart').layout.height") == offline.evaluate(
        "JSON.parse(document.getElementById('chart-data').textContent).variants[0].figure.layout.height"
    )
    assert_inert(offline)


def test_a_phone_gets_the_phone_layout_and_a_wide_window_the_wide_one(offline, tmp_path, real):
    path = write(tmp_path, real, "view=timeline&canon=canon")
    offline.context.set_offline(True)
    offline.set_viewport_size({"width": 390, "height": 800})
    offline.goto(path.as_uri())
    offline.wait_for_selector("#chart .scatterlayer .point")
    heights = offline.evaluate(
        "JSON.parse(document.getElementById('chart-data').textContent).variants.map(v => v.figure.layout.height)"
    )
    height = "document.getElementById('chart').layout.height"
    assert offline.evaluate(height) == heights[1]
    offline.set_viewport_size({"width": 1280, "height": 900})
    offline.wait_for_function(f"{height} === {heights[0]}")
    assert_inert(offline)


def test_url_variant_loads_plotlyjs_from_the_bloggers_url(offline, tmp_path, hostile):
    path = write(tmp_path, hostile, "view=dispute&event=xss", PLOTLY_URL)
    offline.serve_plotly = True
    offline.goto(path.as_uri())
    offline.wait_for_selector("#chart .bars .point path")
    assert offline.text_content("h1") == f"{HOSTILE_TITLE}: what each source says"
    assert offline.locator("#chart .bars .point path").count() == len(hostile.citations("xss", TIERS))
    assert_inert(offline)


def test_without_plotlyjs_the_page_says_so_and_still_lists_sources(offline, tmp_path, hostile):
    path = write(tmp_path, hostile, "view=timeline", PLOTLY_URL)  # not served: the blogger's URL is down
    offline.goto(path.as_uri())
    offline.wait_for_function("document.getElementById('chart').textContent.includes('did not load')")
    assert offline.external_requests == [PLOTLY_URL]
    assert HOSTILE_TITLE in offline.text_content(".sources")
    assert offline.dialogs == [] and offline.evaluate("document.querySelectorAll('img').length") == 0
