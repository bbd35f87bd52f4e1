"""What one step of the presentation shows, as plain functions of the query and the measured width:
the chart centred on the step's event, its card, its links, and the printed tour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dash import dcc, html
from flask import request

from dashboard.domain import credits, events, order, presentation
from dashboard.domain import drift as drift_data
from dashboard.domain.filters import to_query
from dashboard.figures import theme
from dashboard.figures.drift import drift
from dashboard.figures.gantt import gantt
from dashboard.figures.step import around
from dashboard.figures.timeline import timeline
from dashboard.web.components import classroom, handout, ids
from dashboard.web.components.details import citation_line

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

PROJECTOR_DIM_TEXT = "#4d4d4d"  # 8:1 on white
PRINT_PLOT_PX = 652  # the handout's charts: an A4 or Letter page's width at 96 px per inch, less margins
PRESENT_DRIFT_PX = 540  # the drift chart's height at scale 1 on a slide (it grows with the text scale)
PRINT_CONFIG = {"staticPlot": True, "displayModeBar": False, "responsive": False}


STEP_OUTPUTS = {  # what one step sets, by name (step_outputs returns a dict of these names)
    "chart": (ids.PRESENT_CHART, "figure"),
    "stage": (ids.PRESENT_STAGE, "className"),
    "card": (ids.PRESENT_CARD, "children"),
    "progress": (ids.PRESENT_PROGRESS, "children"),
    "first": (ids.PRESENT_FIRST, "href"),
    "prev": (ids.PRESENT_PREV, "href"),
    "next": (ids.PRESENT_NEXT, "href"),
    "last": (ids.PRESENT_LAST, "href"),
    "exit": (ids.PRESENT_EXIT, "href"),
    "notices": (ids.PRESENT_NOTICE, "children"),
    "has_notices": (ids.PRESENT_NOTICE, "is_open"),
    "title": (ids.PRESENT_TITLE, "data"),
    "summary": (ids.PRESENT_SUMMARY, "children"),
    "server_images": (ids.PRESENT_SERVER_IMAGES, "children"),
    "drift_href": (ids.PRESENT_DRIFT, "href"),
    "drift_label": (ids.PRESENT_DRIFT_LABEL, "children"),
    "asof_prev": (ids.PRESENT_ASOF_PREV, "href"),
    "asof_prev_label": (ids.PRESENT_ASOF_PREV_LABEL, "children"),
    "asof_next": (ids.PRESENT_ASOF_NEXT, "href"),
    "asof_next_label": (ids.PRESENT_ASOF_NEXT_LABEL, "children"),
}


def step_outputs(app, cat: Catalogue, search: str, width) -> dict:
    """Everything one step shows, for the step callback (plain function of the query and width)."""
    deck = presentation.build_deck(cat, search)
    base = app.get_relative_path("/present")
    href = {
        k: f"{base}?{deck.query(step)}" if deck.query(step) else base
        for k, step in (
            ("first", 0),
            ("prev", max(deck.step - 1, 0)),
            ("next", min(deck.step + 1, deck.last)),
            ("last", deck.last),
        )
    }
    explorer_q = deck.explorer_query()
    exit_href = app.get_relative_path("/") + (f"?{explorer_q}" if explorer_q else "")
    progress = {"title": "Title", "closing": "End"}.get(deck.kind, f"{deck.step} / {len(deck.stops)}")
    notices = [html.Div(n) for n in deck.notices]
    s = presentation.event_step(cat, deck)
    if s is None:
        view_q = to_query(deck.view.state.with_event(None))
        url = request.host_url.rstrip("/") + app.get_relative_path("/") + (f"?{view_q}" if view_q else "")
        exercise = request.host_url.rstrip("/") + app.get_relative_path("/order") + (f"?{view_q}" if view_q else "")
        card, fig = front(cat, deck, url, closing=deck.kind == "closing", exercise=exercise), {}
        stage = "present-stage no-chart"
        title = f"{deck.title} \u00b7 Bajor Timeline"
    else:
        fig = _event_figure(cat, deck, s, width)
        card = event_card(deck, s)
        stage = "present-stage drift-stage" if deck.chart else "present-stage"
        title = f"{deck.step}. {s.event['title']} \u00b7 {deck.title}"
    return {
        "chart": fig,
        "stage": stage,
        "card": card,
        "progress": progress,
        "first": href["first"],
        "prev": href["prev"],
        "next": href["next"],
        "last": href["last"],
        "exit": exit_href,
        "notices": notices,
        "has_notices": bool(notices),
        "title": title,
        "summary": deck.view.summary,
        "server_images": server_images(app, deck, s),
        **_drift_links(cat, deck, base),
    }


def _event_figure(cat: Catalogue, deck: presentation.Deck, s: presentation.EventStep, width) -> dict:
    """An event step's chart: the events around it (periods or moments), or with view=drift the
    sources over time of every shown event, the step's event drawn strongest."""
    plot_px = theme.plot_width(width)
    scale = theme.chart_scale(plot_px)
    if deck.chart == "drift":
        d = drift_data.build(cat, deck.view.state.with_event(s.event["id"]), deck.view.shown["id"])
        fig = drift(
            d.points,
            x_range=d.x_range,
            y_range=d.y_range,
            asof=d.asof,
            selected=s.event["id"],
            plot_px=plot_px,
            height=PRESENT_DRIFT_PX,
            scale=scale,
        )
        title = f"{s.event['title']}: sources over time"
    else:
        fig = around(s, cat.vocab, deck.view.state.lanes, plot_px, scale=scale)
        title = s.event["title"]
    fig["layout"].update(dragmode=False, meta={**fig["layout"]["meta"], "image_title": title})
    _projector(fig)
    return fig


