"""First-screen screenshots of the explorer at a laptop, a projector and a phone size.

Usage: .venv/bin/python scripts/screenshot.py [OUT_DIR] [QUERY]   (needs requirements-test.txt and
Debian's chromium). Writes explorer-1366x768.png, explorer-1920x1080.png, explorer-390x844.png and
the same with an event selected (-selected.png), and prints the browser console's warnings.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import create_app  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SIZES = ((1366, 768), (1920, 1080), (390, 844))


def main(out: str = "docs", query: str = "", select: str = "dukat-prefecture") -> None:
    server = make_server("127.0.0.1", 0, create_app().server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    Path(out).mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=FLAGS)
            for w, h in SIZES:
                page = browser.new_page(viewport={"width": w, "height": h})
                page.on("console", lambda m: m.type in ("error", "warning") and print(f"{w}x{h} console {m.type}: {m.text}"))
                page.goto(base + query)
                page.wait_for_selector("#chart-gantt .main-svg .trace")
                page.wait_for_timeout(1200)
                page.screenshot(path=f"{out}/explorer-{w}x{h}.png")
                sep = "&" if "?" in query else "?"
                page.goto(base + (query or "") + f"{sep}event={select}")
                page.wait_for_selector("#panel-citations .citation-list li")
                page.wait_for_timeout(1200)
                page.screenshot(path=f"{out}/explorer-{w}x{h}-selected.png")
                page.close()
            browser.close()
    finally:
        server.shutdown()
    print(f"wrote {out}/explorer-*.png")


if __name__ == "__main__":
    main(*sys.argv[1:])
