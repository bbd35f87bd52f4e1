"""Headless Chromium (Debian's package) on the real app: launch flags, a served app, waits that respect the
app's Content-Security-Policy, the explorer's selectors and steps, and axe-core's accessibility checks."""

from __future__ import annotations

import os
import shutil
import time
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard.web.app import create_app
from testsupport.servers import serve_wsgi

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")


FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@contextmanager
def serve(catalogue):
    with serve_wsgi(create_app(catalogue=catalogue).server) as port:
        yield f"http://127.0.0.1:{port}"


RECORD_CSP = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));"""


def csp_violations(pg) -> list[str]:
    """Violations reported by the documents now open, and the console's CSP messages since the page opened."""
    events = [v for f in pg.frames if f.url.startswith("http") for v in f.evaluate("window.__csp || []")]
    return events + pg.csp_console


def csp_safe_wait_for_function(pg):
    """Playwright's wait_for_function polls by eval() inside the page, which the app's CSP forbids
    (no 'unsafe-eval'). This one polls from Python with page.evaluate (DevTools evaluation, not
    subject to the page's CSP), with the same arguments and the page's default timeout."""

    def wait_for_function(expression: str, *, arg=None, timeout: float | None = None, polling=None):
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        deadline = time.monotonic() + (timeout if timeout is not None else pg.default_timeout) / 1000
        interval = polling if isinstance(polling, (int, float)) else 50
        while True:
            value = pg.evaluate(expression, arg)
            if value:
                return value
            if time.monotonic() > deadline:
                raise PlaywrightTimeout(f"wait_for_function: timed out waiting for {expression!r}")
            pg.wait_for_timeout(interval)

    return wait_for_function


VIEWPORTS = {"laptop": (1366, 768), "projector": (1920, 1080), "phone": (390, 844)}


def until(where, expression: str, timeout_s: float = 20.0):
    """Poll a page or frame from Python until `expression` is truthy. (wait_for_function polls by
    eval() inside the document, which the app's Content-Security-Policy may forbid.)"""
    deadline = time.monotonic() + timeout_s
    while True:
        value = where.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"never true: {expression}")
        time.sleep(0.05)


def settle(page, timeout_s: float = 10.0) -> None:
    """Wait until no CSS transition or animation is running (a drawer sliding in, a dialog fading in;
    endless ones such as a spinner are not waited for), then for the next frame to be drawn."""
    until(
        page,
        """document.getAnimations().every(a => a.playState !== 'running'
            || a.effect.getComputedTiming().iterations === Infinity)""",
        timeout_s,
    )
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


# --- the explorer ---

GANTT = "#chart-gantt .js-plotly-plot"


TIMELINE = "#chart-timeline .js-plotly-plot"


ALL_SIZES = pytest.mark.parametrize("page", ["laptop", "projector", "phone"], indirect=True)


def query(page) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def open_explorer(page, url: str, search: str = ""):
    page.goto(url + "/" + search)
    page.wait_for_selector("#chart-gantt .bars path")
    page.wait_for_function("document.querySelector('#view-summary').textContent.includes(' of ')")
    # The browser reports the chart width once the page is laid out, and the charts are redrawn for it:
    # wait for that to settle, as a reader would before zooming.
    page.wait_for_load_state("networkidle")


def wait_query(page, predicate, what: str):
    for _ in range(100):
        if predicate(query(page)):
            return query(page)
        page.wait_for_timeout(100)
    raise AssertionError(f"URL never got {what}: {page.url}")


def chart_ids(page, sel=GANTT) -> list[str]:
    return page.evaluate(f"document.querySelector('{sel}').data.find(t => t.meta === 'label').customdata")


def bar_centre(page, event_id: str) -> tuple[float, float]:
    """Screen position of an event's bar (its faded range) in the Gantt chart."""
    return page.evaluate(
        """([sel, id]) => {
        const gd = document.querySelector(sel);
        const k = gd.data.findIndex(t => t.meta === 'range');
        const i = gd.data[k].customdata.indexOf(id);
        const trace = gd.querySelectorAll('.barlayer .trace')[k];
        const box = trace.querySelectorAll('.point')[i].getBoundingClientRect();
        return [box.x + Math.min(box.width / 2, 30), box.y + box.height / 2];
    }""",
        [GANTT, event_id],
    )


# --- accessibility ---


def violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result.response["violations"]
    ]


# --- the first view ---


def hold_layout(page) -> list:
    """Hold back Dash's layout request: the live page stays unbuilt until released."""
    held = []
    page.route("**/_dash-layout", lambda route: held.append(route))
    return held


def release(page, held):
    page.wait_for_function("true")
    while not held:
        page.wait_for_timeout(20)
    for route in held:
        route.continue_()
