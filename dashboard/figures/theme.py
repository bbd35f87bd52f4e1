"""One look for every figure: palettes, cues, the shared year axis, era bands, safe text, columns.

Cues, each explained in a line of the legend (dashboard/components/legend.py):
- colour: the event's outermost faction (Okabe-Ito, colour-blind safe; grey past eight);
- a solid bar: the span every trusted source agrees the period covers;
- a faded bar: where its start or end may lie (a period known only as "between A and B" is faded
  all through, never solid);
- a short dark tick: the best estimate of the start and of the end;
- marker shape: the strongest source tier (circle canon, diamond licensed, square production, x fan);
- a star: the trusted sources disagree.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import numpy as np

from dashboard.domain.schema import TIER_LABELS
from dashboard.figures import measure, typed
from dashboard.figures.palette import LIGHT, Palette

# Colours live in figures/palette.py (LIGHT and DARK); these name the light page's for the page's
# own HTML (legend swatches, handout, slides). Factions own Okabe & Ito's colour-blind-safe palette
# (black last; grey for the overflow); tiers get dark neutrals that no faction uses, and a shape
# each: colour is never the only cue.
PALETTE = LIGHT.factions
OVERFLOW = LIGHT.overflow
TIER_COLOUR = dict(LIGHT.tiers)
TIER_SYMBOL = {"canon": "circle", "licensed": "diamond", "production": "square", "fan": "x"}
TIER_GLYPH = {"canon": "\u25cf", "licensed": "\u25c6", "production": "\u25a0", "fan": "\u2715"}
INK = LIGHT.ink
MUTED = LIGHT.muted
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
LABEL_PX = 12  # chart label size at 100% zoom
DEFAULT_PLOT_PX = 900.0  # plot width assumed until the browser says how wide the chart is
MARGIN = {"l": 12, "r": 16, "t": 58, "b": 12}
DIMMED = 0.22
PRESENT_SCALE = 2.0  # the presentation's charts: 24 px labels, read from the back of a room


@dataclass(frozen=True)
class Sizes:
    """Every size the Gantt chart and the timeline draw, in px, for one text scale: the one home of
    chart sizes. Scale 1 is the page (12 px labels); PRESENT_SCALE the projector."""

    scale: float
    label: float  # event labels and the layout's font
    tick: float  # year ticks
    era: float  # era names above the ticks
    era_shift: float  # how far above the plot the era names sit
    lane: float  # lane headers
    hover: float
    empty: float  # the "nothing matches" note
    row: int  # a row: a label line with a little air
    row_narrow: int  # a row on a narrow plot: a label line above a bar
    label_max: float  # the widest a label may be
    tier_room: float  # room before a label for the tier marker...
    star_room: float  # ...and the dispute star
    tier_marker: float
    star_marker: float
    best_tick: float  # the best estimate's tick on a bar
    best_tick_width: float
    edge_marker: float  # the arrow where a bar runs past the edge
    moment_marker: float
    whisker: float
    margin_top: int  # room for the era names and the year ticks


def sizes(scale: float = 1.0) -> Sizes:
    """The chart sizes at a text scale (1: the page; PRESENT_SCALE: a projector)."""
    s = max(float(scale or 1.0), 0.5)
    return Sizes(
        scale=s,
        label=LABEL_PX * s,
        tick=12 * s,
        era=11 * s,
        era_shift=24 * s,
        lane=12 * s,
        hover=13 * s,
        empty=14 * s,
        row=round(21 * s),
        row_narrow=round(30 * s),
        label_max=300 * s,
        tier_room=11 * s,
        star_room=12 * s,
        tier_marker=8 * s,
        star_marker=12 * s,
        best_tick=15 * s,
        best_tick_width=2.5 * s,
        edge_marker=9 * s,
        moment_marker=11 * s,
        whisker=1.5 * s,
        margin_top=round(MARGIN["t"] * s),
    )


def colours(keys, palette: Palette = LIGHT) -> dict[str, str]:
    """Assign palette colours to keys in the order given (stable across filters)."""
    return palette.colours(keys)


# Characters XML 1.0 forbids (C0 controls but tab, newline and return): in an SVG text they stop
# plotly.js drawing the figure (kaleido's images and the browser alike), so they never reach one.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe(text) -> str:
    """Escape data text for Plotly labels and hover, so markup shows as text and never runs (and
    drop the control characters no SVG may hold)."""
    return html.escape(_NOT_XML.sub("", "" if text is None else str(text)), quote=False)


def tier_label(tier: str) -> str:
    return TIER_LABELS[tier]


def figure(data: list[dict], layout: dict, palette: Palette = LIGHT) -> dict:
    """A figure as a plain dict, from a list of trace dicts (each names its "type") and one layout dict.

    Not a Plotly graph object: those check every property of every point, most of a filter
    change's time (0.1 s for 1,000 events, 0.5 s for 2,500), and the page only needs the JSON.
    The check lives in the tests instead (tests/figures/test_valid.py validates every kind of
    figure we make); a caller that wants a graph object builds one, `go.Figure(fig)`, and gets it.
    Numeric arrays become plotly.js typed arrays (figures/typed.py), as a graph object sends them.
    No Plotly template: copying one costs about 0.1 s a figure, and layout() sets the few styles
    we use. A figure in another palette than the page's says which in its layout's meta ("theme")."""
    if palette is not LIGHT:
        layout = {**layout, "meta": {**(layout.get("meta") or {}), "theme": palette.name}}
    fig = {"data": data, "layout": {"template": {}, **layout}}
    typed.encode(fig)
    return fig


def layout(
    x_range: tuple[float, float],
    height: int,
    *,
    title: str | None = None,
    top_axis: bool = True,
    margin: dict | None = None,
    plot_px: float = DEFAULT_PLOT_PX,
    size: Sizes | None = None,
    palette: Palette = LIGHT,
) -> dict:
    """The shared look: year ticks at the top (in view on the first screen), compact rows, no legend."""
    size = size or sizes()
    nticks = int(max(3, min(14, plot_px // (64 * size.scale))))  # a year label needs about 40 px
    out = dict(
        font={"family": FONT, "size": size.label, "color": palette.ink},
        height=height,
        margin={**MARGIN, "t": size.margin_top, **(margin or {})},
        barmode="overlay",
        bargap=0,
        clickmode="event",
        hovermode="closest",
        dragmode="zoom",
        showlegend=False,
        xaxis={
            "range": list(x_range),
            "tickformat": "d",
            "showgrid": True,
            "gridcolor": palette.grid,
            "zeroline": False,
            "side": "top" if top_axis else "bottom",
            "ticks": "outside",
            "tickfont": {"size": size.tick, "color": palette.ink},
            "fixedrange": False,
            "linecolor": palette.axis,
            "showline": True,
            "tickcolor": palette.axis,
            "automargin": False,
            "nticks": nticks,
            "tickangle": 0,
        },
        yaxis={
            **plain_axis(palette),
            "showticklabels": False,
            "ticks": "",
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
            "autorange": "reversed",
        },
        hoverlabel={"font": {"family": FONT, "size": size.hover, **ink(palette.hover_ink)}, **hoverlabel(palette)},
        paper_bgcolor=palette.background,
        plot_bgcolor=palette.background,
        uirevision="keep",
    )
    if title:
        out["title"] = {"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}}
    return out


def ink(colour: str | None) -> dict:
    """A font's "color", or nothing where the palette leaves it to Plotly."""
    return {} if colour is None else {"color": colour}


