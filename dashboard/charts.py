"""One chart for slides, downloads and standalone files: the app's own figure, titled, captioned, credited.

    query (the app's URL vocabulary + view=gantt|timeline|dispute) ─▶ Chart (data + the app's figure)
        ├─ slide_figure(chart, tables, W, H)   title, caption in words, credit; text sized for a slide
        │     └─ images.ImageRenderer          PNG / SVG through kaleido and Debian's chromium
        └─ standalone_html(chart, tables)      one file: plotly.js inlined (or from a URL), citations, credit

The figures are built by `figure_for` only, which calls dashboard.figures exactly as the page does:
when their signatures change, that function is the one place to follow. No Dash, no I/O.
"""
from __future__ import annotations

import base64
import difflib
import gzip
import html
import json
import math
import re
import textwrap
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

import pandas as pd
import plotly.graph_objects as go

from . import export, figures, plotlyjs, words
from .catalogue import Catalogue
from .filters import FilterState, apply, describe, parse_query, to_query
from .loading import Tables

VIEWS = ("gantt", "timeline", "dispute")
VIEW_NAMES = {"gantt": "Periods", "timeline": "Moments", "dispute": "What each source says"}
IMAGE_FORMATS = ("png", "svg")
FORMATS = (*IMAGE_FORMATS, "html")
SLIDE = (1920, 1080)
MIN_PX, MAX_PX = 320, 7680  # a phone's width up to an 8K screen
MAX_SCALE = 4.0
CHART_KEYS = ("view", "width", "height", "scale")  # a chart's own parameters, on top of filters.KNOWN_KEYS
SLIDE_FONT = 22  # body text px on a 1920-wide slide (the app uses 13 on a laptop)
SMALL_FONT = 13  # the figures' own body size


class ChartError(ValueError):
    """A parameter the chart cannot use; the message says what to do instead."""


@dataclass(frozen=True)
class Chart:
    """What one chart shows: the view, the filters, the events drawn and the app's figure for them."""

    view: str
    state: FilterState
    notices: tuple[str, ...]
    shown: pd.DataFrame  # the filtered events (every kind; the figure draws the ones its view draws)
    selected: dict | None  # the resolved event named by `event`, if any
    title: str  # plain text; escaped wherever it lands
    caption: str  # the filters in words (filters.describe)
    figure: go.Figure = field(repr=False)

    @property
    def drawn(self) -> pd.DataFrame:
        """The events this view draws: periods (gantt), moments (timeline) or the one event (dispute)."""
        if self.view == "dispute":
            return self.shown.iloc[0:0] if self.selected is None else pd.DataFrame([self.selected])
        is_point = self.shown["is_point"].astype(bool)
        return self.shown[~is_point] if self.view == "gantt" else self.shown[is_point]

    @property
    def slug(self) -> str:
        """An ASCII file name stem built from validated ids only: 'bajor-timeline-dispute-dukat-prefect'."""
        stem = f"bajor-timeline-{self.view}" + (f"-{self.selected['id']}" if self.selected else "")
        return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:120] or "bajor-timeline"


# ---------------------------------------------------------------------------------------------
# Parameters


def split_query(query: str | dict | None) -> tuple[dict[str, str], dict[str, str]]:
    """(chart parameters, filter parameters) from a query string or mapping; last value wins."""
    if isinstance(query, str) or query is None:
        params = {k: v[-1] for k, v in parse_qs((query or "").lstrip("?"), keep_blank_values=True).items()}
    else:
        params = {k: (v[-1] if isinstance(v, list) else str(v)) for k, v in query.items()}
    chart = {k: params.pop(k) for k in CHART_KEYS if k in params}
    return chart, params


def check_view(view: str | None) -> str:
    view = (view or "gantt").strip()
    if view not in VIEWS:
        raise ChartError(f"unknown view {view!r}: use one of {', '.join(VIEWS)} "
                         "(gantt: periods as bars; timeline: moments; dispute: one event's sources, needs an event)")
    return view


