"""The embed and its host page in real headless Chromium (issue 21, parts 3-5): theme=auto following
the reader's scheme live, the host's select and step messages (and origins that may send them), the
embed telling the host what a reader clicked, the tour embed, axe-core, and docs/scrolly-example.html
stepping through three events as the reader scrolls. Host pages are served from another origin.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest

from dashboard.figures.palette import DARK, LIGHT
from dashboard.web.share_options import MESSAGE_TYPE, SELECTED_MESSAGE
from testsupport import ROOT
from testsupport.browser import settle, until, violations

pytestmark = pytest.mark.browser

FIGURE = "document.querySelector('#embed-chart .js-plotly-plot')"


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    """A plain static web server on another port: write(name, html) -> its URL; docs/ is copied in."""
    root = tmp_path_factory.mktemp("blog")
    shutil.copy(ROOT / "docs" / "scrolly-example.html", root / "scrolly-example.html")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"

    def write(name: str, html: str) -> str:
        (root / name).write_text(html, encoding="utf-8")
        return f"{base}/{name}"

    write.base = base
    yield write
    server.shutdown()


def post(src: str, style: str = "") -> str:
    """A host page with one embed; it keeps every message from the embed in window.got."""
    return (
        '<!DOCTYPE html><html lang="en" style="' + style + '"><head><meta charset="utf-8"><link rel="icon" '
        'href="data:,"><title>A post</title></head><body style="margin:0">'
        '<script>window.got = []; window.addEventListener("message", function (e) {'
        " if (e.data && e.data.type) { window.got.push(e.data); }"
        f' if (e.data && e.data.type === "{MESSAGE_TYPE}") {{'
        ' document.getElementById("embed").style.height = e.data.height + "px"; } });</script>'
        f'<p>Before the chart.</p><iframe id="embed" src="{src}" title="Bajor Timeline chart" width="100%" '
        'height="480" style="border:0;width:100%;display:block;color-scheme:light dark"></iframe>'
        "<p>After the chart.</p></body></html>"
    )


def embed_frame(page):
    page.wait_for_selector("iframe#embed")
    page.frame_locator("iframe#embed").locator("#embed-chart .main-svg").first.wait_for()
    f = next(f for f in page.frames if "/embed" in f.url)
    until(f, f"{FIGURE} && {FIGURE}._fullLayout")
    return f


def send(page, message: dict, origin: str = "*"):
    page.evaluate(
        "([m, o]) => document.getElementById('embed').contentWindow.postMessage(m, o)",
        [message, origin],
    )


def selected(f):
    return f.evaluate(f"{FIGURE}.layout.meta.selected || null")


def test_auto_follows_the_readers_scheme_live_on_a_dark_host(page, live_url, blog):
    page.emulate_media(color_scheme="dark")
    page.goto(
        blog(
            "dark.html",
            post(f"{live_url}/embed?view=gantt&faction=resistance&theme=auto", "background:#111417;color-scheme:dark"),
        )
    )
    f = embed_frame(page)
    f.evaluate("window.loadedOnce = true")
    look = """() => [document.documentElement.getAttribute('data-bs-theme'),
        getComputedStyle(document.documentElement).colorScheme, getComputedStyle(document.body).backgroundColor,
        document.querySelector('#embed-chart .js-plotly-plot')._fullLayout.paper_bgcolor]"""
    until(f, f"{FIGURE}._fullLayout.paper_bgcolor === '{DARK.background}'")
    assert f.evaluate(look) == ["dark", "dark", "rgb(22, 25, 28)", DARK.background]
    # The reader switches to light: the page and the chart follow, without a reload.
    page.emulate_media(color_scheme="light")
    until(f, f"{FIGURE}._fullLayout.paper_bgcolor === '{LIGHT.background}'")
    assert f.evaluate(look) == ["light", "light", "rgb(255, 255, 255)", LIGHT.background]
    page.emulate_media(color_scheme="dark")
    until(f, f"{FIGURE}._fullLayout.paper_bgcolor === '{DARK.background}'")
    assert f.evaluate("window.loadedOnce === true")
    assert page.console_errors == [] and page.external_requests == []


def test_the_host_selects_steps_and_hears_clicks_only_from_allowed_origins(page, live_url, blog):
    src = f"{live_url}/embed?view=gantt&faction=cardassian-union&disputed=1"
    page.goto(blog("ignored.html", post(src)))
    f = embed_frame(page)
    send(page, {"type": "bajor-timeline:select", "event": "dukat-prefecture"})
    page.wait_for_timeout(400)
    assert selected(f) is None  # this host's origin is not named by origin=: ignored

    page.goto(blog("allowed.html", post(f"{src}&origin={blog.base}")))
    f = embed_frame(page)
    send(page, {"type": "bajor-timeline:select", "event": "dukat-prefecture"})
    until(f, f"{FIGURE}.layout.meta.selected === 'dukat-prefecture'")
    # Ids the chart does not draw, markup and wrong types are ignored; nothing lands in the page.
    for bad in ("no-such-event", "<img src=x onerror=alert(1)>", 42, {"toString": "x"}):
        send(page, {"type": "bajor-timeline:select", "event": bad})
    send(page, {"type": "bajor-timeline:step", "step": 2})  # not a tour: ignored
    page.wait_for_timeout(400)
    assert selected(f) == "dukat-prefecture" and f.locator("img").count() == 0
    assert f.locator("#embed-card.open").count() == 0  # the host highlights; the card is the reader's
    send(page, {"type": "bajor-timeline:select", "event": None})
    until(f, f"!{FIGURE}.layout.meta.selected")

    # A reader's click: the card opens and the host is told which event.
    point = f.locator(".bars .point").first
    point.click(force=True)
    f.wait_for_selector("#embed-card.open #embed-card-title")
    until(page, f"window.got.some(m => m.type === '{SELECTED_MESSAGE}')")
    told = page.evaluate(f"window.got.filter(m => m.type === '{SELECTED_MESSAGE}')")
    assert told[-1]["event"] in f.evaluate(f"{FIGURE}.data.find(t => t.meta === 'label').customdata")
    assert page.console_errors == [] and page.external_requests == []


def test_the_tour_embed_steps_by_its_buttons_and_by_message(page, live_url, blog):
    page.set_viewport_size({"width": 720, "height": 800})
    page.goto(blog("tour.html", post(f"{live_url}/embed?tour=overview&origin={blog.base}")))
    f = embed_frame(page)
    assert "Step 1 of " in f.text_content("#embed-tour-title")
    steps = int(f.get_attribute("#embed", "data-steps"))
    assert steps >= 10 and "Teacher's note" in f.text_content("#embed-tour")
    until(f, f"{FIGURE}.layout.meta.selected === 'first-contact'")
    assert f.is_disabled("#embed-tour-prev") and not f.is_disabled("#embed-tour-next")
    f.click("#embed-tour-next")
    until(f, "document.getElementById('embed-tour-title').textContent.startsWith('Step 2 of')")
    until(f, f"{FIGURE}.layout.meta.selected === 'creeping-takeover'")
    send(page, {"type": "bajor-timeline:step", "step": steps - 1})
    until(f, f"document.getElementById('embed-tour-title').textContent.startsWith('Step {steps - 1} of')")
    # By keyboard: Next reaches the last step, and focus moves to Previous as Next is disabled.
    f.focus("#embed-tour-next")
    page.keyboard.press("Enter")
    until(f, f"document.getElementById('embed-tour-title').textContent.startsWith('Step {steps} of')")
    until(f, "document.getElementById('embed-tour-next').disabled")
    until(f, "document.activeElement.id === 'embed-tour-prev'")
    for bad in (0, steps + 1, 2.5, "3"):
        send(page, {"type": "bajor-timeline:step", "step": bad})
    page.wait_for_timeout(400)
    assert f.text_content("#embed-tour-title").startswith(f"Step {steps} of")
    # The frame takes the embed's height (the height message), the tour included.
    until(page, "window.got.some(m => m.type === 'bajor-timeline:height')")
    until(
        page,
        """() => { const h = window.got.filter(m => m.type === 'bajor-timeline:height').pop().height;
        return Math.abs(document.getElementById('embed').getBoundingClientRect().height - h) < 1; }""",
    )
    assert page.console_errors == [] and page.external_requests == []


@pytest.mark.parametrize("search", ["?view=gantt&theme=auto&alt=Bars+of+the+periods", "?tour=overview&step=3"])
def test_no_axe_violations_in_the_auto_and_tour_embeds(page, live_url, search):
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(f"{live_url}/embed{search}")
        page.wait_for_selector("#embed-chart .main-svg")
        settle(page)
        assert violations(page) == [], scheme
    assert page.evaluate("document.getElementById('charts').getAttribute('aria-describedby')") == "embed-desc"
    assert page.text_content("#embed-desc")
    assert page.console_errors == []


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_the_scrolly_example_steps_through_three_events_as_the_reader_scrolls(page, live_url, blog, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{blog.base}/scrolly-example.html?app={live_url}")
    page.wait_for_selector("iframe#chart")
    page.frame_locator("iframe#chart").locator("#embed-chart .main-svg").first.wait_for()
    f = next(fr for fr in page.frames if "/embed" in fr.url)
    assert f"origin={blog.base.replace(':', '%3A').replace('/', '%2F')}" in f.url
    # The reader scrolls down the post: the chart highlights each paragraph's event in turn.
    seen = []
    for _ in range(400):
        page.evaluate("window.scrollBy(0, 40)")
        now = f.evaluate(f"{FIGURE}.layout.meta.selected || null")
        if now and (not seen or seen[-1] != now):
            seen.append(now)
            assert page.evaluate("document.querySelector('.step.active').dataset.event") == now
        if page.evaluate("window.innerHeight + window.scrollY >= document.body.scrollHeight - 2"):
            break
        page.wait_for_timeout(20)
    assert seen == ["creeping-takeover", "gallitep-camp", "dukat-prefecture"]
    # Back to the top: the first paragraph names no event, and the highlight goes.
    page.evaluate("window.scrollTo(0, 0)")
    until(f, f"!{FIGURE}.layout.meta.selected")
    assert page.console_errors == [] and page.external_requests == []


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_the_dialogs_snippet_with_alt_text_pasted_into_a_page_on_another_origin(page, live_url, blog, size, real):
    from dashboard.domain.filters import parse_query
    from dashboard.web.share import links

    state, _ = parse_query("faction=resistance", real.vocab)
    words = "Seventeen periods of the Resistance, most of them ending with the withdrawal in 2369"
    snippet = links(live_url + "/", state, "gantt", "auto", "Bajor Timeline: periods", alt=words).snippet
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(
        blog(
            f"pasted-{size[0]}.html",
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" '
            f'href="data:,"><title>Post</title></head><body style="margin:0 8px"><p>Post</p>{snippet}<p>End</p></body></html>',
        )
    )
    frame = page.locator("iframe[data-bajor-timeline]")
    assert frame.get_attribute("title") == words
    assert (
        page.evaluate("getComputedStyle(document.querySelector('iframe[data-bajor-timeline]')).colorScheme")
        == "light dark"
    )
    page.frame_locator("iframe[data-bajor-timeline]").locator("#embed-chart .main-svg").first.wait_for()
    f = next(fr for fr in page.frames if "/embed" in fr.url)
    assert f.text_content("#embed-desc") == words
    until(
        page,
        """() => { const el = document.querySelector('iframe[data-bajor-timeline]');
        return el.style.height !== '' && el.getBoundingClientRect().height > 200; }""",
    )
    assert f.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.console_errors == [] and page.external_requests == []


def test_the_scrolly_example_opened_from_disk_drives_the_chart(page, live_url):
    """Opened as a file, the post's origin is "null": it says so in origin=, and the embed obeys it."""

    def local_only(r):  # the fixture's guard, letting this one file through too
        if r.request.url.startswith(("http://127.0.0.1", "file://", "data:", "blob:")):
            r.continue_()
        else:
            page.external_requests.append(r.request.url)
            r.abort()

    page.unroute("**/*")
    page.route("**/*", local_only)
    page.goto((ROOT / "docs" / "scrolly-example.html").as_uri() + f"?app={live_url}")
    page.frame_locator("iframe#chart").locator("#embed-chart .main-svg").first.wait_for()
    f = next(fr for fr in page.frames if "/embed" in fr.url)
    assert f.url.endswith("&origin=null")
    page.evaluate("document.querySelector(`.step[data-event='gallitep-camp']`).scrollIntoView({block: 'center'})")
    until(f, f"{FIGURE}.layout.meta.selected === 'gallitep-camp'")
    assert page.console_errors == [] and page.external_requests == []
