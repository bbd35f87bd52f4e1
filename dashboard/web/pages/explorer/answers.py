"""The explorer's answers as plain functions of the app, the catalogue and the URL's query: what the
charts' callback sends, what the details callback sends, and the page as the first answer holds it
(Dash's `_dash-layout`, and the first view served with the HTML: dashboard/prerender.py).
dashboard/callbacks.py wires them to ids.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dash import html

from dashboard.domain import view
from dashboard.figures import theme
from dashboard.figures.gantt import gantt
from dashboard.figures.timeline import timeline
from dashboard.web import dash_compat
from dashboard.web.components import details, ids
from dashboard.web.components.teaching import tour_links
from dashboard.web.first_view import prerender
from dashboard.web.pages.explorer import actions

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue
from dashboard.domain.filters import parse_query
from dashboard.web.pages.explorer.layout import build_page

# What the charts' callback sets, and what the first answer fills in for a page load.
# Each output by name: the callback (dashboard/web/pages/explorer/callbacks.py) returns a dict of these names.
RENDER_OUTPUTS = {
    "gantt": (ids.GANTT, "figure"),
    "timeline": (ids.TIMELINE, "figure"),
    "summary": (ids.SUMMARY, "children"),
    "notices": (ids.NOTICE, "children"),
    "has_notices": (ids.NOTICE, "is_open"),
    "json_href": (ids.DOWNLOAD_JSON, "href"),
    "csv_href": (ids.DOWNLOAD_CSV, "href"),
    "rendered": (ids.RENDERED, "data"),
    "present_href": (ids.PRESENT_LINK, "href"),
    "tours": (ids.TOURS_MENU, "children"),
    "drawn_width": (ids.DRAWN_WIDTH, "data"),
}
# What the details callback sets.
DETAILS_OUTPUTS = {
    "body": (ids.DETAILS_BODY, "children"),
    "panel_class": (ids.DETAILS, "className"),
    "doc_title": (ids.DOC_TITLE, "data"),
}
# The charts the first view draws before Dash runs: the one in view on opening the page, and the
# selected event's small uncertainty chart.
FIRST_VIEW_DRAWS = (ids.GANTT, ids.UNCERTAINTY_CHART)
# Charts the first view shows only when the server can draw them (a density: see
# dashboard/figures/picture.py): no plotly.js drawing before the live page for them.
FIRST_VIEW_PICTURES = (ids.TIMELINE,)


def drawn_for(rendered, drawn_width, filter_key, width) -> bool:
    """Whether charts drawn for (`rendered` key, `drawn_width`) already suit (`filter_key`, the
    measured `width`): the same filters, and the width the browser measured (or none measured yet)."""
    return rendered is not None and rendered == (filter_key or "") and (width is None or width == drawn_width)


def prefill(layout, values: dict) -> None:
    """Set {(component id, property): value} on the components of `layout` (a page about to be sent)."""
    by_id: dict = {}
    for (cid, prop), value in values.items():
        by_id.setdefault(cid, {})[prop] = value
    for component in dash_compat.walk(layout):
        for prop, value in by_id.get(getattr(component, "id", None), {}).items():
            setattr(component, prop, value)


def charts(app, cat: Catalogue, search, width, filter_key, *, with_selection=False) -> dict:
    """The charts laid out for a chart `width` px wide (None: the figures' default), the summary,
    the notices and the links that follow the filters (RENDER_OUTPUTS); `with_selection` draws the
    URL's selected event as selected (the browser does it otherwise)."""
    v = view.build_view(cat, search)
    suffix = f"?{v.filter_query}" if v.filter_query else ""
    kw = {
        "lanes": v.state.lanes,
        "x_range": v.x_range,
        "plot_px": theme.plot_width(width),
        "selected": v.state.event if with_selection else None,
    }
    return {
        "gantt": gantt(v.shown, cat.vocab, **kw),
        "timeline": timeline(v.shown, cat.vocab, **kw),
        "summary": v.summary,
        "notices": [html.Div(n) for n in v.notices],
        "has_notices": bool(v.notices),
        "json_href": app.get_relative_path(f"/events.json{suffix}"),
        "csv_href": app.get_relative_path(f"/events.csv{suffix}"),
        "rendered": filter_key or "",
        "present_href": app.get_relative_path(f"/present{suffix}"),
        "tours": tour_links(
            cat.vocab, app.get_relative_path("/"), view.to_query(replace(v.state, event=None, tour=None))
        ),
        "drawn_width": width,
    }


def selected(app, cat: Catalogue, search) -> dict:
    """The details panel for the URL's selected event (DETAILS_OUTPUTS): filled and opened, or
    empty and closed when nothing is selected."""
    v = view.build_view(cat, search)
    d = view.details(cat, v)
    if d is None:
        return {"body": details.body(None, None, None), "panel_class": "details-panel", "doc_title": "Bajor Timeline"}
    href = {
        k: app.get_relative_path("/") + view.with_event(search, e, cat) if e else None
        for k, e in (("prev", d.previous), ("next", d.next))
    }
    return {
        "body": details.body(d, href["prev"], href["next"]),
        "panel_class": "details-panel open",
        "doc_title": f"{d.event['title']} \u00b7 Bajor Timeline",
    }


def _by_target(outputs: dict, values: dict) -> dict:
    """{(component id, property): value} from a callback's named values."""
    return {outputs[name]: value for name, value in values.items()}


def page(app, cat: Catalogue, search: str, width: float | None = None):
    """The explorer for the query `search`, as the first answer holds it: its controls set, its
    charts drawn (selection included) for a chart `width` px wide (None: the figures' default) and
    its details panel filled."""
    state, _ = parse_query(search or "", cat.vocab)
    layout = build_page(cat.vocab, cat.pages, state)
    key = view.filter_key(search)
    _, controls = actions.respond(cat, search, "url", [])
    prefill(
        layout,
        {
            **_by_target(RENDER_OUTPUTS, charts(app, cat, search, width, key, with_selection=True)),
            **_by_target(DETAILS_OUTPUTS, selected(app, cat, search)),
            **dict(zip(ids.CONTROLS, controls)),
            (ids.FILTER_KEY, "data"): key,
        },
    )
    return layout


def first_view(
    app, cat: Catalogue, path: str, search: str, width: float | None = None, *, width_cookie: str = ""
) -> str:
    """The first view of the page at `path` (HTML, see dashboard/prerender.py), its charts laid out
    for `width`; assets/first_view.js stores the width it measures in the cookie `width_cookie`.
    '' for pages that have none (only the explorer: the embed and the presentation are light)."""
    if path != "":
        return ""
    view = prerender.static_html(page(app, cat, search, width), FIRST_VIEW_DRAWS, FIRST_VIEW_PICTURES)
    return prerender.page_html(view, {"data-width-cookie": width_cookie} if width_cookie else {})