def check_size(width, height, scale=1.0) -> tuple[int, int, float]:
    """Whole pixels within [MIN_PX, MAX_PX] and a scale in (0, MAX_SCALE]; else a ChartError saying so."""
    out = []
    for name, value in (("width", width), ("height", height)):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and number == int(number) and MIN_PX <= number <= MAX_PX):
            raise ChartError(f"bad {name} {value!r}: give a whole number of pixels from {MIN_PX} to {MAX_PX} "
                             f"(a slide is {SLIDE[0]}x{SLIDE[1]})")
        out.append(int(number))
    try:
        s = float(scale)
    except (TypeError, ValueError):
        s = math.nan
    if not (math.isfinite(s) and 0 < s <= MAX_SCALE):
        raise ChartError(f"bad scale {scale!r}: give a number above 0 and at most {MAX_SCALE:g} "
                         "(2 doubles the pixels of a PNG, for a sharp slide on a 4K screen)")
    if out[0] * s > MAX_PX * 2 or out[1] * s > MAX_PX * 2:
        raise ChartError(f"width x scale and height x scale must stay within {MAX_PX * 2} pixels; lower the scale")
    return out[0], out[1], s


def _unknown_event(event: str, cat: Catalogue) -> ChartError:
    close = difflib.get_close_matches(event, list(cat.vocab.events), n=3, cutoff=0.5)
    hint = f" Did you mean {', '.join(close)}?" if close else " The ids are in the id column of events.csv."
    return ChartError(f"unknown event id {event!r}.{hint}")


# ---------------------------------------------------------------------------------------------
# The chart


def year_range(state: FilterState, shown: pd.DataFrame, resolved: pd.DataFrame):
    """The x range the page shows: the from/to years when given (else the data's extent), or None."""
    if state.year_from is None and state.year_to is None:
        return None
    lo, hi = figures.theme.extent(shown if len(shown) else resolved)
    return (state.year_from if state.year_from is not None else lo,
            state.year_to + 1 if state.year_to is not None else hi)


def figure_for(view: str, shown: pd.DataFrame, selected: dict | None, state: FilterState, vocab,
               x_range=None) -> go.Figure:
    """The app's figure for a view: the ONE place that calls dashboard.figures for exports."""
    if view == "gantt":
        return figures.gantt(shown, vocab, lanes=state.lanes, selected=state.event, x_range=x_range)
    if view == "timeline":
        return figures.timeline(shown, vocab, lanes=state.lanes, selected=state.event, x_range=x_range)
    return figures.uncertainty(selected)


def build(cat: Catalogue, query: str | dict | None = "", *, view: str | None = None,
          event: str | None = None) -> Chart:
    """The chart a query asks for. `view` and `event` given here win over the query's.

    Raises ChartError for an unknown view, a dispute view with no event, or an event id the data
    lacks; filter notices (unknown or malformed filter values) are returned in Chart.notices.
    """
    chart_params, filter_params = split_query(query)
    view = check_view(view if view is not None else chart_params.get("view"))
    if event is not None:
        filter_params["event"] = event
    wanted = (filter_params.get("event") or "").strip()
    if wanted and wanted not in cat.vocab.events:
        raise _unknown_event(wanted, cat)
    if view == "dispute" and not wanted:
        example = next(iter(cat.vocab.events), "EVENT-ID")
        raise ChartError("the dispute view shows one event's sources: name the event with event=ID in the query "
                         f"(--event ID on the command line), e.g. event={example}")
    state, notices = parse_query(filter_params, cat.vocab)
    resolved = cat.resolved(state.canon)
    shown = apply(resolved, state, cat.vocab)
    selected = None
    if state.event:
        match = resolved[resolved["id"] == state.event]
        if len(match):
            selected = match.iloc[0].to_dict()
        elif view == "dispute":
            raise ChartError(f"no trusted source mentions event {state.event!r} with the tiers chosen "
                             f"({', '.join(state.canon) or 'none'}): trust more tiers (canon=...) or pick another event")
        else:
            notices.append(f"The selected event '{state.event}' has no source among the trusted tiers.")
    fig = figure_for(view, shown, selected, state, cat.vocab, year_range(state, shown, resolved))
    words = describe(state, len(shown), cat.total, cat.vocab)
    if view == "dispute":
        title = f"{selected['title']}: what each source says"
        tiers = describe(FilterState(canon=state.canon), 0, 0, cat.vocab).split(": ", 1)[1]
        tiers = "every tier of source" if tiers == "everything" else tiers
        caption = f"Each dated claim ({tiers}); shaded: the range they span; dashed: the best estimate"
    else:
        title = f"Bajor Timeline: {VIEW_NAMES[view].lower()}"
        kind = ("period" if view == "gantt" else "moment") + ("" if drawn_count(shown, view) == 1 else "s")
        caption = f"{words}; {drawn_count(shown, view)} {kind} drawn" + (f"; outlined: {selected['title']}" if selected is not None else "")
    return Chart(view, state, tuple(notices), shown, selected, title, caption, fig)


