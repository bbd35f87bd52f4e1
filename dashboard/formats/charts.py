"""One chart for slides, downloads and standalone files: the app's own figure, titled, captioned, credited.

    query (the app's URL vocabulary + view=gantt|timeline|dispute) ─▶ view_mod.build_view ─▶ Chart (data)
        ├─ slide_figure(chart, tables, W, H)   title, filters in words, key, credit; zoomed for a slide
        │     └─ images.ImageRenderer          PNG / SVG through kaleido and Debian's chromium
        └─ standalone_html(chart, tables)      one file: plotly.js inside (or from a URL), citations, credit

The figures are built by `figure_for` only, which calls dashboard.figures as the page does: when
their signatures change, that function is the one place to follow. A slide is the app's figure laid
out at laptop size and zoomed (kaleido's scale), so the figures' own packing of labels and rows holds
and a 1920x1080 image shows their 12 px text at about 22 px. No Dash, no I/O.
"""

from __future__ import annotations

import base64
import difflib
import gzip
import html
import json
import math
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlparse

import pandas as pd
import plotly.graph_objects as go

from dashboard import figures
from dashboard.domain import citations, credits, words
from dashboard.domain import view as view_mod
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.filters import FilterState, describe, to_query
from dashboard.domain.loading import Tables
from dashboard.domain.schema import TIER_LABELS, TIERS
from dashboard.domain.vocabulary import top_factions
from dashboard.figures import measure, theme
from dashboard.figures.measure import wrap
from dashboard.formats import plotlyjs
from dashboard.formats.records import events_records

VIEWS = ("gantt", "timeline", "dispute")
VIEW_NAMES = {"gantt": "periods", "timeline": "moments", "dispute": "what each source says"}
IMAGE_FORMATS = ("png", "svg")
FORMATS = (*IMAGE_FORMATS, "html")
SLIDE = (1920, 1080)
MIN_PX, MAX_PX = 320, 7680  # a phone's width up to an 8K screen
MAX_SCALE = 4.0
CHART_KEYS = ("view", "width", "height", "scale")  # a chart's own parameters, on top of filters.KNOWN_KEYS
SLIDE_TEXT_PX = 22  # the figures' 12 px labels on a 1920-wide slide, when the chart fits
MIN_TEXT_PX = 12  # ...shrunk down to this when it does not
SQUEEZE = 0.8  # rows may shrink to this share of their own height before the text does
HTML_WIDTH = 960  # px: the standalone chart's widest layout (it has a phone layout too)
PHONE_PLOT_PX = 340


class ChartError(ValueError):
    """A parameter the chart cannot use; the message says what to do instead."""


@dataclass(frozen=True)
class Chart:
    """What one chart shows, as data: the view, the filters, the events and the selection."""

    view: str
    state: FilterState
    notices: tuple[str, ...]
    shown: pd.DataFrame  # the filtered events (every kind; the figure draws the ones its view draws)
    selected: dict | None  # the resolved event named by `event`, if any
    citations: list  # the selected event's trusted citations (what the dispute view draws)
    x_range: tuple[float, float]
    vocab: object = field(repr=False)
    title: str = ""  # plain text; escaped wherever it lands
    caption: str = ""  # the filters in words (filters.describe)

    @property
    def drawn(self) -> pd.DataFrame:
        """The events this view draws: periods (gantt), moments (timeline) or the one event (dispute)."""
        if self.view == "dispute":
            return self.shown.iloc[0:0] if self.selected is None else pd.DataFrame([self.selected])
        is_point = self.shown["is_point"].to_numpy(dtype=bool)
        return self.shown[~is_point] if self.view == "gantt" else self.shown[is_point]

    @property
    def slug(self) -> str:
        """An ASCII file name stem built from validated ids only: 'bajor-timeline-dispute-dukat-prefecture'."""
        stem = f"bajor-timeline-{self.view}" + (f"-{self.selected['id']}" if self.selected else "")
        return words.slug(stem, "bajor-timeline", limit=120)

    def figure(self, plot_px: float) -> go.Figure:
        """The app's figure for this chart, laid out for a plot `plot_px` wide."""
        return figure_for(self, plot_px)


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
        raise ChartError(
            f"unknown view {view!r}: use one of {', '.join(VIEWS)} "
            "(gantt: periods as bars; timeline: moments; dispute: one event's sources, needs an event)"
        )
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
            raise ChartError(
                f"bad {name} {value!r}: give a whole number of pixels from {MIN_PX} to {MAX_PX} "
                f"(a slide is {SLIDE[0]}x{SLIDE[1]})"
            )
        out.append(int(number))
    try:
        s = float(scale)
    except (TypeError, ValueError):
        s = math.nan
    if not (math.isfinite(s) and 0 < s <= MAX_SCALE):
        raise ChartError(
            f"bad scale {scale!r}: give a number above 0 and at most {MAX_SCALE:g} "
            "(2 doubles the pixels of a PNG, for a sharp slide on a 4K screen)"
        )
    if out[0] * s > MAX_PX * 2 or out[1] * s > MAX_PX * 2:
        raise ChartError(f"width x scale and height x scale must stay within {MAX_PX * 2} pixels; lower the scale")
    return out[0], out[1], s


