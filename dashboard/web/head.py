"""Per-request additions to the HTML page Dash serves (dashboard/web/app.py INDEX): the oEmbed discovery
link for the page's own URL, the embed's colour theme on <html> (no white flash before a dark embed
draws), the social card's Open Graph and Twitter tags (dashboard/web/social.py), and the explorer's first view (dashboard/web/first_view/prerender.py: the page as static HTML,
its first chart drawn by assets/first_view.js before Dash's scripts run). Where they go in Dash's page
is dashboard/web/dash_compat.py's (add_to_index).

The discovery link points at this page as the request sees it: the request's scheme and host (a
proxy's, through Werkzeug's ProxyFix) and the app's path prefix, via routes.request_site and
oembed.discovery_link. Only pages that show a view carry it (not a "no such page" page).
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

from flask import has_request_context, request

from dashboard.web import dash_compat, oembed, routes, social
from dashboard.web.pages.explorer import answers
from dashboard.web.share_options import COLOR_SCHEMES


def local_path(app, path: str) -> str:
    """A request path relative to the app's routes prefix, without slashes ('' for the explorer)."""
    prefix = (app.config.routes_pathname_prefix or "/").rstrip("/")
    if prefix and path.startswith(prefix):
        path = path[len(prefix) :]
    return path.strip("/")


def query_text() -> str:
    """The request's query string as text (bytes that are not UTF-8 become U+FFFD, never an error)."""
    return request.query_string.decode("utf-8", errors="replace")


def page_url(app) -> tuple[str, str]:
    """(the current page's public URL, its path relative to the prefix)."""
    site = routes.request_site(app)
    return site.url(local_path(app, request.path), query_text()), local_path(app, request.path)


# The chart width assumed for a phone's first answer, before its browser has measured the chart
# (a 360-400 px screen less the page's margins); None: the figures' own default (a laptop's).
PHONE_CHART_PX = 360
# The chart width this browser measured on its last page load (assets/first_view.js writes it, just
# before Dash asks for the layout): a measurement of the screen, like a client hint, not view state.
WIDTH_COOKIE = "bt_chart_px"
WIDTH_RANGE = (240, 4000)  # a cookie value outside this is ignored


def chart_width_hint() -> int | None:
    """The chart width to lay a first answer's charts out for: the one this browser measured (the
    WIDTH_COOKIE), else a phone's when the browser says it is one (the `Sec-CH-UA-Mobile` client hint
    Chromium sends, or "Mobi" in the User-Agent, as MDN advises), else None. The layout request comes
    after the page has measured, so the live charts are laid out for the right width at once (and
    the page's own first view too, from the second visit); the measured width follows either way."""
    if not has_request_context():
        return None
    measured = request.cookies.get(WIDTH_COOKIE, "")
    if re.fullmatch(r"[0-9]{1,5}", measured) and WIDTH_RANGE[0] <= int(measured) <= WIDTH_RANGE[1]:
        return int(measured)
    mobile = request.headers.get("Sec-CH-UA-Mobile") == "?1" or "Mobi" in request.headers.get("User-Agent", "")
    return PHONE_CHART_PX if mobile else None


def referring_page(app) -> tuple[str, str] | None:
    """The page that asked for the app's layout, as (its path relative to the app's prefix, its
    query string with '?'), read from the Referer of Dash's layout request (dash_compat.LAYOUT_PATH; the browser
    sends the page's URL with same-origin requests: Referrer-Policy strict-origin-when-cross-origin).
    None when unknown (no Referer, another host, a path outside the app): the router then builds
    the page from the browser's URL, one round trip later."""
    ref = request.headers.get("Referer", "")
    if not ref:
        return None
    try:
        parts = urlsplit(ref)
        if parts.netloc != request.host:
            return None
        path = app.strip_relative_path(parts.path or "/") or ""
    except Exception:  # a malformed Referer, or a path outside the prefix (dash raises UnsupportedRelativePath)
        return None
    query = routes.clean_query_string(parts.query)
    return path.strip("/"), f"?{query}" if query else ""


# What a page's charts load once React draws them: fetched from the start instead, while the page's
# other scripts load and run (each file then runs from the browser's cache). Only for the pages that
# always draw a chart at once (a preload left unused is a console warning). Not the table's chunk:
# preloaded, the table was set up before the charts were drawn (first chart 1.9 s against 1.7 s at
# 10,000 events).
CHART_CHUNKS = (dash_compat.DCC_PLOTLY_PATH, dash_compat.ASYNC_GRAPH_PATH)
PRELOADS = {"": CHART_CHUNKS, oembed.EMBED_PATH: CHART_CHUNKS}


def preload_links(app, page: str) -> str:
    prefix = (app.config.requests_pathname_prefix or "/").rstrip("/")
    return "".join(
        f'<link rel="preload" as="script" href="{html.escape(prefix + path)}">' for path in PRELOADS.get(page, ())
    )


FIRST_VIEW_SCRIPT = "first_view.js"  # in assets/, left out of Dash's own script list (web/app.py create_app)


def first_view(app, cat, page: str) -> str:
    """The page's first view and the scripts that draw it (plotly.js first: dcc.Graph then finds
    it loaded), to go just before Dash's `react-entry-point`; '' for pages without one."""
    view = answers.first_view(app, cat, page, query_text(), chart_width_hint(), width_cookie=WIDTH_COOKIE)
    if not view:
        return ""
    prefix = (app.config.requests_pathname_prefix or "/").rstrip("/")
    scripts = (prefix + dash_compat.DCC_PLOTLY_PATH, app.get_asset_url(FIRST_VIEW_SCRIPT))
    return view + "".join(f'<script src="{html.escape(src)}"></script>' for src in scripts)


def extras(app, cat) -> dict[str, str]:
    """What this request adds to the page: {'head': tags, 'html': attributes of <html>, 'body': the
    first view}."""
    url, page = page_url(app)
    out = {"head": "", "html": "", "body": ""}
    out["head"] = preload_links(app, page)
    if page in routes.PAGES:
        out["body"] = first_view(app, cat, page)
    if page in oembed.VIEW_PAGES and page in routes.PAGES:
        out["head"] += oembed.discovery_link(url, routes.request_site(app))
        out["head"] += social.head_tags(app, cat, page, query_text(), routes.request_site(app))
    if page == oembed.EMBED_PATH:  # whitelisted values only
        theme = (parse_qs(query_text()).get("theme") or ["light"])[-1]
        theme = theme if theme in oembed.THEMES else "light"
        # theme=auto: the reader's scheme is known only in the browser (embed.css paints the first
        # frame from prefers-color-scheme, assets/embed.js then sets data-bs-theme).
        out["html"] = (
            ' class="embed-page embed-auto"' if theme == "auto" else f' class="embed-page" data-bs-theme="{theme}"'
        )
        out["head"] += f'<meta name="color-scheme" content="{COLOR_SCHEMES[theme]}">'
    return out


def install(app, cat) -> None:
    """Add each request's extras to the page Dash serves (dash_compat.add_to_index)."""
    dash_compat.add_to_index(app, lambda: extras(app, cat) if has_request_context() else None)