def drawn_count(shown: pd.DataFrame, view: str) -> int:
    """How many of the shown events a gantt (periods) or timeline (moments) draws."""
    points = int(shown["is_point"].astype(bool).sum())
    return len(shown) - points if view == "gantt" else points


def view_query(chart: Chart) -> str:
    """The canonical query of this chart (validated values only): to_query plus the view."""
    rest = to_query(chart.state)
    return f"view={chart.view}" + (f"&{rest}" if rest else "")


# ---------------------------------------------------------------------------------------------
# Text for Plotly and for HTML


def plot_text(text: str) -> str:
    """Data text for a Plotly label: markup shown as text (figures.theme.safe)."""
    return figures.theme.safe(text)


def wrap_plot_text(text: str, width_px: float, font_px: float) -> str:
    """Escape, then break into lines that fit width_px (Plotly does not wrap text)."""
    chars = max(int(width_px / (0.52 * font_px)), 20)
    return "<br>".join(plot_text(line) for line in textwrap.wrap(text, chars)) or ""


def _scale_fonts(fig: go.Figure, factor: float) -> None:
    """Multiply every explicit font size in the figure (annotations, axes, legend) by factor."""
    for ann in fig.layout.annotations:
        ann.font.size = round((ann.font.size or SMALL_FONT) * factor, 1)
        if ann.yshift:
            ann.yshift = ann.yshift * factor
    for axis in ("xaxis", "yaxis"):
        ax = fig.layout[axis]
        if ax.tickfont.size:
            ax.tickfont.size = round(ax.tickfont.size * factor, 1)


def _legend_width(fig: go.Figure, font_px: float) -> float:
    """The width a vertical legend needs (an estimate from its longest name)."""
    names = [t.name or "" for t in fig.data if t.showlegend is not False and t.name]
    return max((len(n) for n in names), default=0) * 0.56 * font_px + 3.5 * font_px if names else 0.0


def _label_width(fig: go.Figure, font_px: float) -> float:
    """The width the y axis labels need: its tick texts, or its categories (the dispute chart's sources)."""
    labels = [str(x) for x in (fig.layout.yaxis.ticktext or ())]
    labels += [y for t in fig.data if t.y is not None for y in t.y if isinstance(y, str)]
    return max((len(x) for x in labels), default=0) * 0.56 * font_px + 0.8 * font_px


