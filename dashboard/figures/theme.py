"""One look for every figure: colour-blind-safe palette, tier cues, axis helpers, safe text."""
from __future__ import annotations

import html
import math

import plotly.graph_objects as go

from ..schema import TIER_LABELS, TIERS

# Okabe & Ito's colour-blind-safe palette, black last; grey for the overflow.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
OVERFLOW = "#999999"
TIER_PATTERN = {"canon": "", "licensed": "/", "production": ".", "fan": "x"}
TIER_SYMBOL = {"canon": "circle", "licensed": "diamond", "production": "square", "fan": "x"}
TIER_OUTLINE = {"canon": 2.0, "licensed": 1.0, "production": 1.0, "fan": 1.0}
SELECTED = "#000000"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
PAD_YEARS = 2
LABEL_MARGIN = 340  # px: the same left margin on both charts, so their year axes line up


def colours(keys) -> dict[str, str]:
    """Assign palette colours to keys in the order given (stable across filters)."""
    return {k: PALETTE[i] if i < len(PALETTE) else OVERFLOW for i, k in enumerate(keys)}


def safe(text) -> str:
    """Escape data text for Plotly labels and hover, so markup shows as text and never runs."""
    return html.escape("" if text is None else str(text), quote=False)


def tier_label(tier: str) -> str:
    return TIER_LABELS[tier]


def extent(df, x_range=None) -> tuple[float, float]:
    """The shared year range: the given one, else the data's finite extent padded a little."""
    if x_range:
        return float(x_range[0]), float(x_range[1])
    values = [v for col in ("start_earliest", "start_latest", "end_earliest", "end_latest", "best_start")
              if col in df for v in df[col].dropna() if math.isfinite(v)]
    if not values:
        return 2300.0, 2420.0
    return math.floor(min(values)) - PAD_YEARS, math.ceil(max(values)) + PAD_YEARS


def clamp(value, lo: float, hi: float) -> float:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return lo
    return min(max(value, lo), hi)


def short(text: str, limit: int) -> str:
    """Cut a label to fit (hover, table and panels give it whole)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def base_layout(fig: go.Figure, title: str, x_range: tuple[float, float], height: int,
                left: int | None = LABEL_MARGIN) -> go.Figure:
    fig.update_layout(
        template="plotly_white",
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        font={"family": FONT, "size": 13, "color": "#212529"},
        height=height,
        margin={"l": left if left is not None else 10, "r": 24, "t": 62, "b": 100},
        barmode="overlay",
        clickmode="event",
        hovermode="closest",
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0, "font": {"size": 12}},
        xaxis={"range": list(x_range), "title": {"text": "Year"}, "tickformat": "d", "showgrid": True,
               "gridcolor": "#e5e5e5", "zeroline": False},
        uirevision="keep",
    )
    return fig


def era_bands(fig: go.Figure, bands, x_range, label: bool = True) -> None:
    """Eras as background bands, labelled along the top."""
    lo, hi = x_range
    shown = [b for b in bands if not (b[3] < lo or b[2] > hi)]
    for i, (_id, name, start, end, colour) in enumerate(shown):
        fig.add_vrect(x0=start, x1=end, fillcolor=colour, opacity=0.5, layer="below", line_width=0)
        if label:  # staggered on two rows so neighbouring labels never collide
            fig.add_annotation(x=(max(start, lo) + min(end, hi)) / 2, y=1.0, yref="paper", yanchor="bottom",
                               yshift=13 * (i % 2), text=safe(name), showarrow=False, font={"size": 11, "color": "#555"})


def claimed_dates(row: dict) -> str:
    """The dates as the trusted sources write them, e.g. 'start 2309 · 2319~ · 2328; end 2369'
    (resolved as `sources_say`), escaped for hover text."""
    return safe(row["sources_say"])


def legend_key(fig: go.Figure, name: str, group: str, marker: dict, kind: str = "bar") -> None:
    """A legend-only entry (no data) explaining a visual cue."""
    if kind == "bar":
        fig.add_trace(go.Bar(x=[None], y=[None], orientation="h", name=name, marker=marker,
                             legendgroup=group, showlegend=True, hoverinfo="skip"))
    else:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name, marker=marker,
                                 legendgroup=group, showlegend=True, hoverinfo="skip"))


def tier_keys(fig: go.Figure, tiers, kind: str = "bar") -> None:
    for t in TIERS:
        if t not in tiers:
            continue
        if kind == "bar":
            marker = {"color": "#ffffff", "line": {"color": "#333", "width": TIER_OUTLINE[t]},
                      "pattern": {"shape": TIER_PATTERN[t], "fgcolor": "#333", "solidity": 0.3}}
        else:
            marker = {"color": "#555", "symbol": TIER_SYMBOL[t], "size": 10}
        legend_key(fig, tier_label(t), "tiers", marker, kind)
