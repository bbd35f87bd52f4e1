"""The explorer's first view (dashboard/web/first_view/prerender.py): the page as static HTML in the HTML answer,
its first chart's figure beside it, the same page the live layout holds."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from dash import dcc, html

from dashboard.web.app import create_app
from dashboard.web.components import ids
from dashboard.web.first_view import prerender
from testsupport.dash_client import call, find, first_answer

FIRST_VIEW = re.compile(r'<div id="first-view"[^>]*>.*?</div>(?=<script)', re.S)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML fragment."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def page(client, search: str = "", path: str = "/", **headers) -> str:
    r = client.get(path + search, headers=headers)
    assert r.status_code == 200
    return r.get_data(as_text=True)


def figures(text: str) -> dict[str, dict]:
    return {
        m.group(1): json.loads(m.group(2))
        for m in re.finditer(r'<script type="application/json" id="([^"]+)">(.*?)</script>', text, re.S)
    }


def first_view(text: str) -> str:
    start = text.index('<div id="first-view"')
    return text[start : text.index('<div id="react-entry-point">')]


def test_the_explorer_comes_with_its_first_view_and_the_scripts_that_draw_it(client):
    text = page(client)
    view = first_view(text)
    assert 'aria-hidden="true" inert' in view.split(">", 1)[0]
    # plotly.js, then the script that draws the figures, both before Dash's own scripts
    scripts = re.findall(r'<script src="([^"]+)"', text)
    assert scripts[0].endswith("/plotly/package_data/plotly.min.js") and scripts[1] == "/assets/first_view.js"
    assert scripts.count("/assets/first_view.js") == 1  # not in Dash's list of assets as well
    assert text.index('id="first-view"') < text.index('id="react-entry-point"') < text.index("dash_renderer")


def test_the_first_view_is_the_live_page_without_ids(client):
    """Same text as the layout Dash gets for the URL; no id (the live page owns them) and no
    reference to one; every control shows its value from the URL."""
    search = "?era=late-occupation&canon=canon,licensed&q=Dukat&lanes=era"
    view = first_view(page(client, search))
    elements = Elements(view)
    written = [(tag, attrs) for tag, attrs in elements.tags[1:] if tag != "script"]  # not the wrapper or the figures
    assert written and all(
        "id" not in attrs and "for" not in attrs and "aria-controls" not in attrs for _, attrs in written
    )
    text = " ".join(elements.text)
    layout = first_answer(client, "http://localhost/" + search)
    assert find(layout, ids.SUMMARY)["children"] in text
    assert "Bajor Timeline" in text and "Filters" in text
    checked = [t for t in elements.tags if t[0] == "input" and "checked" in t[1]]
    assert len(checked) == 2 + 1 + 1  # two tiers, one era, the "by era" lanes
    assert (
        "input",
        {"class": "form-control", "type": "search", "placeholder": "e.g. Gallitep", "value": "Dukat"},
    ) in elements.tags


def test_the_first_views_chart_is_the_figure_the_live_page_draws_first(client):
    search = "?canon=canon,licensed&q=o"
    text = page(client, search)
    figs = figures(text)
    assert len(figs) == 1  # the Gantt chart (and the uncertainty chart when an event is selected)
    drawn = next(iter(figs.values()))
    live = find(first_answer(client, "http://localhost/" + search), ids.GANTT)["figure"]
    assert drawn["layout"]["meta"] == live["layout"]["meta"] and drawn["layout"]["height"] == live["layout"]["height"]
    assert json.dumps(drawn["data"], sort_keys=True) == json.dumps(live["data"], sort_keys=True)
    assert f'data-figure="{next(iter(figs))}"' in text


def test_a_big_tables_charts_come_drawn_as_pictures_in_the_html(real, monkeypatch):
    """Densities (more events than the charts draw one by one) are drawn by the server as SVG
    (dashboard/figures/picture.py): on screen with the page's first paint, no figure to send or draw;
    the picture is of the very figure the live page gets."""
    from dashboard.figures import density
    from dashboard.web.first_view import picture

    monkeypatch.setattr(density, "MAX_MARKS", 10)  # the curated table stands in for a big one
    client = create_app(catalogue=real).server.test_client()
    text = page(client, "?lanes=era")
    view = first_view(text)
    assert figures(text) == {} and "data-figure" not in view
    assert view.count('<div class="chart-picture"') == 2  # the periods and the moments
    layout = first_answer(client, "http://localhost/?lanes=era")
    for graph in (ids.GANTT, ids.TIMELINE):
        assert picture.svg(find(layout, graph)["figure"]) in view
    assert "too many to draw one by one" in view


def test_a_selected_event_opens_its_details_in_the_first_view(real):
    client = create_app(catalogue=real).server.test_client()
    text = page(client, "?event=dukat-prefecture")
    view = first_view(text)
    assert 'class="details-panel open"' in view and "Dukat as Prefect of Bajor" in view
    assert len(figures(text)) == 2  # the Gantt and the selected event's uncertainty chart


def test_other_pages_have_no_first_view(client):
    for path in ("/present", "/embed", "/no-such-page"):
        r = client.get(path)
        assert 'id="first-view"' not in r.get_data(as_text=True) and "first_view.js" not in r.get_data(as_text=True)


def test_text_from_the_data_cannot_end_a_script_or_become_markup():
    hostile = "</script><script>alert(1)</script><!-- & \u2028"
    graph = dcc.Graph(
        id="g", figure={"data": [{"type": "bar", "x": [1], "name": hostile}], "layout": {"title": {"text": hostile}}}
    )
    view = prerender.static_html(html.Div([html.P(hostile, title=hostile), graph]), draw=("g",))
    out = prerender.page_html(view)
    assert out.count("</script>") == 1 and "<script>alert" not in out and "<!--" not in out
    assert "&lt;/script&gt;" in out  # the paragraph's text and title, escaped
    fig = json.loads(re.search(r'<script type="application/json" id="[^"]+">(.*)</script>', out, re.S).group(1))
    assert fig["layout"]["title"]["text"] == hostile  # the JSON reads back exactly


def test_a_component_without_a_rule_is_an_error_naming_it():
    with pytest.raises(prerender.UnknownComponent, match=r"dash_core_components\.RangeSlider .*'s'.*prerender\.RULES"):
        prerender.static_html(html.Div(dcc.RangeSlider(id="s", min=0, max=1)))


@pytest.mark.parametrize(
    "search",
    ["", "?event=dukat-prefecture", "?era=nope&canon=canon", "?q=zzzz-nothing-matches", "?lanes=era&disputed=1"],
)
def test_every_explorer_page_of_the_real_data_can_be_written(real, search):
    """Every component the explorer puts on its page has a rule (a new one fails here first)."""
    client = create_app(catalogue=real).server.test_client()
    view = first_view(page(client, search))
    assert '<div class="app">' in view and "Periods" in view


PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)


@pytest.mark.parametrize("headers", [{"User-Agent": PHONE}, {"Sec-CH-UA-Mobile": "?1"}])
def test_a_phone_gets_its_first_charts_drawn_for_a_phone(client, headers):
    """Built for a phone-wide chart (head.PHONE_CHART_PX) in the first view and in the layout alike,
    so the live page takes over the same picture; a laptop gets the default width."""
    phone = next(iter(figures(page(client, **headers)).values()))
    laptop = next(iter(figures(page(client)).values()))
    assert phone["layout"]["xaxis"]["nticks"] < laptop["layout"]["xaxis"]["nticks"]
    live = find(first_answer(client, "http://localhost/", **headers), ids.GANTT)["figure"]
    assert live["layout"]["xaxis"]["nticks"] == phone["layout"]["xaxis"]["nticks"]
    assert json.dumps(live["data"], sort_keys=True) == json.dumps(phone["data"], sort_keys=True)
    r = client.get("/", headers=headers)
    assert {"User-Agent", "Sec-CH-UA-Mobile"} <= {v.strip() for v in r.headers["Vary"].split(",")}


@pytest.mark.parametrize(
    "cookie, width",
    [
        ("712", 712),
        ("240", 240),
        ("4000", 4000),
        ("239", None),
        ("4001", None),
        ("abc", None),
        ("7 12", None),
        ("\u00b2", None),
        ("", None),
    ],
)
def test_the_width_this_browser_measured_lays_out_the_first_charts(client, cookie, width):
    """assets/first_view.js stores the charts' measured width (head.WIDTH_COOKIE) before Dash asks
    for the layout: the live charts are laid out for it, so the charts' callback, told the same
    width, sends nothing; the first view uses it too (on the next visit). Odd values are ignored."""
    from dashboard.web import head

    client.set_cookie(head.WIDTH_COOKIE, cookie)
    layout = first_answer(client, "http://localhost/")
    key = find(layout, ids.RENDERED)["data"]
    assert find(layout, ids.DRAWN_WIDTH)["data"] == width
    text = page(client)
    assert f'data-width-cookie="{head.WIDTH_COOKIE}"' in text
    drawn = next(iter(figures(text).values()))
    live = find(layout, ids.GANTT)["figure"]
    assert drawn["layout"]["xaxis"]["nticks"] == live["layout"]["xaxis"]["nticks"]
    assert json.dumps(drawn["data"], sort_keys=True) == json.dumps(live["data"], sort_keys=True)
    if width is None:
        return
    for measured, status in ((width, 204), (width + 30, 200)):
        got, _ = call(
            client,
            f"..{ids.GANTT}.figure...",
            [
                {"id": ids.FILTER_KEY, "property": "data", "value": key},
                {"id": ids.PLOT_WIDTH, "property": "data", "value": measured},
            ],
            [f"{ids.PLOT_WIDTH}.data"],
            state=[
                {"id": ids.URL, "property": "search", "value": ""},
                {"id": ids.RENDERED, "property": "data", "value": key},
                {"id": ids.DRAWN_WIDTH, "property": "data", "value": width},
            ],
        )
        assert got == status
