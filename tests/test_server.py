"""Serving: security headers, the frame policy, the CSP, path prefixes, notices, streamed views, error answers."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import tracemalloc
from urllib.parse import unquote

import pandas as pd
import pytest

from dashboard.domain.schema import TIERS
from dashboard.formats import events_csv, events_json
from dashboard.web import routes
from dashboard.web.app import create_app
from dashboard.web.components import ids
from testsupport.dash_client import callback_body

PREFIXED = {"DASH_URL_BASE_PATHNAME": "/bajor/"}
# A reverse proxy that strips /bajor/ before the request reaches the app: routes at the root, links under /bajor/.
STRIPPED = {"DASH_REQUESTS_PATHNAME_PREFIX": "/bajor/", "DASH_ROUTES_PATHNAME_PREFIX": "/"}


def make_app(mini, monkeypatch, env: dict):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return create_app(catalogue=mini)


@pytest.fixture(scope="module")
def client(mini):
    return create_app(catalogue=mini).server.test_client()


def render_body(client, prefix: str, search: str) -> dict:
    """The charts' callback (it also writes the download links)."""
    return callback_body(client.get(f"{prefix}_dash-dependencies").get_json(), f"..{ids.GANTT}.figure...", search)


# ---------------------------------------------------------------- headers


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?event=annexation",
        "/events.json",
        "/events.csv?canon=canon",
        "/vendor/bootstrap.min.css",
        "/_dash-layout",
        "/_dash-dependencies",
        "/assets/explorer.css",
        "/no/such/page",
        "/_dash-component-suites/nope/x.js",
    ],
)
def test_every_response_carries_the_security_headers(client, path):
    r = client.get(path)
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert r.headers["X-Frame-Options"] == "SAMEORIGIN"
    csp = dict(d.strip().split(" ", 1) for d in r.headers["Content-Security-Policy"].split(";"))
    assert csp["frame-ancestors"] == "'self'" and csp["default-src"] == "'self'" and csp["object-src"] == "'none'"
    script = csp["script-src"].split()
    assert script[0] == "'self'" and "'unsafe-inline'" not in script and "'unsafe-eval'" not in script


def test_errors_and_callbacks_carry_the_headers_too(client):
    for r in (
        client.post("/events.json"),
        client.post("/_dash-update-component", data="x"),
        client.post("/_dash-update-component", json=render_body(client, "/", "?canon=canon")),
    ):
        assert (
            r.headers["X-Content-Type-Options"] == "nosniff"
            and "frame-ancestors 'self'" in r.headers["Content-Security-Policy"]
        )


@pytest.mark.parametrize("path", ["/embed", "/embed/", "/embed?event=annexation", "/embed/gantt"])
def test_embeds_may_be_framed_by_any_site(client, path):
    r = client.get(path)
    assert "X-Frame-Options" not in r.headers
    assert "frame-ancestors" not in r.headers["Content-Security-Policy"]
    assert r.headers["X-Content-Type-Options"] == "nosniff"  # the other headers stay


@pytest.mark.parametrize("path", ["/embedded", "/embeds", "/present", "/x/embed"])
def test_only_embed_and_what_is_under_it_are_frameable(client, path):
    assert client.get(path).headers["X-Frame-Options"] == "SAMEORIGIN"


def test_the_csp_allows_exactly_the_inline_scripts_the_page_has(client):
    r = client.get("/")
    policy = r.headers["Content-Security-Policy"]
    inline = [
        body
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", r.get_data(as_text=True), re.S)
        if "src=" not in attrs and "application/json" not in attrs
    ]
    assert inline, "Dash's renderer line is an inline script"
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


# ---------------------------------------------------------------- path prefix


