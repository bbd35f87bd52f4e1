"""Flask-side routes and guards: local Bootstrap, JSON/CSV views, safe error answers."""
from __future__ import annotations

import logging
from pathlib import Path

import flask_bootstrap
from flask import Response, jsonify, request

from . import export
from .catalogue import Catalogue
from .filters import apply, parse_query

BOOTSTRAP_CSS = Path(flask_bootstrap.__file__).resolve().parent / "static" / "bootstrap5" / "css" / "bootstrap.min.css"
BOOTSTRAP_ROUTE = "/vendor/bootstrap.min.css"
log = logging.getLogger("dashboard")


def _malformed_callback(known_outputs) -> str | None:
    """Why a callback request is malformed, or None when it has the shape Dash expects."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    if not isinstance(body.get("output"), str) or not isinstance(body.get("inputs"), list):
        return "'output' (string) and 'inputs' (list) are required"
    if body["output"] not in known_outputs:
        return "no callback has that output"
    for item in body["inputs"] + (body.get("state") or []):
        items = item if isinstance(item, list) else [item]
        if not all(isinstance(i, dict) and "id" in i and "property" in i for i in items):
            return "every input and state needs an 'id' and a 'property'"
    if not isinstance(body.get("changedPropIds", []), list):
        return "'changedPropIds' must be a list"
    return None


def install(app, cat: Catalogue) -> None:
    """Add the routes and error handling to the Dash app's Flask server."""
    server = app.server
    css = BOOTSTRAP_CSS.read_bytes()

    @server.route(BOOTSTRAP_ROUTE)
    def bootstrap_css():
        return Response(css, mimetype="text/css", headers={"Cache-Control": "public, max-age=86400"})

    def view_response(fmt: str):
        state, notices = parse_query(request.query_string.decode("utf-8", errors="replace"), cat.vocab)
        shown = apply(cat.resolved(state.canon), state, cat.vocab)
        text = export.export(shown, cat.tables, fmt, tiers=state.canon)
        headers = {"X-Notices": " | ".join(notices)[:1000]} if notices else {}
        if fmt == "csv":
            headers["Content-Disposition"] = 'inline; filename="bajor-timeline.csv"'
            return Response(text, mimetype="text/csv", headers=headers)
        return Response(text, mimetype="application/json", headers=headers)

    server.add_url_rule("/events.json", "events_json", lambda: view_response("json"))
    server.add_url_rule("/events.csv", "events_csv", lambda: view_response("csv"))
    install_chart_routes(app, cat)

    @server.before_request
    def guard_callbacks():
        if request.path.endswith("/_dash-update-component") and request.method == "POST":
            problem = _malformed_callback(app.callback_map)
            if problem:
                return jsonify({"error": f"malformed callback request: {problem}"}), 400
        return None

    @server.errorhandler(Exception)
    def no_tracebacks(exc):
        code = getattr(exc, "code", None)
        if isinstance(code, int) and 400 <= code < 500:
            return jsonify({"error": getattr(exc, "description", "bad request")}), code
        log.exception("unhandled error on %s", request.path)
        return jsonify({"error": "internal error; the details are in the server log"}), 500


def request_site(app):
    """This app as the current request sees it (scheme, host, path prefix): for oEmbed and its discovery link."""
    from .oembed import Site
    return Site(request.scheme, request.host, app.config.requests_pathname_prefix or "/")


def install_chart_routes(app, cat: Catalogue) -> None:
    """Chart downloads and oEmbed, under the app's path prefix.

    <prefix>download/chart.html|svg|png?view=gantt|timeline|dispute&<filters>[&width=&height=&scale=]
    (charts.py draws them; PNG/SVG through kaleido, whose browser starts on the first image and
    stays up for the next) and <prefix>oembed?url=...&format=json (oembed.py).
    """
    from . import charts, images, oembed

    prefix = (app.config.routes_pathname_prefix or "/").rstrip("/")
    renderer = images.ImageRenderer()  # one browser per process, started by the first image
    packed: dict[str, str] = {}  # plotly.js packed for standalone files, once per process
    mimetypes = {"html": "text/html", "svg": "image/svg+xml", "png": "image/png"}

    def download(fmt: str):
        args = request.args
        try:
            chart = charts.build(cat, request.query_string.decode("utf-8", errors="replace"))
            sized = fmt != "html" or "width" in args or "height" in args
            width, height, scale = charts.check_size(args.get("width") or charts.SLIDE[0],
                                                     args.get("height") or charts.SLIDE[1],
                                                     args.get("scale") or 1 if fmt == "png" else 1)
            mode = args.get("plotlyjs") or "inline"
            if fmt == "html" and mode not in charts.PLOTLYJS_MODES:
                raise charts.ChartError(f"plotlyjs must be one of {', '.join(charts.PLOTLYJS_MODES)} here "
                                        "(the command line's --plotlyjs also takes a URL)")
        except charts.ChartError as exc:
            return jsonify({"error": str(exc)}), 400
        try:
            if fmt == "html":
                if mode not in packed:
                    packed[mode] = charts.plotlyjs_tags(mode)
                body = charts.standalone_html(chart, cat.tables, library=packed[mode],
                                              width=width if sized else None, height=height if sized else None)
                data = body.encode("utf-8")
            else:
                data = charts.render(chart, cat.tables, fmt, width=width, height=height, scale=scale, renderer=renderer)
        except images.RenderError:
            log.exception("chart image failed for %s", request.path)
            return jsonify({"error": "the image could not be drawn on this server; the details are in its log"}), 503
        # The file name comes from validated ids only (charts.Chart.slug): never raw user input in a header.
        return Response(data, mimetype=mimetypes[fmt],
                        headers={"Content-Disposition": f'attachment; filename="{chart.slug}.{fmt}"'})

    for fmt in mimetypes:
        server_path = f"{prefix}/download/chart.{fmt}"
        app.server.add_url_rule(server_path, f"download_chart_{fmt}", lambda fmt=fmt: download(fmt))

    def oembed_answer():
        try:
            answer, status = oembed.respond(cat, request.args.to_dict(), request_site(app)), 200
        except oembed.OEmbedError as exc:
            answer, status = {"error": exc.message}, exc.status
        # '<', '>' and '&' as \u escapes: the same JSON values, and never sniffed as markup.
        return Response(charts.script_json(answer), status=status, mimetype="application/json")

    app.server.add_url_rule(f"{prefix}/{oembed.ENDPOINT_PATH}", "oembed", oembed_answer)
