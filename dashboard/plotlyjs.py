"""Which plotly.js build the app, the embeds and the standalone files use: one home for that choice."""
from __future__ import annotations

from pathlib import Path

import plotly

# The full bundle shipped inside the plotly Python package (no CDN, works offline).
PLOTLY_JS: Path = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def source() -> str:
    """The plotly.js source text, for inlining into a standalone HTML file."""
    return PLOTLY_JS.read_text(encoding="utf-8")
