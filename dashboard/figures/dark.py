"""The dark look of any figure built by dashboard.figures (for `/embed?theme=dark`).

The figure builders draw for a light page; `dark(fig)` maps their colours to a dark page's, so there
is one figure code and one place that knows both looks. Text gets at least 4.5:1 against the dark
background, marks at least 3:1 (WCAG 1.4.3 and 1.4.11); tests/figures/test_dark.py measures it. Labels dimmed by
a selection stay faint on purpose, as on the light page.
Pure: a figure (or its dict) in, a plain figure dict out.
"""

from __future__ import annotations

import re

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.figures import theme

BACKGROUND = "#16191c"  # the embed's dark page (assets/embed.css): Okabe-Ito blue keeps 3:1 on it
INK = "#e6edf3"
MUTED = "#adb5bd"
GRID = "#3a4048"
ERA_OPACITY = 0.09  # light era bands, barely lifted from the dark background

# Light colour (as the figure builders write it) -> dark colour. Keys in lower case.
COLOURS = {
    theme.INK.lower(): INK,
    theme.MUTED.lower(): MUTED,
    "#000": INK,
    "#000000": "#f0f0f0",  # the eighth faction colour, and black outlines
    "#1d1d1f": "#f0f0f0",  # canon tier
    theme.TIER_COLOUR["licensed"].lower(): "#c3b5f0",
    theme.TIER_COLOUR["production"].lower(): "#e0b341",
    theme.TIER_COLOUR["fan"].lower(): "#b8b8b8",
    "#e3e3e3": GRID,
    "#c9c9c9": "#50575f",
    "#6e7781": "#9aa4ae",
    "#b0b0b0": "#6c737a",
    "rgba(255,255,255,0.85)": "rgba(22,25,28,0.88)",
    "rgba(0,0,0,0.55)": "rgba(255,255,255,0.6)",
    "#8c959f": "#7d8590",  # axis lines and hover borders
    "white": BACKGROUND,
    "#fff": BACKGROUND,
    "#ffffff": BACKGROUND,
    # the density view's scale (figures/density.py): dense is light on a dark page
    "#dbe9f6": "#1d2f44",
    "#6baed6": "#4f93c9",
    "#08306b": "#d8ebfb",
}
HOVER_BG = "#262b31"
_IN_TEXT = re.compile(r"color:\s*(#[0-9a-fA-F]{3,6})")


def _colour(value: str) -> str:
    return COLOURS.get(value.strip().lower().replace(" ", ""), value)


def _walk(value, key: str = ""):
    if isinstance(value, dict):
        return {k: _walk(v, k) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_walk(v, key) for v in value]
    if isinstance(value, np.ndarray):
        return np.array([_walk(v, key) for v in value], dtype=object) if value.dtype == object else value
    if isinstance(value, str):
        if "color" in key:
            return _colour(value)
        if "color:" in value:  # inline styles in hover and label markup
            return _IN_TEXT.sub(lambda m: "color:" + _colour(m.group(1)), value)
    return value


def dark(fig) -> dict:
    """The figure with a dark background and colours that keep their contrast on it."""
    data = fig.to_dict() if isinstance(fig, go.Figure) else fig
    out = _walk(data)
    layout = out.setdefault("layout", {})
    if (layout.get("template") or {}).get("layout"):  # a light Plotly template (e.g. plotly_white)
        layout["template"] = pio.templates["plotly_dark"].to_plotly_json()
    layout["paper_bgcolor"] = layout["plot_bgcolor"] = BACKGROUND
    layout["font"] = {**layout.get("font", {}), "color": INK}
    for axis in [k for k in layout if k.startswith(("xaxis", "yaxis"))]:
        layout[axis] = {"gridcolor": GRID, "linecolor": GRID, "tickcolor": GRID, **layout[axis]}
    for shape in layout.get("shapes", []):  # era bands: the data's light colours, faint on dark
        if shape.get("type") == "rect" and shape.get("layer") == "below" and shape.get("yref") == "paper":
            shape["opacity"] = min(shape.get("opacity", 1), ERA_OPACITY)
    layout["hoverlabel"] = {
        **layout.get("hoverlabel", {}),
        "bgcolor": HOVER_BG,
        "bordercolor": INK,
        "font": {**layout.get("hoverlabel", {}).get("font", {}), "color": INK},
    }
    layout["meta"] = {**(layout.get("meta") or {}), "theme": "dark"}
    return out
