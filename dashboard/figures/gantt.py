"""Gantt chart of periods on a numeric year axis: one trace per visual role, built from columns.

A period is drawn honestly: a faded bar over everything its dates allow, a solid bar only over
the span every trusted source agrees it covers (none for a period known only as "sometime
between A and B"), and dark ticks at the best estimate of its start and end. Where the sources
split a side into readings that do not overlap ("began 2346 or 2359"), each reading is its own
faded span with its own tick, the gap between them is empty, and a thin outline marks the
envelope (figures/alternatives.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from dashboard.domain import events
from dashboard.figures import alternatives, density, marks, theme
from dashboard.figures.palette import LIGHT, Palette

if TYPE_CHECKING:
    from dashboard.domain.vocabulary import Vocabulary

MIN_BAR_YEARS = 0.35
RANGE_OPACITY = 0.32


def gantt(
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
    """Periods (rows of `df` with is_point False) packed into lanes; ids ride along as customdata.
    `scale` multiplies every text and mark size (theme.sizes): 1 for the page, 2 for a projector; `palette`
    gives every colour (palette.LIGHT for the page, palette.DARK for a dark embed)."""
    mask = ~df["is_point"].to_numpy(dtype=bool)
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
            noun="periods",
        )
    periods = df[mask]
    bounds = events.bound_arrays(periods)  # (start earliest, start latest, end earliest, end latest)
    s_lo, _, _, e_hi = bounds
    a, b = events.clamp(s_lo, lo, hi), events.clamp(e_hi, lo, hi)
    b = np.maximum(b, a + MIN_BAR_YEARS)
    size = theme.sizes(scale)
    p = marks.place(periods, vocab, lanes, a, b, (lo, hi), plot_px, size, palette)
    starts, ends = alternatives.split(periods)
    whole = ~alternatives.is_split(starts, ends)  # rows drawn as one faded bar: their sources agree
    seg = alternatives.period_segments(periods, bounds, p.hover, palette)
    data = _bars(p, a, b, bounds, (lo, hi), whole, seg) + _ends(p, periods, bounds, (lo, hi), seg)
    data += marks.cue_traces(p)
    layout = marks.finish(
        p, (lo, hi), plot_px, vocab.era_bands, era_labels=True, empty="No periods match these filters."
    )
    fig = theme.figure(data, {**layout, "meta": {"role": "gantt", "x_range": [lo, hi], "selected": None}}, palette)
    return marks.select(fig, selected) if selected else fig


def _bars(p: marks.Placed, a, b, bounds, x_range, whole, seg: alternatives.Segments) -> list[dict]:
    """Everything the dates allow, faded (each reading its own span where the sources split); the
    span every trusted source agrees on, solid; the envelope of a split row as a thin outline."""
    lo, hi = x_range
    palette = p.palette
    hover = {"hovertemplate": "%{hovertext}<extra></extra>"}
    faded = {"opacity": RANGE_OPACITY, "line": {"width": 0}}
    out = ~whole
    # A row whose readings are drawn apart: its main bar runs from its last start reading to its first
    # end reading; its other readings are spans of their own ("reading"); the gap between stays empty.
    m_a = np.where(whole, a, events.clamp(seg.main_lo, lo, hi))
    m_b = np.where(whole, b, np.maximum(events.clamp(seg.main_hi, lo, hi), m_a + MIN_BAR_YEARS))
    r_a = events.clamp(seg.lo, lo, hi)
    r_b = np.maximum(events.clamp(seg.hi, lo, hi), r_a + MIN_BAR_YEARS)
    bar = {"type": "bar", "orientation": "h", "width": p.bar_width}
    return [
        # Everything the dates allow, faded.
        marks.dimmable(
            dict(
                **bar,
                name="range",
                base=m_a,
                x=m_b - m_a,
                y=p.y,
                customdata=p.ids,
                meta="range",
                marker={"color": p.colour, **faded},
                hovertext=seg.main_hover,
                **hover,
            ),
            opacity=RANGE_OPACITY,
            palette=palette,
        ),
        _agreed(p, bounds, x_range),  # (range first, agreed second: the order files and tests rely on)
        # The other readings of a split side, faded like the range.
        marks.dimmable(
            dict(
                **bar,
                name="reading",
                base=r_a,
                x=r_b - r_a,
                y=p.y[seg.row],
                customdata=p.ids[seg.row],
                meta="reading",
                marker={"color": p.colour[seg.row], **faded},
                hovertext=seg.hover,
                **hover,
            ),
            opacity=RANGE_OPACITY,
            palette=palette,
        ),
        # The envelope of a split row: an outline, no fill (one trace per role, maybe empty).
        marks.dimmable(
            dict(
                **bar,
                name="envelope",
                base=a[out],
                x=b[out] - a[out],
                y=p.y[out],
                customdata=p.ids[out],
                meta="envelope",
                hoverinfo="none",
                marker={"color": "rgba(0,0,0,0)", "line": {"color": p.colour[out], "width": 1}},
            ),
            palette=palette,
        ),
    ]


def _agreed(p: marks.Placed, bounds, x_range) -> dict:
    """The span every trusted source agrees on, solid."""
    lo, hi = x_range
    _, s_hi, e_lo, _ = bounds
    palette = p.palette
    hover = {"hovertemplate": "%{hovertext}<extra></extra>"}
    core = (s_hi < e_lo) & np.isfinite(s_hi) & np.isfinite(e_lo)
    c_lo, c_hi = events.clamp(s_hi, lo, hi)[core], events.clamp(e_lo, lo, hi)[core]
    return marks.dimmable(
        dict(
            type="bar",
            name="agreed",
            base=c_lo,
            x=np.maximum(c_hi - c_lo, MIN_BAR_YEARS),
            y=p.y[core],
            orientation="h",
            width=p.bar_width,
            customdata=p.ids[core],
            meta="agreed",
            hovertext=p.hover[core],
            marker={"color": p.colour[core], "line": {"color": palette.outline, "width": 1}},
            **hover,
        )
    )


def _ends(p: marks.Placed, periods, bounds, x_range, seg: alternatives.Segments) -> list[dict]:
    """Best estimates of the start and the end as ticks (one per reading where the sources split);
    arrows where a period runs past an edge."""
    lo, hi = x_range
    s_lo, _, _, e_hi = bounds
    palette, size = p.palette, p.size
    data = []
    # Best estimates of the start and the end: short dark ticks.
    bs = events.column(periods, "best_start")
    be = events.column(periods, "best_end")
    other = (seg.ticks_x != bs[seg.ticks_row]) & (seg.ticks_x != be[seg.ticks_row])  # the best's tick is drawn
    tick_x = np.concatenate([bs, be, seg.ticks_x[other]])
    tick_y = np.concatenate([p.y, p.y, p.y[seg.ticks_row[other]]])
    tick_ids = np.concatenate([p.ids, p.ids, p.ids[seg.ticks_row[other]]])
    keep = np.isfinite(tick_x) & (tick_x >= lo) & (tick_x <= hi)
    data.append(
        marks.dimmable(
            dict(
                type="scatter",
                name="best",
                x=tick_x[keep],
                y=tick_y[keep],
                mode="markers",
                customdata=tick_ids[keep],
                meta="best",
                hoverinfo="none",
                marker={
                    "symbol": "line-ns",
                    "size": size.best_tick,
                    "line": {"color": palette.ink, "width": size.best_tick_width},
                },
            )
        )
    )
    # Periods that run past the edge of the chart (or are open-ended): an arrow at that edge.
    right = e_hi > hi
    left = s_lo < lo
    data.append(
        dict(
            type="scatter",
            name="continues",
            x=np.concatenate([np.full(right.sum(), hi), np.full(left.sum(), lo)]),
            y=np.concatenate([p.y[right], p.y[left]]),
            mode="markers",
            hoverinfo="skip",
            meta="edge",
            cliponaxis=False,
            marker={
                "symbol": np.array(
                    ["triangle-right"] * int(right.sum()) + ["triangle-left"] * int(left.sum()), dtype=object
                ),
                "size": size.edge_marker,
                "color": palette.ink,
            },
        )
    )
    return data