def plain_axis(palette: Palette) -> dict:
    """Colours for an axis that sets none of its own (none on the light page: Plotly's)."""
    c = palette.plain_axis
    return {} if c is None else {"gridcolor": c, "linecolor": c, "tickcolor": c}


def hoverlabel(palette: Palette) -> dict:
    """The hover box's colours (its font's colour: `ink(palette.hover_ink)`)."""
    return {"align": "left", "bgcolor": palette.hover_bg, "bordercolor": palette.hover_border}


def era_bands(
    bands,
    x_range,
    plot_px: float,
    label: bool = True,
    size: Sizes | None = None,
    palette: Palette = LIGHT,
) -> tuple[list[dict], list[dict]]:
    """Eras as background bands, and their names above the year ticks, cut to the band's measured
    width. Returns (shapes, annotations) as plain dicts: set once on the layout (adding shapes one
    by one re-validates every shape each time)."""
    size = size or sizes()
    lo, hi = x_range
    px_per_year = plot_px / max(hi - lo, 1e-9)
    shapes, notes = [], []
    for _id, name, start, end, colour in (b for b in bands if not (b[3] < lo or b[2] > hi)):
        x0, x1 = max(start, lo), min(end, hi)
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": x0,
                "x1": x1,
                "y0": 0,
                "y1": 1,
                "fillcolor": colour,
                "opacity": palette.era_opacity,
                "layer": "below",
                "line": {"width": 0},
            }
        )
        text = measure.fit(name, (x1 - x0) * px_per_year - 6, size=size.era) if label else ""
        if text:
            notes.append(
                {
                    "x": (x0 + x1) / 2,
                    "y": 1.0,
                    "xref": "x",
                    "yref": "paper",
                    "yanchor": "bottom",
                    "yshift": size.era_shift,
                    "text": safe(text),
                    "showarrow": False,
                    "hovertext": safe(name),
                    "font": {"size": size.era, "color": palette.muted},
                }
            )
    return shapes, notes


