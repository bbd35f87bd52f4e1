"""Real headless Chromium (Debian's package) driving the real app served on a loopback port."""
from __future__ import annotations

import os
import shutil
import threading
from contextlib import contextmanager

import pytest
from werkzeug.serving import make_server

from dashboard import create_app

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@contextmanager
def serve(catalogue):
    app = create_app(catalogue=catalogue)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


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


VIEWPORTS = {"laptop": (1366, 768), "projector": (1920, 1080), "phone": (390, 844)}


@pytest.fixture
def page(browser, request):
    """A fresh page that refuses (and records) any request leaving this machine.

    Tests parametrised with `viewport` (a VIEWPORTS key) get that size; others a laptop's."""
    size = VIEWPORTS[getattr(request, "param", None) or "laptop"]
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  is_mobile=size[0] < 500, has_touch=size[0] < 500)
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
    pg.on("console", lambda m: (pg.console_errors if m.type == "error" else pg.console_warnings).append(m.text)
          if m.type in ("error", "warning") else None)
    pg.set_default_timeout(20_000)
    yield pg
    context.close()
