"""Social cards: the Open Graph and Twitter tags of every page that shows a view, read back by a real
parser (ogpy, from PyPI: strict, it refuses a page without og:title, og:type, og:url and og:image), and
the card image route (cache, bounded queue, fallback).

Drawing goes through kaleido and Debian's chromium, so the tests that draw carry the browser mark;
the fallback tests provoke the real conditions (a queue with no room, a browser that is not there).
"""

from __future__ import annotations

import struct
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from ogpy.parser import parse

from dashboard.formats import registry
from dashboard.web import cards
from dashboard.web.app import create_app


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", data[:16]
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def real_app(real):
    return create_app(catalogue=real)


def read_card(client, url: str):
    """The page at `url` as a link preview reads it: (its Open Graph metadata, its twitter: tags)."""
    r = client.get(url)
    assert r.status_code == 200
    soup = BeautifulSoup(r.get_data(as_text=True), "html.parser")
    og = parse(soup)  # ogpy's strict Metadata: raises when a required property is missing
    twitter = {m["name"]: m["content"] for m in soup.head.find_all("meta") if m.get("name", "").startswith("twitter:")}
    return og, twitter


VIEWS = [
    ("/?faction=resistance&event=dukat-prefecture", "Dukat as Prefect of Bajor", "Memory Beta and Memory Alpha"),
    ("/present?tour=overview&step=2", "Cardassia's creeping takeover", "Began 2309 or between 2318 and 2328"),
    ("/embed?view=dispute&event=dukat-prefecture", "what each source says", "Began 2346 or 2359"),
    ("/embed?view=timeline&era=late-occupation", "Bajor Timeline: moments", "era: Late occupation"),
    ("/", "Bajor Timeline", "99 of 99 events: everything"),
]


@pytest.mark.parametrize("url,title,said", VIEWS)
def test_every_page_that_shows_a_view_unfurls(real_app, url, title, said):
    og, twitter = read_card(real_app.server.test_client(), url)
    assert title in og.title and og.title == twitter["twitter:title"]
    assert said in og.description and og.description == twitter["twitter:description"], og.description
    assert og.url.startswith("http://localhost/")
    assert og.type == "website" and og.site_name == "Bajor Timeline"
    [card] = og.images
    image = urlsplit(card.url)
    assert image.path == "/" + registry.CARD.path and card.url == twitter["twitter:image"]
    assert parse_qs(image.query)["v"] == [cards.service(real_app).version]
    assert (card.width, card.height, card.type) == (1200, 630, "image/png")
    assert card.alt and card.alt == twitter["twitter:image:alt"]
    assert "chart" in card.alt.lower() or "timeline" in card.alt.lower()
    assert twitter["twitter:card"] == "summary_large_image"


def test_the_description_says_the_selected_events_verdict(real_app):
    og, _ = read_card(real_app.server.test_client(), "/?event=dukat-prefecture")
    assert "23 of 98" not in og.description and "Dukat as Prefect of Bajor: Began 2346 or 2359" in og.description
    assert "highlighted: Dukat as Prefect of Bajor" in og.images[0].alt


def test_og_url_is_the_canonical_view_and_user_text_is_escaped(real_app):
    client = real_app.server.test_client()
    og, _ = read_card(client, "/?zzz=1&faction=resistance&q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E")
    assert og.url == "http://localhost/?faction=resistance&q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E"
    assert "zzz" not in og.url
    page = client.get("/?q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E").get_data(as_text=True)
    head = page[: page.index("</head>")]
    assert "<script>x" not in head and "&lt;script&gt;x" in head  # the search words, escaped in the description


def test_an_unknown_event_still_gets_the_views_card(real_app):
    og, _ = read_card(real_app.server.test_client(), "/embed?view=dispute&event=no-such-event")
    assert og.title == "Bajor Timeline" and "view=gantt" in og.images[0].url


def test_a_missing_page_has_no_card(real_app):
    r = real_app.server.test_client().get("/no-such-page")
    assert 'property="og:' not in r.get_data(as_text=True)


# ---------------------------------------------------------------- the image route


