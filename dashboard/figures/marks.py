"""What the Gantt chart and the timeline share: lanes packed into rows, labelled marks, selection.

Columns in, arrays out: no per-event dicts. Both charts place each event's marks, then its cue
markers (tier shape, dispute star) and its label beside them, pack the footprints into rows per
lane, and give every clickable trace the event ids as customdata, so a click names the event and
`selectedpoints` can dim every other event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from dashboard.domain.factions import faction_keys, top_factions
from dashboard.figures import measure, packing, theme, typed
from dashboard.figures.lanes import lane_keys, lane_labels, lane_order
from dashboard.figures.palette import LIGHT, Palette

if TYPE_CHECKING:
    from dashboard.domain.vocabulary import Vocabulary

NARROW_PX = 560  # below this plot width (phones; times the text scale) labels go above their marks
# Row heights, marker and text sizes: theme.sizes(scale).


@dataclass(frozen=True)
class Placed:
    """Events placed on a chart: everything needed to draw their marks and labels."""

    ids: np.ndarray
    y: np.ndarray
    label_y: np.ndarray
    label: np.ndarray
    label_x: np.ndarray
    label_side: np.ndarray
    tier_x: np.ndarray
    star_x: np.ndarray
    disputed: np.ndarray
    tier: np.ndarray
    colour: np.ndarray
    hover: np.ndarray
    lanes: list  # (lane id, header y, rows)
    lane_label: dict
    lane_count: dict
    rows: int
    row_px: int
    narrow: bool
    size: theme.Sizes
    palette: Palette

    @property
    def bar_width(self) -> float:
        """Bar thickness in rows: thinner where a label line sits above each bar."""
        return 0.4 if self.narrow else 0.62


def place(
    df,
    vocab: Vocabulary,
    lanes: str,
    x_lo: np.ndarray,
    x_hi: np.ndarray,
    x_range: tuple[float, float],
    plot_px: float,
    size: theme.Sizes | None = None,
    palette: Palette = LIGHT,
) -> Placed:
    """Pack events into rows per lane so that no two marks or labels overlap at this width."""
    size = size or theme.sizes()
    lo, hi = x_range
    ypp = (hi - lo) / max(plot_px, 1.0)
    disputed = df["disputed"].to_numpy(dtype=bool)
    cut = min(size.label_max, plot_px * 0.45)
    labels = np.array([measure.fit(t, cut, size=size.label) for t in df["title"]], dtype=object)
    label_px = measure.widths(labels, size=size.label)
    lead = size.tier_room + np.where(disputed, size.star_room, 0) + 2 * size.scale
    narrow = plot_px < NARROW_PX * size.scale
    if narrow:  # the label above the marks, from their start: a row is a label line and a bar
        start = np.minimum(x_lo, hi - (label_px + lead + 6) * ypp).clip(lo)
        anchor, side = start, np.full(len(x_lo), "middle right", dtype=object)
        foot = np.stack([np.minimum(x_lo, start), np.maximum(x_hi, start + (label_px + lead + 8) * ypp)])
    else:
        anchor, side, foot = theme.label_anchor(x_lo, x_hi, label_px, lo, hi, plot_px, lead)
    step = np.where(side == "middle left", -1.0, 1.0)
    lane = lane_keys(df, vocab, lanes)
    order = lane_order(vocab, lanes)
    order += [k for k in dict.fromkeys(lane) if k not in order]
    rows = np.zeros(len(df), dtype=np.int64)
    for k in dict.fromkeys(lane):
        m = lane == k
        rows[m] = packing.pack(foot[0][m], foot[1][m], gap=4 * ypp)
    y, lane_info = packing.stack(lane, rows, order)
    names = lane_labels(vocab, lanes)
    counts = {k: int(np.sum(lane == k)) for k, _, _ in lane_info}
    colour_of = palette.colours(top_factions(vocab))
    colour = np.array([colour_of.get(f, palette.overflow) for f in faction_keys(df, vocab)], dtype=object)
    return Placed(
        ids=df["id"].to_numpy(dtype=object),
        y=y,
        label_y=y - 0.42 if narrow else y,
        label=np.array([theme.safe(t) for t in labels], dtype=object),
        label_x=anchor + step * lead * ypp,
        label_side=side,
        tier_x=anchor + step * (size.tier_room / 2) * ypp,
        star_x=anchor + step * (size.tier_room + size.star_room / 2) * ypp,
        disputed=disputed,
        tier=df["canon"].to_numpy(dtype=object),
        colour=colour,
        hover=theme.hover_text(df, palette),
        lanes=lane_info,
        lane_label={k: names.get(k, k) for k, _, _ in lane_info},
        lane_count=counts,
        rows=int(y.max()) + 1 if len(y) else 0,
        row_px=size.row_narrow if narrow else size.row,
        narrow=narrow,
        size=size,
        palette=palette,
    )


def dimmable(trace: dict, opacity: float = 1.0, palette: Palette = LIGHT) -> dict:
    """Let `selectedpoints` dim every event but the selected one (its opacity stays as drawn)."""
    out = {
        **trace,
        "unselected": {"marker": {"opacity": opacity * theme.DIMMED}},
        "selected": {"marker": {"opacity": opacity}},
    }
    if trace.get("mode") == "text":  # the selected label is redrawn in bold by the "selected" trace
        out["unselected"] = {"textfont": {"color": palette.dimmed_label}}
        out["selected"] = {"textfont": {"color": "rgba(0,0,0,0)"}}
    return out


def cue_traces(p: Placed) -> list[dict]:
    """Tier markers, dispute stars and labels (clickable: each carries its event id)."""
    # Only the marks carry the hover text; cues and labels still take clicks ("none", not "skip").
    quiet = {"hoverinfo": "none"}
    d = p.disputed
    symbol = np.array([theme.TIER_SYMBOL[t] for t in p.tier], dtype=object)
    tiers = dict(p.palette.tiers)
    colour = np.array([tiers[t] for t in p.tier], dtype=object)
    return [
        dimmable(
            dict(
                type="scatter",
                name="tier",
                x=p.tier_x,
                y=p.label_y,
                mode="markers",
                customdata=p.ids,
                meta="cue",
                marker={"symbol": symbol, "size": p.size.tier_marker, "color": colour, "line": {"width": 0}},
                **quiet,
            )
        ),
        dimmable(
            dict(
                type="scatter",
                name="disputed",
                x=p.star_x[d],
                y=p.label_y[d],
                mode="markers",
                customdata=p.ids[d],
                meta="cue",
                marker={
                    "symbol": "star",
                    "size": p.size.star_marker,
                    "color": p.palette.star,
                    "line": {"color": p.palette.strong, "width": p.size.scale},
                },
                **quiet,
            )
        ),
        dimmable(
            dict(
                type="scatter",
                name="labels",
                x=p.label_x,
                y=p.label_y,
                mode="text",
                text=p.label,
                textposition=p.label_side,
                textfont={"size": p.size.label, "color": p.palette.ink},
                customdata=p.ids,
                meta="label",
                cliponaxis=False,
                **quiet,
            ),
            palette=p.palette,
        ),
        # Filled with the selected event's label in bold (here for a given selection, or by the browser).
        dict(
            type="scatter",
            name="selected",
            x=[],
            y=[],
            mode="text",
            text=[],
            textposition="middle right",
            textfont={"size": p.size.label + p.size.scale, "color": p.palette.strong},
            meta="selected",
            hoverinfo="skip",
            cliponaxis=False,
        ),
    ]


def select(fig: dict, event: str | None) -> dict:
    """Dim every event but `event` and embolden its label (what assets/explorer.js does in the browser).
    Changes the figure dict in place and returns it."""
    data = fig["data"]
    hit = False
    for trace in data:
        ids = trace.get("customdata")
        if ids is None or trace.get("meta") == "selected":
            continue
        idx = np.flatnonzero(np.asarray(ids, dtype=object) == event).tolist() if event else []
        hit = hit or bool(idx)
        _points(trace, idx if event else None)
    labels = next((t for t in data if t.get("meta") == "label"), None)
    for trace in data:
        if trace.get("meta") == "selected":
            i = next((i for i, v in enumerate(labels["customdata"]) if v == event), None) if labels and event else None
            if i is None:
                trace.update(x=[], y=[], text=[])
            else:
                side = labels["textposition"]
                trace.update(
                    x=[typed.values(labels["x"])[i].item()],
                    y=[typed.values(labels["y"])[i].item()],
                    text=[f"<b>{labels['text'][i]}</b>"],
                    textposition=side if isinstance(side, str) else side[i],
                )
    if event and not hit:
        for trace in data:
            if trace.get("customdata") is not None:
                _points(trace, None)
    fig["layout"]["meta"] = {**(fig["layout"].get("meta") or {}), "selected": event if hit else None}
    return fig


def _points(trace: dict, idx: list | None) -> None:
    """Set a trace's selectedpoints; None unsets them (every point drawn as it is)."""
    if idx is None:
        trace.pop("selectedpoints", None)
    else:
        trace["selectedpoints"] = idx


def finish(p: Placed, x_range, plot_px: float, bands, *, era_labels: bool, empty: str) -> dict:
    """The chart's layout: the shared look, era bands, lane headers, rows top to bottom."""
    height = p.size.margin_top + theme.MARGIN["b"] + p.row_px * max(p.rows, 3)
    pal = p.palette
    out = theme.layout(x_range, height, plot_px=plot_px, size=p.size, palette=pal)
    era_shapes, era_notes = theme.era_bands(bands, x_range, plot_px, label=era_labels, size=p.size, palette=pal)
    lane_shapes, lane_notes = theme.lane_headers(p.lanes, p.lane_label, p.lane_count, size=p.size, palette=pal)
    notes = era_notes + lane_notes + ([theme.empty_note(empty, p.size, pal)] if not len(p.ids) else [])
    return {
        **out,
        "shapes": era_shapes + lane_shapes,
        "annotations": notes,
        "yaxis": {**out["yaxis"], "range": [max(p.rows, 3) - 0.5, -0.5], "autorange": False},
    }
