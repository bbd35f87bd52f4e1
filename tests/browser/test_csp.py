"""The security headers in a real browser: the explorer runs under its Content-Security-Policy with no
violation, charts drawn, and the frame policy lets only /embed be framed by other sites."""

from __future__ import annotations

from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from testsupport.browser import GANTT, TIMELINE, bar_centre, chart_ids, csp_violations, open_explorer, wait_query
from testsupport.servers import running

pytestmark = pytest.mark.browser


def test_the_explorer_runs_under_its_csp_with_no_violation(page, live_url):
    response = page.goto(live_url + "/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'sha256-" in policy and "unsafe-eval" not in policy
    open_explorer(page, live_url)
    assert page.locator("#chart-gantt .bars path").count() > 10
    assert page.locator("#chart-timeline .scatterlayer .point").count() > 10
    assert page.locator(".events-grid .ag-row").count() > 5
    # zoom, select an event, change a filter: every script and style the app needs at run time is allowed
    page.evaluate(f"Plotly.relayout(document.querySelector('{GANTT}'), {{'xaxis.range': [2330, 2350]}})")
    page.wait_for_function(f"JSON.stringify(document.querySelector('{TIMELINE}').layout.xaxis.range) === '[2330,2350]'")
    page.evaluate(f"Plotly.relayout(document.querySelector('{GANTT}'), {{'xaxis.autorange': true}})")
    target = chart_ids(page)[0]
    x, y = bar_centre(page, target)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    wait_query(page, lambda q: q.get("event") == target, f"event={target}")
    page.wait_for_selector("#details.open .js-plotly-plot .main-svg")  # the details panel and its chart
    page.get_by_label("Fan work").uncheck()
    wait_query(page, lambda q: "canon" in q, "a canon filter")
    page.wait_for_function("document.querySelector('#view-summary').textContent.includes('sources')")
    assert csp_violations(page) == []
    assert page.console_errors == []


@contextmanager
def other_site(frames: dict[str, str]):
    """Another origin (a second loopback port) serving one page that frames each URL in a named iframe."""
    html = (
        "<!DOCTYPE html><html lang='en'><title>host</title><body>"
        + "".join(
            f"<iframe name='{name}' src='{src}' width='800' height='600'></iframe>" for name, src in frames.items()
        )
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    with running(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as port:
        yield f"http://127.0.0.1:{port}/"


def host(page, origin: str, frames: dict[str, str]) -> None:
    """Open a page of the app's own origin (served by the test) that frames each URL."""
    html = "<!DOCTYPE html><html lang='en'><title>host</title><body>" + "".join(
        f"<iframe name='{name}' src='{src}' width='800' height='600'></iframe>" for name, src in frames.items()
    )
    page.route(origin + "host.html", lambda r: r.fulfill(status=200, content_type="text/html", body=html))
    page.goto(origin + "host.html")


def framed(page, name: str) -> bool:
    """True once the frame shows the Dash app's page (a refused frame shows Chromium's error page instead)."""
    page.frame(name=name).wait_for_selector("#react-entry-point main")
    return True


def test_other_sites_may_frame_only_the_embed(page, live_url):
    with other_site({"explorer": live_url + "/?canon=canon", "embed": live_url + "/embed?event=annexation"}) as url:
        page.goto(url)
        assert framed(page, "embed")
        for _ in range(100):  # Chromium refuses the explorer frame and says why in the console
            if any("frame-ancestors" in m for m in page.csp_console):
                break
            page.wait_for_timeout(100)
        assert page.frame(name="explorer").url.startswith("chrome-error://")
    refused = [m for m in page.csp_console if "frame-ancestors" in m]
    assert len(refused) == 1 and f"Framing '{live_url}/'" in refused[0]
    page.csp_console.clear()  # the one violation this test provokes on purpose


def test_the_app_may_frame_its_own_pages(page, live_url):
    host(page, live_url + "/", {"explorer": live_url + "/?canon=canon"})
    assert framed(page, "explorer")
