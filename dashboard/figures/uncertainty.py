"""The dispute chart for one event: what each source says, under Start and End headings.

One row per dated claim, named "Work · Wiki" (the same work can be read differently on two wikis);
its mark spans the years that claim allows, coloured by the claim's tier (colours no faction uses)
and shaped by it; the range all trusted claims span is shaded and the best estimate is a dashed line.
"""
from __future__ import annotations

import math

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import words
from ..schema import TIERS
from . import measure, theme

ROW_PX = 40  # a claim's name on one line, its bar below


def claim_label(c: dict) -> str:
    """'Waltz · Memory Beta': the work, then the wiki it was read on."""
    wiki = (c.get("page") or "").split(":")[0].strip()
    return f"{c['source']} · {wiki}" if wiki else c["source"]


def _side_range(event: dict, side: str, ivs) -> tuple[float, float]:
    finite = [v for iv in ivs if iv for v in (iv.earliest, iv.latest) if math.isfinite(v)]
    for key in (f"{side}_earliest", f"{side}_latest", f"best_{side}"):
        v = event.get(key)
        if v is not None and v == v and math.isfinite(v):
            finite.append(v)
    if not finite:
        return 2300.0, 2420.0
    lo, hi = math.floor(min(finite)), math.ceil(max(finite))
    pad = max(2, round((hi - lo) * 0.08))
    return lo - pad, hi + pad


def uncertainty(event: dict, citations: list[dict], *, width_px: float = 340) -> go.Figure:
    """Start and End panels, one above the other (one 'Date' panel for a moment), a row per dated
    claim with its name above its bar, so the chart uses the whole width of a narrow panel."""
    dated = [c for c in citations if c.get("start_iv") is not None or c.get("end_iv") is not None]
    sides = ["start"] if event["is_point"] else ["start", "end"]
    titles = ["Date" if event["is_point"] else "Start", "End"][: len(sides)]
    per_side = [[c for c in dated if c.get(f"{side}_iv") is not None] for side in sides]
    heights = [max(len(cs), 1) for cs in per_side]
    fig = make_subplots(figure=theme.new_figure(), rows=len(sides), cols=1, subplot_titles=titles, vertical_spacing=62 / (
        60 + ROW_PX * sum(heights) + 60 * len(sides)), row_heights=heights)
    for row, (side, cites) in enumerate(zip(sides, per_side), start=1):
        ivs = [c[f"{side}_iv"] for c in cites]
        lo, hi = _side_range(event, side, ivs)
        ys = list(range(len(cites)))
        base = [min(max(iv.earliest, lo), hi) for iv in ivs]
        length = [max(min(max(iv.latest, lo), hi) - b, (hi - lo) / 150) for b, iv in zip(base, ivs)]
        hover = [f"<b>{theme.safe(c['source'])}</b> ({theme.tier_label(c['tier'])}, via {theme.safe(c['page'])})"
                 f"<br>{theme.safe(words.edtf(iv.label))} <span style='color:{theme.MUTED}'>({theme.safe(iv.label)})</span>"
                 for c, iv in zip(cites, ivs)]
        fig.add_trace(go.Bar(base=base, x=length, y=[y + 0.2 for y in ys], orientation="h", width=0.3, name=side,
                             marker={"color": [theme.TIER_COLOUR[c["tier"]] for c in cites], "opacity": 0.9,
                                     "line": {"width": 0}},
                             hovertext=hover, hovertemplate="%{hovertext}<extra></extra>"), row=row, col=1)
        said = [words.edtf(iv.label) for iv in ivs]
        fig.add_trace(go.Scatter(
            x=[lo] * len(cites), y=[y - 0.22 for y in ys], mode="text", textposition="middle right",
            text=[f"{theme.TIER_GLYPH[c['tier']]} "
                  f"{theme.safe(measure.fit(claim_label(c), width_px - 40 - measure.width(w, 12), size=12))}"
                  f"  <span style='color:{theme.MUTED}'>{theme.safe(w)}</span>"
                  for c, w in zip(cites, said)],
            textfont={"size": 12, "color": [theme.TIER_COLOUR[c["tier"]] for c in cites]},
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", cliponaxis=False), row=row, col=1)
        env_lo, env_hi = event.get(f"{side}_earliest"), event.get(f"{side}_latest")
        env_lo = lo if env_lo is None or env_lo != env_lo or not math.isfinite(env_lo) else env_lo
        env_hi = hi if env_hi is None or env_hi != env_hi or not math.isfinite(env_hi) else env_hi
        fig.add_vrect(x0=env_lo, x1=env_hi, fillcolor="#8c959f", opacity=0.16, layer="below", line_width=0,
                      row=row, col=1)
        best = event.get(f"best_{side}")
        if best is not None and best == best and math.isfinite(best):
            fig.add_vline(x=best, line={"color": "#000", "dash": "dash", "width": 2}, row=row, col=1)
        fig.update_xaxes(range=[lo, hi], tickformat="d", nticks=6, showgrid=True, gridcolor="#e3e3e3",
                         fixedrange=True, row=row, col=1)
        fig.update_yaxes(range=[len(cites) - 0.5, -0.7], showticklabels=False, showgrid=False, zeroline=False,
                         fixedrange=True, row=row, col=1)
    fig.update_layout(
        paper_bgcolor="white", plot_bgcolor="white", font={"family": theme.FONT, "size": 12, "color": theme.INK},
        height=40 + ROW_PX * sum(heights) + 60 * len(sides), margin={"l": 4, "r": 10, "t": 26, "b": 24},
        showlegend=False, barmode="overlay", hovermode="closest", uirevision=event["id"],
        meta={"role": "uncertainty", "event": event["id"], "claims": len(dated)},
    )
    if not dated:
        fig.add_annotation(theme.empty_note("No trusted source gives a date."))
    for ann in fig.layout.annotations:  # the Start / End headings: bold, at the left
        if ann.text in ("Start", "End", "Date"):
            ann.update(font={"size": 13, "color": theme.INK}, text=f"<b>{ann.text}</b>", x=0, xanchor="left")
    return fig


TIER_ORDER = TIERS
