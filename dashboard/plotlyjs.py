"""Which plotly.js build the app, the embeds and the standalone files use: one home for that choice.

The plotly Python package ships the full plotly.js (4.8 MB, every trace type). Our figures use
only a few trace types, so the app serves the official *cartesian* partial bundle of the SAME
plotly.js version (npm `plotly.js-cartesian-dist-min`, 1.5 MB, MIT licence beside it), vendored in
assets/vendor/. Dash puts every script in assets/ on the page, so `window.Plotly` exists before any
graph renders, and dcc.Graph then uses it instead of fetching the full bundle (dcc loads
`window._dashPlotlyJSURL` only when `window.Plotly` is missing). Standalone HTML files inline the
same build. tests/test_weight.py checks the version matches the plotly package's and that every
trace type our figures make is in TRACES.

To change the build: put the new file in assets/vendor/, point BUNDLE at it, update TRACES.
"""
from __future__ import annotations

import re
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
BUNDLE = "vendor/plotly-cartesian-4.1.1.min.js"
PLOTLY_JS: Path = ASSETS / BUNDLE
# The trace modules in the cartesian bundle (its README): our figures may use any of these.
TRACES = frozenset({"bar", "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour", "image",
                    "pie", "scatter", "scatterternary", "violin"})


def source() -> str:
    """The plotly.js source text, for inlining into a standalone HTML file."""
    return PLOTLY_JS.read_text(encoding="utf-8")


def version() -> str:
    """The plotly.js version of the bundle, read from its banner ('4.1.1')."""
    with PLOTLY_JS.open(encoding="utf-8") as fh:
        head = fh.read(300)
    match = re.search(r"plotly\.js \([^)]*\) v(\d+\.\d+\.\d+)|plotly\.js v(\d+\.\d+\.\d+)", head)
    return next(g for g in match.groups() if g) if match else ""