@pytest.mark.parametrize("env, routes, links", [(PREFIXED, "/bajor/", "/bajor/"), (STRIPPED, "/", "/bajor/")])
def test_every_route_works_under_a_path_prefix(mini, monkeypatch, env, routes, links):
    c = make_app(mini, monkeypatch, env).server.test_client()
    page = c.get(routes)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "<title>Bajor Timeline</title>" in html
    assert f'href="{links}vendor/bootstrap.min.css"' in html
    assert re.findall(r'src="(/[^"]+)"', html) and all(s.startswith(links) for s in re.findall(r'src="(/[^"]+)"', html))
    css = c.get(f"{routes}vendor/bootstrap.min.css")
    assert css.status_code == 200 and css.mimetype == "text/css"
    j = c.get(f"{routes}events.json?canon=canon&q=dukat")
    assert j.mimetype == "application/json" and [e["id"] for e in j.get_json()["events"]] == ["dukat-prefect"]
    assert c.get(f"{routes}events.csv").mimetype == "text/csv"
    # the page's links (downloads) carry the prefix the browser sees
    body = render_body(c, routes, "?canon=canon")
    resp = c.post(f"{routes}_dash-update-component", json=body).get_json()["response"]
    assert resp[ids.DOWNLOAD_JSON]["href"] == f"{links}events.json?canon=canon"
    assert resp[ids.DOWNLOAD_CSV]["href"] == f"{links}events.csv?canon=canon"
    # the first answer holds the page the browser is on (its Referer, under the public prefix), and
    # the page preloads the chart's code from under the prefix
    layout = json.dumps(
        c.get(f"{routes}_dash-layout", headers={"Referer": f"http://localhost{links}?canon=canon"}).get_json()
    )
    assert '"routed"' in layout and '"chart-gantt"' in layout and f"{links}events.csv?canon=canon" in layout
    assert f'<link rel="preload" as="script" href="{links}_dash-component-suites/plotly/' in html
    # oEmbed answers with links under the prefix; downloads live under it
    oembed = c.get(f"{routes}oembed?url=http://localhost{links}%3Fevent%3Dannexation&format=json")
    assert oembed.status_code == 200 and f"http://localhost{links}" in oembed.get_json()["html"]
    chart = c.get(f"{routes}download/chart.html?view=gantt")
    assert chart.status_code == 200 and chart.mimetype == "text/html"
    # embeds stay frameable under the prefix, and the rest does not
    assert "X-Frame-Options" not in c.get(f"{routes}embed").headers
    assert c.get(routes).headers["X-Frame-Options"] == "SAMEORIGIN"


def test_a_prefixed_app_answers_nothing_at_the_root(mini, monkeypatch):
    c = make_app(mini, monkeypatch, PREFIXED).server.test_client()
    for path in ("/events.json", "/vendor/bootstrap.min.css", "/"):
        assert c.get(path).status_code == 404


# ---------------------------------------------------------------- notices


def test_notices_in_any_script_reach_the_client_intact(client):
    r = client.get("/events.json?era=%E2%9C%93&faction=%D0%9A%D0%B0%D1%80%0D%0AX-Evil:%201&bogus%E2%9C%93=1")
    assert r.status_code == 200
    header = r.headers["X-Notices"]
    header.encode("ascii")  # percent-encoded: always a valid header, whatever the input
    assert "\r" not in header and "\n" not in header
    assert "'✓'" in unquote(header) and "Кар\\r\\nX-Evil: 1" in unquote(header)  # repr of the value: no raw line break
    assert "X-Evil" not in r.headers
    notices = r.get_json()["notices"]
    assert any("'✓'" in n for n in notices) and any("bogus✓" in n for n in notices)
    csv_ = client.get("/events.csv?era=%E2%9C%93")
    assert "'✓'" in unquote(csv_.headers["X-Notices"])


def test_json_view_always_has_a_notices_list(client):
    assert client.get("/events.json?canon=canon").get_json()["notices"] == []
    assert "X-Notices" not in client.get("/events.json?canon=canon").headers


