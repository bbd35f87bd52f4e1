"""Flask-side routes, headers and guards: local Bootstrap, JSON/CSV views, security headers, safe errors.

Every route is registered under the app's routes prefix (`DASH_URL_BASE_PATHNAME=/bajor/` or the
app's `url_base_pathname`), and every link the page writes goes through `app.get_relative_path`.
"""

from __future__ import annotations

import html
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import flask_bootstrap
from flask import Response, g, jsonify, request, stream_with_context
from werkzeug.exceptions import HTTPException

from dashboard.formats import registry
from dashboard.web import dash_compat

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

BOOTSTRAP_CSS = Path(flask_bootstrap.__file__).resolve().parent / "static" / "bootstrap5" / "css" / "bootstrap.min.css"
BOOTSTRAP_ROUTE = "/vendor/bootstrap.min.css"
log = logging.getLogger("dashboard")

# The Dash pages, by path relative to the prefix (dashboard/web/router.py lays each one out).
PAGES = ("", "embed", "present", "order", "judge")
# Every public GET path of the app, relative to its prefix: the hostile-input tests throw random
# queries at each (and at every other GET route the Flask server has). Add a new page or route here.
PUBLIC_PATHS = (
    "/",
    "/present",
    "/embed",
    "/order",
    "/judge",
    "/oembed",
    "/events.json",
    "/events.csv",
    "/" + registry.CARD.path,
    BOOTSTRAP_ROUTE,
)
# Paths (and everything under them) that any site may frame; every other page only frames itself.
EMBEDDABLE = ("/embed",)
# Paths that answer machines: their errors are one line of JSON, not an HTML page.
API_PATHS = ("/events.json", "/events.csv", "/oembed", dash_compat.DASH_PATHS)
LAYOUT_PATH = dash_compat.LAYOUT_PATH
CALLBACK_PATH = dash_compat.CALLBACK_PATH

# The strictest policy Dash 4 and plotly.js run under (checked in headless Chromium, see
# tests/browser/test_csp.py): scripts only from this origin plus the hashed inline renderer line;
# styles need 'unsafe-inline' (plotly.js and React write style elements and attributes); images and
# fonts may be data: URIs (Bootstrap's icons, plotly's modebar).
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",  # + app.csp_hashes()
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Printable ASCII stays readable in a header; anything else (incl. '%', CR, LF, non-Latin-1) is
# percent-encoded as UTF-8, so user input can never break or drop a response.
_HEADER_SAFE = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "%")


def header_text(text: str, limit: int = 2000) -> str:
    """Text safe for an HTTP header value: UTF-8 percent-encoded outside printable ASCII (decode with unquote)."""
    encoded = quote(text, safe=_HEADER_SAFE)
    if len(encoded) <= limit:
        return encoded
    cut = encoded[:limit]
    pct = cut.find("%", limit - 2)  # never cut an escape in half
    return cut[:pct] if pct != -1 else cut


def batched(pieces, size: int = 64 * 1024):
    """Join small text pieces into UTF-8 blocks of about `size` bytes (fewer writes to the socket)."""
    block, length = [], 0
    for piece in pieces:
        data = piece.encode("utf-8")
        block.append(data)
        length += len(data)
        if length >= size:
            yield b"".join(block)
            block, length = [], 0
    if block:
        yield b"".join(block)


def one_line(text: str, limit: int = 300) -> str:
    """A reason for a client: one line, bounded."""
    return " ".join(str(text).split())[:limit]


def content_security_policy(app, embeddable: bool) -> str:
    """The CSP header value; the explorer may only be framed by its own origin, embeds by anyone."""
    policy = dict(CSP, **{"script-src": " ".join([CSP["script-src"], *app.csp_hashes()])})
    if not embeddable:
        policy["frame-ancestors"] = "'self'"
    return "; ".join(f"{k} {v}" for k, v in policy.items())


class Paths:
    """Where the app's Flask routes live: under Dash's routes prefix (links use app.get_relative_path)."""

    def __init__(self, app):
        self.routes = app.config.routes_pathname_prefix.rstrip("/")

    def rule(self, path: str) -> str:
        return self.routes + path

    def local(self, full_path: str) -> str:
        """A request path relative to the routes prefix ('/bajor/embed/x' -> '/embed/x')."""
        if self.routes and (full_path == self.routes or full_path.startswith(self.routes + "/")):
            return full_path[len(self.routes) :] or "/"
        return full_path

    def matches(self, full_path: str, roots) -> bool:
        local = self.local(full_path)
        return any(
            local == r or local.startswith(r.rstrip("/") + "/") or (r.endswith("-") and local.startswith(r))
            for r in roots
        )


def trust_proxies(app, count) -> None:
    """Believe the X-Forwarded-For/-Proto/-Host/-Port headers of `count` proxies in front (0: none)."""
    try:
        n = int(count)
    except (TypeError, ValueError):
        raise ValueError(f"BAJOR_TRUSTED_PROXIES must be a whole number of proxies, not {count!r}") from None
    if n > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.server.wsgi_app = ProxyFix(app.server.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n)


