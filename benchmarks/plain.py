"""The baseline: a plain plotly.express page of the same events, as anyone would write it.

`px.timeline` of the periods and `px.scatter` of the moments (benchmarks/bench_figures.baseline),
written into one static HTML page with the figures' JSON inline and the full plotly.js bundle that
the plotly package ships, served by a small Flask app with the same compression as ours.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import plotly
from flask import Flask, Response

from dashboard.web import compression
from testsupport.servers import serve_wsgi

FULL_PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def page_html(figures) -> str:
    """One HTML page drawing the figures, each in its own div, with plotly.js loaded from /plotly.min.js."""
    divs = "\n".join(
        f.to_html(full_html=False, include_plotlyjs=False, div_id=f"plain-{i}") for i, f in enumerate(figures)
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Plain px.timeline</title>'
        '<script src="/plotly.min.js"></script></head>\n<body>\n' + divs + "\n</body></html>\n"
    )


@contextmanager
def serve(html: str):
    """Serve the page at / (and plotly.js) on a loopback port; yields the page's URL."""
    app = Flask("plain-baseline")
    js = FULL_PLOTLY_JS.read_bytes()
    app.add_url_rule("/", "page", lambda: Response(html, mimetype="text/html"))
    app.add_url_rule("/plotly.min.js", "plotly", lambda: Response(js, mimetype="text/javascript"))
    compression.configure(app)
    with serve_wsgi(app) as port:
        yield f"http://127.0.0.1:{port}/"
