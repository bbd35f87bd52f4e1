"""/embed in an iframe on a blogger's page, and the explorer's Share dialog, in real headless Chromium.

The host page is a plain HTML file served from another origin (a second loopback port), so the embed
is cross-origin to it, as on a real blog.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from dashboard.web.share import MESSAGE_TYPE
from testsupport.browser import until

pytestmark = pytest.mark.browser

CHART = "#embed-chart .main-svg"
LISTENER = f"""<script>
window.heights = [];
window.addEventListener("message", function (e) {{
  if (e.data && e.data.type === "{MESSAGE_TYPE}") {{ window.heights.push(e.data); }}
}});
</script>"""


def host_html(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>A blog post</title></head>'
        f'<body style="margin:0;font-family:Georgia,serif">{LISTENER}<h1>A post about Bajor</h1>'
        f"<p>Here is the chart:</p>{body}<p>And the text goes on after it.</p></body></html>"
    )


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    """A plain static web server on another port: write(name, html) -> its URL."""
    root = tmp_path_factory.mktemp("blog")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def write(name: str, html: str) -> str:
        (root / name).write_text(html, encoding="utf-8")
        return f"http://127.0.0.1:{server.server_port}/{name}"

    yield write
    server.shutdown()


def iframe(src: str, width: str = "100%", height: int = 480) -> str:
    return (
        f'<iframe id="embed" src="{src}" title="Bajor Timeline chart" loading="lazy" width="{width}" '
        f'height="{height}" style="border:0;width:{width};display:block"></iframe>'
        '<script>window.addEventListener("message", function (e) {'
        ' if (e.data && e.data.type === "' + MESSAGE_TYPE + '") {'
        ' document.getElementById("embed").style.height = e.data.height + "px"; } });</script>'
    )


def embed_frame(page):
    page.wait_for_selector("iframe#embed")
    frame = page.frame_locator("iframe#embed")
    frame.locator(CHART).first.wait_for()
    return frame, next(f for f in page.frames if "/embed" in f.url)


def wait_heights(page, n: int = 1):
    until(page, f"window.heights.length >= {n}")
    return page.evaluate("window.heights")


def test_embed_in_a_host_page_draws_posts_its_height_and_a_click_shows_the_card(page, live_url, blog):
    page.set_viewport_size({"width": 720, "height": 480})
    page.goto(blog("post.html", host_html(iframe(f"{live_url}/embed?view=timeline&canon=canon"))))
    frame, f = embed_frame(page)
    # The chart alone: no header, filters, table or panel; only the chart's own toolbar and the card's close
    # (a tour's Previous and Next are held hidden, in no tour embed).
    assert f.locator("#filters, header, .ag-root, #details, input, select, textarea").count() == 0
    buttons = "bs => bs.filter(b => !b.closest('[hidden]')).map(b => b.id || b.className)"
    assert [b for b in f.eval_on_selector_all("button", buttons) if "modebar-btn" not in b] == ["embed-card-close"]
    assert f.locator(".scatterlayer .point").count() > 5
    assert "Bajor Timeline: moments" in f.text_content("#embed-caption")
    assert "canon only" in f.text_content("#embed-caption")
    credit = f.text_content(".embed-credit")
    assert "Memory Alpha" in credit and "CC BY-NC 3.0" in credit and "CC BY-SA 3.0" in credit
    back = f.get_attribute("#embed-open", "href")
    assert back == "./?canon=canon" and f.get_attribute("#embed-open", "target") == "_blank"
    assert f.evaluate("new URL(document.getElementById('embed-open').href).pathname") == "/"

    # The height message: the whole embed, and the host sizes the frame to it (no inner scroll bar).
    heights = wait_heights(page)
    until(
        page,
        """() => { const h = window.heights[window.heights.length - 1].height;
        return Math.abs(document.getElementById('embed').getBoundingClientRect().height - h) < 1; }""",
    )
    last = page.evaluate("window.heights[window.heights.length - 1]")
    assert last["id"] == "/embed?view=timeline&canon=canon"
    assert heights[-1]["height"] == f.evaluate(
        "Math.ceil(document.getElementById('embed').getBoundingClientRect().height)"
    )
    assert f.evaluate("document.documentElement.scrollHeight <= window.innerHeight + 1")
    assert f.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # Hover shows the event; a click opens the compact card with its dates and citations, Escape closes it.
    point = f.locator(".scatterlayer .trace:first-child .point").first
    point.hover(force=True)
    f.wait_for_selector(".hoverlayer .hovertext")
    assert "strongest source" in f.text_content(".hoverlayer")
    point.click(force=True)
    f.wait_for_selector("#embed-card.open #embed-card-title")
    card = f.locator("#embed-card")
    assert card.locator(".citation-list li").count() >= 1
    assert f.evaluate("document.activeElement.id") == "embed-card-title"
    box, stage = card.bounding_box(), f.locator("#charts").bounding_box()
    assert box["x"] >= stage["x"] - 1 and box["x"] + box["width"] <= stage["x"] + stage["width"] + 1
    page.keyboard.press("Escape")
    f.wait_for_selector("#embed-card:not(.open)", state="attached")
    assert page.console_errors == [] and page.external_requests == []


def test_embed_fits_a_320_px_frame_in_the_dark(page, live_url, blog):
    page.set_viewport_size({"width": 360, "height": 640})
    src = f"{live_url}/embed?view=gantt&faction=resistance&theme=dark"
    page.goto(blog("narrow.html", host_html(iframe(src, width="320px"))))
    frame, f = embed_frame(page)
    assert f.locator(".bars path").count() > 5
    until(f, "document.querySelector('#embed-chart .js-plotly-plot')._fullLayout.width <= 320")
    assert f.evaluate("document.documentElement.scrollWidth") <= 320
    # Dark page and dark chart, light text on them.
    colours = f.evaluate("""() => {
        const gd = document.querySelector('#embed-chart .js-plotly-plot');
        return [getComputedStyle(document.body).backgroundColor, gd._fullLayout.paper_bgcolor,
                getComputedStyle(document.getElementById('embed-caption')).color, gd._fullLayout.font.color,
                document.documentElement.getAttribute('data-bs-theme')];
    }""")
    assert colours[0] == "rgb(22, 25, 28)" and colours[1] == "#16191c" and colours[4] == "dark"
    assert colours[2] in ("rgb(222, 226, 230)", "rgb(255, 255, 255)") and colours[3] == "#e6edf3"
    assert wait_heights(page)[-1]["height"] > 200
    assert page.console_errors == []


def test_markup_in_a_title_stays_text_in_the_embed(page, mini_url, blog):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(blog("hostile.html", host_html(iframe(f"{mini_url}/embed?view=timeline&q=img"))))
    frame, f = embed_frame(page)
    hostile = "<img src=x onerror=alert(1)>"
    assert hostile in f.text_content(".scatterlayer")
    assert f.locator("img").count() == 0
    assert hostile in f.text_content("#embed-caption") or "img" in f.text_content("#embed-caption")
    point = f.locator(".scatterlayer .trace:first-child .point").first
    point.hover(force=True)
    f.wait_for_selector(".hoverlayer .hovertext")
    assert hostile in f.text_content(".hoverlayer")
    point.click(force=True)
    f.wait_for_selector("#embed-card.open #embed-card-title")
    assert f.text_content("#embed-card-title") == hostile
    assert f.locator("img").count() == 0 and dialogs == []


def test_share_dialog_by_keyboard_copies_the_link_and_its_snippet_embeds_and_resizes(page, live_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_url)
    host = None
    try:
        page.goto(live_url + "/?canon=canon,licensed&event=dukat-prefecture")
        page.wait_for_selector("#chart-gantt .bars path")
        page.focus("#share-open")
        page.keyboard.press("Enter")
        page.wait_for_selector("#share-dialog .modal-content")
        until(page, "(document.getElementById('share-link')?.value || '').includes('canon=')")
        link = page.input_value("#share-link")
        assert link == f"{live_url}/?canon=canon,licensed&event=dukat-prefecture"
        # Focus stays in the dialog; Tab reaches the copy button, Enter copies and the live region says so.
        page.focus("#share-link")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Copy link"
        page.keyboard.press("Enter")
        until(page, "document.getElementById('share-status').textContent.includes('copied')")
        assert page.text_content("#share-status") == "Link copied to the clipboard."
        assert page.evaluate("navigator.clipboard.readText()") == link
        assert (
            page.evaluate(
                "window.getSelection().toString() || document.activeElement.value.substring("
                "document.activeElement.selectionStart, document.activeElement.selectionEnd)"
            )
            == link
        )
        # The downloads and the data follow the view.
        csv = page.get_attribute("#share-csv", "href")
        assert csv == f"{live_url}/events.csv?canon=canon,licensed"
        assert page.get_attribute("#share-html", "href").startswith(f"{live_url}/download/chart.html?view=gantt&canon=")
        # The dispute chart is offered because an event is selected; choose it by keyboard.
        page.get_by_label("Periods (Gantt chart)").focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert page.get_by_label("What each source says").is_checked()
        until(page, "document.getElementById('share-snippet').value.includes('view=dispute')")
        snippet = page.input_value("#share-snippet")
        assert 'loading="lazy"' in snippet and 'title="' in snippet and MESSAGE_TYPE in snippet
        page.keyboard.press("Escape")
        page.wait_for_selector("#share-dialog .modal-content", state="detached")
        assert page.evaluate("document.activeElement.id") == "share-open"

        # Pasted into a plain page, the snippet shows the chart and the frame takes the embed's height.
        host = page.context.new_page()
        host.set_content(
            f'<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">'
            f"<p>Post</p>{snippet}<p>End</p></body></html>"
        )
        frame = host.frame_locator("iframe[data-bajor-timeline]")
        frame.locator(CHART).first.wait_for()
        until(
            host,
            """() => {
            const f = document.querySelector('iframe[data-bajor-timeline]');
            const inner = f.contentDocument === null;  // cross-origin: read the size the host gave it
            return inner && f.style.height !== '' && f.getBoundingClientRect().height > 100; }""",
        )
        given = host.evaluate("parseFloat(document.querySelector('iframe[data-bajor-timeline]').style.height)")
        inner = next(f for f in host.frames if "/embed" in f.url)
        assert given == inner.evaluate("Math.ceil(document.getElementById('embed').getBoundingClientRect().height)")
        assert "what each source says" in inner.text_content("#embed-caption")
    finally:
        if host:
            host.close()
    assert page.console_errors == [] and page.external_requests == []