def add_server_timing(server) -> None:
    """Opt-in ($BAJOR_SERVER_TIMING=1, used by benchmarks/loadtest.py): a `Server-Timing` header with the
    wall time (`app`) and the CPU time of the worker's thread (`cpu`) spent on each request, in ms."""

    @server.before_request
    def start_clock():
        g.timing = (time.perf_counter(), time.thread_time())

    @server.after_request
    def stop_clock(response):
        if "timing" in g:
            wall, cpu = time.perf_counter() - g.timing[0], time.thread_time() - g.timing[1]
            response.headers["Server-Timing"] = f"app;dur={wall * 1000:.1f}, cpu;dur={cpu * 1000:.1f}"
        return response


def error_page(code: int, reason: str, home: str) -> str:
    """A plain HTML error page: the status, one escaped sentence, a way back. No details."""
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{code}: Bajor Timeline</title></head>'
        f"<body><main><h1>{code}</h1><p>{html.escape(reason)}</p>"
        f'<p><a href="{html.escape(home)}">Back to the Bajor Timeline</a></p></main></body></html>\n'
    )


QUERY_SAFE = "=&;%+/?:@,!$'()*-._~[]"


def clean_query_string(raw: str) -> str:
    """A query string as it reaches Flask: bytes that are not UTF-8 read as U+FFFD (an unknown value, so a
    notice, never an error) and every byte a URL may not hold (control characters such as CR/LF, spaces,
    non-ASCII) percent-encoded. Werkzeug copies the query string into the Location header of the
    redirects it makes while routing (`/bajor//` -> `/bajor/`), where a raw CR would fail the request."""
    text = raw.encode("latin-1").decode("utf-8", errors="replace")
    return quote(text, safe=QUERY_SAFE)


class CleanQueryString:
    """WSGI middleware: clean_query_string before routing, so it holds for every route and redirect."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        environ["QUERY_STRING"] = clean_query_string(environ.get("QUERY_STRING", ""))
        return self.wsgi_app(environ, start_response)


def install_table_routes(server, paths: Paths, cat: Catalogue) -> None:
    """/events.json and /events.csv: the events a query shows, in the formats of registry.TABLES, streamed."""

    def view_response(fmt: str):
        table = registry.TABLES[fmt]
        state, notices, shown = cat.shown(request.query_string.decode("utf-8", errors="replace"))
        # Notices quote user input, so they travel in the body (JSON) and percent-encoded in a header.
        headers = {"X-Notices": header_text(" | ".join(notices))} if notices else {}
        if fmt == "csv":
            headers["Content-Disposition"] = f'inline; filename="bajor-timeline.{table.extension}"'
            body = table.pieces(shown, cat.tables, tiers=state.tiers)
        else:  # JSON: a line per event
            body = table.pieces(shown, cat.tables, tiers=state.tiers, extra={"notices": list(notices)}, indent=None)
        return Response(stream_with_context(batched(body)), mimetype=table.media_type, headers=headers)

    for fmt in ("json", "csv"):  # served as /events.<extension>
        rule = paths.rule(f"/events.{registry.TABLES[fmt].extension}")
        server.add_url_rule(rule, f"events_{fmt}", lambda fmt=fmt: view_response(fmt))


def install(app, cat: Catalogue) -> None:
    """Add the routes, headers and error handling to the Dash app's Flask server."""
    server = app.server
    paths = Paths(app)
    css = BOOTSTRAP_CSS.read_bytes()
    if os.environ.get("BAJOR_SERVER_TIMING") == "1":
        add_server_timing(server)

    def bootstrap_css():
        return Response(css, mimetype="text/css", headers={"Cache-Control": "public, max-age=86400"})

    server.add_url_rule(paths.rule(BOOTSTRAP_ROUTE), "bootstrap_css", bootstrap_css)
    install_table_routes(server, paths, cat)
    install_chart_routes(app, cat)

    server.wsgi_app = CleanQueryString(server.wsgi_app)

    @server.before_request
    def guard_callbacks():
        if request.method == "POST" and paths.local(request.path) == CALLBACK_PATH:
            problem = dash_compat.malformed_callback(app, request.get_json(silent=True))
            if problem:
                log.info("refused a malformed callback request: %s", problem)
                return jsonify({"error": f"malformed callback request: {problem}"}), 400
        return None

    @server.after_request
    def security_headers(response):
        embeddable = paths.matches(request.path, EMBEDDABLE)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        response.headers["Content-Security-Policy"] = content_security_policy(app, embeddable)
        if not embeddable:
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        if paths.local(request.path) == LAYOUT_PATH:  # the page asked for comes with it (head.referring_page)
            response.headers["Vary"] = "Referer"
            response.headers["Cache-Control"] = "no-store"
        if paths.local(request.path) == LAYOUT_PATH or response.mimetype == "text/html":
            for header in (
                "Cookie",
                "Sec-CH-UA-Mobile",
                "User-Agent",
            ):  # the first charts' width (head.chart_width_hint)
                response.vary.add(header)
        return response

    def answer(code: int, reason: str):
        """JSON for machines (API paths, callbacks, clients that ask for JSON), a plain page for people."""
        reason = one_line(reason)
        wants_html = request.accept_mimetypes.accept_html and not paths.matches(request.path, API_PATHS)
        if wants_html:
            return Response(error_page(code, reason, app.get_relative_path("/")), status=code, mimetype="text/html")
        return jsonify({"error": reason}), code

    @server.errorhandler(Exception)
    def no_tracebacks(exc):
        if isinstance(exc, HTTPException) and exc.code and exc.code < 500:
            log.info("%s %s: %s %s", request.method, request.path, exc.code, one_line(exc.description or exc.name))
            return answer(exc.code, exc.description or exc.name)
        if request.method == "POST" and paths.local(request.path) == CALLBACK_PATH:
            # The callbacks' own failures are caught by on_error (a notice in the page); what reaches
            # here failed inside Dash's dispatch, i.e. a request our guard let through but Dash could not read.
            log.warning("callback request could not be dispatched: %s", one_line(repr(exc), 500))
            return answer(400, "malformed callback request: Dash could not dispatch it")
        log.error("unhandled error on %s %s", request.method, request.path, exc_info=exc)
        return answer(500, "Internal error; the details are in the server log.")


