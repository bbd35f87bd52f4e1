"""Real headless Chromium (Debian's package) driving the real app served on a loopback port."""

from __future__ import annotations

import os

import pytest

from testsupport.browser import (
    CHROMIUM,
    FLAGS,
    RECORD_CSP,
    VIEWPORTS,
    csp_safe_wait_for_function,
    csp_violations,
    serve,
)


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