def _unknown_event(event: str, cat: Catalogue) -> ChartError:
    close = difflib.get_close_matches(event, list(cat.vocab.events), n=3, cutoff=0.5)
    hint = f" Did you mean {', '.join(close)}?" if close else " The ids are in the id column of events.csv."
    return ChartError(f"unknown event id {event!r}.{hint}")


# ---------------------------------------------------------------------------------------------
# The chart


def figure_for(chart: Chart, plot_px: float) -> go.Figure:
    """The app's figure for a chart: the ONE place exports call dashboard.figures."""
    if chart.view == "dispute":
        return figures.uncertainty(chart.selected, chart.citations, width_px=plot_px)
    draw = figures.gantt if chart.view == "gantt" else figures.timeline
    return draw(
        chart.shown,
        chart.vocab,
        lanes=chart.state.lanes,
        selected=chart.state.event,
        x_range=chart.x_range,
        plot_px=plot_px,
    )


def drawn_count(shown: pd.DataFrame, view: str) -> int:
    """How many of the shown events a gantt (periods) or timeline (moments) draws."""
    points = int(shown["is_point"].to_numpy(dtype=bool).sum())
    return len(shown) - points if view == "gantt" else points


def build(cat: Catalogue, query: str | dict | None = "", *, view: str | None = None, event: str | None = None) -> Chart:
    """The chart a query asks for (through view_mod.build_view, as the page). `view` and `event` given
    here win over the query's.

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
        raise ChartError(
            "the dispute view shows one event's sources: name the event with event=ID in the query "
            f"(--event ID on the command line), e.g. event={example}"
        )
    v = view_mod.build_view(cat, urlencode(filter_params))
    state, selected = v.state, v.selected
    if view == "dispute" and selected is None:
        raise ChartError(
            f"no trusted source mentions event {state.event!r} with the tiers chosen "
            f"({', '.join(state.tiers) or 'none'}): trust more tiers (canon=...) or pick another event"
        )
    citations = cat.citations(selected["id"], state.tiers, state.asof) if selected is not None else []
    if view == "dispute":
        title = f"{selected['title']}: what each source says"
        tiers = describe(FilterState(tiers=state.tiers), 0, 0, cat.vocab).split(": ", 1)[1]
        tiers = "every tier of source" if tiers == "everything" else tiers
        caption = f"{words.period(selected['start'], selected['end'])}, as each source dates it ({tiers})"
    else:
        n = drawn_count(v.shown, view)
        kind = VIEW_NAMES[view] if n != 1 else VIEW_NAMES[view][:-1]
        title = f"Bajor Timeline: {VIEW_NAMES[view]}"
        caption = f"{v.summary}; {n} {kind} drawn" + (
            f"; highlighted: {selected['title']}" if selected is not None else ""
        )
    return Chart(
        view, state, tuple(v.notices), v.shown, selected, citations, tuple(v.x_range), cat.vocab, title, caption
    )


def view_query(chart: Chart) -> str:
    """The canonical query of this chart (validated values only): to_query plus the view."""
    rest = to_query(chart.state)
    return f"view={chart.view}" + (f"&{rest}" if rest else "")


# ---------------------------------------------------------------------------------------------
# The key and the credit, as Plotly text


def plot_text(text: str) -> str:
    """Data text for a Plotly label: markup shown as text (figures.theme.safe)."""
    return theme.safe(text)


def key_items(chart: Chart) -> list[tuple[str, str]]:
    """How to read this chart: (glyph or '', words) pairs; colours are given as (colour, name)."""
    tiers = [(theme.TIER_GLYPH[t], TIER_LABELS[t].lower()) for t in TIERS]
    if chart.view == "dispute":
        return [
            ("", "each row: the years one source allows, by its tier:"),
            *tiers,
            ("", "shaded: the range they span; dashed line: the best estimate"),
        ]
    marks = (
        [
            ("", "solid bar: the years every trusted source agrees on;"),
            ("", "faded: where a start or end may lie;"),
            ("", "dark tick: best estimate"),
        ]
        if chart.view == "gantt"
        else [("", "marker: best estimate;"), ("", "whiskers: the years the moment may fall in")]
    )
    return [*marks, ("★", "the sources disagree"), ("", "strongest source:"), *tiers]


def faction_colours(chart: Chart) -> list[tuple[str, str]]:
    """(colour, faction name) for the factions whose colour appears in the chart."""
    if chart.view == "dispute":
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
class Slide:
    """A figure laid out at (width/zoom x height/zoom) px, to be drawn at `zoom` (times the asked scale)."""

    figure: go.Figure
    zoom: float
    width: int
    height: int

    @property
    def text_px(self) -> float:
        """The figures' label size as it shows on the slide."""
        return theme.LABEL_PX * self.zoom


