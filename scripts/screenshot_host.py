"""Screenshots of the embed as a host page drives it: theme=auto on a dark blog under an emulated dark
scheme, the tour embed, and docs/scrolly-example.html part-way down.

Usage: .venv/bin/python scripts/screenshot_host.py [OUT_DIR]   (needs requirements-test.txt and Debian's
chromium). Serves the app and, on another port, the blog pages; writes auto-dark-WxH.png, tour-WxH.png
and scrolly-WxH.png at 1366x768, 1920x1080 and 390x844, and prints every console warning or error.
"""

from __future__ import annotations

import functools
import http.server
import shutil
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
from testsupport.browser import FLAGS

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1366, 768), (1920, 1080), (390, 844))
POST = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<title>A blog post</title><style>body{{margin:0;font:18px/1.6 Georgia,serif;background:#fdfcf8;color:#222}}
@media (prefers-color-scheme: dark){{body{{background:#111417;color:#ddd}}}}
article{{max-width:760px;margin:0 auto;padding:20px 16px}} h1{{font-size:1.7rem;line-height:1.2;margin:0 0 .5rem}}</style>
</head><body><article><h1>{title}</h1><p>{lead}</p>{snippet}<p>The post goes on after the chart.</p></article></body></html>"""


def until(page, expression: str, timeout_s: float = 30) -> None:
    for _ in range(int(timeout_s * 10)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise TimeoutError(f"never true: {expression}")


def chart_frame(page, selector: str):
    page.frame_locator(selector).locator("#embed-chart .main-svg").first.wait_for()
    frame = next(f for f in page.frames if "/embed" in f.url)
    until(frame, "document.querySelector('#embed-chart .js-plotly-plot')._fullLayout !== undefined")
    page.wait_for_timeout(600)  # the height message, then the frame's new size
    return frame


def main(out: str = "/tmp/shots-hostembed") -> None:
    cat = Catalogue.load(ROOT / "data")
    server = make_server("127.0.0.1", 0, create_app(catalogue=cat).server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    site = Path(tempfile.mkdtemp())
    shutil.copy(ROOT / "docs" / "scrolly-example.html", site / "scrolly-example.html")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None
    blog = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=blog.serve_forever, daemon=True).start()
    blog_url = f"http://127.0.0.1:{blog.server_port}"
    state, _ = parse_query("faction=resistance", cat.vocab)
    snippet = links(base + "/", state, "gantt", "auto", "Bajor Timeline: periods").snippet
    (site / "auto.html").write_text(
        POST.format(title="The Resistance, year by year", lead="Light or dark, as you read.", snippet=snippet),
        encoding="utf-8",
    )
    tour = (
        f'<iframe data-bajor-timeline src="{base}/embed?tour=overview&amp;step=3&amp;theme=auto" '
        'title="A tour of the Occupation" width="100%" height="640" style="width:100%;border:0;display:block;'
        'color-scheme:light dark"></iframe>' + snippet.split("</iframe>", 1)[1]
    )
    (site / "tour.html").write_text(
        POST.format(title="The Occupation in fourteen stops", lead="Step through it.", snippet=tour), encoding="utf-8"
    )
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=FLAGS)
        for w, h in SIZES:
            context = browser.new_context(viewport={"width": w, "height": h}, is_mobile=w < 500, has_touch=w < 500)
            page = context.new_page()
            page.on("console", lambda m: m.type in ("error", "warning") and print(f"console {m.type}: {m.text}"))
            page.emulate_media(color_scheme="dark")
            page.goto(f"{blog_url}/auto.html")
            chart_frame(page, "iframe[data-bajor-timeline]")
            page.screenshot(path=f"{out}/auto-dark-{w}x{h}.png")
            page.emulate_media(color_scheme="light")
            page.goto(f"{blog_url}/tour.html")
            chart_frame(page, "iframe[data-bajor-timeline]")
            page.screenshot(path=f"{out}/tour-{w}x{h}.png")
            page.goto(f"{blog_url}/scrolly-example.html?app={base}")
            frame = chart_frame(page, "iframe#chart")
            for _ in range(300):
                page.evaluate("window.scrollBy(0, 40)")
                page.wait_for_timeout(15)
                if frame.evaluate("document.querySelector('#embed-chart .js-plotly-plot').layout.meta.selected"):
                    if page.evaluate("document.querySelector('.step.active').dataset.event") == "gallitep-camp":
                        break
            page.wait_for_timeout(500)
            page.screenshot(path=f"{out}/scrolly-{w}x{h}.png")
            context.close()
        browser.close()
    server.shutdown()
    blog.shutdown()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