def _drift_links(cat: Catalogue, deck: presentation.Deck, base: str) -> dict:
    """The bar's "sources over time" switch and its "as known in" steps (a link each: one URL a step)."""
    years = drift_data.release_years(cat.tables)
    asof = deck.view.state.asof
    href = {}
    for name, q in (
        ("drift", deck.with_chart("" if deck.chart else "drift")),
        ("prev", deck.at_asof(drift_data.step(years, asof, -1))),
        ("next", deck.at_asof(drift_data.step(years, asof, +1))),
    ):
        href[name] = f"{base}?{q}" if q else base

    def label(year):
        return "all works" if year is None else str(year)

    return {
        "drift_href": href["drift"],
        "drift_label": "Periods and moments" if deck.chart else "Sources over time",
        "asof_prev": href["prev"],
        "asof_prev_label": label(drift_data.step(years, asof, -1)),
        "asof_next": href["next"],
        "asof_next_label": label(drift_data.step(years, asof, +1)),
    }


def server_images(app, deck: presentation.Deck, s: presentation.EventStep | None) -> list:
    """Links to the server's chart downloads (dashboard/charts.py) for this step: the step's chart
    (or the whole view's periods on the title and closing steps), same filters, plus view=."""
    view_name = deck.chart or ("gantt" if s is None or not s.event["is_point"] else "timeline")
    q = to_query(deck.view.state.with_event(s.event["id"] if s else None))
    base = f"view={view_name}" + (f"&{q}" if q else "")
    links = (
        ("PNG, 1920\u00d71080", "png", "&width=1920&height=1080"),
        ("SVG", "svg", ""),
        ("A standalone HTML file", "html", ""),
    )
    return [
        html.A(
            label,
            href=app.get_relative_path(f"/download/chart.{fmt}") + f"?{base}{extra}",
            className="dropdown-item",
            download="",
        )
        for label, fmt, extra in links
    ]


def _projector(fig) -> None:
    """Higher contrast for a projector: the events around the current one stay readable (dark grey
    labels, half-faded marks) instead of the page's pale dimming."""
    for trace in fig["data"]:
        marker = (trace.get("unselected") or {}).get("marker") or {}
        if trace.get("meta") == "label":
            trace["unselected"] = {"textfont": {"color": PROJECTOR_DIM_TEXT}}
        elif marker.get("opacity") is not None:
            marker["opacity"] = min(1.0, marker["opacity"] * 2.2)