def slide_figure(chart: Chart, tables: Tables, width: int = SLIDE[0], height: int = SLIDE[1]) -> Slide:
    """The chart for a W x H image: title, filters in words, a key, the credit to the wikis.

    The figure is laid out by the app's own code for a plot as wide as the slide allows at the
    largest zoom that fits it (labels 22 px on a 1920-wide slide, down to 12 px for a chart with
    many rows), then drawn at that zoom. Sizes follow the width: 960x540 at scale 2 matches 1920x1080.
    """
    k = width / SLIDE[0]
    real = {"title": 40 * k, "caption": 24 * k, "key": 17 * k, "credit": 16 * k, "pad": 28 * k}
    zoom, least = SLIDE_TEXT_PX * k / theme.LABEL_PX, MIN_TEXT_PX * k / theme.LABEL_PX
    for _attempt in range(4):  # the largest zoom whose layout fits; usually one or two builds
        vw, vh = width / zoom, height / zoom
        px = {name: size / zoom for name, size in real.items()}
        text_w = vw - 2 * px["pad"]
        caption = wrap(chart.caption, text_w, px["caption"])
        key = _key_plot_text(chart, text_w, px["key"])
        credit = wrap(credits.credit_line(tables), text_w, px["credit"])
        title_h = px["pad"] * 1.1 + px["title"] * 1.3 + len(caption) * px["caption"] * 1.3
        foot_h = (key.count("<br>") + 1) * px["key"] * 1.45 + len(credit) * px["credit"] * 1.35 + px["pad"] * 1.2
        fig = chart.figure(theme.plot_width(vw))
        m = fig.layout.margin
        own = (m.t or 0) + (m.b or 0)
        natural = (fig.layout.height or 400) - own
        avail = vh - title_h - foot_h - own
        if natural * SQUEEZE <= avail or zoom <= least:
            break
        # The zoom at which this many rows would fit (a wider layout packs into as many rows or fewer).
        zoom = max(least, min(zoom * 0.97, (height - (title_h + foot_h) * zoom) / (natural * SQUEEZE + own)))
    top = title_h + (m.t or 0)
    plot_h = max(min(natural, avail), 40)
    fig.update_layout(
        width=vw,
        height=vh,
        autosize=False,
        title={
            "text": f"<b>{plot_text(chart.title)}</b>",
            "font": {"size": px["title"], "color": theme.INK},
            "subtitle": {
                "text": "<br>".join(plot_text(x) for x in caption),
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
    b = vh - top - plot_h
    credit_h = len(credit) * px["credit"] * 1.35
    shift_x = -((m.l or 0) - px["pad"])
    fig.add_annotation(
        text="<br>".join(plot_text(x) for x in credit),
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
    key_h = (key.count("<br>") + 1) * px["key"] * 1.45
    fig.add_annotation(
        text=key,
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
    fig.update_layout(meta={**(fig.layout.meta or {}), "zoom": zoom})
    return Slide(fig, zoom, width, height)


# ---------------------------------------------------------------------------------------------
# Standalone HTML

PAGE_CSS = """
:root{color-scheme:light}
body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;background:#fff}
main{max-width:%(max)spx;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.caption{margin:0 0 .5rem;color:#57606a}
.key{margin:.25rem 0 0;font-size:.85rem;color:#1f2328}
.key span{display:inline-block;max-width:100%%;margin-right:.9em}
.sw{display:inline-block;width:.8em;height:.8em;margin-right:.25em;vertical-align:-.05em}
#chart{width:100%%;min-height:200px}
.sources{padding-left:1.25rem}
.sources>li{margin:.4rem 0}
.sources ul{margin:.1rem 0;padding-left:1.1rem;font-size:.92rem}
.when{color:#57606a}
footer{margin-top:1.5rem;border-top:1px solid #ddd;padding-top:.5rem;font-size:.9rem;color:#333}
a{color:#0a58ca}
"""
# Draws the layout made for the chart's width (one for wide screens, one for phones) and swaps
# them when the window crosses between; plotly.js comes inline, packed (unpacked here), or by URL.
SCRIPT = """(function(){var el=document.getElementById('chart'),spec=JSON.parse(document.getElementById('chart-data').textContent),shown=null;
spec.variants.forEach(function(v){v.figure.data.forEach(function(t){Object.keys(t).forEach(function(k){
if(t[k]&&t[k].$s){t[k]=t[k].$s.map(function(i){return spec.strings[i];});}});});});
function say(msg){el.textContent=msg+' The sources of every event are listed below.';}
function pick(){var w=el.clientWidth;for(var i=0;i<spec.variants.length;i++){if(w>=spec.variants[i].min){return i;}}return spec.variants.length-1;}
function draw(){if(typeof Plotly==='undefined'){say('The chart needs plotly.js, which did not load.');return;}
var i=pick();if(i===shown){Plotly.Plots.resize(el);return;}shown=i;var f=spec.variants[i].figure;
el.style.height=(f.layout.height||400)+'px';Plotly.react(el,f.data,f.layout,spec.config);}
function start(){draw();var t;window.addEventListener('resize',function(){clearTimeout(t);t=setTimeout(draw,150);});}
var packed=document.getElementById('plotlyjs-gzip');
if(!packed){start();return;}
if(typeof DecompressionStream==='undefined'){say('This browser cannot unpack the chart (it needs Chrome 80, Firefox 113, Safari 16.4 or later).');return;}
var bin=atob(packed.textContent.trim()),bytes=new Uint8Array(bin.length);
for(var i=0;i<bin.length;i++){bytes[i]=bin.charCodeAt(i);}
new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).blob().then(function(js){
var s=document.createElement('script');s.src=URL.createObjectURL(new Blob([js],{type:'text/javascript'}));
s.onload=start;s.onerror=function(){say('plotly.js could not be unpacked.');};document.head.appendChild(s);
}).catch(function(){say('plotly.js could not be unpacked.');});})();"""
PLOTLYJS_MODES = ("inline", "inline-plain")  # or an http(s) URL


def script_json(value) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' that could close or open markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


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
        raise ChartError(
            f"bad --plotlyjs {value!r}: use 'inline' (works offline), 'inline-plain' (bigger, for old "
            "browsers) or an http(s) URL of plotly.js, e.g. https://example.org/js/plotly.min.js"
        )
    return value


def plotlyjs_tags(mode: str) -> str:
    """The HTML that brings plotly.js into a standalone file, for a mode check_plotlyjs accepted.

    'inline' packs dashboard.formats.plotlyjs.source() with gzip and base64 (about 40% of its size); the
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
    keep = {
        k: template[k]
        for k in ("font", "paper_bgcolor", "plot_bgcolor", "xaxis", "yaxis", "hoverlabel", "colorway", "title")
        if k in template
    }
    layout["template"] = {"layout": keep}
    return data


def _sources_html(records: list[dict]) -> str:
    items = []
    for rec in records:
        when = words.period(rec["start"], rec["end"])
        cites = []
        for c in rec["citations"]:
            dates = citations.dates_in_words(c)
            value = f" [{_e(c['value'])}]" if c["value"] else ""
            note = f": {_e(c['note'])}" if c["note"] else ""
            cites.append(
                f"<li><cite>{_e(c['source'])}</cite> ({_e(c['medium'])}, {_e(c['tier'])}; "
                f'read on {_e(c["page"])}), <span class="when">{_e(dates)}</span>{value}{note}</li>'
            )
        disputed = " (sources disagree)" if rec["disputed"] else ""
        items.append(
            f'<li><b>{_e(rec["title"])}</b> <span class="when">{_e(when)}{disputed}</span>'
            f"<ul>{''.join(cites)}</ul></li>"
        )
    return f'<ol class="sources">{"".join(items)}</ol>' if items else "<p>No event is shown.</p>"


def _credit_html(tables: Tables) -> str:
    pages = [
        f"{_e(a['wiki'])}, “{_link(a['title'], a['url'])}” ({_link(a['licence'], a['licence_url'])})"
        for a in credits.attribution(tables)
    ]
    return (
        "Facts read from community wikis, paraphrased: "
        + "; ".join(pages)
        + ". Star Trek and the works cited belong to their owners. Made with Bajor Timeline, a fan project."
    )


def _share_strings(figs: list[dict]) -> list[str]:
    """Replace each trace's arrays of text (hover, labels, ids: repeated across traces and layouts)
    by indices into one table, which the page's script puts back: the file's figures shrink by half."""
    table: dict[str, int] = {}
    for fig in figs:
        for trace in fig["data"]:
            for key, value in trace.items():
                if isinstance(value, list) and value and all(isinstance(x, str) for x in value):
                    trace[key] = {"$s": [table.setdefault(x, len(table)) for x in value]}
    return list(table)


def _key_html(chart: Chart) -> str:
    items = [f"<span>{_e(g)} {_e(w)}</span>" if g else f"<span>{_e(w)}</span>" for g, w in key_items(chart)]
    items += [
        f'<span><i class="sw" style="background:{c}"></i>{_e(name)}</span>'
        for c, name in faction_colours(chart)
        if re.fullmatch(r"#[0-9A-Fa-f]{6}", c)
    ]
    return f'<p class="key">{"".join(items)}</p>'


def standalone_html(
    chart: Chart,
    tables: Tables,
    *,
    plotlyjs_src: str = "inline",
    width: int | None = None,
    height: int | None = None,
    library: str | None = None,
) -> str:
    """One HTML file that draws the chart with no server: hover, uncertainty marks, key, citations, credit.

    plotlyjs_src: 'inline' or 'inline-plain' put plotly.js (dashboard.formats.plotlyjs.source()) inside, so
    the file works offline; an http(s) URL makes a small file that loads plotly.js from there
    (plotlyjs_tags). `library` passes those tags ready-made (a server packs them once).
    The file holds two layouts of the app's figure: one `width` px wide (default HTML_WIDTH), used
    when the window has room for it, and one for phones. `height` fixes the chart's height
    (default: each layout's own).
    """
    library = library if library is not None else plotlyjs_tags(check_plotlyjs(plotlyjs_src))
    width = width or HTML_WIDTH
    variants = []
    for min_px, plot_px in ((width, theme.plot_width(width)), (0, PHONE_PLOT_PX)):
        fig = chart.figure(plot_px)
        fig.update_layout(autosize=True, width=None, **({"height": height} if height else {}))
        variants.append({"min": min_px, "figure": _figure_json(fig)})
    strings = _share_strings([v["figure"] for v in variants])
    spec = {
        "variants": variants,
        "strings": strings,
        "config": {
            "responsive": True,
            "displaylogo": False,
            "scrollZoom": False,
            "toImageButtonOptions": {"filename": chart.slug},
        },
    }
    records = events_records(chart.drawn, tables)
    label = f"{chart.title}. {chart.caption}. The sources of every event drawn are listed below the chart."
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Bajor Timeline">
<title>{_e(chart.title)} · Bajor Timeline</title>
<style>{PAGE_CSS % {"max": width + 32}}</style>
</head>
<body>
<main>
<h1>{_e(chart.title)}</h1>
<p class="caption">{_e(chart.caption)}</p>
<div id="chart" role="img" aria-label="{_e(label)}"></div>
{_key_html(chart)}
<h2>Sources of what is shown</h2>
{_sources_html(records)}
<footer><p>{_credit_html(tables)}</p></footer>
</main>
{library}
<script type="application/json" id="chart-data">{script_json(spec)}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------
# One entry point for every format


def render(
    chart: Chart,
    tables: Tables,
    fmt: str,
    *,
    width: int = SLIDE[0],
    height: int = SLIDE[1],
    scale: float = 1.0,
    plotlyjs_src: str = "inline",
    renderer=None,
    html_size: bool = True,
) -> bytes:
    """The chart as PNG, SVG (through `renderer`, an images.ImageRenderer) or standalone HTML bytes.

    html_size=False leaves the HTML chart at its own height and the page's width.
    """
    if fmt == "html":
        text = standalone_html(
            chart,
            tables,
            plotlyjs_src=plotlyjs_src,
            width=width if html_size else None,
            height=height if html_size else None,
        )
        return text.encode("utf-8")
    if fmt not in IMAGE_FORMATS:
        raise ChartError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if renderer is None:
        raise ValueError("PNG and SVG need an images.ImageRenderer")
    slide = slide_figure(chart, tables, width, height)
    return image(slide, fmt, scale, renderer)


def image(slide: Slide, fmt: str, scale: float, renderer) -> bytes:
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
