"""The Share dialog's picture-first snippet, pasted into a plain HTML page on another origin (a second
loopback port), in real headless Chromium: with JavaScript off the reader sees the view's picture
(its card, at a fixed aspect ratio) and can click through; with it on, our script (one request,
however many snippets) swaps each picture for the responsive iframe, which takes the embed's height.
"""

from __future__ import annotations

import pytest

from dashboard.formats import registry
from dashboard.web import cards, share
from testsupport.browser import VIEWPORTS, until
from testsupport.servers import static_site

pytestmark = pytest.mark.browser

CHART = "#embed-chart .main-svg"
SIZES = [VIEWPORTS["laptop"], VIEWPORTS["phone"]]


def post(body: str, csp: str = "") -> str:
    """A blogger's plain page: a heading, paragraphs and the snippets; a strict CSP when given."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">' if csp else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{meta}<link rel="icon" href="data:,">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>A post</title></head>'
        '<body style="margin:0;padding:0 12px;font-family:Georgia,serif"><h1>Who ran Bajor?</h1>'
        f"<p>The sources disagree.</p>{body}<p>The text goes on after it.</p></body></html>"
    )


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    root = tmp_path_factory.mktemp("blog")
    with static_site(root) as site:

        def write(name: str, html: str) -> str:
            (root / name).write_text(html, encoding="utf-8")
            return site + name

        yield write


def snippet(real, live_url: str, search: str, view: str = "gantt") -> str:
    ln, _ = share.for_view(real, live_url + "/", search, view, "light", cards.data_version(real.tables))
    assert ln.progressive
    return ln.progressive


def guarded(context, blocked: list):
    """Refuse (and record) any request that would leave this machine."""

    def route(r):
        if r.request.url.startswith(("http://127.0.0.1", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_without_scripts_the_reader_sees_the_picture_and_can_click_through(browser, real, live_url, blog, size):
    url = blog(f"plain-{size[0]}.html", post(snippet(real, live_url, "?faction=resistance&event=dukat-prefecture")))
    context = browser.new_context(java_script_enabled=False, viewport={"width": size[0], "height": size[1]})
    blocked: list = []
    guarded(context, blocked)
    page = context.new_page()
    cards_seen = []
    page.on(
        "response",
        lambda r: f"/{registry.CARD.path}?" in r.url and cards_seen.append((r.status, r.headers["content-type"])),
    )
    try:
        page.goto(url)
        img = page.locator("a[data-bajor-timeline-embed] img")
        img.scroll_into_view_if_needed()
        page.wait_for_load_state("load")
        assert cards_seen and cards_seen[-1] == (200, "image/png")
        box = img.bounding_box()
        assert box["width"] <= size[0] - 24 + 1 and box["x"] >= 0
        assert abs(box["width"] / box["height"] - 1200 / 630) < 0.01, box  # the fixed aspect ratio
        assert page.locator("iframe").count() == 0
        assert "Gantt chart" in img.get_attribute("alt") and "Bajoran Resistance" in img.get_attribute("alt")
        img.click()
        page.wait_for_url(f"{live_url}/?faction=resistance&event=dukat-prefecture")
        assert blocked == []
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_with_scripts_each_picture_becomes_the_iframe_and_the_script_loads_once(browser, real, live_url, blog, size):
    two = snippet(real, live_url, "?faction=resistance") + "<p>Between the charts.</p>"
    two += snippet(real, live_url, "?era=late-occupation", "timeline")
    # the host's own policy: scripts from the app only (no inline code, no eval), frames from the app
    csp = (
        f"default-src 'self'; script-src {live_url}; img-src {live_url} data:; frame-src {live_url}; "
        "style-src 'unsafe-inline'"
    )
    url = blog(f"two-{size[0]}.html", post(two, csp))
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    blocked: list = []
    guarded(context, blocked)
    page = context.new_page()
    scripts, problems = [], []
    page.on("request", lambda r: share.PROGRESSIVE_SCRIPT in r.url and scripts.append(r.url))
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
    try:
        page.goto(url)
        until(page, "document.querySelectorAll('iframe[data-bajor-timeline]').length === 2")
        assert page.locator("a[data-bajor-timeline-embed]").count() == 0
        frames = page.locator("iframe[data-bajor-timeline]")
        for i in range(2):
            frames.nth(i).scroll_into_view_if_needed()
            page.frame_locator("iframe[data-bajor-timeline]").nth(i).locator(CHART).first.wait_for()
        assert "view=gantt&faction=resistance" in frames.nth(0).get_attribute("src")
        assert "view=timeline&era=late-occupation" in frames.nth(1).get_attribute("src")
        assert "Bajoran Resistance" in frames.nth(0).get_attribute("title")
        # the embed's height message sizes each frame (the host's own script: ours)
        until(page, "[...document.querySelectorAll('iframe[data-bajor-timeline]')].every(f => f.style.height)")
        for i in range(2):
            box = frames.nth(i).bounding_box()
            assert box["width"] <= size[0] - 24 + 1 and box["height"] > 200
        frames.nth(0).scroll_into_view_if_needed()
        assert len(scripts) == 1, scripts
        assert page.evaluate("document.querySelectorAll('script[src*=\"progressive.js\"]').length") == 2
        assert problems == [] and blocked == []
    finally:
        context.close()


def test_the_share_dialog_offers_the_picture_first_snippet(page, live_url):
    page.goto(f"{live_url}/?faction=resistance&event=dukat-prefecture")
    page.click("#share-open")
    page.wait_for_selector("#share-dialog .modal-content")
    until(page, "document.getElementById('share-progressive').value.includes('data-bajor-timeline-embed')")
    text = page.input_value("#share-progressive")
    assert f'href="{live_url}/?faction=resistance&amp;event=dukat-prefecture"' in text
    assert f'src="{live_url}/{registry.CARD.path}?view=gantt&amp;faction=resistance' in text
    assert f'<script src="{live_url}/{share.PROGRESSIVE_SCRIPT}" async></script>' in text
    page.check("#share-view input[value=timeline]", force=True)
    until(page, "document.getElementById('share-progressive').value.includes('view=timeline')")
