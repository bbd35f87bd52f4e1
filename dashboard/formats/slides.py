"""A chart as a slide: the app's figure with a title, the filters in words, a key and the credit.

A slide is the app's figure laid out at laptop size and zoomed (kaleido's scale), so the figures' own
packing of labels and rows holds and a 1920x1080 image shows their 12 px text at about 22 px. The key
(key_items, faction_colours) is shared with the standalone file. No Dash, no I/O: `image` hands the
figure to an images.ImageRenderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import plotly.graph_objects as go

from dashboard.domain import credits
from dashboard.domain.factions import top_factions
from dashboard.domain.schema import TIER_LABELS, TIERS
from dashboard.figures import measure, theme
from dashboard.figures.measure import wrap
from dashboard.formats.charts import SLIDE, Chart

if TYPE_CHECKING:
    from dashboard.domain.loading import Tables

SLIDE_TEXT_PX = 22  # the figures' 12 px labels on a 1920-wide slide, when the chart fits
MIN_TEXT_PX = 12  # ...shrunk down to this when it does not
SQUEEZE = 0.8  # rows may shrink to this share of their own height before the text does


@dataclass(frozen=True)
class Look:
    """A slide's text sizes in pixels of a 1920-wide image (scaled with the width), and whether it
    carries the key. SLIDE_LOOK is the download's; CARD_LOOK a social card's (seen a third of its
    size in a chat: bigger words, no key)."""

    title: float = 40
    caption: float = 24
    key: float = 17
    credit: float = 16
    pad: float = 28
    label: float = SLIDE_TEXT_PX
    show_key: bool = True
    short_credit: bool = False  # credits.image_credit (the wikis and licences) instead of every page


SLIDE_LOOK = Look()
CARD_LOOK = Look(title=64, caption=40, credit=30, pad=48, label=30, show_key=False, short_credit=True)


# ---------------------------------------------------------------------------------------------
# The key and the credit, as Plotly text


def plot_text(text: str) -> str:
    """Data text for a Plotly label: markup shown as text (figures.theme.safe)."""
    return theme.safe(text)


def key_items(chart: Chart) -> list[tuple[str, str]]:
    """How to read this chart: (glyph or '', words) pairs; colours are given as (colour, name)."""
    tiers = [(theme.TIER_GLYPH[t], TIER_LABELS[t].lower()) for t in TIERS]
    if chart.kind == "dispute":
        return [
            ("", "each row: the years one source allows, by its tier:"),
            *tiers,
            ("", "shaded: the range they span (each reading apart where they do not overlap);"),
            ("", "dashed line: the best estimate"),
        ]
    if chart.kind == "drift":
        key = [
            ("", "across: the year a work came out; up: the year it gives;"),
            ("", "a line joins one event's sources in release order; marks by tier:"),
            *tiers,
        ]
        if chart.drift is not None and chart.drift.undated:
            undated = chart.drift.undated
            names = ", ".join(w.title for w in undated[:8]) + (
                f" and {len(undated) - 8:,} more" if len(undated) > 8 else ""
            )
            key.append(("", f"not drawn, no release year: {names}"))
        return key
    marks = (
        [
            ("", "solid bar: the years every trusted source agrees on;"),
            ("", "faded: where a start or end may lie;"),
            ("", "dark tick: best estimate"),
        ]
        if chart.kind == "gantt"
        else [("", "marker: best estimate;"), ("", "whiskers: the years the moment may fall in")]
    )
    if _split(chart):  # readings drawn apart ('2346 or 2359'): say how to read the gap
        marks.append(
            ("", "outline: between readings that do not overlap (each has its own span and tick);")
            if chart.kind == "gantt"
            else ("", "a marker per reading where the sources split, nothing between;")
        )
    return [*marks, ("★", "the sources disagree"), ("", "strongest source:"), *tiers]


def _split(chart: Chart) -> bool:
    """Does the chart draw an event whose sources split a side into readings that do not overlap?"""
    drawn = chart.drawn
    if drawn is None or "start_readings" not in getattr(drawn, "columns", ()):
        return False
    return any(bool(a) or bool(b) for a, b in zip(drawn["start_readings"], drawn["end_readings"]))


def faction_colours(chart: Chart) -> list[tuple[str, str]]:
    """(colour, faction name) for the factions whose colour appears in the chart."""
    if chart.kind in ("dispute", "drift"):
        return []
    palette = theme.colours(top_factions(chart.vocab))
    present = {chart.vocab.top(fs[0]) for fs in chart.drawn["factions"]}
    return [(palette[f], chart.vocab.factions[f]) for f in palette if f in present]


def _key_plot_text(chart: Chart, width_px: float, size: float) -> str:
    """The key as Plotly text, wrapped; colours as coloured squares."""
    pieces = [(f"{g} {w}" if g else w) for g, w in key_items(chart)]
    pieces += [f"■ {name}" for _, name in faction_colours(chart)]
    colour = {f"■ {name}": c for c, name in faction_colours(chart)}
    lines, line, used = [], [], 0.0
    gap = measure.width("   ", size)
    for piece in pieces:
        w = measure.width(piece, size)
        if line and used + gap + w > width_px:
            lines.append(line)
            line, used = [], 0.0
        line.append(piece)
        used += w + gap
    lines.append(line)

    def show(piece):
        if piece in colour:
            return f"<span style='color:{colour[piece]}'>■</span> {plot_text(piece[2:])}"
        return plot_text(piece)

    return "<br>".join("   ".join(show(p) for p in ln) for ln in lines if ln)


@dataclass(frozen=True)
class SlideFigure:
    """A figure laid out at (width/zoom x height/zoom) px, to be drawn at `zoom` (times the asked scale)."""

    figure: go.Figure
    zoom: float
    width: int
    height: int

    @property
    def text_px(self) -> float:
        """The figures' label size as it shows on the slide."""
        return theme.LABEL_PX * self.zoom


