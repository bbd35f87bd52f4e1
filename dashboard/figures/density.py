"""Level of detail: when a chart has more events than it can draw one by one, draw how many there are.

Each lane becomes a strip of year bins shaded by how many events begin in each bin (a moment counts
at its best estimate, a period at its best start). Every event is counted exactly once, so the counts
add up to the number of events. Zooming in (or filtering) until few enough events are in view brings
back the individual marks: the zoom writes `from`/`to` into the URL (assets/share_years.js).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from dashboard.domain import events
from dashboard.domain.factions import TOP_FACTION
from dashboard.figures import measure, theme
from dashboard.figures.lanes import lane_keys, lane_labels, lane_order
from dashboard.figures.palette import LIGHT, Palette

if TYPE_CHECKING:
    from dashboard.domain.vocabulary import Vocabulary

MAX_MARKS = 1500  # more events than this on one chart: draw their density instead
BIN_PX = 6  # a year bin is about this many pixels wide
ROW_PX = 36  # one lane: its name on top (LABEL_BAND_PX), its band of shade under it
LABEL_BAND_PX = 17
BAND_PX = ROW_PX - LABEL_BAND_PX - 3  # the shade, with a 3 px gap to the next lane's name
NOTE_LINE_PX = 16  # each further line of the note under the chart (12 px text)
COLUMNS = ("best_start", "era", "factions", TOP_FACTION)  # all a density needs (lane_keys, best_start)


def rows(df, mask: np.ndarray):
    """The rows of `df` under `mask`, with only the columns a density needs (copying every column
    of 100,000 rows cost more than drawing them)."""
    return df.loc[mask, [c for c in COLUMNS if c in df.columns]]


def counts(x: np.ndarray, lanes: np.ndarray, order: list, x_range, bins: int) -> tuple[np.ndarray, np.ndarray, list]:
    """(counts[lane, bin], bin edges, lanes present in order). Years outside the range go to the end bins."""
    lo, hi = x_range
    edges = np.linspace(lo, hi, bins + 1)
    codes, seen = pd.factorize(pd.Series(lanes, dtype=object))  # each lane once, in order of appearance
    seen = list(seen)
    present = [k for k in order if k in set(seen)] + [k for k in seen if k not in set(order)]
    index = {k: i for i, k in enumerate(present)}
    col = np.clip(np.searchsorted(edges, np.nan_to_num(x, nan=lo), side="right") - 1, 0, bins - 1)
    row = np.array([index[k] for k in seen], dtype=np.int64)[codes]
    grid = np.zeros((len(present), bins), dtype=np.int64)
    np.add.at(grid, (row, col), 1)
    return grid, edges, present


def density(df, vocab: Vocabulary, *, lanes: str, x_range, plot_px: float, noun: str, palette: Palette = LIGHT) -> dict:
    """The density view of `df` (periods or moments) per lane."""
    lo, hi = x_range
    bins = int(max(20, min(400, plot_px // BIN_PX)))
    x = events.column(df, "best_start")
    grid, edges, present = counts(x, lane_keys(df, vocab, lanes), lane_order(vocab, lanes), x_range, bins)
    names = lane_labels(vocab, lanes)
    centres = (edges[:-1] + edges[1:]) / 2
    width = edges[1] - edges[0]
    text = np.full(grid.shape, "", dtype=object)  # hover for the bins that have events
    for i, j in zip(*np.nonzero(grid)):
        text[i, j] = (
            f"<b>{theme.safe(names.get(present[i], present[i]))}</b><br>{grid[i, j]:,} {noun} begin in "
            f"{edges[j]:.0f}\u2013{edges[j] + width:.0f}"
        )
    # Lane i spans y in [i - 0.5, i + 0.5]: its name in the top LABEL_BAND_PX (never over any shade),
    # the shade below it. A heatmap's rows are centred on their y, BAND_PX tall (ygap trims the rest).
    band_centre = (LABEL_BAND_PX + BAND_PX / 2) / ROW_PX - 0.5
    heat = dict(
        type="heatmap",
        z=np.where(grid > 0, grid, np.nan),
        x=centres,
        y=np.arange(len(present)) + band_centre,
        zmin=0,
        xgap=0,
        ygap=ROW_PX - BAND_PX,
        colorscale=[[0, palette.density[0]], [0.35, palette.density[1]], [1, palette.density[2]]],
        showscale=False,
        hovertext=text,
        hovertemplate="%{hovertext}<extra></extra>",
        meta="density",
    )
    height = theme.MARGIN["t"] + theme.MARGIN["b"] + 24 + ROW_PX * max(len(present), 2)
    layout = theme.layout((lo, hi), height, plot_px=plot_px, palette=palette)
    era_shapes, era_notes = theme.era_bands(vocab.era_bands, (lo, hi), plot_px, palette=palette)
    notes = era_notes + [
        {
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": i - 0.5,
            "yref": "y",
            "yanchor": "top",
            "showarrow": False,
            "text": f"<b>{theme.safe(names.get(k, k))}</b> <span style='color:{palette.muted}'>({int(grid[i].sum()):,})</span>",
            "font": {"size": 12, "color": palette.ink},
        }
        for i, k in enumerate(present)
    ]
    lines = _explained(len(df), noun, plot_px)
    notes.append(_note(lines, palette))
    extra = NOTE_LINE_PX * (len(lines) - 1)
    return theme.figure(
        [heat],
        {
            **layout,
            "height": layout["height"] + extra,
            "shapes": era_shapes,
            "annotations": notes,
            "margin": {**layout["margin"], "b": 40 + extra},
            "yaxis": {**layout["yaxis"], "range": [len(present) - 0.5, -0.6], "autorange": False},
            "meta": {"aggregated": True, "x_range": [lo, hi], "selected": None, "events": int(len(df))},
        },
        palette,
    )


def _explained(n: int, noun: str, plot_px: float) -> list[str]:
    """What the shade means, wrapped to the plot's width (one line on a laptop, three on a phone)."""
    return measure.wrap(
        f"{n:,} {noun}: too many to draw one by one, so the shade shows how many begin "
        "in each span of years. Zoom in or filter to see each one.",
        plot_px,
    )


def _note(lines: list[str], palette: Palette) -> dict:
    """The explanation under the chart."""
    return {
        "x": 0,
        "y": 0,
        "xref": "paper",
        "yref": "paper",
        "yanchor": "top",
        "xanchor": "left",
        "yshift": -4,
        "showarrow": False,
        "font": {"size": 12, "color": palette.muted},
        "align": "left",
        "text": "<br>".join(lines),
    }
