"""Page weight: what the browser downloads, and how small.

- Compression (flask-compress): zstd, brotli or gzip, whichever the browser offers first in that
  order, for HTML, CSS, JavaScript, JSON and CSV, including streamed responses. The compressed bytes
  of fingerprinted static files (Dash's component bundles, assets/, the vendored Bootstrap CSS) are
  kept per path and algorithm, so each is compressed once per process; callback answers and data
  downloads are compressed afresh every time (never cached).
- No unused bundles: Dash always lists dash_table's bundle on the page; no page here uses
  DataTable, so the script tag is left out (`dash_compat.Dash`, the app's class). So is Dash's copy of
  @babel/polyfill (core-js 2, for browsers of the Internet Explorer era): every browser Dash 4,
  React 18, AG Grid and plotly.js run in has what it adds, and it replaces the browser's own
  String.prototype.trim with a script (its list of spaces predates Unicode 6.3), which plotly.js
  calls for every label it draws: about 0.3 s of a 1,000-event page's first chart.
- The plotly.js build: dcc.Graph fetches plotly.js from a fixed address when a chart first renders;
  that address (dash_compat.DCC_PLOTLY_PATH) answers with our partial build
  (dashboard/formats/plotlyjs.py), compressed and kept.
"""

from __future__ import annotations

from flask import request, send_file
from flask_compress import Compress

from dashboard.formats import plotlyjs
from dashboard.web import dash_compat

# URL paths whose content never changes while the app runs (their names carry a version or an mtime).
STATIC_PREFIXES = (dash_compat.COMPONENT_SUITES, "/assets/", "/vendor/")
MIMETYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/csv",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "image/x-icon",
    "image/vnd.microsoft.icon",
]


class StaticCache:
    """flask-compress cache backend that keeps only static files' compressed bytes (bounded by the
    files the app has): a key ending in ';' (see cache_key) is never stored."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._data.get(key)

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith(";"):
            self._data[key] = value


def cache_key(request) -> str:
    """The path of a static file (not its query string: any number of those name the same file);
    '' for everything else, which StaticCache then does not keep."""
    if request.method == "GET" and request.path.startswith(STATIC_PREFIXES):
        return request.path
    return ""


def configure(server) -> Compress:
    """Compress the Flask server's responses (call once, when the routes are set up)."""
    server.config.update(
        COMPRESS_ALGORITHM=["zstd", "br", "gzip"],
        COMPRESS_ALGORITHM_STREAMING=["zstd", "br", "gzip"],
        COMPRESS_MIMETYPES=MIMETYPES,
        COMPRESS_MIN_SIZE=500,
        COMPRESS_CACHE_BACKEND=StaticCache,
        COMPRESS_CACHE_KEY=cache_key,
    )
    compress = Compress(server)
    server.extensions["compress"] = compress

    @server.before_request
    def our_plotly_build():
        """dcc.Graph's request for plotly.js gets the partial build (see dashboard/formats/plotlyjs.py)."""
        if request.method == "GET" and request.path.endswith(dash_compat.DCC_PLOTLY_PATH):
            response = send_file(plotlyjs.PLOTLY_JS, mimetype="application/javascript", conditional=True, max_age=0)
            return response
        return None

    @server.after_request  # registered after flask-compress's hook, so it runs before it
    def read_static_files_whole(response):
        """A file sent from disk (assets/) is a stream, which flask-compress would compress anew on
        every request; read whole, it is compressed once and kept (StaticCache)."""
        if response.direct_passthrough and response.status_code == 200 and cache_key(request):
            response.direct_passthrough = False
            response.make_sequence()
        return response

    return compress
