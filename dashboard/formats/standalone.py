"""A chart as one HTML file that works with no server: hover, uncertainty marks, key, citations, credit.

plotly.js comes inside the file (packed with gzip, or plain) or from a URL the blogger hosts
(plotlyjs_tags); the figure comes in two layouts (wide and phone) that the page's script swaps.
No Dash, no I/O.
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import re
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import plotly.io as pio

from dashboard.domain import citations, credits, readings
from dashboard.figures import theme
from dashboard.formats import plotlyjs
from dashboard.formats.charts import Chart, ChartError
from dashboard.formats.records import events_records
from dashboard.formats.slides import faction_colours, key_items

if TYPE_CHECKING:
    from dashboard.domain.loading import Tables

HTML_WIDTH = 960  # px: the standalone chart's widest layout (it has a phone layout too)
PHONE_PLOT_PX = 340

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


def _figure_json(fig: dict) -> dict:
    """The figure as plain JSON, with the template reduced to what these figures use."""
    data = json.loads(pio.to_json(fig, validate=False))
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
        when = readings.record_words(rec)  # 'from 2346 or 2359 to 2369' where the sources split a side
        cites = []
        for c in rec["citations"]:
            dates = citations.dates_in_words(c)
            if citations.derived(c):
                dates = f"{dates}, {citations.derived(c)}"
            value = f" [{_e(c['value'])}]" if c["value"] else ""
            note = f": {_e(c['note'])}" if c["note"] else ""
            where = f"; {_e(citations.universe(c))}" if citations.universe(c) else ""
            cites.append(
                f"<li><cite>{_e(c['source'])}</cite> ({_e(c['medium'])}, {_e(c['tier'])}; "
                f'read on {_e(c["page"])}{where}), <span class="when">{_e(dates)}</span>{value}{note}</li>'
            )
        disputed = " (sources disagree)" if rec["disputed"] else ""
        items.append(
            f'<li><b>{_e(rec["title"])}</b> <span class="when">{_e(when)}{disputed}</span>'
            f"<ul>{''.join(cites)}</ul></li>"
        )
    return f'<ol class="sources">{"".join(items)}</ol>' if items else "<p>No event is shown.</p>"


def _credit_html(tables: Tables) -> str:
    pages = ["".join(_link(text, url) for text, url, _ in credits.page_pieces(a)) for a in credits.attribution(tables)]
    return f"{credits.READ_FROM}: " + "; ".join(pages) + f". {credits.OWNERS} Made with Bajor Timeline, a fan project."


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


def _undated_html(chart: Chart) -> str:
    """The drift chart's works with no release year (not on the chart, never silently dropped)."""
    d = chart.drift
    if d is None or not d.undated:
        return ""
    items = "".join(
        f"<li><cite>{_e(w.title)}</cite> ({_e(w.tier)}): {_e('; '.join(w.events))}"
        + (f" and {w.more:,} more" if w.more else "")
        + "</li>"
        for w in d.undated
    )
    return f"<h2>Not on the chart: works with no known release year</h2><ul>{items}</ul>"


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
        fig["layout"].update(autosize=True, **({"height": height} if height else {}))
        fig["layout"].pop("width", None)
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
{_undated_html(chart)}
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
