"""What an embed shows, as data and figures: the chart a query asks for (or why it cannot be drawn),
the chart for a measured width, and the compact card of a clicked event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from dash import html

from dashboard.domain import view
from dashboard.domain.filters import plain_query, to_query
from dashboard.figures import marks, theme
from dashboard.figures.palette import DARK, LIGHT
from dashboard.formats import charts
from dashboard.web.components.details import citations_list
from dashboard.web.share_options import THEMES

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

EMBED_KEYS = ("theme",)  # the embed's own parameter, on top of charts.CHART_KEYS and the filters


@dataclass(frozen=True)
class Embed:
    """What an embed shows, as data: the chart (None when it cannot be drawn), why, and the look."""

    chart: charts.Chart | None
    problem: str | None  # shown instead of the chart
    theme: str
    notices: tuple[str, ...]
    explorer_query: str  # the same view in the full explorer ('' for the default view)


def embed_view(cat: Catalogue, search: str | None) -> Embed:
    """The embed for a query string. Bad values are dropped with a notice; a chart that cannot be
    drawn (a dispute view with no event) gives a problem to show in its place, never an error."""
    chart_params, params = charts.split_query(plain_query(search))
    notices: list[str] = []
    theme = params.pop("theme", "light") or "light"
    if theme not in THEMES:
        notices.append(f"Ignored 'theme={theme}': use light or dark.")
        theme = "light"
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
    return Embed(chart, problem, theme, tuple(notices) + (chart.notices if chart else ()), to_query(state))


def figure(e: Embed, width, selected: str | None = None):
    """The chart for a measured width (CSS px of the chart box), the selection dimming the others."""
    fig = e.chart.figure(theme.plot_width(width), DARK if e.theme == "dark" else LIGHT)
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
