"""Timeline of moments: a marker per event at its best estimate, whiskers over the range the
sources allow, a label beside it; coinciding moments go on rows of their own. Where the sources
split a moment's date into readings that do not overlap ("2346 or 2359"), each reading has its own
marker and whiskers, and the gap between them stays empty (figures/alternatives.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from dashboard.domain import events
from dashboard.figures import alternatives, density, marks, theme
from dashboard.figures.palette import LIGHT, Palette

if TYPE_CHECKING:
    from dashboard.domain.vocabulary import Vocabulary

DOT_YEARS_PX = 6  # half a marker, in px: the least room a moment takes


def timeline(
    df,
    vocab: Vocabulary,
    *,
    lanes: str = "faction",
    selected: str | None = None,
    x_range=None,
    plot_px: float | None = None,
    scale: float = 1.0,
    palette: Palette = LIGHT,
) -> dict:
    """Point events (rows of `df` with is_point True) as markers coloured by faction. `scale`
    multiplies every text and mark size (theme.sizes): 1 for the page, 2 for a projector; `palette`
    gives every colour (palette.LIGHT for the page, palette.DARK for a dark embed)."""
    mask = df["is_point"].to_numpy(dtype=bool)
    lo, hi = events.extent(df, x_range)
    plot_px = float(plot_px or theme.DEFAULT_PLOT_PX)
    if mask.sum() > density.MAX_MARKS:  # more than can be drawn one by one: their density per lane
        return density.density(
            density.rows(df, mask),
            vocab,
            lanes=lanes,
            x_range=(lo, hi),
            plot_px=plot_px,
            palette=palette,
            noun="moments",
        )
    moments = df[mask]
    ypp = (hi - lo) / plot_px
    size = theme.sizes(scale)
    s_lo, s_hi, _, _ = events.bound_arrays(moments)
    x = events.clamp(events.column(moments, "best_start"), lo, hi)
    w_lo, w_hi = events.clamp(s_lo, lo, hi), events.clamp(s_hi, lo, hi)
    a = np.minimum(w_lo, x - DOT_YEARS_PX * size.scale * ypp)
    b = np.maximum(w_hi, x + DOT_YEARS_PX * size.scale * ypp)
    p = marks.place(moments, vocab, lanes, a, b, (lo, hi), plot_px, size, palette)
    data = _marks(p, moments, (x, w_lo, w_hi), (lo, hi), size, palette)
    data += marks.cue_traces(p)
    layout = marks.finish(
        p, (lo, hi), plot_px, vocab.era_bands, era_labels=True, empty="No moments match these filters."
    )
    fig = theme.figure(data, {**layout, "meta": {"role": "timeline", "x_range": [lo, hi], "selected": None}}, palette)
    return marks.select(fig, selected) if selected else fig


def _marks(p: marks.Placed, moments, xs, x_range, size, palette: Palette) -> list[dict]:
    """A marker per moment at its best estimate with whiskers over its range; where the sources split
    the date, the main marker's whiskers cover the reading holding the best estimate and the other
    readings are markers of their own ("reading"), the gap between them empty."""
    x, w_lo, w_hi = xs
    lo, hi = x_range
    # Where the sources split the date: the main marker at the reading holding the best estimate, with
    # that reading's whiskers; the other readings as markers of their own ("reading"), the gap empty.
    seg = alternatives.moment_readings(moments, x, p.hover, palette)
    split = ~np.isnan(seg.main_x)
    x = np.where(split, events.clamp(seg.main_x, lo, hi), x)
    w_lo = np.where(split, events.clamp(seg.main_lo, lo, hi), w_lo)
    w_hi = np.where(split, events.clamp(seg.main_hi, lo, hi), w_hi)
    rx = events.clamp(seg.ticks_x, lo, hi)
    r_lo, r_hi = events.clamp(seg.lo, lo, hi), events.clamp(seg.hi, lo, hi)
    marker = {"size": size.moment_marker, "line": {"color": palette.ink, "width": size.scale}}
    whiskers = {"type": "data", "symmetric": False, "color": palette.whisker}
    whiskers.update(thickness=size.whisker, width=4 * size.scale)
    hover = {"hovertemplate": "%{hovertext}<extra></extra>"}
    return [
        marks.dimmable(
            dict(
                type="scatter",
                name="moments",
                x=x,
                y=p.y,
                mode="markers",
                customdata=p.ids,
                meta="moment",
                marker={**marker, "color": p.colour},
                error_x={**whiskers, "array": w_hi - x, "arrayminus": x - w_lo},
                hovertext=seg.main_hover,
                **hover,
            )
        ),
        marks.dimmable(
            dict(
                type="scatter",
                name="reading",
                x=rx,
                y=p.y[seg.row],
                mode="markers",
                customdata=p.ids[seg.row],
                meta="reading",
                marker={**marker, "color": p.colour[seg.row]},
                error_x={**whiskers, "array": r_hi - rx, "arrayminus": rx - r_lo},
                hovertext=seg.hover,
                **hover,
            )
        ),
    ]