def slide_figure(chart: Chart, tables: Tables, width: int = SLIDE[0], height: int = SLIDE[1]) -> go.Figure:
    """The chart for a W x H image: title, caption in words, the credit to the wikis, slide-sized text.

    Sizes are proportional to the width, so 960x540 at scale 2 looks like 1920x1080. The legend
    stands on the right (a slide is wider than tall); the credit runs along the bottom.
    """
    fig = go.Figure(chart.figure)  # a copy: the built figure stays as the app would show it
    k = width / SLIDE[0]
    body = SLIDE_FONT * k
    factor = body / SMALL_FONT
    title_px, caption_px, credit_px, legend_px = 40 * k, 24 * k, 17 * k, 19 * k
    pad = 30 * k
    right = min(_legend_width(fig, legend_px) + 2 * pad, 0.3 * width)
    credit = wrap_plot_text(export.credit_line(tables), width - 2 * pad, credit_px)
    credit_h = (credit.count("<br>") + 1) * credit_px * 1.35
    caption = wrap_plot_text(chart.caption, width - 2 * pad, caption_px)
    title_block = 20 * k + title_px * 1.25 + (caption.count("<br>") + 1) * caption_px * 1.35
    era_labels = 2 * 13 * factor * k if chart.view != "dispute" else 0  # two staggered rows above the plot
    top = title_block + era_labels + 24 * k
    axis_h = body * 3.6  # tick labels + the "Year" title
    bottom = axis_h + credit_h + 24 * k
    label = body  # the y axis labels
    if chart.view == "gantt":  # one row per period: shrink the labels to fit, never below 9 px
        rows = max(len((fig.layout.meta or {}).get("ids", [])), 1)
        label = max(min(body * 0.9, (height - top - bottom) / rows * 0.72), 9 * k)
    if chart.view == "gantt":  # the figure's margin fits its two levels of labels at its own tick size
        own = fig.layout.yaxis.tickfont.size or SMALL_FONT
        left = min((fig.layout.margin.l or 10) * label / own, 0.4 * width)
    else:  # lane names (timeline) or source names (dispute)
        left = min(_label_width(fig, label) + pad, 0.35 * width)
    plot_w = width - left - right
    _scale_fonts(fig, factor)
    fig.update_layout(
        width=width, height=height, autosize=False,
        font={"size": body},
        title={"text": f"<b>{plot_text(chart.title)}</b>", "font": {"size": title_px},
               "subtitle": {"text": caption, "font": {"size": caption_px, "color": "#333"}},
               "x": pad / width, "xanchor": "left", "xref": "container",
               "y": 1 - 20 * k / height, "yanchor": "top", "yref": "container"},
        margin={"l": left, "r": right, "t": top, "b": bottom, "autoexpand": False},
        legend={"font": {"size": legend_px}, "orientation": "v", "x": 1 + pad / plot_w, "xanchor": "left",
                "xref": "paper", "y": 1, "yanchor": "top", "yref": "paper", "tracegroupgap": 14 * k},
        xaxis={"title": {"font": {"size": body}, "standoff": body * 0.5}, "tickfont": {"size": body},
               "automargin": False},
        hovermode=False,
    )
    fig.update_yaxes(tickfont={"size": label}, automargin=False)
    fig.add_annotation(text=credit, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                       xshift=-(left - pad), yshift=-(bottom - credit_h - 10 * k), showarrow=False, align="left",
                       font={"size": credit_px, "color": "#333"})
    return fig


# ---------------------------------------------------------------------------------------------
# Standalone HTML

