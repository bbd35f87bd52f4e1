"""A still picture of a chart, written by the server as SVG: the first view's chart, on screen with
the page's first paint, before plotly.js has loaded (about 0.4 s of script to run) or drawn.

It draws a figure exactly where plotly.js will draw it, so that when the live chart replaces the
picture nothing moves. It does so only for the parts whose placement it knows as plotly.js does it
(checked against plotly.js in the browser: tests/browser/test_picture.py):

- a numeric x axis on top with automatic ticks chosen from `nticks` (plotly.js's rule: the range
  over nticks, rounded up to 2, 5 or 10 times a power of ten), its line, tick marks, grid and
  integer labels (a label at either end of the range is left out, as plotly.js leaves it out, when
  half of it is wider than that side's margin);
- heatmaps (the density view: bricks with gaps, shaded by a colour scale);
- rectangles in data or paper coordinates (era bands);
- annotations without arrows, anchored left or centre and top or bottom, whose text uses only
  <b>, <br> and <span style='color:...'>.

Anything else raises NotDrawable, and plotly.js draws that figure (assets/first_view.js). The
picture is laid out in fractions of the plot's width, not in pixels: it is right at whatever width
the page turns out to have, as plotly.js is for the same figure.
"""

from __future__ import annotations

import base64
import html
import math
import re

import numpy as np

from dashboard.figures import measure

DEFAULT_TICKLEN = 5
# plotly.js: an annotation's text sits inside its border (1 px) and padding (1 px).
ANNOTATION_INSET = 2
# plotly.js: an x tick label's baseline is this many font sizes beyond the tick (measured: 0.4).
TICK_LABEL_SHIFT = 0.4
LINE_SPACING = 1.3  # plotly.js: lines of an annotation are 1.3 font sizes apart
TRACES = frozenset({"heatmap"})
_TAG = re.compile(r"<(/?)(b|br|span)(?:\s+style='color:\s*([#\w(),.\s]+)')?\s*/?>", re.IGNORECASE)


class NotDrawable(ValueError):
    """The figure has a part the picture cannot place exactly as plotly.js does: plotly.js draws it."""


def auto_ticks(lo: float, hi: float, nticks: int) -> list[float]:
    """The ticks plotly.js chooses for a linear axis over [lo, hi] given `nticks` (tick0 0; dtick the
    range over nticks, rounded up to 2, 5 or 10 times a power of ten)."""
    rough = abs(hi - lo) / max(int(nticks), 1)
    if not rough > 0:
        return []
    base = 10 ** math.floor(math.log10(rough))
    dtick = base * next(r for r in (2, 5, 10) if r >= rough / base - 1e-12)
    a, b = min(lo, hi), max(lo, hi)
    first = math.ceil(a / dtick - 1e-9)
    return [k * dtick for k in range(first, int(math.floor(b / dtick + 1e-9)) + 1)]


def colour_at(scale, value: float, zmin: float, zmax: float) -> str:
    """The colour a heatmap gives `value` on `scale` ([[stop, '#rrggbb'], ...]): linear in RGB between
    stops, as plotly.js does, rounded to whole channel values."""
    span = (zmax - zmin) or 1.0
    t = min(max((value - zmin) / span, 0.0), 1.0)
    stops = [(float(s), _rgb(c)) for s, c in scale]
    for (s0, c0), (s1, c1) in zip(stops, stops[1:]):
        if t <= s1:
            f = 0.0 if s1 == s0 else (t - s0) / (s1 - s0)
            return "#" + "".join(f"{round(a + (b - a) * f):02x}" for a, b in zip(c0, c1))
    return "#" + "".join(f"{v:02x}" for v in stops[-1][1])


