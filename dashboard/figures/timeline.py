"""Timeline of point events: markers in lanes with whiskers spanning each date's range."""
from __future__ import annotations


import plotly.graph_objects as go

from ..dates import format_range
from ..filters import Vocabulary
from ..resolve import bounds
from . import theme
from .lanes import faction_of, lane_of, lane_order, top_factions

MIN_GAP_YEARS = 2.5  # markers closer than this in one lane go on separate sub-rows
ROW_PX = 22


def pack(rows: list[dict], order: list[str]) -> tuple[list[float], list[tuple[str, float]], list[float]]:
    """Give each point a y so that close points in a lane do not overlap.

    Returns the y of each row, the (lane, centre y) tick positions and the lane dividers.
    """
    ys = [0.0] * len(rows)
    ticks, dividers, base = [], [], 0.0
    by_lane: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_lane.setdefault(r["lane"], []).append(i)
    for lane in [l for l in order if l in by_lane] + [l for l in by_lane if l not in order]:
        ends: list[float] = []  # the last x placed on each sub-row
        for i in sorted(by_lane[lane], key=lambda i: rows[i]["best_start"]):
            x = rows[i]["best_start"]
            slot = next((k for k, last in enumerate(ends) if x - last >= MIN_GAP_YEARS), None)
            if slot is None:
                ends.append(x)
                slot = len(ends) - 1
            ends[slot] = x
            ys[i] = base + slot
        ticks.append((lane, base + (len(ends) - 1) / 2))
        base += len(ends) + 1
        dividers.append(base - 1)
    return ys, ticks, dividers[:-1]


def timeline(df, vocab: Vocabulary, *, lanes: str = "faction", selected: str | None = None,
             x_range=None, title: str = "Moments") -> go.Figure:
    """Point events as markers coloured by faction, shaped by tier, with range whiskers."""
    rows = [r for r in df.to_dict("records") if r["is_point"]]
    lo, hi = theme.extent(df, x_range)
    for r in rows:
        r["lane"] = lane_of(r, vocab, lanes)
    ys, ticks, dividers = pack(rows, lane_order(vocab, lanes))
    colour = theme.colours(top_factions(vocab))
    xs = [theme.clamp(r["best_start"], lo, hi) for r in rows]
    early = [theme.clamp(bounds(r, "start")[0], lo, hi) for r in rows]
    late = [theme.clamp(bounds(r, "start")[1], lo, hi) for r in rows]
    custom = [[
        r["id"], theme.safe(r["title"]), theme.safe(r["start"]),
        format_range(*bounds(r, "start")),
        theme.tier_label(r["canon"]), "disputed" if r["disputed"] else "sources agree", theme.claimed_dates(r),
    ] for r in rows]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        name="Moments", x=xs, y=ys, mode="markers", customdata=custom, showlegend=False,
        marker={"color": [colour[faction_of(r["factions"], vocab)] for r in rows],
                "symbol": [theme.TIER_SYMBOL[r["canon"]] for r in rows], "size": 11,
                "line": {"color": "#222", "width": 1}},
        error_x={"type": "data", "symmetric": False, "array": [b - x for x, b in zip(xs, late)],
                 "arrayminus": [x - a for x, a in zip(xs, early)], "color": "#666", "thickness": 1.5, "width": 4},
        hovertemplate=("<b>%{customdata[1]}</b><br>%{customdata[2]} (range %{customdata[3]})"
                       "<br>sources give: %{customdata[6]}"
                       "<br>strongest source: %{customdata[4]} (%{customdata[5]})<extra></extra>"),
    ))
    sel = [(x, y) for r, x, y in zip(rows, xs, ys) if r["id"] == selected]
    fig.add_trace(go.Scatter(
        name="Selected", x=[s[0] for s in sel], y=[s[1] for s in sel], mode="markers", showlegend=False,
        marker={"symbol": "circle-open", "size": 22, "color": theme.SELECTED, "line": {"width": 3}}, hoverinfo="skip",
    ))
    present = {faction_of(r["factions"], vocab) for r in rows}
    for f in top_factions(vocab):
        if f in present:
            theme.legend_key(fig, theme.safe(vocab.factions[f]), "factions", {"color": colour[f], "size": 10}, kind="scatter")
    theme.tier_keys(fig, {r["canon"] for r in rows}, kind="scatter")
    legend_whisker = go.Scatter(x=[None], y=[None], mode="lines", line={"color": "#666", "width": 1.5},
                                name="Range the sources allow (whiskers)", hoverinfo="skip")
    fig.add_trace(legend_whisker)
    height = 140 + ROW_PX * max(int(max(ys, default=0)) + 2, 4)
    theme.base_layout(fig, title, (lo, hi), height=height)
    theme.era_bands(fig, vocab.era_bands, (lo, hi))
    for d in dividers:
        fig.add_hline(y=d, line={"color": "#ccc", "width": 1})
    fig.update_yaxes(tickvals=[t[1] for t in ticks], ticktext=[theme.safe(theme.short(t[0], 40)) for t in ticks],
                     autorange="reversed", showgrid=False, zeroline=False, automargin=False)
    if not rows:
        fig.add_annotation(text="No moments match these filters.", x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False)
    fig.update_layout(meta={"role": "timeline", "ids": [r["id"] for r in rows], "x_range": [lo, hi]})
    return fig
