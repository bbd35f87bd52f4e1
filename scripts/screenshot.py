"""First-screen screenshots of the explorer and of a presentation step at a laptop, a projector and
a phone size.

Usage: .venv/bin/python scripts/screenshot.py [OUT_DIR] [QUERY] [EVENT] [explorer|present]   (needs
requirements-test.txt and Debian's chromium). Writes explorer-1366x768.png, explorer-1920x1080.png,
explorer-390x844.png and the same with an event selected (-selected.png); present-step.png (1920x1080)
and present-step-1366x768.png, present-step-390x844.png (a step of the overview tour); and prints the
browser console's warnings. The last argument makes only one of the two sets.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the repository's packages

from dashboard.web.app import create_app
from testsupport.browser import FLAGS  # Chromium's flags for this machine's closed network

SIZES = ((1366, 768), (1920, 1080), (390, 844))
PRESENT_STEP = "present?tour=overview&step=10"


def new_page(browser, w: int, h: int):
    """A page of this size that prints the browser console's errors and warnings."""
    page = browser.new_page(viewport={"width": w, "height": h})
    page.on("console", lambda m: m.type in ("error", "warning") and print(f"{w}x{h} console {m.type}: {m.text}"))
    return page


def snap(page, url: str, ready: str, settle_ms: int, path: str) -> None:
    """Open `url`, wait for `ready` and for the page to settle, and take a first-screen screenshot."""
    page.goto(url)
    page.wait_for_selector(ready)
    page.wait_for_timeout(settle_ms)
    page.screenshot(path=path)


def main(out: str = "docs", query: str = "", select: str = "dukat-prefecture", only: str = "") -> None:
    server = make_server("127.0.0.1", 0, create_app().server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    Path(out).mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=FLAGS)
            for w, h in SIZES if only != "explorer" else ():
                page = new_page(browser, w, h)
                snap(
                    page,
                    base + PRESENT_STEP,
                    "#present-chart .main-svg .trace",
                    1500,
                    f"{out}/present-step{'' if (w, h) == (1920, 1080) else f'-{w}x{h}'}.png",
                )
                page.close()
            for w, h in SIZES if only != "present" else ():
                page = new_page(browser, w, h)
                snap(page, base + query, "#chart-gantt .main-svg .trace", 1200, f"{out}/explorer-{w}x{h}.png")
                sep = "&" if "?" in query else "?"
                snap(
                    page,
                    base + (query or "") + f"{sep}event={select}",
                    "#panel-citations .citation-list li",
                    1200,
                    f"{out}/explorer-{w}x{h}-selected.png",
                )
                page.close()
            browser.close()
    finally:
        server.shutdown()
    print(f"wrote {out}/*.png")


if __name__ == "__main__":
    main(*sys.argv[1:])