PAGE_CSS = """
:root{color-scheme:light}
body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#212529;background:#fff}
main{max-width:%(max)s;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.caption{margin:0 0 .75rem;color:#333}
#chart{width:100%%;min-height:300px}
.sources{padding-left:1.25rem}
.sources>li{margin:.4rem 0}
.sources ul{margin:.1rem 0;padding-left:1.1rem;font-size:.92rem}
.when{color:#444}
footer{margin-top:1.5rem;border-top:1px solid #ddd;padding-top:.5rem;font-size:.9rem;color:#333}
a{color:#0a58ca}
"""
SCRIPT = """(function(){var el=document.getElementById('chart');
function say(msg){el.textContent=msg+' The sources of every event are listed below.';}
function draw(){if(typeof Plotly==='undefined'){say('The chart needs plotly.js, which did not load.');return;}
var fig=JSON.parse(document.getElementById('chart-data').textContent);Plotly.newPlot(el,fig.data,fig.layout,fig.config);}
var packed=document.getElementById('plotlyjs-gzip');
if(!packed){draw();return;}
if(typeof DecompressionStream==='undefined'){say('This browser cannot unpack the chart (it needs Chrome 80, Firefox 113, Safari 16.4 or later).');return;}
var bin=atob(packed.textContent.trim()),bytes=new Uint8Array(bin.length);
for(var i=0;i<bin.length;i++){bytes[i]=bin.charCodeAt(i);}
new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).blob().then(function(js){
var s=document.createElement('script');s.src=URL.createObjectURL(new Blob([js],{type:'text/javascript'}));
s.onload=draw;s.onerror=function(){say('plotly.js could not be unpacked.');};document.head.appendChild(s);
}).catch(function(){say('plotly.js could not be unpacked.');});})();"""
PLOTLYJS_MODES = ("inline", "inline-plain")  # or an http(s) URL


def script_json(value) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' that could close or open markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _e(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _safe_href(url: str) -> str | None:
    """Only http(s) links from data become links."""
    try:
        return url if urlparse(url).scheme in ("http", "https") else None
    except ValueError:
        return None


def _link(text: str, url: str | None) -> str:
    href = _safe_href(url or "")
    return f'<a href="{_e(href)}">{_e(text)}</a>' if href else _e(text)


def check_plotlyjs(value: str | None) -> str:
    """'inline' (default: plotly.js packed inside, works offline), 'inline-plain' (unpacked, for
    browsers before 2023 or hosts that forbid blob: scripts) or an http(s) URL the blogger hosts."""
    value = (value or "inline").strip()
    if value in PLOTLYJS_MODES:
        return value
    parsed = urlparse(value)
    if parsed.scheme not in ("https", "http") or not parsed.netloc:
        raise ChartError(f"bad --plotlyjs {value!r}: use 'inline' (works offline), 'inline-plain' (bigger, for old "
                         "browsers) or an http(s) URL of plotly.js, e.g. https://example.org/js/plotly.min.js")
    return value


def plotlyjs_tags(mode: str) -> str:
    """The HTML that brings plotly.js into a standalone file, for a mode check_plotlyjs accepted.

    'inline' packs dashboard.plotlyjs.source() with gzip and base64 (about 40% of its size); the
    page unpacks it with the browser's DecompressionStream and runs it from a blob: URL (no eval).
    """
    if mode == "inline":
        packed = base64.b64encode(gzip.compress(plotlyjs.source().encode("utf-8"), 9, mtime=0)).decode("ascii")
        return f'<script type="application/octet-stream" id="plotlyjs-gzip">{packed}</script>'
    if mode == "inline-plain":
        return "<script>" + plotlyjs.source().replace("</script", "<\\/script") + "</script>"
    return f'<script src="{_e(mode)}" charset="utf-8"></script>'


def _figure_json(fig: go.Figure) -> dict:
    """The figure as plain JSON, with the template reduced to what these figures use."""
    data = json.loads(fig.to_json())
    layout = data.get("layout", {})
    template = layout.get("template", {}).get("layout", {})
    keep = {k: template[k] for k in ("font", "paper_bgcolor", "plot_bgcolor", "xaxis", "yaxis", "hoverlabel",
                                     "colorway", "title") if k in template}
    layout["template"] = {"layout": keep}
    return data