@pytest.mark.parametrize("text, limit", [("a" * 5000, 2000), ("✓" * 1000, 2000), ("✓" * 10, 20), ("%" * 9, 10)])
def test_header_text_is_bounded_and_never_cuts_an_escape(text, limit):
    out = routes.header_text(text, limit)
    assert len(out) <= limit and out.encode("ascii")
    assert re.fullmatch(r"(?:[^%]|%[0-9A-F]{2})*", out)
    assert out and text.startswith(unquote(out).rstrip("\ufffd"))  # a cut multi-byte character decodes as U+FFFD


# ---------------------------------------------------------------- streamed views


def test_views_are_streamed(client):
    for path in ("/events.json", "/events.csv"):
        r = client.get(path, buffered=False)
        assert r.is_streamed
        r.close()


def test_streamed_json_is_the_cli_export_plus_notices(client, mini):
    r = client.get("/events.json?canon=canon,licensed")
    payload = r.get_json()
    assert payload.pop("notices") == []
    assert payload == json.loads(events_json.to_json(mini.resolved(("canon", "licensed")), mini.tables))


def _peak_while_streaming(pieces) -> tuple[int, int]:
    tracemalloc.start()
    try:
        sent = sum(len(block) for block in routes.batched(pieces))
        return sent, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_streaming_keeps_memory_flat_as_the_view_grows(mini, fmt):
    """Five times the events: the same peak (within 50%), a small fraction of the text sent.

    (tracemalloc is slow, so the sizes are small here; docs/PERFORMANCE.md has 100,000 events on gunicorn.)
    """
    rows = mini.resolved(TIERS)
    peaks = {}
    for n in (1000, 5000):
        big = pd.concat([rows] * (n // len(rows) + 1), ignore_index=True)
        pieces = (
            events_json.iter_json(big, mini.tables, {"notices": []}, indent=None)
            if fmt == "json"
            else events_csv.iter_csv(big, mini.tables)
        )
        sent, peaks[n] = _peak_while_streaming(pieces)
        assert peaks[n] < sent / 2 or n == 1000, (n, sent, peaks[n])
    assert peaks[5000] < 1.5 * peaks[1000], peaks


def test_the_streamed_pieces_are_made_lazily(mini):
    """The first block leaves before the later rows are even read (a row that would fail is never touched)."""
    rows = mini.resolved(TIERS)
    big = pd.concat([rows] * 2000, ignore_index=True)
    big["start_earliest"] = big["start_earliest"].astype(object)
    big.at[len(big) - 1, "start_earliest"] = "not a year"  # exporting this row would raise TypeError
    for pieces in (events_json.iter_json(big, mini.tables, indent=None), events_csv.iter_csv(big, mini.tables)):
        first = next(routes.batched(pieces))
        assert len(first) >= 64 * 1024
        with pytest.raises(TypeError):
            for _ in pieces:
                pass


# ---------------------------------------------------------------- errors


def test_a_person_gets_a_plain_error_page(client):
    r = client.post("/", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 405 and r.mimetype == "text/html"
    text = r.get_data(as_text=True)
    assert '<html lang="en">' in text and "<h1>405</h1>" in text and "Traceback" not in text


def test_a_machine_gets_a_one_line_json_reason(client):
    for r in (client.post("/events.json", headers={"Accept": "text/html"}), client.post("/oembed")):
        assert r.status_code == 405 and r.mimetype == "application/json"
        reason = r.get_json()["error"]
        assert reason and "\n" not in reason


def test_a_server_error_is_logged_and_the_client_gets_no_details(mini, caplog):
    app = create_app(catalogue=mini)

    @app.server.route("/boom-for-test")
    def boom():
        raise RuntimeError("secret internals <script>")

    c = app.server.test_client()
    with caplog.at_level(logging.ERROR, logger="dashboard"):
        page = c.get("/boom-for-test", headers={"Accept": "text/html"})
        api = c.get("/boom-for-test", headers={"Accept": "application/json"})
    assert page.status_code == api.status_code == 500
    assert page.mimetype == "text/html" and api.get_json() == {
        "error": "Internal error; the details are in the server log."
    }
    for r in (page, api):
        assert "secret" not in r.get_data(as_text=True) and "Traceback" not in r.get_data(as_text=True)
    logged = [rec for rec in caplog.records if "boom-for-test" in rec.getMessage()]
    assert len(logged) == 2 and logged[0].exc_info[1].args == ("secret internals <script>",)


def test_a_callback_request_dash_cannot_dispatch_is_a_400(client):
    body = render_body(client, "/", "?canon=canon")
    body["outputs"] = {"id": 5}  # the right shape for the guard, nonsense for Dash
    r = client.post("/_dash-update-component", json=body)
    assert r.status_code == 400 and r.get_json()["error"].startswith("malformed callback request")


def test_error_page_escapes_the_reason():
    page = routes.error_page(400, "<script>alert(1)</script>", "/bajor/")
    assert "<script>" not in page and "&lt;script&gt;" in page and 'href="/bajor/"' in page


def test_trusted_proxies_set_the_public_scheme_and_host(mini):
    from flask import request

    seen = {}
    plain, proxied = create_app(catalogue=mini), create_app(catalogue=mini)
    routes.trust_proxies(proxied, "1")
    for app in (plain, proxied):

        @app.server.route("/where-for-test")
        def where(app=app):
            seen[app] = request.host_url
            return "ok"

        app.server.test_client().get(
            "/where-for-test", headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": "example.org"}
        )
    assert seen[plain] == "http://localhost/"  # by default forwarded headers are not believed
    assert seen[proxied] == "https://example.org/"
    with pytest.raises(ValueError, match="BAJOR_TRUSTED_PROXIES"):
        routes.trust_proxies(plain, "yes")


@pytest.mark.parametrize("path", ["/", "/embed", "/events.json", "/events.csv", "/oembed", "/download/chart.html"])
def test_a_query_string_that_is_not_utf8_is_read_with_replacement_characters(client, path):
    r = client.get(path, environ_overrides={"QUERY_STRING": b"q=\xff\x80&era=\xe2\x9c".decode("latin-1")})
    assert r.status_code < 500 and "Traceback" not in r.get_data(as_text=True)
    if path == "/events.json":
        assert r.get_json()["notices"] == ["Ignored unknown era value(s) '\ufffd'."]


def test_paths_relative_to_the_prefix_stop_at_a_segment(mini, monkeypatch):
    paths = routes.Paths(make_app(mini, monkeypatch, PREFIXED))
    assert paths.local("/bajor/embed/x") == "/embed/x" and paths.local("/bajor") == "/"
    assert paths.local("/bajorx/embed") == "/bajorx/embed"  # another app's path, not under ours
    assert paths.matches("/bajor/embed", routes.EMBEDDABLE) and not paths.matches("/bajorx/embed", routes.EMBEDDABLE)


def test_query_strings_are_cleaned_before_routing():
    from dashboard.web.routes import clean_query_string

    assert clean_query_string("canon=canon,fan&q=a%20b") == "canon=canon,fan&q=a%20b"  # left as browsers send it
    assert clean_query_string("\r=\xe2\x9c\x93") == "%0D=%E2%9C%93"  # CR and raw UTF-8 percent-encoded
    assert clean_query_string("era=\xff") == "era=%EF%BF%BD"  # not UTF-8: U+FFFD, an unknown value


def test_a_redirect_made_while_routing_never_carries_a_raw_control_character(mini, monkeypatch):
    """Werkzeug merges `//` with a redirect whose Location holds the query string: a raw CR there was a 500."""
    from dashboard.web.app import create_app

    monkeypatch.setenv("DASH_URL_BASE_PATHNAME", "/bajor/")
    app = create_app(catalogue=mini)
    r = app.server.test_client().get("/bajor/%2F", environ_overrides={"QUERY_STRING": "\r=\xe2\x9c\x93"})
    assert r.status_code == 308 and r.headers["Location"].endswith("/bajor/?%0D=%E2%9C%93")
