"""What a page that shows a view says about itself when its link is pasted somewhere: Open Graph and
Twitter card tags (og:title, og:description, og:url, og:image and its alt text, twitter:card
summary_large_image), added to the page's head by dashboard/web/head.py.

The description is the view in words (filters.describe, through view.summary) and, when an event is
selected, its verdict (explain.verdict). The image is the view's social card (dashboard/web/cards.py,
<prefix>card.png) at the data's version, so a changed table is a new image URL for crawlers that keep
images. Every value comes from validated ids and our own words, and is HTML-escaped.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dashboard.formats import registry
from dashboard.web import cards
from dashboard.web.share_options import THEMES

if TYPE_CHECKING:  # the view and chart code are imported when a page asks (a short chain of imports)
    from dashboard.domain.catalogue import Catalogue
    from dashboard.formats import charts
    from dashboard.web.oembed import Site

log = logging.getLogger("dashboard")
SITE_NAME = "Bajor Timeline"
THEME_KEY = "theme"


@dataclass(frozen=True)
class Card:
    """A page's card, as plain text and absolute URLs."""

    title: str
    description: str
    url: str  # og:url: the page at its canonical query
    image: str  # og:image: the social card
    alt: str  # og:image:alt: what the picture shows, in words


def _chart(cat: Catalogue, query: str | dict, kind: str | None = None) -> charts.Chart:
    """The chart a query shows; an unusable view or event falls back to the Gantt chart without it
    (the page itself shows the notice)."""
    from dashboard.formats import charts

    try:
        return charts.build(cat, query, kind=kind)
    except charts.ChartError:
        _, params = charts.split_query(query)
        params.pop("event", None)
        return charts.build(cat, params, kind="gantt")


def alt_text(chart: charts.Chart) -> str:
    """The card's picture in words: its title and the filters, as drawn on it."""
    what = {"gantt": "A Gantt chart", "timeline": "A timeline", "drift": "A chart of sources over time"}.get(
        chart.kind, "A chart"
    )
    return f"{what}, {chart.title}: {chart.caption}."


ABOUT = "A cited timeline of the Cardassian Occupation of Bajor: every source's dates, their range and why they differ."


def _describe(chart: charts.Chart, lead: str = "") -> str:
    """The view in words (the chart's caption: filters.describe and what is drawn) and the selected
    event's verdict, or what the app is when nothing is selected."""
    from dashboard.domain import explain

    caption = chart.caption.split("; highlighted: ")[0]
    parts = [lead, f"{caption[:1].upper()}{caption[1:]}."]
    if chart.selected is not None:
        parts.append(f"{chart.selected['title']}: {explain.verdict(chart.selected, chart.citations)}")
    elif not lead:
        parts.append(ABOUT)
    return " ".join(p for p in parts if p)


def card_for(cat: Catalogue, page: str, query: str, site: Site, version: str) -> Card:
    """The card of a page ('' the explorer, 'present', 'embed') at a query string."""
    from dashboard.domain import presentation
    from dashboard.domain.filters import to_query
    from dashboard.formats import charts

    if page == "present":
        deck = presentation.build_deck(cat, query)
        chart = _chart(cat, deck.explorer_query())
        stop = chart.selected["title"] if chart.selected is not None else None
        title = f"{deck.title}: {stop}" if stop else deck.title
        url = site.url("present", deck.query())
        description = _describe(chart, deck.description if deck.kind != "event" else "")
    else:
        params, _ = charts.split_query(query)
        chart = _chart(cat, query, params.get("view") if page == "embed" else "gantt")
        if chart.kind == "dispute":
            title = chart.title
        elif chart.selected is not None:
            title = f"{chart.selected['title']}: {SITE_NAME}"
        else:
            title = SITE_NAME if chart.kind == "gantt" else chart.title
        if page == "embed":
            theme = charts.split_query(query)[1].get(THEME_KEY)
            extra = f"&{THEME_KEY}={theme}" if theme in THEMES and theme != "light" else ""
            url = site.url("embed", charts.view_query(chart) + extra)
        else:
            url = site.url("", to_query(chart.state))
        description = _describe(chart)
    image = site.url(registry.CARD.path, cards.image_query(chart, version))
    return Card(title, description, url, image, alt_text(chart))


def meta_tags(card: Card) -> str:
    """The card as <meta> tags (Open Graph's `property`, Twitter's `name`), every value escaped."""
    size = registry.CARD
    tags = [
        ("property", "og:type", "website"),
        ("property", "og:site_name", SITE_NAME),
        ("property", "og:title", card.title),
        ("property", "og:description", card.description),
        ("property", "og:url", card.url),
        ("property", "og:image", card.image),
        ("property", "og:image:type", size.media_type),
        ("property", "og:image:width", str(size.width)),
        ("property", "og:image:height", str(size.height)),
        ("property", "og:image:alt", card.alt),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", card.title),
        ("name", "twitter:description", card.description),
        ("name", "twitter:image", card.image),
        ("name", "twitter:image:alt", card.alt),
    ]
    return "".join(f'<meta {attr}="{name}" content="{html.escape(value, quote=True)}">' for attr, name, value in tags)


def head_tags(app, cat: Catalogue, page: str, query: str, site: Site) -> str:
    """The tags for this request's page; '' (and a line in the log) if the card cannot be made."""
    try:
        return meta_tags(card_for(cat, page, query, site, cards.service(app).version))
    except Exception:  # noqa: BLE001 - a page never fails for its card
        log.exception("no social card tags for page %r", page)
        return ""