def _sources_html(records: list[dict]) -> str:
    items = []
    for rec in records:
        when = words.period(rec["start"], rec["end"])
        cites = []
        for c in rec["citations"]:
            dates = words.period(c["start"], c["end"]) if c["start"] else (
                f"ended {words.edtf(c['end'])}" if c["end"] else "undated")
            value = f" [{_e(c['value'])}]" if c["value"] else ""
            note = f": {_e(c['note'])}" if c["note"] else ""
            cites.append(f"<li><cite>{_e(c['source'])}</cite> ({_e(c['medium'])}, {_e(c['tier'])}; "
                         f"read on {_e(c['page'])}), <span class=\"when\">{_e(dates)}</span>{value}{note}</li>")
        disputed = " (sources disagree)" if rec["disputed"] else ""
        items.append(f"<li><b>{_e(rec['title'])}</b> <span class=\"when\">{_e(when)}{disputed}</span>"
                     f"<ul>{''.join(cites)}</ul></li>")
    return f'<ol class="sources">{"".join(items)}</ol>' if items else "<p>No event is shown.</p>"


def _credit_html(tables: Tables) -> str:
    pages = [f"{_e(a['wiki'])}, “{_link(a['title'], a['url'])}” ({_link(a['licence'], a['licence_url'])})"
             for a in export.attribution(tables)]
    return ("Facts read from community wikis, paraphrased: " + "; ".join(pages) +
            ". Star Trek and the works cited belong to their owners. Made with Bajor Timeline, a fan project.")


def standalone_html(chart: Chart, tables: Tables, *, plotlyjs_src: str = "inline",
                    width: int | None = None, height: int | None = None, library: str | None = None) -> str:
    """One HTML file that draws the chart with no server: hover, uncertainty marks, citations, credit.

    plotlyjs_src: 'inline' or 'inline-plain' put plotly.js (dashboard.plotlyjs.source()) inside, so
    the file works offline; an http(s) URL makes a small file that loads plotly.js from there
    (plotlyjs_tags). `library` passes those tags ready-made (a server packs them once). width caps
    the chart's width (it shrinks with the window below that); height fixes it (default: the figure's own).
    """
    library = library if library is not None else plotlyjs_tags(check_plotlyjs(plotlyjs_src))
    fig = go.Figure(chart.figure)
    fig.update_layout(title={"text": ""}, margin={"t": 40}, autosize=True, width=None)
    if height:
        fig.update_layout(height=height)
    data = _figure_json(fig)
    data["config"] = {"responsive": True, "displaylogo": False, "scrollZoom": False,
                      "toImageButtonOptions": {"filename": chart.slug}}
    records = export.events_records(chart.drawn)
    max_width = f"{width}px" if width else "1200px"
    chart_height = int(fig.layout.height or 600)
    label = f"{chart.title}. {chart.caption}. The sources of every event drawn are listed below the chart."
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Bajor Timeline">
<title>{_e(chart.title)} · Bajor Timeline</title>
<style>{PAGE_CSS % {"max": max_width}}</style>
</head>
<body>
<main>
<h1>{_e(chart.title)}</h1>
<p class="caption">{_e(chart.caption)}</p>
<div id="chart" role="img" aria-label="{_e(label)}" style="height:{chart_height}px"></div>
<h2>Sources of what is shown</h2>
{_sources_html(records)}
<footer><p>{_credit_html(tables)}</p></footer>
</main>
{library}
<script type="application/json" id="chart-data">{script_json(data)}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------
# One entry point for every format


def render(chart: Chart, tables: Tables, fmt: str, *, width: int = SLIDE[0], height: int = SLIDE[1],
           scale: float = 1.0, plotlyjs_src: str = "inline", renderer=None, html_size: bool = True) -> bytes:
    """The chart as PNG, SVG (through `renderer`, an images.ImageRenderer) or standalone HTML bytes.

    html_size=False leaves the HTML chart at its own height and the page's width.
    """
    if fmt == "html":
        text = standalone_html(chart, tables, plotlyjs_src=plotlyjs_src,
                               width=width if html_size else None, height=height if html_size else None)
        return text.encode("utf-8")
    if fmt not in IMAGE_FORMATS:
        raise ChartError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if renderer is None:
        raise ValueError("PNG and SVG need an images.ImageRenderer")
    return renderer.render(slide_figure(chart, tables, width, height), fmt, width, height, scale)
