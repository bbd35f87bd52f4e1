"""Screenshots of the social card and the picture-first snippet, at a laptop's, a projector's and a
phone's size (1366x768, 1920x1080, 390x844).

Usage: .venv/bin/python scripts/screenshot_cards.py [OUT_DIR] [--docs]   (needs requirements-test.txt
and Debian's chromium). Serves the app and, on another port, a plain blog post holding two picture-first
snippets from the Share dialog; for each size writes card-WxH.png (the card image opened in the
browser), progressive-nojs-WxH.png (JavaScript off: the pictures and their links), progressive-js-WxH.png
(on: the iframes) and share-dialog-WxH.png (both snippets in view); also card.png, the card itself.
Prints the browser console's warnings and errors. --docs also writes docs/social-card.png and
docs/progressive-nojs.png.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
import tempfile
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the repository's packages

from dashboard.domain.catalogue import Catalogue
from dashboard.web import cards, share
from dashboard.web.app import create_app
from testsupport.browser import CHROMIUM, FLAGS, until
from testsupport.servers import serve_wsgi, static_site

ROOT = Path(__file__).resolve().parent.parent
SIZES = [(1366, 768), (1920, 1080), (390, 844)]
VIEW = "?faction=resistance&event=dukat-prefecture"

POST = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Who ran Bajor, and when?</title>
<style>body{{margin:0;background:#fdfcf8;color:#222;font:18px/1.6 Georgia,serif}}
article{{max-width:720px;margin:0 auto;padding:24px 16px}} h1{{font-size:1.8rem;line-height:1.2;margin:0 0 .5rem}}</style>
</head><body><article><h1>Who ran Bajor, and when?</h1>
<p>The sources disagree about who was prefect, and when. The chart shows each claim with its range.</p>
{first}
<p>The moments of the late occupation tell the same story from the other side.</p>
{second}
<p>As the charts show, the canon episodes and the licensed novels place Dukat's prefecture differently.</p>
</article></body></html>"""


def console(page, name: str) -> None:
    page.on("console", lambda m: m.type in ("error", "warning") and print(f"{name} console {m.type}: {m.text}"))


def shoot(browser, out: Path, base: str, image: str, post: str, size: tuple[int, int]) -> None:
    w, h = size
    tag = f"{w}x{h}"
    viewport = {"width": w, "height": h}

    page = browser.new_page(viewport=viewport)
    console(page, f"card-{tag}")
    page.goto(image)
    page.screenshot(path=str(out / f"card-{tag}.png"))
    page.close()

    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    page.goto(post)
    page.wait_for_load_state("load")
    page.screenshot(path=str(out / f"progressive-nojs-{tag}.png"))
    context.close()

    page = browser.new_page(viewport=viewport)
    console(page, f"progressive-js-{tag}")
    page.goto(post)
    page.frame_locator("iframe[data-bajor-timeline]").first.locator("#embed-chart .main-svg").first.wait_for()
    page.wait_for_timeout(1500)
    page.screenshot(path=str(out / f"progressive-js-{tag}.png"))
    page.close()

    page = browser.new_page(viewport=viewport)
    console(page, f"share-dialog-{tag}")
    page.goto(base + VIEW.lstrip("/"))
    page.wait_for_selector("#chart-gantt .bars path")
    page.click("#share-open")
    until(page, "document.getElementById('share-progressive').value !== ''")
    page.evaluate("document.querySelector('label[for=share-snippet]').scrollIntoView({block: 'start'})")
    page.wait_for_timeout(400)
    page.screenshot(path=str(out / f"share-dialog-{tag}.png"))
    page.close()


def main(argv: list[str]) -> None:
    docs = "--docs" in argv
    args = [a for a in argv if a != "--docs"]
    out = Path(args[0] if args else "/tmp/shots-cards")
    out.mkdir(parents=True, exist_ok=True)
    cat = Catalogue.load(ROOT / "data")
    app = create_app(catalogue=cat)
    site = Path(tempfile.mkdtemp())
    with serve_wsgi(app.server) as port, static_site(site) as blog:
        base = f"http://127.0.0.1:{port}/"
        version = cards.service(app).version
        first, _ = share.for_view(cat, base, VIEW, "gantt", "light", version)
        second, _ = share.for_view(cat, base, "?era=late-occupation", "timeline", "light", version)
        (site / "post.html").write_text(POST.format(first=first.progressive, second=second.progressive), "utf-8")
        image = html.unescape(re.search(r'<img src="([^"]+)"', first.progressive).group(1))  # the view's card
        with urllib.request.urlopen(image, timeout=120) as r:
            (out / "card.png").write_bytes(r.read())
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            for size in SIZES:
                shoot(browser, out, base, image, blog + "post.html", size)
            browser.close()
    if docs:
        shutil.copy(out / "card.png", ROOT / "docs" / "social-card.png")
        shutil.copy(out / "progressive-nojs-1366x768.png", ROOT / "docs" / "progressive-nojs.png")
    print(f"wrote {out}/card*.png, progressive-*.png and share-dialog-*.png")


if __name__ == "__main__":
    main(sys.argv[1:])
