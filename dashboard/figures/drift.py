"""Sources over time: when each claim was made against the year it gives.

x: the year the claim's work came out; y: the in-story year it gives. A mark per claim, coloured and
shaped by its work's tier (as the dispute chart); a thin line per event joins its claims in release
order, so a date that moved as episodes and novels came out shows as a line that climbs or falls.
Lines of events whose sources give different years are darker than those whose sources agree; the
selected event is drawn strongest and named. A whisker spans the years a vague claim allows (the selected event's, or every event's when few are drawn). With
`asof`, a dashed line marks the year and the years after it are shaded: not yet released.
Past MAX_POINTS claims, each mark counts the claims of one tier, release year and claimed year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.domain import words
from dashboard.domain.schema import TIERS
from dashboard.figures import measure, theme
from dashboard.figures.palette import LIGHT, Palette

MAX_POINTS = 4000  # claims drawn one by one; past this, counted per tier, release year and year
BOLD = 1.12  # a bold label is about this much wider than measure.width's regular text
COUNT_ROWS = 40  # rows of counted marks up the chart
HEIGHT = 380
MARGIN = {"l": 62, "r": 16, "t": 34, "b": 46}  # room for the year labels and the axes' names, at scale 1
MOVED = 1.0  # years between an event's claims for its line to count as moved
WHISKER_EVENTS = 12  # up to this many events, every vague claim has its whisker; past it, the selected event's only


def drift(
    points: pd.DataFrame,
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    asof: int | None = None,
    selected: str | None = None,
    plot_px: float | None = None,
    height: int = HEIGHT,
    scale: float = 1.0,
    palette: Palette = LIGHT,
) -> dict:
    """The chart from the drawn claims (dashboard.domain.drift.POINT_COLUMNS) and the axes' ranges."""
    size = theme.sizes(scale)
    # plot_px is the plot area under the figures' usual margins (theme.plot_width); this chart's are wider.
    own = (MARGIN["l"] + MARGIN["r"]) * size.scale - theme.MARGIN["l"] - theme.MARGIN["r"]
    plot_px = max(float(plot_px or theme.DEFAULT_PLOT_PX) - own, theme.MIN_PLOT_PX / 2)
    data: list[dict] = []
    notes: list[dict] = []
    many = len(points) > MAX_POINTS
    if many:
        data += _counts(points, size, palette)
        notes.append(_corner(f"{len(points):,} claims: each mark counts the claims it stands for", size, palette))
        mine = points[points["event"].to_numpy(dtype=object) == selected]
        if len(mine):  # the selected event still drawn claim by claim, on top
            data += _lines(mine, selected, size, palette)[-1:] if len(mine) > 1 else []
            data += _marks(mine, selected, size, palette)
            data += _name(mine, selected, x_range, plot_px, size, palette)
    else:
        data += _lines(points, selected, size, palette)
        data += _marks(points, selected, size, palette)
        data += _name(points, selected, x_range, plot_px, size, palette)
    if points.empty:
        notes.append(theme.empty_note("No trusted work with a known release year dates these events.", size, palette))
    shapes, asof_notes = _asof(asof, x_range, size, palette)
    layout = _layout(x_range, y_range, height, plot_px, size, palette)
    layout.update(
        shapes=shapes,
        annotations=notes + asof_notes,
        meta={"role": "drift", "claims": len(points), "asof": asof, "selected": selected, "counted": many},
    )
    return theme.figure(data, layout, palette)


def _said(labels) -> np.ndarray:
    """Each date as written (EDTF) in words, each distinct one worded once."""
    codes, uniques = pd.factorize(np.asarray(labels, dtype=object))
    return (
        np.asarray([words.edtf(u) for u in uniques], dtype=object)[codes]
        if len(codes)
        else np.asarray([], dtype=object)
    )


def _hover(p: pd.DataFrame, palette: Palette) -> list[str]:
    side = np.where(p["side"].to_numpy() == "end", "ended ", "")
    return [
        f"<b>{theme.safe(t)}</b><br>{s}{theme.safe(said)} <span style='color:{palette.muted}'>({theme.safe(label)})</span>"
        f"<br>{theme.safe(w)} ({theme.safe(m)}, {int(r)}, {theme.tier_label(k)})<br>"
        f"<span style='color:{palette.muted}'>read on {theme.safe(wiki)}</span>"
        for t, s, said, label, w, m, r, k, wiki in zip(
            p["title"], side, _said(p["label"]), p["label"], p["work"], p["medium"], p["released"], p["tier"], p["wiki"]
        )
    ]


def _moved(points: pd.DataFrame) -> pd.Series:
    """Per event id: whether its claims give years more than MOVED apart."""
    g = points.groupby("event", sort=False)["y"]
    return (g.max() - g.min()) > MOVED


