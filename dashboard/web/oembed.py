"""oEmbed 1.0 (https://oembed.com): a link to any view becomes a `rich` answer with an iframe of /embed.

    GET <prefix>oembed?url=<a link to /, /present or /embed on this site>&format=json[&maxwidth=&maxheight=]

Status codes as the spec names them: 404 when the URL is not a view of this site, 501 for a format
other than json; 400 (not in the spec) when `url` is missing or maxwidth/maxheight is not a positive
whole number. The URLs written use the request's scheme and host (behind a proxy, Werkzeug's ProxyFix
makes those the forwarded ones when the deployment turns it on) and the app's path prefix.
Pure functions of their arguments: the Flask route in server.py passes the request's parts in.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode, urlsplit

from dashboard.domain import alt as alt_text
from dashboard.domain.filters import KNOWN_KEYS
from dashboard.formats import charts, registry
from dashboard.web.share_options import MAX_ALT, SIZES, origins

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

PROVIDER_NAME = "Bajor Timeline"
VIEW_PAGES = ("", "present", "embed")  # paths under the prefix that show a chart: explorer, presentation, embed
EMBED_PATH = "embed"
ENDPOINT_PATH = "oembed"
EXTRA_KEYS = ("asof", "theme")  # the embed's own parameters, passed through once checked
THEMES = ("light", "dark", "auto")
CACHE_AGE = 3600  # s: the data changes with a release, not by the minute


class OEmbedError(Exception):
    """An answer other than 200: the status the spec names and a one-line reason."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Site:
    """Where the app is, as the request sees it: 'https', 'example.org[:port]', '/bajor/'."""

    scheme: str
    host: str
    prefix: str = "/"

    @property
    def base(self) -> str:
        """The app's root URL, ending in '/'."""
        return f"{self.scheme}://{self.host}{self.prefix}"

    def url(self, path: str, query: str = "") -> str:
        return self.base + path.lstrip("/") + (f"?{query}" if query else "")


def _host(scheme: str, netloc_host: str | None, port: int | None) -> str:
    """host[:port] in lower case, without the scheme's default port."""
    host = (netloc_host or "").lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(scheme)
    return host if port in (None, default) else f"{host}:{port}"


def same_site(url_scheme: str, url_host: str, site: Site) -> bool:
    """The link names this app's host (either scheme: a CMS may paste http for an https site)."""
    try:
        mine = urlsplit(f"{site.scheme}://{site.host}/")
        return url_scheme in ("http", "https") and url_host == _host(site.scheme, mine.hostname, mine.port)
    except ValueError:
        return False


def _positive(name: str, value: str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise OEmbedError(400, f"{name} must be a positive whole number of pixels")
    return number


def embed_query(chart: charts.Chart, params: dict[str, str]) -> str:
    """The /embed query for this chart: the view, its validated filters, and asof, theme, alt (cleaned,
    length-limited) and origin (the valid host origins) when the link gives them."""
    query = charts.view_query(chart)
    present = set(parse_qs(query))
    extra = []
    asof = params.get("asof", "").strip()
    if asof and "asof" not in present and asof.isdigit() and len(asof) <= 4:
        extra.append(("asof", asof))
    if params.get("theme") in THEMES:
        extra.append(("theme", params["theme"]))
    said, _ = alt_text.clean(params.get("alt", ""), MAX_ALT)
    if said:
        extra.append(("alt", said))
    allowed, _ = origins(params.get("origin"))
    if allowed:
        extra.append(("origin", ",".join(allowed)))
    return query + (f"&{urlencode(extra)}" if extra else "")


def resolve_link(cat: Catalogue, url: str, site: Site) -> tuple[charts.Chart, str]:
    """The chart a link shows and the /embed query for it; OEmbedError(404) if it is not a view here."""
    try:
        parts = urlsplit(url.strip())
        host = _host(parts.scheme, parts.hostname, parts.port)
    except ValueError:
        raise OEmbedError(404, "that URL cannot be read; give a link to a view of this site") from None
    if not same_site(parts.scheme, host, site):
        raise OEmbedError(404, f"only links to this site ({site.base}) can be embedded")
    path = parts.path or "/"
    if path.rstrip("/") + "/" == site.prefix:
        page = ""
    elif path.startswith(site.prefix):
        page = path[len(site.prefix) :].strip("/")
    else:
        raise OEmbedError(404, f"no view at that path; views are under {site.base}")
    if page not in VIEW_PAGES:
        raise OEmbedError(404, "no view at that path: link to the explorer, /present or /embed")
    params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    wanted = {k: v for k, v in params.items() if k in KNOWN_KEYS or k in charts.CHART_KEYS}
    try:
        chart = charts.build(cat, wanted)
    except charts.ChartError as exc:
        raise OEmbedError(404, f"no chart at that URL: {exc}") from None
    return chart, embed_query(chart, params)


def iframe(src: str, title: str, width: int, height: int) -> str:
    """The embed code: a lazy iframe with a title for screen readers; every value escaped."""
    return (
        f'<iframe src="{html.escape(src, quote=True)}" width="{width}" height="{height}" '
        f'title="{html.escape(title, quote=True)}" loading="lazy" '
        f'style="border:0;max-width:100%" allow="fullscreen"></iframe>'
    )


def respond(cat: Catalogue, args: dict[str, str], site: Site, version: str = "") -> dict:
    """The oEmbed answer (a dict for JSON) for the request's parameters, or OEmbedError. Its
    thumbnail is the chart's social card at the data's `version` (dashboard/web/cards.py)."""
    from dashboard.web import cards

    url = (args.get("url") or "").strip()
    if not url:
        raise OEmbedError(400, "give the link to embed as url=... (URL-encoded)")
    fmt = (args.get("format") or "json").strip().lower()
    if fmt != "json":
        raise OEmbedError(501, "only format=json is implemented")
    maxwidth = _positive("maxwidth", args.get("maxwidth"))
    maxheight = _positive("maxheight", args.get("maxheight"))
    chart, query = resolve_link(cat, url, site)
    width, height = SIZES[chart.kind]
    width = min(width, maxwidth or width)
    height = min(height, maxheight or height)
    title = chart.title if chart.kind == "dispute" else f"{chart.title} ({chart.caption})"
    return {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": PROVIDER_NAME,
        "provider_url": site.base,
        "cache_age": CACHE_AGE,
        "width": width,
        "height": height,
        "html": iframe(site.url(EMBED_PATH, query), title, width, height),
        "thumbnail_url": site.url(registry.CARD.path, cards.image_query(chart, version)),
        "thumbnail_width": registry.CARD.width,
        "thumbnail_height": registry.CARD.height,
    }


def endpoint_url(page_url: str, site: Site) -> str:
    """The oEmbed request a consumer makes for a page URL."""
    return site.url(ENDPOINT_PATH, urlencode({"url": page_url, "format": "json"}))


def discovery_link(page_url: str, site: Site, title: str = PROVIDER_NAME) -> str:
    """The <link> a page carries in its head so an oEmbed consumer finds the endpoint."""
    return (
        f'<link rel="alternate" type="application/json+oembed" '
        f'href="{html.escape(endpoint_url(page_url, site), quote=True)}" title="{html.escape(title, quote=True)}">'
    )
