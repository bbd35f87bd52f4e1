"""Gantt chart of periods on a numeric year axis: one trace per visual role, not per event."""
from __future__ import annotations

import math

import plotly.graph_objects as go

from ..dates import format_range
from ..filters import Vocabulary
from ..resolve import bounds
from . import theme
from .lanes import faction_of, lane_of, lane_order, top_factions

ROW_PX = 24
TITLE_CHARS = 30
LANE_CHARS = 18


def _rows(df, vocab: Vocabulary, lanes: str) -> list[dict]:
    periods = [r for r in df.to_dict("records") if not r["is_point"]]
    order = {name: i for i, name in enumerate(lane_order(vocab, lanes))}
    for r in periods:
        r["lane"] = theme.short(lane_of(r, vocab, lanes), LANE_CHARS)
    order = {theme.short(name, LANE_CHARS): i for name, i in order.items()}
    periods.sort(key=lambda r: (order.get(r["lane"], len(order)), r["best_start"], r["title"]))
    seen: dict[str, int] = {}
    for r in periods:  # two events may share a title: keep their rows apart
        key = (r["lane"], r["title"])
        seen[key] = seen.get(key, 0) + 1
        r["row"] = theme.safe(theme.short(r["title"], TITLE_CHARS)) + ("\u2009" * (seen[key] - 1))
    return periods


def _hover(r: dict) -> str:
    rng = [format_range(*bounds(r, side)) for side in ("start", "end")]
    return f"{theme.safe(r['start'])} to {theme.safe(r['end'])}<br>range: began {rng[0]}, ended {rng[1]}"


def gantt(df, vocab: Vocabulary, *, lanes: str = "faction", selected: str | None = None,
          x_range=None, title: str = "Periods") -> go.Figure:
    """Periods as bars (best estimate), faded bars for the uncertain start and end, era bands behind."""
    rows = _rows(df, vocab, lanes)
    lo, hi = theme.extent(df, x_range)
    colour = theme.colours(top_factions(vocab))
    y = [[r["lane"] for r in rows], [r["row"] for r in rows]]
    custom = [[r["id"], theme.safe(r["title"]), _hover(r), theme.tier_label(r["canon"]),
               "disputed" if r["disputed"] else "sources agree", theme.claimed_dates(r)] for r in rows]
    colours = [colour[faction_of(r["factions"], vocab)] for r in rows]
    hover = ("<b>%{customdata[1]}</b><br>%{customdata[2]}<br>sources give: %{customdata[5]}"
             "<br>strongest source: %{customdata[3]} (%{customdata[4]})<extra></extra>")
    fig = go.Figure()

    # Uncertainty: the spans where the start and the end may lie, faded.
    unc_base, unc_len, unc_y0, unc_y1, unc_c, unc_cd = [], [], [], [], [], []
    for r, c, y0, y1 in zip(rows, colours, *y):
        for side in ("start", "end"):
            a, b = (theme.clamp(v, lo, hi) for v in bounds(r, side))
            if b - a > 0.01:
                unc_base.append(a); unc_len.append(b - a); unc_y0.append(y0); unc_y1.append(y1)
                unc_c.append(c); unc_cd.append([r["id"]])
    # Only the id rides along: "none" (not "skip") keeps clicks on a faded bar selecting its event.
    fig.add_trace(go.Bar(
        name="Uncertain start or end (faded)", base=unc_base, x=unc_len, y=[unc_y0, unc_y1], orientation="h",
        marker={"color": unc_c, "opacity": 0.3, "line": {"width": 0}}, customdata=unc_cd,
        hoverinfo="none", showlegend=False, width=0.55,
    ))
    # Best estimate: solid bar coloured by faction, patterned and outlined by canon tier.
    base = [theme.clamp(r["best_start"], lo, hi) for r in rows]
    end = [theme.clamp(r["best_end"], lo, hi) for r in rows]
    fig.add_trace(go.Bar(
        name="Best estimate", base=base, x=[max(e - b, 0.3) for b, e in zip(base, end)], y=y, orientation="h",
        marker={
            "color": colours,
            "line": {"color": "#222", "width": [theme.TIER_OUTLINE[r["canon"]] for r in rows]},
            "pattern": {"shape": [theme.TIER_PATTERN[r["canon"]] for r in rows], "fgcolor": "#ffffff",
                        "solidity": 0.35},
        },
        customdata=custom, hovertemplate=hover, showlegend=False, width=0.55,
    ))
    # Open-ended periods run to the edge of the chart, marked with an arrow.
    open_rows = [(r, y0, y1) for r, y0, y1 in zip(rows, *y) if r["best_end"] is not None and math.isinf(r["best_end"])]
    fig.add_trace(go.Scatter(
        name="Open-ended (continues)", x=[hi] * len(open_rows), y=[[o[1] for o in open_rows], [o[2] for o in open_rows]],
        mode="markers", marker={"symbol": "triangle-right", "size": 12, "color": "#222"}, cliponaxis=False,
        hoverinfo="skip", showlegend=bool(open_rows),
    ))
    # The selected event, outlined.
    sel = [(r, b, e, y0, y1) for r, b, e, y0, y1 in zip(rows, base, end, *y) if r["id"] == selected]
    fig.add_trace(go.Bar(
        name="Selected", base=[s[1] for s in sel], x=[max(s[2] - s[1], 0.3) for s in sel],
        y=[[s[3] for s in sel], [s[4] for s in sel]], orientation="h", width=0.85,
        marker={"color": "rgba(0,0,0,0)", "line": {"color": theme.SELECTED, "width": 3}},
        hoverinfo="skip", showlegend=False,
    ))
    present = {faction_of(r["factions"], vocab) for r in rows}
    for f in top_factions(vocab):
        if f in present:
            theme.legend_key(fig, theme.safe(vocab.factions[f]), "factions", {"color": colour[f]})
    theme.legend_key(fig, "Uncertain start or end (faded)", "cues", {"color": "#777", "opacity": 0.3})
    theme.tier_keys(fig, {r["canon"] for r in rows})
    theme.base_layout(fig, title, (lo, hi), height=140 + ROW_PX * max(len(rows), 3))
    theme.era_bands(fig, vocab.era_bands, (lo, hi))
    fig.update_yaxes(autorange="reversed", type="multicategory", tickfont={"size": 12}, showdividers=True,
                     automargin=False)
    if not rows:
        fig.add_annotation(text="No periods match these filters.", x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False)
    fig.update_layout(meta={"role": "gantt", "ids": [r["id"] for r in rows], "x_range": [lo, hi]})
    return fig
