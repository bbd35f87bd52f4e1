"""The dispute chart for one event: every dated claim as its own mark, the envelope, the best estimate."""
from __future__ import annotations

import math

import plotly.graph_objects as go

from ..schema import TIERS
from . import theme

LABEL_CHARS = 26
TIER_COLOUR = dict(zip(TIERS, ("#0072B2", "#E69F00", "#009E73", "#CC79A7")))


def uncertainty(event: dict, *, x_range=None) -> go.Figure:
    """One row per dated claim (start and, for periods, end ranges); envelope shaded; best dashed."""
    dated = [c for c in event["citations"] if c["start"] or c["end"]]
    ivs = [(c, c["start_iv"], c["end_iv"]) for c in dated]
    finite = [v for _, s, e in ivs for iv in (s, e) if iv for v in (iv.earliest, iv.latest) if math.isfinite(v)]
    finite += [v for v in (event["start_earliest"], event["start_latest"], event["end_earliest"], event["end_latest"])
               if v is not None and math.isfinite(v)]
    lo, hi = x_range or ((math.floor(min(finite)) - 3, math.ceil(max(finite)) + 3) if finite else (2300, 2420))
    labels = [theme.safe(theme.short(c["source"], LABEL_CHARS)) + ("\u2009" * i) for i, (c, _, _) in enumerate(ivs)]
    fig = go.Figure()
    for side, name, opacity in (("start", "Start (or date) given", 0.9), ("end", "End given", 0.45)):
        base, length, ys, colours, custom, tiers = [], [], [], [], [], []
        for label, (c, s, e) in zip(labels, ivs):
            iv = s if side == "start" else e
            if iv is None:
                continue
            a, b = theme.clamp(iv.earliest, lo, hi), theme.clamp(iv.latest, lo, hi)
            base.append(a); length.append(max(b - a, 0.4)); ys.append(label); colours.append(TIER_COLOUR[c["tier"]])
            tiers.append(c["tier"])
            custom.append([theme.safe(c["source"]), theme.safe(iv.label), theme.safe(c["note"]),
                           theme.tier_label(c["tier"])])
        fig.add_trace(go.Bar(
            name=name, base=base, x=length, y=ys, orientation="h", width=0.5, showlegend=False,
            marker={"color": colours, "opacity": opacity, "line": {"color": "#222", "width": 1},
                    "pattern": {"shape": [theme.TIER_PATTERN[t] for t in tiers], "fgcolor": "#fff", "solidity": 0.35}},
            customdata=custom,
            hovertemplate="<b>%{customdata[0]}</b> (%{customdata[3]}): %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        ))
    for side in ("start", "end"):
        a, b = event[f"{side}_earliest"], event[f"{side}_latest"]
        if side == "end" and event["is_point"]:
            continue
        a = lo if a is None or not math.isfinite(a) else a
        b = hi if b is None or not math.isfinite(b) else b
        fig.add_vrect(x0=a, x1=b, fillcolor="#999", opacity=0.18, layer="below", line_width=0)
    best = [event["best_start"]] + ([] if event["is_point"] else [event["best_end"]])
    for x in best:
        if x is not None and math.isfinite(x):
            fig.add_vline(x=x, line={"color": "#000", "dash": "dash", "width": 2})
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name="Best estimate",
                             line={"color": "#000", "dash": "dash", "width": 2}, hoverinfo="skip"))
    fig.add_trace(go.Bar(x=[None], y=[None], orientation="h", name="Range they span",
                         marker={"color": "#999", "opacity": 0.35}, hoverinfo="skip"))
    for tier in TIERS:
        if any(c["tier"] == tier for c, _, _ in ivs):
            theme.legend_key(fig, theme.tier_label(tier), "tiers", {
                "color": TIER_COLOUR[tier], "pattern": {"shape": theme.TIER_PATTERN[tier], "fgcolor": "#fff"}})
    fig.add_trace(go.Bar(x=[None], y=[None], orientation="h", name="End (lighter)",
                         marker={"color": "#555", "opacity": 0.45}, hoverinfo="skip", showlegend=any(e for _, _, e in ivs)))
    theme.base_layout(fig, "What each source says", (lo, hi), height=190 + 30 * max(len(ivs), 2), left=None)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 40, "b": 110}, uirevision=event["id"])
    fig.update_yaxes(autorange="reversed", automargin=True)
    if not ivs:
        fig.add_annotation(text="No trusted source gives a date.", x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False)
    fig.update_layout(meta={"role": "uncertainty", "event": event["id"], "claims": len(ivs)})
    return fig
