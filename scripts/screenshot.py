"""Regenerate docs/explorer.png: the explorer on the bundled data, in headless Chromium.

Usage: .venv/bin/python scripts/screenshot.py [QUERY] [OUT]   (needs requirements-test.txt and Debian's chromium)
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


def main(query: str = "?era=late-occupation,aftermath&event=dukat-prefecture", out: str = "docs/explorer.png") -> None:
    server = make_server("127.0.0.1", 0, create_app().server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1700})
            page.goto(f"http://127.0.0.1:{server.server_port}/{query}")
            page.wait_for_selector("#panel-citations .citation-list li")
            page.wait_for_timeout(1500)
            page.screenshot(path=str(ROOT / out))
            browser.close()
    finally:
        server.shutdown()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