def request_site(app):
    """This app as the current request sees it (scheme, host, path prefix): for oEmbed and its discovery link."""
    from dashboard.web.oembed import Site

    return Site(request.scheme, request.host, app.config.requests_pathname_prefix or "/")


def install_chart_routes(app, cat: Catalogue) -> None:
    """Chart downloads and oEmbed, under the app's path prefix.

    <prefix>download/chart.html|svg|png?view=gantt|timeline|dispute|drift&<filters>[&width=&height=&scale=]
    (the formats of registry.CHARTS, drawn by chart_files; PNG/SVG through kaleido, whose browser
    starts on the first image and stays up for the next), <prefix>card.png (the social card, cards.py,
    through the same renderer) and <prefix>oembed?url=...&format=json (oembed.py).
    """
    from dashboard.formats import chart_files, charts, images, standalone
    from dashboard.web import cards, oembed

    prefix = (app.config.routes_pathname_prefix or "/").rstrip("/")
    renderer = images.ImageRenderer()  # the app's kaleido server, started by the first image
    cards.install(app, cat, renderer, f"{prefix}/{registry.CARD.path}")
    packed: dict[str, str] = {}  # plotly.js packed for standalone files, once per process

    def download(fmt: str):
        args = request.args
        try:
            chart = charts.build(cat, request.query_string.decode("utf-8", errors="replace"))
            sized = fmt != "html" or "width" in args or "height" in args
            width, height, scale = charts.check_size(
                args.get("width") or charts.SLIDE[0],
                args.get("height") or charts.SLIDE[1],
                args.get("scale") or 1 if fmt == "png" else 1,
            )
            mode = args.get("plotlyjs") or "inline"
            if fmt == "html" and mode not in standalone.PLOTLYJS_MODES:
                raise charts.ChartError(
                    f"plotlyjs must be one of {', '.join(standalone.PLOTLYJS_MODES)} here "
                    "(the command line's --plotlyjs also takes a URL)"
                )
        except charts.ChartError as exc:
            return jsonify({"error": str(exc)}), 400
        try:
            if fmt == "html":
                if mode not in packed:
                    packed[mode] = standalone.plotlyjs_tags(mode)
                body = standalone.standalone_html(
                    chart,
                    cat.tables,
                    library=packed[mode],
                    width=width if sized else None,
                    height=height if sized else None,
                )
                data = body.encode("utf-8")
            else:
                data = chart_files.render(
                    chart, cat.tables, fmt, width=width, height=height, scale=scale, renderer=renderer
                )
        except images.RenderError:
            log.exception("chart image failed for %s", request.path)
            return jsonify({"error": "the image could not be drawn on this server; the details are in its log"}), 503
        # The file name comes from validated ids only (charts.Chart.slug): never raw user input in a header.
        return Response(
            data,
            mimetype=registry.CHARTS[fmt].media_type,
            headers={"Content-Disposition": f'attachment; filename="{chart.slug}.{fmt}"'},
        )

    for fmt in registry.CHARTS:
        server_path = f"{prefix}/download/chart.{fmt}"
        app.server.add_url_rule(server_path, f"download_chart_{fmt}", lambda fmt=fmt: download(fmt))

    def oembed_answer():
        try:
            version = cards.service(app).version
            answer, status = oembed.respond(cat, request.args.to_dict(), request_site(app), version), 200
        except oembed.OEmbedError as exc:
            answer, status = {"error": exc.message}, exc.status
        # '<', '>' and '&' as \u escapes: the same JSON values, and never sniffed as markup.
        return Response(standalone.script_json(answer), status=status, mimetype="application/json")

    app.server.add_url_rule(f"{prefix}/{oembed.ENDPOINT_PATH}", "oembed", oembed_answer)