def test_bad_card_queries_name_the_parameter(app):
    client = app.server.test_client()
    r = client.get("/card.png?view=nope")
    assert r.status_code == 400 and "unknown view 'nope'" in r.get_json()["error"]
    r = client.get("/card.png?event=no-such-event")
    assert r.status_code == 400 and "unknown event id" in r.get_json()["error"]


def test_a_full_queue_answers_the_static_fallback_at_once(mini):
    app = create_app(catalogue=mini)
    cards.service(app).queue_size = 0  # no room: every card not yet drawn is "busy"
    r = app.server.test_client().get("/card.png?view=timeline")
    assert r.status_code == 200 and r.mimetype == "image/png"
    assert r.headers["X-Card"] == "busy" and r.headers["Cache-Control"] == f"public, max-age={cards.FALLBACK_LIFE}"
    assert r.data == cards.FALLBACK.read_bytes() and png_size(r.data) == (1200, 630)
    assert cards.service(app).drawn == 0


def test_a_renderer_that_fails_answers_the_fallback(mini, monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/nonexistent/chromium")  # the renderer's own check fails: no browser there
    app = create_app(catalogue=mini)
    client = app.server.test_client()
    r = client.get("/card.png?view=gantt")
    assert r.status_code == 200 and r.headers["X-Card"] == "failed" and r.data == cards.FALLBACK.read_bytes()
    r = client.get("/card.png?view=gantt")  # not cached: the next request tries again
    assert r.headers["X-Card"] == "failed"


def test_the_fallback_is_a_card_with_the_credit():
    assert png_size(cards.FALLBACK.read_bytes()) == (registry.CARD.width, registry.CARD.height)


@pytest.mark.browser
def test_the_card_is_a_1200x630_png_cached_per_view_and_version(real_app):
    client = real_app.server.test_client()
    og, _ = read_card(client, "/?faction=resistance&event=dukat-prefecture")
    image = urlsplit(og.images[0].url)
    url = f"{image.path}?{image.query}"
    first = client.get(url)
    assert first.status_code == 200 and first.mimetype == "image/png"
    assert first.headers["X-Card"] in ("drawn", "hit") and png_size(first.data) == (1200, 630)
    assert first.headers["Cache-Control"] == f"public, max-age={cards.CACHE_LIFE}"
    second = client.get(url)
    assert second.headers["X-Card"] == "hit" and second.data == first.data
    # the same view written another way is the same card; another view is another card
    same = client.get("/card.png?event=dukat-prefecture&faction=resistance&view=gantt&zzz=1")
    assert same.headers["X-Card"] == "hit"
    other = client.get("/card.png?view=timeline&faction=resistance")
    assert other.headers["X-Card"] == "drawn" and other.data != first.data


@pytest.mark.browser
def test_a_card_that_takes_too_long_lands_in_the_cache_for_the_next_request(mini):
    app = create_app(catalogue=mini)
    service = cards.service(app)
    service.wait = 0.0  # no patience at all: the first answer is the fallback
    client = app.server.test_client()
    r = client.get("/card.png?view=dispute&event=annexation")
    assert r.headers["X-Card"] == "late" and r.data == cards.FALLBACK.read_bytes()
    deadline = time.monotonic() + 120
    while service.drawn == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    r = client.get("/card.png?view=dispute&event=annexation")
    assert r.headers["X-Card"] == "hit" and png_size(r.data) == (1200, 630)


@pytest.mark.parametrize(
    "url",
    [
        "/embed?view=nonsense",
        "/present?step=abc&tour=nope",
        "/present?step=999",
        "/?canon=&from=abc&to=2300",
        "/embed?view=dispute",
        "/?q=%F0%9F%9B%B8%E2%9C%93&era=nope",
        "/embed?theme=%22%3E&asof=1",
    ],
)
def test_any_query_still_gets_a_card(real_app, url):
    og, twitter = read_card(real_app.server.test_client(), url)  # ogpy raises if a required tag is missing
    assert og.images[0].url.startswith("http://localhost/card.png?view=") and twitter["twitter:card"]
    assert '"' not in og.url and "<" not in og.url
