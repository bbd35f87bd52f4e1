"""Screenshots of an embed in a blog post, and of the Share dialog.

Usage: .venv/bin/python scripts/screenshot_embed.py [OUT_DIR]   (needs requirements-test.txt and Debian's
chromium). Serves the app and, on another port, a plain blog page holding the snippet the Share dialog
gives; writes embed-in-page.png (1366x768, the card open), embed-in-page-390x844.png,
embed-in-page-dark.png and share-dialog.png, and prints the browser console's warnings.
"""

from __future__ import annotations

import functools
import http.server
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the repository's packages

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.filters import parse_query
from dashboard.web.app import create_app
from dashboard.web.share import links
from testsupport.browser import FLAGS  # Chromium's flags for this machine's closed network

ROOT = Path(__file__).resolve().parent.parent

POST = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Who ran Bajor, and when?</title>
<style>body{{margin:0;background:{bg};color:{fg};font:18px/1.6 Georgia,serif}}
article{{max-width:720px;margin:0 auto;padding:24px 16px}} h1{{font-size:1.8rem;line-height:1.2;margin:0 0 .5rem}}
.meta{{color:#777;font:14px system-ui,sans-serif;margin:0 0 1rem}}</style></head>
<body><article><h1>Who ran Bajor, and when?</h1><p class="meta">A fan blog · 12 minutes to read</p>
<p>The sources disagree about when the Cardassian Central Command took charge, and about who was prefect
when. The chart below shows each claim with its range; click an event for its sources.</p>
{snippet}
<p>As the chart shows, the canon episodes and the licensed novels place Dukat's prefecture differently...</p>
</article></body></html>"""


def until(page, expression: str, timeout_s: float = 30) -> None:
    """Wait for `expression` to be true. Playwright's wait_for_function evaluates its predicate with
    eval() inside the page, which the app's CSP forbids; page.evaluate goes through the debugger."""
    for _ in range(int(timeout_s * 10)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise TimeoutError(f"never true: {expression}")


def main(out: str = "docs") -> None:
    cat = Catalogue.load(ROOT / "data")
    app = create_app(catalogue=cat)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    site = Path(tempfile.mkdtemp())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None
    blog = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=blog.serve_forever, daemon=True).start()
    state, _ = parse_query("era=early-occupation,late-occupation&faction=cardassian-union", cat.vocab)
    for theme, bg, fg in (("light", "#fdfcf8", "#222"), ("dark", "#111417", "#ddd")):
        snippet = links(base, state, "gantt", theme, "Bajor Timeline: periods").snippet
        (site / f"post-{theme}.html").write_text(POST.format(snippet=snippet, bg=bg, fg=fg), encoding="utf-8")
    blog_url = f"http://127.0.0.1:{blog.server_port}/"
    Path(out).mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=FLAGS)
            for name, (w, h), theme, click in (
                ("embed-in-page", (1366, 768), "light", True),
                ("embed-in-page-390x844", (390, 844), "light", False),
                ("embed-in-page-dark", (1366, 768), "dark", False),
            ):
                page = browser.new_page(viewport={"width": w, "height": h})
                page.on(
                    "console",
                    lambda m, name=name: m.type in ("error", "warning") and print(f"{name} console {m.type}: {m.text}"),
                )
                page.goto(blog_url + f"post-{theme}.html")
                frame = page.frame_locator("iframe[data-bajor-timeline]")
                frame.locator("#embed-chart .bars path").first.wait_for()
                page.wait_for_timeout(1500)
                if click:
                    inner = next(f for f in page.frames if "/embed" in f.url)
                    label = inner.locator(".scatterlayer .textpoint", has_text="Dukat as Prefect")
                    box = label.bounding_box()  # Plotly picks the point nearest the click: the label's anchor end
                    label.click(force=True, position={"x": box["width"] - 3, "y": box["height"] / 2})
                    inner.wait_for_selector("#embed-card.open .citation-list")
                    page.mouse.move(5, 5)  # no hover label over the card
                    page.wait_for_timeout(500)
                page.screenshot(path=f"{out}/{name}.png")
                page.close()
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(base + "?canon=canon,licensed&event=dukat-prefecture")
            page.wait_for_selector("#chart-gantt .bars path")
            page.click("#share-open")
            until(page, "document.getElementById('share-link').value !== ''")
            page.click("[data-copy=share-link]")
            until(page, "document.getElementById('share-status').textContent !== ''")
            page.wait_for_timeout(400)
            page.screenshot(path=f"{out}/share-dialog.png")
            browser.close()
    finally:
        server.shutdown()
        blog.shutdown()
    print(f"wrote {out}/embed-in-page*.png and {out}/share-dialog.png")


if __name__ == "__main__":
    main(*sys.argv[1:])