def lane_headers(
    lanes, labels: dict, counts: dict, size: Sizes | None = None, palette: Palette = LIGHT
) -> tuple[list[dict], list[dict]]:
    """A header row per lane (its name and how many events), with a rule above it: (shapes, annotations)."""
    size = size or sizes()
    shapes, notes = [], []
    for k, y, _n in lanes:
        notes.append(
            {
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "y": y,
                "yref": "y",
                "showarrow": False,
                "text": f"<b>{safe(labels[k])}</b> <span style='color:{palette.muted}'>({counts[k]})</span>",
                "font": {"size": size.lane, "color": palette.ink},
                "bgcolor": palette.header_bg,
            }
        )
        if y > 0:
            shapes.append(
                {
                    "type": "line",
                    "xref": "paper",
                    "yref": "y",
                    "x0": 0,
                    "x1": 1,
                    "y0": y - 0.5,
                    "y1": y - 0.5,
                    "line": {"color": palette.rule, "width": 1},
                }
            )
    return shapes, notes


def empty_note(text: str, size: Sizes | None = None, palette: Palette = LIGHT) -> dict:
    return {
        "text": text,
        "x": 0.5,
        "y": 0.5,
        "xref": "paper",
        "yref": "paper",
        "showarrow": False,
        "font": {"size": (size or sizes()).empty, "color": palette.muted},
    }


def label_anchor(
    x_lo: np.ndarray, x_hi: np.ndarray, label_px: np.ndarray, lo: float, hi: float, plot_px: float, lead_px: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where each label goes: right of its marks if it fits, else left of them, else inside at the start.

    Returns (x of the label's first mark, text position 'middle right'/'middle left', footprint as
    [lo, hi] in years). `lead_px` is the room taken by the cue markers before the text.
    """
    ypp = (hi - lo) / max(plot_px, 1.0)  # years per pixel
    need = (label_px + lead_px + 6) * ypp
    right_ok = x_hi + need <= hi
    left_ok = x_lo - need >= lo
    anchor = np.where(right_ok, x_hi + 3 * ypp, np.where(left_ok, x_lo - 3 * ypp, x_lo + 2 * ypp))
    side = np.where(right_ok | ~left_ok, "middle right", "middle left")
    foot_lo = np.where(right_ok | ~left_ok, x_lo, x_lo - need)
    foot_hi = np.where(right_ok, x_hi + need, np.where(left_ok, x_hi, np.maximum(x_hi, x_lo + need)))
    return anchor, side, np.stack([foot_lo, foot_hi])


def hover_text(df, palette: Palette = LIGHT) -> np.ndarray:
    """Hover for each event, built from columns: title, dates in words, sources, tier, dispute."""
    from dashboard.domain import words

    titles = df["title"].map(safe)
    when = [safe(words.period(s, e)) for s, e in zip(df["start"], df["end"])]
    if "start_readings" in df:  # where the sources split a side: its readings ('from 2346 or 2359 to 2369')
        from dashboard.domain.readings import period_words

        starts, ends = df["start_readings"].tolist(), df["end_readings"].tolist()
        for i in [i for i, (a, b) in enumerate(zip(starts, ends)) if a or b]:
            when[i] = safe(period_words(df["start"].iat[i], df["end"].iat[i], starts[i], ends[i]))
    says = df["sources_say"].map(safe)
    tier = df["canon"].map(TIER_LABELS)
    disputed = np.where(df["disputed"].to_numpy(dtype=bool), "<br><b>The sources disagree</b>", "")
    return np.array(
        [
            f"<b>{t}</b><br>{w}<br><span style='color:{palette.muted}'>sources give: {s}</span><br>strongest source: {k}{d}"
            for t, w, s, k, d in zip(titles, when, says, tier, disputed)
        ],
        dtype=object,
    )


MIN_PLOT_PX = 240.0  # the narrowest plot area drawn, however narrow the chart box


def plot_width(chart_px) -> float | None:
    """The plot area's width in px for a chart box `chart_px` CSS px wide: the box less the figure's
    left and right margins (MARGIN), never below MIN_PLOT_PX. None when the width is not measured yet.
    The one home of this rule: the explorer, the presentation, the embed and the chart files use it."""
    try:
        return max(float(chart_px) - MARGIN["l"] - MARGIN["r"], MIN_PLOT_PX)
    except (TypeError, ValueError):
        return None


def chart_width(plot_px: float) -> float:
    """The chart box's width for a plot area `plot_px` wide (plot_width's inverse)."""
    return plot_px + MARGIN["l"] + MARGIN["r"]


def chart_scale(plot_px: float | None) -> float:
    """The charts' text scale for a plot this wide: PRESENT_SCALE on a projector, down to the
    page's own size on a phone."""
    if not plot_px:
        return PRESENT_SCALE
    return float(min(PRESENT_SCALE, max(1.0, plot_px / 560)))