def _rgb(colour: str) -> tuple[int, int, int]:
    if not (isinstance(colour, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", colour)):
        raise NotDrawable(f"colour {colour!r} (only #rrggbb)")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _array(value) -> np.ndarray:
    """A figure's array: a list, or plotly's typed-array form {dtype, bdata (base64), shape}."""
    if isinstance(value, dict) and "bdata" in value:
        out = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        return (out.reshape([int(n) for n in str(shape).split(",")]) if shape else out).astype(float)
    return np.asarray(value, dtype=float)


def _get(obj: dict, path: str, default=None):
    for key in path.split("."):
        if not isinstance(obj, dict) or key not in obj:
            return default
        obj = obj[key]
    return obj


def _js_round(v: float) -> int:
    """Math.round (halves up; Python's round() takes halves to even)."""
    return math.floor(v + 0.5)


def _n(v: float) -> str:
    return f"{v:.3f}".rstrip("0").rstrip(".") or "0"


def _attr(v) -> str:
    return html.escape(str(v), quote=True)


class _Plot:
    """Coordinates: x as a percentage of the plot's width (the SVG spans the plot), y in px from the chart's top."""

    def __init__(self, layout: dict):
        self.height = float(layout.get("height") or 0)
        if not self.height or layout.get("width"):
            raise NotDrawable("a figure without a fixed height, or with a fixed width (the picture fills its box)")
        margin = layout.get("margin") or {}
        self.m = {k: float(margin.get(k, 80 if k in "lr" else 100 if k == "t" else 80)) for k in "lrtb"}
        self.top, self.bottom = self.m["t"], self.height - self.m["b"]
        xr, yr = _get(layout, "xaxis.range"), _get(layout, "yaxis.range")
        if not (xr and yr) or _get(layout, "xaxis.type", "linear") not in ("linear", "-"):
            raise NotDrawable("axes without fixed, linear ranges")
        self.x0, self.x1 = map(float, xr)
        self.y0, self.y1 = map(float, yr)

    def x(self, v: float, ref: str = "x") -> float:
        """x in percent of the plot's width."""
        frac = v if ref == "paper" else (v - self.x0) / (self.x1 - self.x0)
        return 100.0 * frac

    def y(self, v: float, ref: str = "y") -> float:
        """y in px from the chart's top (a y axis runs from its range's first value at the bottom)."""
        length = self.bottom - self.top
        if ref == "paper":
            return self.bottom - v * length
        # plotly.js's axis rounds its positions to 1/100 px (d3.round(b + m * v, 2)) from the plot's top
        return self.top + _js_round((length - (v - self.y0) / (self.y1 - self.y0) * length) * 100) / 100


def _font(font: dict | None, base: dict) -> dict:
    return {**base, **{k: v for k, v in (font or {}).items() if v is not None}}


def _font_attrs(font: dict) -> str:
    return (
        f' font-family="{_attr(font.get("family", "sans-serif"))}" font-size="{_n(float(font.get("size", 12)))}"'
        f' fill="{_attr(font.get("color", "#444"))}"'
    )


def _runs(text: str) -> list[list[tuple[str, bool, str | None]]]:
    """Annotation markup as lines of (text, bold, colour) runs; NotDrawable for any other markup."""
    lines: list[list] = [[]]
    bold, colour, pos = False, [None], 0
    for m in _TAG.finditer(text):
        if m.start() > pos:
            lines[-1].append((text[pos : m.start()], bold, colour[-1]))
        closing, tag, col = m.group(1), m.group(2).lower(), m.group(3)
        if tag == "br":
            lines.append([])
        elif tag == "b":
            bold = not closing
        elif closing:
            if len(colour) > 1:
                colour.pop()
        else:
            colour.append(col.strip() if col else colour[-1])
        pos = m.end()
    if pos < len(text):
        lines[-1].append((text[pos:], bold, colour[-1]))
    for line in lines:
        for run, *_ in line:
            if "<" in run or ">" in run:
                raise NotDrawable(f"annotation markup in {text[:60]!r}")
    return lines


def _tspans(line) -> str:
    out = []
    for run, bold, colour in line:
        style = ("font-weight: bold; " if bold else "") + (f"fill: {colour}; " if colour else "")
        body = html.escape(html.unescape(run), quote=False)
        out.append(f'<tspan style="{_attr(style.strip())}">{body}</tspan>' if style else body)
    return "".join(out)


def _axis(plot: _Plot, layout: dict, base_font: dict) -> tuple[str, str]:
    """(grid lines, axis line + ticks + labels) of the x axis."""
    ax = layout.get("xaxis") or {}
    if ax.get("tickmode", "auto") != "auto" or ax.get("dtick") is not None or not ax.get("nticks"):
        raise NotDrawable("x ticks not chosen from nticks")
    if ax.get("tickformat") != "d" or ax.get("tickangle", 0) not in (0, "auto") or ax.get("mirror"):
        raise NotDrawable("x tick labels other than level integers")
    if ax.get("side", "bottom") != "top":
        raise NotDrawable("an x axis under the plot (only one on top is checked against plotly.js)")
    ticks = auto_ticks(plot.x0, plot.x1, int(ax["nticks"]))
    if any(t < 0 for t in ticks):
        raise NotDrawable("negative years (their minus sign is plotly.js's to choose)")
    crisp = ' shape-rendering="crispEdges"'
    grid = ""
    if ax.get("showgrid"):
        colour, width = ax.get("gridcolor", "#eee"), ax.get("gridwidth", 1)
        grid = "".join(
            f'<line x1="{_n(plot.x(t))}%" x2="{_n(plot.x(t))}%" y1="{_n(plot.top)}" y2="{_n(plot.bottom)}" '
            f'stroke="{_attr(colour)}" stroke-width="{_n(width)}"{crisp}/>'
            for t in ticks
        )
    parts = []
    line_w = float(ax.get("linewidth", 1)) if ax.get("showline") else 0.0
    edge, out = plot.top, -1.0  # on top: outwards is up
    if line_w:
        y = edge + out * line_w / 2
        parts.append(
            f'<line x1="0" x2="100%" y1="{_n(y)}" y2="{_n(y)}" stroke="{_attr(ax.get("linecolor", "#444"))}" '
            f'stroke-width="{_n(line_w)}"{crisp}/>'
        )
    ticklen = float(ax.get("ticklen", DEFAULT_TICKLEN)) if ax.get("ticks") == "outside" else 0.0
    if ax.get("ticks") not in ("outside", "", None):
        raise NotDrawable("ticks inside the plot")
    start = edge + out * line_w
    if ticklen:
        parts += [
            f'<line x1="{_n(plot.x(t))}%" x2="{_n(plot.x(t))}%" y1="{_n(start)}" y2="{_n(start + out * ticklen)}" '
            f'stroke="{_attr(ax.get("tickcolor", "#444"))}" stroke-width="{_n(ax.get("tickwidth", 1))}"{crisp}/>'
            for t in ticks
        ]
    if ax.get("showticklabels", True):
        font = _font(ax.get("tickfont"), base_font)
        size = float(font.get("size", 12))
        baseline = start - ticklen - TICK_LABEL_SHIFT * size
        parts += [
            f'<text x="{_n(plot.x(t))}%" y="{_n(baseline)}" text-anchor="middle"{_font_attrs(font)}>{int(round(t))}</text>'
            for t in ticks
            if not _past_div(plot, t, str(int(round(t))), size)
        ]
    return grid, "".join(parts)


def _past_div(plot: _Plot, tick: float, label: str, size: float) -> bool:
    """plotly.js hides a tick label that would stick out of the chart ("hide past div"). A tick at
    either end of the range is the one that can: half its label against that side's margin."""
    half = measure.width(label, size) / 2
    at = plot.x(tick)
    return (abs(at) < 1e-9 and half > plot.m["l"]) or (abs(at - 100) < 1e-9 and half > plot.m["r"])


def _shape(plot: _Plot, s: dict) -> str:
    if s.get("type") != "rect" or s.get("xref", "x") not in ("x", "paper") or s.get("yref", "y") not in ("y", "paper"):
        raise NotDrawable(f"shape {s.get('type')!r} on {s.get('xref')}/{s.get('yref')}")
    if float(_get(s, "line.width", 2) or 0) > 0:
        raise NotDrawable("shapes with an outline")
    xa, xb = sorted((plot.x(float(s["x0"]), s.get("xref", "x")), plot.x(float(s["x1"]), s.get("xref", "x"))))
    ya, yb = sorted((plot.y(float(s["y0"]), s.get("yref", "y")), plot.y(float(s["y1"]), s.get("yref", "y"))))
    return (
        f'<rect x="{_n(xa)}%" width="{_n(xb - xa)}%" y="{_n(ya)}" height="{_n(yb - ya)}" '
        f'fill="{_attr(s.get("fillcolor", "rgba(0,0,0,0)"))}" opacity="{_n(float(s.get("opacity", 1)))}"/>'
    )


def _heatmap(plot: _Plot, trace: dict) -> str:
    z, x, y = _array(trace["z"]), _array(trace["x"]), _array(trace["y"])
    if z.ndim != 2 or z.shape != (len(y), len(x)) or len(x) < 2 or len(y) < 1 or trace.get("zsmooth"):
        raise NotDrawable("a heatmap without one x and y per brick")
    if float(trace.get("opacity", 1)) != 1 or trace.get("reversescale") or trace.get("zmax") is not None:
        raise NotDrawable("a heatmap with opacity, a reversed scale or a fixed zmax")
    step_x = np.diff(x)
    step_y = np.diff(y) if len(y) > 1 else np.array([1.0])
    if not (np.allclose(step_x, step_x[0]) and np.allclose(step_y, step_y[0])):
        raise NotDrawable("a heatmap with uneven bricks")
    finite = z[np.isfinite(z)]
    if not len(finite):
        return ""
    zmin = float(trace["zmin"]) if trace.get("zmin") is not None else float(finite.min())
    zmax = float(finite.max())
    scale = trace.get("colorscale")
    if not isinstance(scale, (list, tuple)):
        raise NotDrawable("a named colour scale")
    dx, dy = float(step_x[0]), float(step_y[0])
    xgap, ygap = float(trace.get("xgap") or 0), float(trace.get("ygap") or 0)
    if xgap:
        raise NotDrawable("a heatmap with gaps between columns")
    # plotly.js paints the bricks on a canvas placed at the first brick's edge (`top`, in px), each
    # brick's edges on whole pixels from there, less the gap (half of it, rounded down, at the top).
    edges = np.sort([plot.y(v) for v in (y[0] - dy / 2, y[-1] + dy / 2)])
    top = max(edges[0], plot.top - 0.5 * (plot.bottom - plot.top))
    rows = []  # each row's y and height, written once
    for i in range(len(y)):
        ya, yb = sorted((plot.y(y[i] - dy / 2), plot.y(y[i] + dy / 2)))
        ya, yb = top + _js_round(ya - top), top + _js_round(yb - top)
        ya, yb = ya + ygap // 2, ya + (yb - ya) - ygap + ygap // 2
        rows.append(f'y="{_n(ya)}" height="{_n(yb - ya)}"' if yb > ya else "")
    columns = []  # each column's x and width
    for j in range(len(x)):
        xa, xb = sorted((plot.x(x[j] - dx / 2), plot.x(x[j] + dx / 2)))
        columns.append(f'x="{_n(xa)}%" width="{_n(xb - xa)}%"')
    colours: dict[float, str] = {}  # counts repeat: each colour computed once
    cells = [
        f'<rect {columns[j]} {rows[i]} fill="{colours.get(v) or colours.setdefault(v, colour_at(scale, v, zmin, zmax))}"/>'
        for i, j, v in zip(*np.nonzero(np.isfinite(z)), z[np.isfinite(z)].tolist())
        if rows[i]
    ]
    return f'<g class="marks">{"".join(cells)}</g>'


def _annotation(plot: _Plot, a: dict, base_font: dict) -> str:
    if a.get("showarrow", True) or a.get("textangle", 0) or a.get("bgcolor") not in (None, "rgba(0,0,0,0)"):
        raise NotDrawable("annotations with arrows, angles or a background")
    if a.get("visible") is False:
        return ""
    xref, yref = a.get("xref", "x"), a.get("yref", "y")
    if xref not in ("x", "paper") or yref not in ("y", "paper") or a.get("xshift"):
        raise NotDrawable(f"an annotation on {xref}/{yref}")
    x = plot.x(float(a.get("x", 0.5)), xref)
    xanchor = a.get("xanchor", "auto")
    if xanchor == "auto":
        xanchor = "center" if xref != "paper" else ("left" if x < 100 / 3 else "right" if x > 200 / 3 else "center")
    yanchor = a.get("yanchor", "auto")
    if yanchor == "auto" and yref == "paper":
        frac = float(a.get("y", 0.5))
        yanchor = "bottom" if frac < 1 / 3 else "top" if frac > 2 / 3 else "middle"
    if xanchor not in ("left", "center") or yanchor not in ("top", "bottom"):
        raise NotDrawable(f"an annotation anchored {xanchor}/{yanchor}")
    lines = _runs(str(a.get("text", "")))
    align = a.get("align", "center")
    if len(lines) > 1 and align != xanchor and not (align == "center" and xanchor == "center"):
        raise NotDrawable("lines of an annotation aligned apart from its anchor")
    font = _font(a.get("font"), base_font)
    size = float(font.get("size", 12))
    py = plot.y(float(a.get("y", 0.5)), yref) - float(a.get("yshift", 0) or 0)
    if xanchor == "left":
        xattr, anchor = f'x="{_n(x)}%" dx="{ANNOTATION_INSET}"', "start"
    else:
        xattr, anchor = f'x="{_n(x)}%"', "middle"
    if yanchor == "top":
        first = _js_round(py) + ANNOTATION_INSET  # plotly.js puts the box on whole pixels
        lines_y = [first + k * LINE_SPACING * size for k in range(len(lines))]
        base = "text-before-edge"
    else:
        last = _js_round(py) - ANNOTATION_INSET
        lines_y = [last - (len(lines) - 1 - k) * LINE_SPACING * size for k in range(len(lines))]
        base = "text-after-edge"
    return "".join(
        f'<text {xattr} y="{_n(ly)}" text-anchor="{anchor}" dominant-baseline="{base}"'
        f"{_font_attrs(font)}>{_tspans(line)}</text>"
        for line, ly in zip(lines, lines_y)
    )


def svg(fig) -> str:
    """The picture of `fig` (a plotly Figure or its dict) as HTML: a box the chart's height with the
    SVG over its plot. Raises NotDrawable when plotly.js must draw it."""
    types = (
        {t.type for t in fig.data} if hasattr(fig, "to_plotly_json") else {t.get("type") for t in fig.get("data") or []}
    )
    if not types or not types <= TRACES:  # checked before converting a figure of many marks for nothing
        raise NotDrawable(f"traces {sorted(map(str, types))} (only {sorted(TRACES)})")
    f = fig.to_plotly_json() if hasattr(fig, "to_plotly_json") else fig
    layout, data = dict(f.get("layout") or {}), list(f.get("data") or [])
    if any(t.get("xaxis", "x") != "x" or t.get("yaxis", "y") != "y" for t in data) or layout.get("images"):
        raise NotDrawable("more than one pair of axes, or images")
    if (
        layout.get("title")
        or layout.get("showlegend")
        or _get(layout, "yaxis.showticklabels", True)
        or _get(layout, "yaxis.showgrid")
        or _get(layout, "yaxis.showline")
        or _get(layout, "yaxis.zeroline")
        or _get(layout, "xaxis.zeroline")
    ):
        raise NotDrawable("a title, a legend or a drawn y axis")
    plot = _Plot(layout)
    base_font = {
        "family": '"Open Sans", verdana, arial, sans-serif',
        "size": 12,
        "color": "#444",
        **(layout.get("font") or {}),
    }
    shapes = layout.get("shapes") or []
    below = "".join(_shape(plot, s) for s in shapes if s.get("layer") == "below")
    above = "".join(_shape(plot, s) for s in shapes if s.get("layer") != "below")
    grid, axis = _axis(plot, layout, base_font)
    marks = "".join(_heatmap(plot, t) for t in data if t.get("visible", True) is True)
    notes = "".join(_annotation(plot, a, base_font) for a in layout.get("annotations") or [])
    m = plot.m
    plot_bg = (
        f'<rect x="0" width="100%" y="{_n(plot.top)}" height="{_n(plot.bottom - plot.top)}" '
        f'fill="{_attr(layout.get("plot_bgcolor", "#fff"))}"/>'
    )
    # The box clips what sticks out of it, as plotly.js's SVG (the chart's size) does.
    return (
        f'<div class="chart-picture" style="position: relative; overflow: hidden; height: {_n(plot.height)}px; '
        f'background: {_attr(layout.get("paper_bgcolor", "#fff"))}">'
        f'<svg class="chart-picture-svg" style="position: absolute; top: 0; left: {_n(m["l"])}px; '
        f'width: calc(100% - {_n(m["l"] + m["r"])}px); height: {_n(plot.height)}px; overflow: visible" '
        f'xmlns="http://www.w3.org/2000/svg">{plot_bg}{below}{grid}{marks}{above}{axis}{notes}</svg></div>'
    )
