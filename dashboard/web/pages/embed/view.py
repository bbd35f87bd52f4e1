"""What an embed shows, as data and figures: the chart a query asks for (or why it cannot be drawn),
the chart for a measured width, and the compact card of a clicked event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from dash import html

from dashboard.domain import alt, view
from dashboard.domain.filters import plain_query, to_query
from dashboard.figures import marks, theme
from dashboard.figures.palette import DARK, LIGHT
from dashboard.formats import charts
from dashboard.web.components.details import citations_list
from dashboard.web.share_options import MAX_ALT, THEMES, origins

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

EMBED_KEYS = ("theme", "alt", "origin", "step")  # the embed's own parameters, on top of charts.CHART_KEYS and filters
# An origin a host page may send messages from: scheme://host[:port], or "null" (a file opened from disk).


@dataclass(frozen=True)
class Embed:
    """What an embed shows, as data: the chart (None when it cannot be drawn), why, and the look."""

    chart: charts.Chart | None
    problem: str | None  # shown instead of the chart
    theme: str
    notices: tuple[str, ...]
    explorer_query: str  # the same view in the full explorer ('' for the default view)
    alt: str = ""  # the blogger's alt text (plain text, at most alt.MAX_ALT characters)
    origins: tuple[str, ...] = ()  # other origins whose messages the embed obeys (origin=)
    step: str | None = None  # the raw step= value (a tour embed's first step)

    @property
    def tour(self):
        """The tour this embed steps through (tour=), or None."""
        return self.chart.state.tour if self.chart else None


def embed_view(cat: Catalogue, search: str | None) -> Embed:
    """The embed for a query string. Bad values are dropped with a notice; a chart that cannot be
    drawn (a dispute view with no event) gives a problem to show in its place, never an error."""
    chart_params, params = charts.split_query(plain_query(search))
    notices: list[str] = []
    theme = params.pop("theme", "light") or "light"
    if theme not in THEMES:
        notices.append(f"Ignored 'theme={theme[:40]}': use {', '.join(THEMES)}.")
        theme = "light"
    alt_text, cut = alt.clean(params.pop("alt", ""), MAX_ALT)
    if cut:
        notices.append(f"The alt text was cut to {MAX_ALT} characters.")
    allowed, origin_notices = origins(params.pop("origin", ""))
    notices += origin_notices
    step = params.pop("step", None)
    wanted = chart_params.get("view") or "gantt"
    if wanted not in charts.KINDS:
        notices.append(f"Ignored 'view={wanted}': use gantt, timeline, dispute or drift.")
        wanted = "gantt"
    event = (params.get("event") or "").strip()
    if event and event not in cat.vocab.events and wanted != "dispute":
        notices.append(f"Ignored unknown event '{event}'.")
        params.pop("event")
    try:
        chart = charts.build(cat, params, kind=wanted)
        problem = None
    except charts.ChartError as exc:
        chart = None
        problem = (
            f"This chart shows one event's sources: add event=ID to its address, e.g. event={next(iter(cat.vocab.events), 'ID')}."
            if wanted == "dispute" and not event
            else f"This chart cannot be drawn: {exc}."
        )
    state = chart.state if chart else cat.shown(urlencode(params))[0]
    notices += chart.notices if chart else ()
    return Embed(chart, problem, theme, tuple(notices), to_query(state), alt_text, allowed, step)


def palette(e: Embed, scheme: str | None):
    """The colours to draw in: the theme's, or for theme=auto the reader's scheme (light or dark)."""
    return DARK if (scheme if e.theme == "auto" else e.theme) == "dark" else LIGHT


def description(cat: Catalogue, e: Embed) -> str:
    """The chart in words for screen readers: the blogger's alt text, else a generated description."""
    if e.alt or e.chart is None:
        return e.alt or (e.problem or "")
    return alt.describe(cat, e.chart)


def figure(e: Embed, width, selected: str | None = None, scheme: str | None = None):
    """The chart for a measured width (CSS px of the chart box), the selection dimming the others."""
    fig = e.chart.figure(theme.plot_width(width), palette(e, scheme))
    if selected and e.chart.kind != "dispute":
        fig = marks.select(fig, selected)
    return fig


def card(cat: Catalogue, search: str, event: str | None) -> list:
    """The compact card for a clicked event: title, verdict, dates in words, every trusted citation."""
    if not event or event not in cat.vocab.events:
        return []
    e = embed_view(cat, search)
    if e.chart is None:
        return []
    v = view.build_view(cat, view.with_event(e.explorer_query, event, cat))
    d = view.details(cat, v)
    if d is None:
        return [html.P("No trusted source mentions this event with the tiers chosen.", className="small mb-0")]
    ev = d.event
    explorer = "./" + view.with_event(e.explorer_query, event, cat)
    return [
        html.H2(ev["title"], className="h6 mb-1", id="embed-card-title", tabIndex=-1),
        html.P(d.verdict, className="small fw-semibold mb-1" + (" disputed" if ev["disputed"] else "")),
        html.P(d.ranges, className="small mb-1"),
        html.H3("What the sources say", className="visually-hidden"),
        html.Div(citations_list(d.citations), className="embed-citations"),
        html.A("Read more in the explorer \u2197", href=explorer, target="_blank", rel="noopener", className="small"),
    ]