def handout_body(cat: Catalogue, search: str) -> list:
    """The printed tour: its title and filters, an overview chart of every step, each stop with its
    note, dates in words and citations, and the credit."""
    deck = presentation.build_deck(cat, search)
    v = deck.view
    shown = v.shown[v.shown["id"].isin({s.event for s in deck.stops})]
    kw = {"lanes": v.state.lanes, "plot_px": PRINT_PLOT_PX}
    charts = []
    for draw, label in ((gantt, "Periods"), (timeline, "Moments")):
        kind = shown[shown["is_point"].to_numpy(dtype=bool) == (draw is timeline)]
        if len(kind):
            fig = draw(kind, cat.vocab, x_range=events.extent(shown), **kw)
            fig["layout"]["width"] = theme.chart_width(PRINT_PLOT_PX)
            charts += [
                html.H3(label, className="handout-chart-title"),
                dcc.Graph(figure=fig, config=PRINT_CONFIG, className="handout-chart"),
            ]
    parts = handout.body(cat, deck.title, v.summary, shown, deck.stops, v.state, description=deck.description)
    sheet = classroom.worksheet(deck.title, order.build(cat, search).cards, cat.pages)  # with blanks, a page of its own
    return parts[:3] + [html.Div(charts, className="handout-charts")] + parts[3:] + [sheet]


# The cards: the title and closing slides, and a step's event.


MAX_CITATIONS = 6  # on a slide; the rest are in the explorer and the handout


def front(cat: Catalogue, deck: presentation.Deck, url: str, closing: bool, exercise: str = "") -> list:
    """The title step (or the closing one): the view's name, its filters in words, the credit, a QR code
    of the view; the closing step adds one of the ordering exercise for the same view (`exercise`)."""
    n = len(deck.stops)
    lead = (
        f"That was {'the tour' if deck.view.state.tour else 'every event'}: {n} step{'s' if n != 1 else ''}."
        if closing
        else deck.description
    )
    hint = (
        "Scan a code: explore this view yourself, or put its events in order (the classroom exercise)."
        if closing and exercise
        else "Press Escape to explore this view yourself, or scan the code."
        if closing
        else "Press \u2192 or Space to begin. Scan the code to open this view on your phone."
        if n
        else "No event matches these filters: press Escape and widen them."
    )
    return [
        html.Div(
            [
                html.Div(
                    [
                        html.P("The end" if closing else "Bajor Timeline", className="present-kicker"),
                        html.H1(deck.title, className="present-title", id="present-heading"),
                        html.P(lead, className="present-lead"),
                        html.P(["Shown: ", html.Strong(deck.view.summary)], className="present-filters"),
                        html.P(hint, className="present-hint"),
                    ],
                    className="present-front-text",
                ),
                html.Div(
                    [
                        classroom.qr(url, caption="Explore this view"),
                        classroom.qr(exercise, caption="Put these in order"),
                    ],
                    className="present-qrs",
                )
                if closing and exercise
                else classroom.qr(url),
            ],
            className="present-front",
        ),
        html.P(
            credits.front_credit(cat.pages),
            className="present-credit",
        ),
    ]


def event_card(deck: presentation.Deck, s: presentation.EventStep) -> list:
    e = s.event
    disputed = bool(e["disputed"])
    cites = s.citations[:MAX_CITATIONS]
    more = len(s.citations) - len(cites)
    where = (
        f"Stop {deck.step} of {len(deck.stops)} \u00b7 {deck.title}"
        if deck.view.state.tour
        else f"Event {deck.step} of {len(deck.stops)}, in date order"
    )
    return [
        html.P(where, className="present-kicker"),
        html.H1(e["title"], className="present-title", id="present-heading"),
        html.P(s.ranges + ".", className="present-when"),
        html.P(
            [html.Span("\u2605 ", className="dispute-star", **{"aria-hidden": "true"}), s.verdict],
            className="present-verdict",
        )
        if disputed
        else None,
        html.P(e["summary"], className="present-summary-text"),
        html.Aside([html.Strong("Teacher's note: "), s.note], className="present-note") if s.note else None,
        html.H2("Sources", className="present-sources-heading"),
        html.Ul([citation_line(c) for c in cites], className="present-citations"),
        html.P(f"and {more} more in the explorer", className="present-more") if more else None,
    ]