def _credit(tables: Tables, look: Look) -> str:
    if look.short_credit:
        return credits.image_credit(credits.attribution(tables)) + "."
    return credits.credit_line(tables)


@dataclass(frozen=True)
class _Fit:
    """The figure laid out for a slide at `zoom`, with its text and the heights of what surrounds it."""

    figure: dict  # the app's figure dict (dashboard.figures)
    zoom: float
    vw: float  # the layout's width and height (the slide's pixels / zoom)
    vh: float
    px: dict  # text sizes and padding in layout pixels
    caption: list[str]
    key: str
    credit: list[str]
    title_h: float
    natural: float  # the plot's own height, without its margins
    avail: float  # the height left for the plot between the title and the foot


def _fit(chart: Chart, tables: Tables, width: int, height: int, look: Look = SLIDE_LOOK) -> _Fit:
    """The largest zoom whose layout fits (usually one or two builds), and that layout."""
    k = width / SLIDE[0]
    real = {name: getattr(look, name) * k for name in ("title", "caption", "key", "credit", "pad")}
    zoom, least = look.label * k / theme.LABEL_PX, MIN_TEXT_PX * k / theme.LABEL_PX
    for _attempt in range(4):
        vw, vh = width / zoom, height / zoom
        px = {name: size / zoom for name, size in real.items()}
        text_w = vw - 2 * px["pad"]
        caption = wrap(chart.caption, text_w, px["caption"])
        key = _key_plot_text(chart, text_w, px["key"]) if look.show_key else ""
        credit = wrap(_credit(tables, look), text_w, px["credit"])
        title_h = px["pad"] * 1.1 + px["title"] * 1.3 + len(caption) * px["caption"] * 1.3
        foot_h = (
            (key.count("<br>") + 1) * px["key"] * 1.45 * bool(key) + len(credit) * px["credit"] * 1.35 + px["pad"] * 1.2
        )
        fig = chart.figure(theme.plot_width(vw))
        m = fig["layout"]["margin"]
        own = (m.get("t") or 0) + (m.get("b") or 0)
        natural = (fig["layout"].get("height") or 400) - own
        avail = vh - title_h - foot_h - own
        if natural * SQUEEZE <= avail or zoom <= least:
            break
        # The zoom at which this many rows would fit (a wider layout packs into as many rows or fewer).
        zoom = max(least, min(zoom * 0.97, (height - (title_h + foot_h) * zoom) / (natural * SQUEEZE + own)))
    return _Fit(fig, zoom, vw, vh, px, caption, key, credit, title_h, natural, avail)


