"""Which plotly.js build the app, the embeds and the standalone files use: one home for that choice.

The plotly Python package ships the full plotly.js (4.8 MB, every trace type). Our figures use
only a few trace types, so the app serves the official *cartesian* partial bundle of the SAME
plotly.js version (npm `plotly.js-cartesian-dist-min`, 1.5 MB; its MIT licence beside it), vendored
in dashboard/formats/vendor/. dcc.Graph loads plotly.js itself, lazily, from a fixed address when its first
graph renders (`window._dashPlotlyJSURL`, Dash's copy of the full bundle); dashboard/weight.py
answers that address with this build instead. So no page downloads the full bundle, pages
without a chart download no plotly.js at all, and the page's other scripts are not held up by it.
Standalone HTML files inline the same build (source()). tests/test_weight.py checks that the
version matches the plotly package's and that every trace type our figures make is in TRACES.

To change the build: put the new file in dashboard/formats/vendor/, point PLOTLY_JS at it, update TRACES.
"""

from __future__ import annotations

import re
from pathlib import Path

PLOTLY_JS: Path = Path(__file__).resolve().parent / "vendor" / "plotly-cartesian-4.1.1.min.js"
# The address dcc.Graph fetches plotly.js from (after the app's path prefix), when window.Plotly is missing.
DCC_PLOTLY_PATH = "/_dash-component-suites/plotly/package_data/plotly.min.js"
# The trace modules in the cartesian bundle (its README): our figures may use any of these.
TRACES = frozenset(
    {
        "bar",
        "box",
        "contour",
        "heatmap",
        "histogram",
        "histogram2d",
        "histogram2dcontour",
        "image",
        "pie",
        "scatter",
        "scatterternary",
        "violin",
    }
)


def source() -> str:
    """The plotly.js source text, for inlining into a standalone HTML file."""
    return PLOTLY_JS.read_text(encoding="utf-8")


def version() -> str:
    """The plotly.js version of the bundle, read from its banner ('4.1.1')."""
    with PLOTLY_JS.open(encoding="utf-8") as fh:
        head = fh.read(300)
    match = re.search(r"plotly\.js \([^)]*\) v(\d+\.\d+\.\d+)|plotly\.js v(\d+\.\d+\.\d+)", head)
    return next(g for g in match.groups() if g) if match else ""
