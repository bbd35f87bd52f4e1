"""Screenshots of the classroom exercises (/order and /judge) before and after an answer, at a
projector's, a laptop's and a phone's size.

Usage: .venv/bin/python scripts/screenshot_classroom.py [OUT_DIR]   (needs requirements-test.txt and
Debian's chromium). Writes order-WxH.png, order-WxH-graded.png, judge-WxH.png, judge-WxH-graded.png
for 1920x1080, 1366x768 and 390x844, by doing each exercise as a student would (moving a card with
the keyboard and pressing Check; ticking two claims, writing a verdict and pressing Show the dates),
and prints the browser console's errors and warnings.
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

SIZES = ((1920, 1080), (1366, 768), (390, 844))
ORDER = "order?tour=overview&n=6&seed=3"
JUDGE = "judge?event=dukat-prefecture"


def shoot(browser, base: str, out: str, w: int, h: int) -> None:
    page = browser.new_page(viewport={"width": w, "height": h}, is_mobile=w < 500, has_touch=w < 500)
    page.on("console", lambda m: m.type in ("error", "warning") and print(f"{w}x{h} console {m.type}: {m.text}"))
    page.goto(base + ORDER)
    page.wait_for_selector("#order-list .order-card")
    page.wait_for_timeout(400)
    page.screenshot(path=f"{out}/order-{w}x{h}.png")
    page.focus("#order-list .order-card:nth-child(2)")
    page.keyboard.press("ArrowUp")
    page.click("#order-check")
    page.wait_for_selector("#order-score")
    page.wait_for_timeout(1000)
    page.screenshot(path=f"{out}/order-{w}x{h}-graded.png")
    page.goto(base + JUDGE)
    page.wait_for_selector(".judge-claim")
    page.wait_for_timeout(400)
    page.screenshot(path=f"{out}/judge-{w}x{h}.png")
    page.locator(".judge-claim").nth(0).click()
    page.locator(".judge-claim").nth(1).click()
    page.fill("#judge-verdict", "I trust Memory Beta's reading of the episodes, because both of them agree on it.")
    page.click("#judge-check")
    page.wait_for_selector("#judge-result")
    page.wait_for_timeout(1000)  # the focus moves to the result and the page settles at the top
    page.screenshot(path=f"{out}/judge-{w}x{h}-graded.png")
    page.close()


def main(out: str = "/tmp/shots-classroom") -> None:
    server = make_server("127.0.0.1", 0, create_app().server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    Path(out).mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=FLAGS)
            for w, h in SIZES:
                shoot(browser, base, out, w, h)
            browser.close()
    finally:
        server.shutdown()
    print(f"wrote {out}/*.png")


if __name__ == "__main__":
    main(*sys.argv[1:])
