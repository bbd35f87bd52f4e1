"""oEmbed 1.0 through the real app's Flask test client: answers, status codes, sizes, prefix, proxy, escaping."""

import json
from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard.web import oembed
from dashboard.web.app import create_app
from dashboard.web.oembed import Site


@pytest.fixture(scope="module")
def client(mini):
    return create_app(catalogue=mini).server.test_client()


def ask(client, url=None, **params):
    query = {"url": url, **params} if url is not None else params
    r = client.get("/oembed", query_string=query)
    return r.status_code, json.loads(r.get_data(as_text=True))


class Iframe(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.found = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def iframe_of(answer) -> dict:
    tags = Iframe(answer["html"]).found
    assert [t for t, _ in tags] == ["iframe"], tags
    return tags[0][1]


def test_a_view_link_gets_a_rich_answer_with_an_embed_iframe(client):
    status, answer = ask(
        client, "http://localhost/?canon=canon&faction=resistance&event=annexation&unknown=1", format="json"
    )
    assert status == 200
    assert {k: answer[k] for k in ("version", "type", "provider_name", "provider_url", "width", "height")} == {
        "version": "1.0",
        "type": "rich",
        "provider_name": "Bajor Timeline",
        "provider_url": "http://localhost/",
        "width": 720,
        "height": 640,
    }
    assert answer["title"].startswith("Bajor Timeline: periods (")
    frame = iframe_of(answer)
    src = urlsplit(frame["src"])
    assert (src.scheme, src.netloc, src.path) == ("http", "localhost", "/embed")
    assert parse_qs(src.query) == {
        "view": ["gantt"],
        "canon": ["canon"],
        "faction": ["resistance"],
        "event": ["annexation"],
    }
    assert frame["loading"] == "lazy" and frame["title"] == answer["title"]
    assert (frame["width"], frame["height"]) == ("720", "640")


@pytest.mark.parametrize("path", ["/present", "/embed", "/embed/", ""])
def test_every_view_page_can_be_embedded(client, path):
    status, answer = ask(client, f"http://localhost{path}?view=timeline&theme=dark&asof=1993&step=3")
    assert status == 200, answer
    query = parse_qs(urlsplit(iframe_of(answer)["src"]).query)
    assert query == {"view": ["timeline"], "asof": ["1993"], "theme": ["dark"]}


def test_an_embed_link_keeps_its_alt_text_and_checked_origins(client):
    link = (
        "http://localhost/embed?view=gantt&theme=auto&alt="
        + quote("Our chart of\nthe Resistance, in words")
        + "&origin="
        + quote("https://blog.example, javascript:alert(1), null")
    )
    status, answer = ask(client, link)
    assert status == 200, answer
    query = parse_qs(urlsplit(iframe_of(answer)["src"]).query)
    assert query["theme"] == ["auto"] and query["alt"] == ["Our chart of the Resistance, in words"]
    assert query["origin"] == ["https://blog.example,null"]  # the bad origin dropped, never passed on


def test_format_defaults_to_json_and_xml_is_not_implemented(client):
    assert ask(client, "http://localhost/")[0] == 200
    status, answer = ask(client, "http://localhost/", format="xml")
    assert status == 501 and "json" in answer["error"]


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/?view=gantt",
        "https://localhost.evil.org/",
        "javascript:alert(1)",
        "ftp://localhost/",
        "http://localhost/events.json",
        "http://localhost/download/chart.html",
        "http://localhost/nowhere",
        "http://localhost/?view=dispute",
        "http://localhost/?event=no-such-event",
        "http://[::1/",
    ],
)
def test_links_that_are_not_views_of_this_site_get_404(client, url):
    status, answer = ask(client, url)
    assert status == 404 and answer["error"]


def test_missing_url_and_bad_sizes_get_400(client):
    assert ask(client)[0] == 400
    assert ask(client, "")[0] == 400
    for bad in ("0", "-5", "wide", "1.5"):
        status, answer = ask(client, "http://localhost/", maxwidth=bad)
        assert status == 400 and "maxwidth" in answer["error"]


def test_maxwidth_and_maxheight_are_honoured(client):
    _, answer = ask(client, "http://localhost/embed?view=dispute&event=annexation", maxwidth="400", maxheight="300")
    assert (answer["width"], answer["height"]) == (400, 300)
    frame = iframe_of(answer)
    assert (frame["width"], frame["height"]) == ("400", "300")
    _, roomy = ask(client, "http://localhost/embed?view=dispute&event=annexation", maxwidth="5000", maxheight="5000")
    assert (roomy["width"], roomy["height"]) == oembed.SIZES["dispute"]


def test_hostile_title_is_escaped_in_the_html_and_the_json_has_no_markup(client):
    r = client.get("/oembed", query_string={"url": "http://localhost/?view=dispute&event=xss"})
    raw = r.get_data(as_text=True)
    assert r.mimetype == "application/json" and "<" not in raw and ">" not in raw
    answer = json.loads(raw)
    assert answer["title"] == "<img src=x onerror=alert(1)>: what each source says"  # plain text, as the spec says
    assert "&lt;img src=x onerror=alert(1)&gt;" in answer["html"]
    tags = Iframe(answer["html"]).found
    assert [t for t, _ in tags] == ["iframe"]  # the title stays inside its attribute
    assert tags[0][1]["title"] == answer["title"]


def test_the_prefix_and_forwarded_scheme_and_host_are_honoured(mini, monkeypatch):
    monkeypatch.setenv("DASH_URL_BASE_PATHNAME", "/bajor/")
    app = create_app(catalogue=mini)
    app.server.wsgi_app = ProxyFix(app.server.wsgi_app, x_proto=1, x_host=1)
    client = app.server.test_client()
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "timeline.example.org"}
    r = client.get(
        "/bajor/oembed",
        headers=headers,
        query_string={"url": "https://timeline.example.org/bajor/?view=timeline", "format": "json"},
    )
    assert r.status_code == 200, r.get_data(as_text=True)
    answer = r.get_json()
    assert answer["provider_url"] == "https://timeline.example.org/bajor/"
    assert iframe_of(answer)["src"] == "https://timeline.example.org/bajor/embed?view=timeline"
    outside = client.get(
        "/bajor/oembed", headers=headers, query_string={"url": "https://timeline.example.org/?view=timeline"}
    )
    assert outside.status_code == 404
    assert (
        client.get("/oembed", headers=headers, query_string={"url": "https://timeline.example.org/bajor/"}).status_code
        != 200
    )


def test_discovery_link_points_at_the_endpoint():
    site = Site("https", "timeline.example.org", "/bajor/")
    link = oembed.discovery_link('https://timeline.example.org/bajor/?q="><script>', site)
    tags = Iframe(link).found
    assert [t for t, _ in tags] == ["link"]
    attrs = tags[0][1]
    assert attrs["rel"] == "alternate" and attrs["type"] == "application/json+oembed"
    href = urlsplit(attrs["href"])
    assert (href.scheme, href.netloc, href.path) == ("https", "timeline.example.org", "/bajor/oembed")
    assert parse_qs(href.query) == {"url": ['https://timeline.example.org/bajor/?q="><script>'], "format": ["json"]}


def test_same_site_ignores_default_ports_and_case():
    site = Site("https", "Timeline.Example.org", "/")
    assert oembed.same_site("http", "timeline.example.org", site)
    assert not oembed.same_site("https", "timeline.example.org:8443", site)