def _polyline(p: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The events' points joined in order, a gap (NaN) between one event and the next."""
    if p.empty:
        return np.zeros(0), np.zeros(0)
    ev = p["event"].to_numpy(dtype=object)
    breaks = np.flatnonzero(ev[1:] != ev[:-1]) + 1
    x = np.insert(p["released"].to_numpy(dtype=float), breaks, np.nan)
    y = np.insert(p["y"].to_numpy(dtype=float), breaks, np.nan)
    return x, y


def _lines(points: pd.DataFrame, selected: str | None, size: theme.Sizes, palette: Palette) -> list[dict]:
    """A line per event with two or more claims: faint where the sources agree, darker where they moved."""
    if points.empty:
        return []
    counts = points.groupby("event", sort=False)["y"].transform("size").to_numpy()
    p = points[(counts > 1) & (points["event"].to_numpy(dtype=object) != selected)]
    moved = p["event"].map(_moved(points)).to_numpy(dtype=bool)
    out = []
    for which, colour, width in ((~moved, palette.grid, 1.0), (moved, palette.axis, 1.6)):
        x, y = _polyline(p[which])
        out.append(
            dict(
                type="scatter",
                mode="lines",
                x=x,
                y=y,
                name="moved" if width > 1 else "agreed",
                line={"color": colour, "width": width * size.scale},
                opacity=0.45 if selected else 1.0,
                hoverinfo="skip",
                connectgaps=False,
                showlegend=False,
            )
        )
    mine = points[points["event"].to_numpy(dtype=object) == selected]
    if len(mine) > 1:
        x, y = _polyline(mine)
        out.append(
            dict(
                type="scatter",
                mode="lines",
                x=x,
                y=y,
                name="selected",
                line={"color": palette.strong, "width": 3 * size.scale},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    return out


def _marks(points: pd.DataFrame, selected: str | None, size: theme.Sizes, palette: Palette) -> list[dict]:
    """A mark per claim, one trace per tier (its colour and shape), whiskers over vague years."""
    out = []
    y_all = points["y"].to_numpy(dtype=float)
    for tier in TIERS:
        mask = points["tier"].to_numpy(dtype=object) == tier
        if not mask.any():
            continue
        p = points[mask]
        y = y_all[mask]
        lo, hi = p["lo"].to_numpy(dtype=float), p["hi"].to_numpy(dtype=float)
        ids = p["event"].to_numpy(dtype=object)
        mine = ids == selected
        whisker = mine if points["event"].nunique() > WHISKER_EVENTS else np.ones(len(p), dtype=bool)
        out.append(
            dict(
                type="scatter",
                mode="markers",
                name=theme.tier_label(tier),
                x=p["released"].to_numpy(dtype=float),
                y=y,
                customdata=ids,
                meta="claim",
                marker={
                    "symbol": theme.TIER_SYMBOL[tier],
                    "color": palette.tier(tier),
                    "size": np.where(mine, 12, 8).astype(float) * size.scale if selected else 8.0 * size.scale,
                    "opacity": np.where(mine, 1.0, 0.35) if selected else 0.9,
                    "line": {"color": palette.background, "width": size.scale},
                },
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": np.where(whisker, np.nan_to_num(hi - y, posinf=1e4), 0.0),
                    "arrayminus": np.where(whisker, np.nan_to_num(y - lo, posinf=1e4), 0.0),
                    "color": palette.whisker,
                    "thickness": size.whisker,
                    "width": 3 * size.scale,
                },
                unselected={"marker": {"opacity": theme.DIMMED}},
                hovertext=_hover(p, palette),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    return out


def _name(
    points: pd.DataFrame, selected: str | None, x_range, plot_px: float, size: theme.Sizes, palette: Palette
) -> list[dict]:
    """The selected event's name beside its last claim (left of it when the right edge is near)."""
    mine = points[points["event"].to_numpy(dtype=object) == selected]
    if mine.empty:
        return []
    last = mine.iloc[-1]
    lo, hi = x_range
    room = (hi - last["released"]) / max(hi - lo, 1e-9) * plot_px
    text = str(last["title"])
    fits = measure.width(text, size.label) * BOLD + 16 * size.scale <= room
    return [
        dict(
            type="scatter",
            mode="text",
            x=[float(last["released"]) + (9 * size.scale * (hi - lo) / plot_px if fits else 0.0)],
            y=[float(last["y"])],
            text=[f"<b>{theme.safe(measure.fit(text, max(room, plot_px / 2) - 12, size=size.label))}</b>"],
            textposition="middle right" if fits else "top left",
            textfont={"size": size.label, "color": palette.strong},
            hoverinfo="skip",
            cliponaxis=False,
            name="name",
            showlegend=False,
        )
    ]


def _counts(points: pd.DataFrame, size: theme.Sizes, palette: Palette) -> list[dict]:
    """Too many claims to draw one by one: a mark per tier, release year and claimed year, sized by
    how many claims it stands for."""
    y = points["y"].to_numpy(dtype=float)
    step = max(1.0, round(float(y.max() - y.min()) / COUNT_ROWS))  # about COUNT_ROWS rows, whatever the span
    g = (
        pd.DataFrame({"tier": points["tier"], "x": points["released"], "y": np.round(y / step) * step})
        .groupby(["tier", "x", "y"], sort=False)
        .size()
        .reset_index(name="n")
    )
    out = []
    for tier in TIERS:
        t = g[g["tier"] == tier]
        if t.empty:
            continue
        n = t["n"].to_numpy()
        out.append(
            dict(
                type="scatter",
                mode="markers",
                name=theme.tier_label(tier),
                x=t["x"].to_numpy(dtype=float),
                y=t["y"].to_numpy(dtype=float),
                marker={
                    "symbol": theme.TIER_SYMBOL[tier],
                    "color": palette.tier(tier),
                    "size": (5 + 3 * np.sqrt(n / max(n.max(), 1)) * 6) * size.scale,
                    "opacity": 0.75,
                },
                hovertext=[
                    f"{k:,} {theme.tier_label(tier).lower()} claim{'s' if k != 1 else ''}: works of {int(x)} give "
                    + (f"{int(y)}" if step == 1 else f"{int(y - step / 2)} to {int(y + step / 2)}")
                    for k, x, y in zip(n, t["x"], t["y"])
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    return out


def _asof(asof: int | None, x_range, size: theme.Sizes, palette: Palette) -> tuple[list[dict], list[dict]]:
    """The "as known in" year: a dashed line, the years after it shaded as not yet released."""
    if asof is None:
        return [], []
    lo, hi = x_range
    x = min(max(asof + 0.5, lo), hi)  # the year's works lie on it: the line just after them
    shapes = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": x,
            "x1": hi,
            "y0": 0,
            "y1": 1,
            "fillcolor": palette.axis,
            "opacity": 0.12,
            "layer": "below",
            "line": {"width": 0},
        },
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": x,
            "x1": x,
            "y0": 0,
            "y1": 1,
            "line": {"color": palette.strong, "dash": "dash", "width": 1.5 * size.scale},
        },
    ]
    # In the shaded years (empty: nothing is out yet), halfway up; left of the line when they are too few.
    room = (hi - x) / max(hi - lo, 1e-9)
    note = {
        "x": x,
        "y": 0.5,
        "xref": "x",
        "yref": "paper",
        "xanchor": "left" if room > 0.25 else "right",
        "xshift": 4 if room > 0.25 else -4,
        "yanchor": "middle",
        "text": f"as known in {asof}",
        "showarrow": False,
        "font": {"size": size.label, "color": palette.strong},
        "bgcolor": palette.header_bg,
    }
    return shapes, [note]


def _corner(text: str, size: theme.Sizes, palette: Palette) -> dict:
    return {
        "text": theme.safe(text),
        "x": 0,
        "y": 1,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": size.label, "color": palette.muted},
    }


def _layout(x_range, y_range, height: int, plot_px: float, size: theme.Sizes, palette: Palette) -> dict:
    nticks = int(max(3, min(14, plot_px // (56 * size.scale))))
    axis = {
        **theme.plain_axis(palette),
        "tickformat": "d",
        "showgrid": True,
        "gridcolor": palette.grid,
        "zeroline": False,
        "ticks": "outside",
        "tickcolor": palette.axis,
        "linecolor": palette.axis,
        "showline": True,
        "tickfont": {"size": size.tick, "color": palette.ink},
        "fixedrange": True,
        "automargin": False,
    }
    return dict(
        font={"family": theme.FONT, "size": size.label, "color": palette.ink},
        height=round(height * max(1.0, size.scale * 0.75)),
        margin={k: round(v * size.scale) for k, v in MARGIN.items()},
        showlegend=True,
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1,
            "yanchor": "bottom",
            "font": {"size": size.label, "color": palette.ink},
            "title": {"text": "works by tier:", "font": {"size": size.label, "color": palette.muted}},
            "itemclick": False,
            "itemdoubleclick": False,
            "bgcolor": "rgba(0,0,0,0)",
        },
        hovermode="closest",
        clickmode="event",
        dragmode=False,
        xaxis={
            **axis,
            "range": list(x_range),
            "nticks": nticks,
            "title": {"text": "year the work came out", "font": {"size": size.tick, "color": palette.muted}},
        },
        yaxis={
            **axis,
            "range": list(y_range),
            "nticks": 8,
            "title": {"text": "year it gives", "font": {"size": size.tick, "color": palette.muted}},
        },
        hoverlabel={
            "font": {"family": theme.FONT, "size": size.hover, **theme.ink(palette.hover_ink)},
            **theme.hoverlabel(palette),
        },
        paper_bgcolor=palette.background,
        plot_bgcolor=palette.background,
        uirevision="drift",
    )