def slide_figure(
    chart: Chart, tables: Tables, width: int = SLIDE[0], height: int = SLIDE[1], look: Look = SLIDE_LOOK
) -> SlideFigure:
    """The chart for a W x H image: title, filters in words, a key (unless `look` leaves it out),
    the credit to the wikis.

    The figure is laid out by the app's own code for a plot as wide as the slide allows at the
    largest zoom that fits it (labels 22 px on a 1920-wide slide, down to 12 px for a chart with
    many rows), then drawn at that zoom. Sizes follow the width: 960x540 at scale 2 matches 1920x1080.
    """
    f = _fit(chart, tables, width, height, look)
    fig, px, vw, vh = go.Figure(f.figure), f.px, f.vw, f.vh  # a graph object, checked: drawn once, as an image
    m = fig.layout.margin
    top = f.title_h + (m.t or 0)
    plot_h = max(min(f.natural, f.avail), 40)
    fig.update_layout(
        width=vw,
        height=vh,
        autosize=False,
        title={
            "text": f"<b>{plot_text(chart.title)}</b>",
            "font": {"size": px["title"], "color": theme.INK},
            "subtitle": {
                "text": "<br>".join(plot_text(x) for x in f.caption),
                "font": {"size": px["caption"], "color": theme.MUTED},
            },
            "x": px["pad"] / vw,
            "xanchor": "left",
            "xref": "container",
            "y": 1 - px["pad"] * 0.7 / vh,
            "yanchor": "top",
            "yref": "container",
        },
        margin={"t": top, "b": vh - top - plot_h, "autoexpand": False},
        hovermode=False,
        dragmode=False,
    )
    _add_foot(fig, f, vh - top - plot_h, -((m.l or 0) - px["pad"]))
    fig.update_layout(meta={**(fig.layout.meta or {}), "zoom": f.zoom})
    return SlideFigure(fig, f.zoom, width, height)


def _add_foot(fig: go.Figure, f: _Fit, b: float, shift_x: float) -> None:
    """The credit, and the key above it, under the plot (`b` layout px of bottom margin)."""
    px = f.px
    credit_h = len(f.credit) * px["credit"] * 1.35
    fig.add_annotation(
        text="<br>".join(plot_text(x) for x in f.credit),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        xshift=shift_x,
        yshift=-(b - px["pad"] * 0.6 - credit_h),
        showarrow=False,
        align="left",
        font={"size": px["credit"], "color": theme.MUTED},
    )
    if not f.key:
        return
    key_h = (f.key.count("<br>") + 1) * px["key"] * 1.45
    fig.add_annotation(
        text=f.key,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        xshift=shift_x,
        yshift=-(b - px["pad"] * 0.6 - credit_h - key_h - px["pad"] * 0.3),
        showarrow=False,
        align="left",
        font={"size": px["key"], "color": theme.INK},
    )


def image(slide: SlideFigure, fmt: str, scale: float, renderer) -> bytes:
    """Draw a slide: laid out at width/zoom px and drawn at zoom x scale, so the image is width x height
    (x scale for a PNG). The epsilon keeps the browser's rounding down from losing the last pixel."""
    f = slide.figure
    data = renderer.render(f, fmt, f.layout.width, f.layout.height, slide.zoom * scale * (1 + 1e-7))
    if fmt == "svg":  # the exact size asked, whatever the float arithmetic gave
        data = re.sub(
            rb'^(<svg[^>]*?) width="[^"]*" height="[^"]*"',
            rb'\1 width="%d" height="%d"' % (slide.width, slide.height),
            data,
            count=1,
        )
    return data
