"""What the Share dialog offers for a view: its link, an iframe snippet that resizes itself, the
standalone file, images and the data. Pure functions of a base URL and a state (no Dash, no request).

The embed (/embed, dashboard/pages/embed.py) tells the page around it its height whenever it changes:

    window.parent.postMessage({"type": "bajor-timeline:height", "height": 612, "id": "/embed?view=gantt"}, "*")

`height` is in CSS pixels (the whole embed: caption, chart, credit); `id` is the embed's own path and
query, as in the iframe's src. HOST_SCRIPT is the listener a host page needs: it sizes the iframe the
message came from (matched by `event.source`, so any number of embeds can share a page).
The dialog's choices (VIEWS, THEMES) live in dashboard/web/share_options.py, the file formats in
dashboard/formats/registry.py.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from dashboard.domain import alt as alt_text
from dashboard.domain.filters import FilterState, parse_query, plain_query, to_query
from dashboard.formats import charts, registry
from dashboard.web import cards, social
from dashboard.web.share_options import COLOR_SCHEMES, DOWNLOAD_TABLE, MAX_ALT, MESSAGE_TYPE, SIZES, THEMES, VIEWS

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

IFRAME_MARK = "data-bajor-timeline"
# The progressive snippet: a link marked so, which assets/progressive.js (served by the app, loaded
# once per host page) swaps for the iframe; without scripts, the picture and the link stay.
PROGRESSIVE_MARK = "data-bajor-timeline-embed"
PROGRESSIVE_SCRIPT = "assets/progressive.js"  # under the app's base URL (Dash serves assets/ there)

# ES5, no globals but one flag, runs once however many snippets a page holds.
HOST_SCRIPT = (
    "<script>\n"
    "(function () {\n"
    "  if (window.bajorTimelineEmbeds) { return; }\n"
    "  window.bajorTimelineEmbeds = true;\n"
    '  window.addEventListener("message", function (e) {\n'
    "    var d = e.data;\n"
    f'    if (!d || d.type !== "{MESSAGE_TYPE}" || !(d.height > 0)) {{ return; }}\n'
    f'    var frames = document.querySelectorAll("iframe[{IFRAME_MARK}]");\n'
    "    for (var i = 0; i < frames.length; i++) {\n"
    '      if (frames[i].contentWindow === e.source) { frames[i].style.height = Math.ceil(d.height) + "px"; }\n'
    "    }\n"
    "  });\n"
    "})();\n"
    "</script>"
)


@dataclass(frozen=True)
class Links:
    """Everything the dialog shows, as absolute URLs and text."""

    page: str  # the explorer at this view
    embed: str  # /embed for the chosen chart
    snippet: str  # iframe + HOST_SCRIPT, ready to paste
    html: str  # the standalone file (plotly.js inside: works offline)
    png: str
    svg: str
    csv: str  # the data of the events the view shows
    progressive: str = ""  # the picture-first snippet (progressive_snippet)


def chart_query(state: FilterState, view: str) -> str:
    """view=...&<filters>: the dispute view keeps only the event and the trusted tiers it is read with."""
    if view == "dispute":
        rest = to_query(FilterState(tiers=state.tiers, event=state.event))
    else:
        rest = to_query(state)
    return f"view={view}" + (f"&{rest}" if rest else "")


def iframe_snippet(src: str, title: str, view: str, theme: str = "light") -> str:
    """A responsive iframe (full width, height from the embed's message) and the host script. The
    frame's color-scheme is the embed's (COLOR_SCHEMES), so the browser backs it with no opaque box
    of the other scheme."""
    scheme = COLOR_SCHEMES.get(theme, "light")
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'{IFRAME_MARK} loading="lazy" width="100%" height="{SIZES[view][1]}" '
        f'style="width:100%;max-width:100%;border:0;display:block;color-scheme:{scheme}"></iframe>\n{HOST_SCRIPT}'
    )


def progressive_snippet(page: str, embed: str, image: str, alt: str, view: str, script: str) -> str:
    """A link to the view wrapping its picture (the card: a fixed 1200:630 aspect ratio, a written
    alt text), which our script swaps for the responsive iframe where scripts run. Every value escaped."""
    size = registry.CARD
    return (
        f'<a href="{html.escape(page, quote=True)}" {PROGRESSIVE_MARK}="{html.escape(embed, quote=True)}" '
        f'data-height="{SIZES[view][1]}" style="display:block;max-width:100%">'
        f'<img src="{html.escape(image, quote=True)}" alt="{html.escape(alt, quote=True)}" '
        f'width="{size.width}" height="{size.height}" loading="lazy" '
        f'style="display:block;width:100%;height:auto;aspect-ratio:{size.width}/{size.height};border:0"></a>\n'
        f'<script src="{html.escape(script, quote=True)}" async></script>'
    )


def links(
    base: str,
    state: FilterState,
    view: str = "gantt",
    theme: str = "light",
    title: str = "Bajor Timeline",
    alt: str = "",
) -> Links:
    """The dialog's links for the explorer at `base` (its root URL, ending in '/') showing `state`.

    A dispute view needs a selected event; without one the chart falls back to the Gantt chart.
    The blogger's `alt` text (cleaned, length-limited) travels in the embed's address (its
    described-by text) and becomes the iframe's title.
    """
    if view not in VIEWS or (view == "dispute" and not state.event):
        view = "gantt"
    theme = theme if theme in THEMES else "light"
    page_query = to_query(state)
    chart = chart_query(state, view)
    alt, _ = alt_text.clean(alt, MAX_ALT)
    own = [("theme", theme)] if theme != "light" else []
    own += [("alt", alt)] if alt else []
    embed = base + "embed?" + chart + (f"&{urlencode(own)}" if own else "")
    data_query = to_query(state.with_event(None))
    chart_file = {name: f"{base}download/chart.{name}?{chart}" for name in registry.CHARTS}
    data_file = base + "events." + registry.TABLES[DOWNLOAD_TABLE].extension
    return Links(
        page=base + (f"?{page_query}" if page_query else ""),
        embed=embed,
        snippet=iframe_snippet(embed, alt or title, view, theme),
        html=chart_file["html"],
        png=chart_file["png"],
        svg=chart_file["svg"],
        csv=data_file + (f"?{data_query}" if data_query else ""),
    )


def for_view(
    cat: Catalogue, base: str, search: str | None, view: str, theme: str, version: str = "", alt: str = ""
) -> tuple[Links, bool]:
    """The dialog's links for the explorer's query string, and whether an event is selected (the
    dispute chart needs one). The iframe's title is the blogger's alt text, else the chart's title
    and caption (as oEmbed gives); the progressive snippet's picture is the chart's card at the data's
    `version` (cards.py), its alt the blogger's text or one written from the chart."""
    state, _ = parse_query(plain_query(search), cat.vocab)
    if view not in VIEWS or (view == "dispute" and not state.event):
        view = "gantt"
    chart = None
    try:
        chart = charts.build(cat, to_query(state), kind=view)
        title = f"{chart.title} ({chart.caption})"
    except charts.ChartError:
        title = "Bajor Timeline"
    ln = links(base, state, view, theme, title, alt)
    if chart is not None:
        image = f"{base}{registry.CARD.path}?{cards.image_query(chart, version)}"
        words = alt.strip() if alt.strip() else social.alt_text(chart)
        snippet = progressive_snippet(
            ln.page, ln.embed, image, f"{words} Opens the interactive chart.", chart.kind, base + PROGRESSIVE_SCRIPT
        )
        ln = replace(ln, progressive=snippet)
    return ln, bool(state.event)


def described(cat: Catalogue, search: str | None, view: str) -> str:
    """What an embed of this view says to screen readers when the blogger writes no alt text."""
    state, _ = parse_query(plain_query(search), cat.vocab)
    if view not in VIEWS or (view == "dispute" and not state.event):
        view = "gantt"
    try:
        chart = charts.build(cat, to_query(state), kind=view)
    except charts.ChartError:
        return ""
    return alt_text.describe(cat, chart)
