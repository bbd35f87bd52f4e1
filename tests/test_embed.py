"""/embed and the Share dialog through the real app (Flask's test client): the page's HTML and its
discovery link, the embed's layout and callbacks, and the links the dialog offers."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard.domain.filters import parse_query
from dashboard.formats import registry
from dashboard.web import share
from dashboard.web.app import create_app
from dashboard.web.components import ids
from dashboard.web.pages.embed import layout as embed_layout
from dashboard.web.pages.embed import view as embed
from testsupport import ROOT
from testsupport.dash_client import call, page_layout

HOSTILE = "<img src=x onerror=alert(1)>"


def discovery(page: str) -> list[str]:
    """The oEmbed endpoints a page advertises in its <head>."""
    head = page.split("</head>", 1)[0]
    links = re.findall(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', head)
    return [html.unescape(h) for h in links]


def target(endpoint: str) -> str:
    return parse_qs(urlsplit(endpoint).query)["url"][0]


# ---------------------------------------------------------------------------------------------
# The HTML page


def test_embed_page_is_served_with_a_discovery_link_to_itself(client):
    r = client.get("/embed?view=timeline&canon=canon", base_url="https://blog-host.example")
    assert r.status_code == 200 and r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    [endpoint] = discovery(page)
    assert endpoint.startswith("https://blog-host.example/oembed?")
    assert target(endpoint) == "https://blog-host.example/embed?view=timeline&canon=canon"
    assert parse_qs(urlsplit(endpoint).query)["format"] == ["json"]
    assert '<html lang="en" class="embed-page" data-bs-theme="light">' in page


def test_explorer_carries_the_discovery_link_and_the_endpoint_answers_it(client):
    page = client.get("/?era=late-occupation&event=dukat-prefect").get_data(as_text=True)
    [endpoint] = discovery(page)
    assert target(endpoint) == "http://localhost/?era=late-occupation&event=dukat-prefect"
    answer = client.get(endpoint.removeprefix("http://localhost")).get_json()
    assert answer["type"] == "rich" and "/embed?view=gantt" in answer["html"]


def test_only_pages_that_show_a_view_advertise_oembed(client):
    assert discovery(client.get("/no-such-page").get_data(as_text=True)) == []


def test_dark_embed_is_dark_before_it_draws(client):
    page = client.get("/embed?view=gantt&theme=dark").get_data(as_text=True)
    assert '<html lang="en" class="embed-page" data-bs-theme="dark">' in page
    page = client.get('/embed?view=gantt&theme="><script>alert(1)</script>').get_data(as_text=True)
    assert "<script>alert(1)" not in page and '<html lang="en" class="embed-page" data-bs-theme="light">' in page
    assert '<html lang="en">' in client.get("/?theme=dark").get_data(as_text=True)


def test_discovery_link_escapes_the_query(client):
    page = client.get('/embed?view=gantt&q="><script>alert(1)</script>').get_data(as_text=True)
    head = page.split("</head>", 1)[0]
    assert "<script>alert(1)" not in head and '"><script' not in head
    [endpoint] = discovery(page)
    assert parse_qs(urlsplit(target(endpoint)).query)["q"] == ['"><script>alert(1)</script>']


@pytest.mark.parametrize(
    "env, path",
    [
        ({"DASH_URL_BASE_PATHNAME": "/bajor/"}, "/bajor/embed"),  # the app serves under /bajor/
        (
            {"DASH_REQUESTS_PATHNAME_PREFIX": "/bajor/", "DASH_ROUTES_PATHNAME_PREFIX": "/"},
            "/embed",
        ),  # a proxy strips it
    ],
)
def test_discovery_link_honours_the_path_prefix_and_the_proxys_host(mini, monkeypatch, env, path):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    app = create_app(catalogue=mini)
    app.server.wsgi_app = ProxyFix(app.server.wsgi_app, x_proto=1, x_host=1)
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "timeline.example.org"}
    page = app.server.test_client().get(path + "?view=gantt", headers=headers).get_data(as_text=True)
    [endpoint] = discovery(page)
    assert endpoint.startswith("https://timeline.example.org/bajor/oembed?")
    assert target(endpoint) == "https://timeline.example.org/bajor/embed?view=gantt"


# ---------------------------------------------------------------------------------------------
# The embed's layout and callbacks


def test_embed_layout_is_the_chart_alone_with_caption_credit_and_a_way_back(client):
    layout = page_layout(client, "/embed", "?view=gantt&era=late-occupation&theme=dark")
    for absent in (ids.FILTERS, ids.CANON, ids.GRID, ids.DETAILS, ids.SHARE_OPEN, ids.URL + '"'):
        assert f'"id": "{absent}' not in layout, absent
    assert f'"id": "{ids.EMBED_CHART}"' in layout and f'"id": "{ids.EMBED_URL}"' in layout
    assert "Bajor Timeline: periods" in layout and "era: Late occupation" in layout
    for credit in ("Memory Alpha", "Memory Beta", "Memory Delta", "CC BY-NC 3.0", "CC BY-SA 3.0"):
        assert credit in layout
    assert '"href": "./?era=late-occupation"' in layout
    assert '"data-bs-theme": "dark"' in layout


def test_embed_drops_bad_values_with_a_notice_and_explains_a_dispute_without_event(mini):
    e = embed.embed_view(mini, "view=pie&theme=neon&event=nope&canon=canon")
    assert e.chart.kind == "gantt" and e.theme == "light" and e.problem is None
    assert any("view=pie" in n for n in e.notices) and any("theme=neon" in n for n in e.notices)
    assert any("nope" in n for n in e.notices)
    assert e.explorer_query == "canon=canon"
    bare = embed.embed_view(mini, "view=dispute")
    assert bare.chart is None and "event=" in bare.problem and "--event" not in bare.problem
    unknown = embed.embed_view(mini, "view=dispute&event=dukat")
    assert unknown.chart is None and "dukat-prefect" in unknown.problem  # the closest id is suggested


def draw(client, search, width=700, selected=None, scheme=None, step=None, host_pick=None):
    return call(
        client,
        f"{ids.EMBED_CHART}.figure",
        [
            {"id": ids.PLOT_WIDTH, "property": "data", "value": width},
            {"id": ids.EMBED_SCHEME, "property": "data", "value": scheme},
            {"id": ids.EMBED_STEP, "property": "data", "value": step},
        ],
        [f"{ids.PLOT_WIDTH}.data"],
        state=[
            {"id": ids.EMBED_URL, "property": "search", "value": search},
            {"id": ids.EMBED_SELECTED, "property": "data", "value": selected},
            {"id": ids.EMBED_HOST_PICK, "property": "data", "value": host_pick},
        ],
    )


def test_embed_draws_for_the_measured_width_and_its_theme(client):
    status, body = draw(client, "?view=timeline", width=320)
    assert status == 200
    fig = body["response"][ids.EMBED_CHART]["figure"]
    assert fig["layout"]["meta"]["role"] == "timeline"
    labels = next(t for t in fig["data"] if t.get("meta") == "label")
    assert HOSTILE not in json.dumps(fig) and "&lt;img src=x" in json.dumps(labels)  # cut to fit 320 px
    status, body = draw(client, "?view=gantt&theme=dark", width=900, selected="annexation")
    fig = body["response"][ids.EMBED_CHART]["figure"]
    assert fig["layout"]["paper_bgcolor"] == "#16191c" and fig["layout"]["meta"]["theme"] == "dark"
    assert fig["layout"]["meta"]["selected"] == "annexation"
    status, body = draw(client, "?view=dispute&event=dukat-prefect")
    assert body["response"][ids.EMBED_CHART]["figure"]["layout"]["meta"]["role"] == "uncertainty"


def test_a_click_fills_the_card_with_the_events_dates_and_citations(client):
    status, body = call(
        client,
        f"..{ids.EMBED_CARD_BODY}.children...",
        [{"id": ids.EMBED_SELECTED, "property": "data", "value": "xss"}],
        [f"{ids.EMBED_SELECTED}.data"],
        state=[{"id": ids.EMBED_URL, "property": "search", "value": "?view=timeline"}],
    )
    assert status == 200
    out = body["response"]
    assert out[ids.EMBED_CARD]["className"] == "embed-card open"
    text = json.dumps(out[ids.EMBED_CARD_BODY]["children"])
    assert json.dumps(HOSTILE)[1:-1] in text  # a plain string child: React shows it as text
    assert "citation-list" in text and "Read more in the explorer" in text and "event=xss" in text
    status, body = call(
        client,
        f"..{ids.EMBED_CARD_BODY}.children...",
        [{"id": ids.EMBED_SELECTED, "property": "data", "value": None}],
        [f"{ids.EMBED_SELECTED}.data"],
        state=[{"id": ids.EMBED_URL, "property": "search", "value": "?view=timeline"}],
    )
    assert body["response"][ids.EMBED_CARD]["className"] == "embed-card"


# ---------------------------------------------------------------------------------------------
# The Share dialog


def test_share_links_follow_the_view(mini):
    state, _ = parse_query("canon=canon&era=late-occupation&event=dukat-prefect", mini.vocab)
    ln = share.links("https://example.org/bajor/", state, "gantt", "dark", 'A "title" <b>')
    assert ln.page == "https://example.org/bajor/?canon=canon&era=late-occupation&event=dukat-prefect"
    assert (
        ln.embed
        == "https://example.org/bajor/embed?view=gantt&canon=canon&era=late-occupation&event=dukat-prefect&theme=dark"
    )
    assert ln.csv == "https://example.org/bajor/events.csv?canon=canon&era=late-occupation"
    assert (
        ln.html
        == "https://example.org/bajor/download/chart.html?view=gantt&canon=canon&era=late-occupation&event=dukat-prefect"
    )
    assert ln.png.startswith("https://example.org/bajor/download/chart.png?view=gantt&")
    assert ln.svg.startswith("https://example.org/bajor/download/chart.svg?view=gantt&")
    assert 'title="A &quot;title&quot; &lt;b&gt;"' in ln.snippet and 'loading="lazy"' in ln.snippet
    assert 'src="https://example.org/bajor/embed?view=gantt&amp;canon=canon' in ln.snippet
    assert share.MESSAGE_TYPE in ln.snippet and "e.source" in ln.snippet
    dispute = share.links("https://example.org/", state, "dispute")
    assert dispute.embed == "https://example.org/embed?view=dispute&canon=canon&event=dukat-prefect"
    no_event = share.links("https://example.org/", state.with_event(None), "dispute")
    assert "view=gantt" in no_event.embed  # the dispute chart needs an event


def test_share_dialog_is_in_the_explorer_and_filled_when_opened(client):
    layout = page_layout(client)
    for cid in (ids.SHARE_OPEN, ids.SHARE, ids.SHARE_LINK, ids.SHARE_SNIPPET, ids.SHARE_STATUS):
        assert f'"id": "{cid}"' in layout
    assert '"data-copy": "share-link"' in layout and '"aria-live": "polite"' in layout
    status, body = call(
        client,
        f"..{ids.SHARE_LINK}.value...",
        [
            {"id": ids.SHARE, "property": "is_open", "value": True},
            {"id": ids.SHARE_VIEW, "property": "value", "value": "dispute"},
            {"id": ids.SHARE_THEME, "property": "value", "value": "light"},
            {"id": ids.SHARE_ALT, "property": "value", "value": None},
        ],
        [f"{ids.SHARE}.is_open"],
        state=[{"id": ids.URL, "property": "search", "value": "?canon=canon"}],
    )
    assert status == 200
    out = body["response"]
    assert out[ids.SHARE_LINK]["value"] == "http://localhost/?canon=canon"
    assert "view=gantt" in out[ids.SHARE_PREVIEW]["href"]  # no event selected: no dispute chart
    assert next(o for o in out[ids.SHARE_VIEW]["options"] if o["value"] == "dispute")["disabled"] is True
    assert out[ids.SHARE_CSV]["href"] == "http://localhost/events.csv?canon=canon"
    assert "select one first" in out[ids.SHARE_VIEW_HELP]["children"]


def test_share_links_are_followable(client):
    """The links the dialog gives answer: the explorer, the embed, the data and the standalone file."""
    status, body = call(
        client,
        f"..{ids.SHARE_LINK}.value...",
        [
            {"id": ids.SHARE, "property": "is_open", "value": True},
            {"id": ids.SHARE_VIEW, "property": "value", "value": "timeline"},
            {"id": ids.SHARE_THEME, "property": "value", "value": "light"},
            {"id": ids.SHARE_ALT, "property": "value", "value": None},
        ],
        [f"{ids.SHARE}.is_open"],
        state=[{"id": ids.URL, "property": "search", "value": "?era=late-occupation"}],
    )
    out = body["response"]
    for key, prop, mimetype in (
        (ids.SHARE_LINK, "value", "text/html"),
        (ids.SHARE_PREVIEW, "href", "text/html"),
        (ids.SHARE_CSV, "href", "text/csv"),
        (ids.SHARE_HTML, "href", "text/html"),
    ):
        url = out[key][prop]
        r = client.get(url.removeprefix("http://localhost"))
        assert r.status_code == 200 and r.mimetype == mimetype, url


def test_share_dialog_offers_the_registrys_formats_with_their_labels(client):
    """The download buttons' words come from dashboard.formats.registry, in the dialog's order, and the
    links and the Content-Type of what they answer agree with it."""
    layout = json.loads(page_layout(client))
    buttons = {}

    def walk(node):
        if isinstance(node, dict):
            props = node.get("props", {})
            if props.get("id") in (ids.SHARE_HTML, ids.SHARE_PNG, ids.SHARE_SVG, ids.SHARE_CSV):
                buttons[props["id"]] = props.get("children")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(layout)
    assert list(buttons.values()) == ["Standalone HTML (works offline)", "PNG image", "SVG image", "Data (CSV)"]
    assert [registry.CHARTS[n].label for n in ("html", "png", "svg")] == list(buttons.values())[:3]
    r = client.get("/download/chart.html?view=timeline")
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"


def test_the_explorers_share_dialog_does_not_import_the_chart_code():
    """Its layout reads share_options and the registry, not web/share.py (which builds charts)."""
    code = (
        "import sys\n"
        "import dashboard.web.components.share\n"
        "print(sorted(m for m in sys.modules if m in ('dashboard.formats.charts', 'dashboard.web.share', "
        "'dashboard.web.oembed', 'dashboard.formats.standalone', 'kaleido')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stderr


@pytest.mark.parametrize(
    "search",
    [
        "q=\ud800&view=timeline",
        "view=dispute&event=\x00",
        "from=1e309&theme=&view=",
        "view=gantt&view=dispute&event=xss&canon=nope",
    ],
)
def test_odd_queries_give_an_embed_never_an_error(mini, search):
    e = embed.embed_view(mini, search)
    embed_layout.layout(mini, search)
    assert (e.chart is None) == (e.problem is not None)
    if e.chart:
        embed.figure(e, 320, "xss")
    ln, _ = share.for_view(mini, "http://h/", search, "dispute", "dark")
    assert ln.embed.startswith("http://h/embed?view=")


def test_a_query_that_is_not_utf8_still_gets_the_page(client):
    r = client.get("/embed?view=gantt&theme=dark&q=%ff%fe", query_string=None)
    assert r.status_code == 200
    # bytes that are not UTF-8 (WSGI carries them as Latin-1 characters)
    raw = client.get("/embed", environ_overrides={"QUERY_STRING": "theme=dark&q=\xff\xfe"})
    assert raw.status_code == 200 and 'data-bs-theme="dark"' in raw.get_data(as_text=True)
