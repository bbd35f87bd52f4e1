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
