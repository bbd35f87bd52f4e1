"""Real headless Chromium (Debian's package) driving the real app served on a loopback port."""

from __future__ import annotations

import os
import shutil
import time
from contextlib import contextmanager

import pytest

from benchmarks.loopback import serve_wsgi
from dashboard.web.app import create_app

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


@pytest.fixture(scope="session")
def live_url(real):
    with serve(real) as url:
        yield url


@pytest.fixture(scope="session")
def mini_url(mini):
    with serve(mini) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: scripts/test installs Debian's chromium package")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


# Every Content-Security-Policy violation in any frame, kept on the window for csp_violations().
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


@pytest.fixture
def page(browser, request):
    """A fresh page that refuses (and records) any request leaving this machine, and fails the test
    on any Content-Security-Policy violation (the app's CSP is as strict as Dash allows).

    Tests parametrised with `viewport` (a VIEWPORTS key) get that size; others a laptop's."""
    size = VIEWPORTS[getattr(request, "param", None) or "laptop"]
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, is_mobile=size[0] < 500, has_touch=size[0] < 500
    )
    context.add_init_script(RECORD_CSP)
    pg = context.new_page()
    pg.external_requests = []
    pg.console_errors = []
    pg.console_warnings = []

    def route(r):
        url = r.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            pg.external_requests.append(url)
            r.abort()

    pg.route("**/*", route)
    pg.csp_console = []  # a test that provokes a violation on purpose empties this after checking it
    pg.on("console", lambda m: "Content Security Policy" in m.text and pg.csp_console.append(m.text))
    pg.on(
        "console",
        lambda m: (pg.console_errors if m.type == "error" else pg.console_warnings).append(m.text)
        if m.type in ("error", "warning")
        else None,
    )
    pg.set_default_timeout(20_000)
    pg.default_timeout = 20_000
    pg.wait_for_function = csp_safe_wait_for_function(pg)
    yield pg
    try:
        violations = csp_violations(pg) if not pg.is_closed() else pg.csp_console
    finally:
        context.close()
    assert violations == [], "Content-Security-Policy violations"
