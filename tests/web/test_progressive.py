"""The picture-first snippet and the oEmbed thumbnail, as text (the browser side is
tests/browser/test_progressive.py): what the snippet holds, escaped; the script the app serves for it."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from dashboard.domain.filters import parse_query
from dashboard.formats import registry
from dashboard.web import cards, share
from dashboard.web.app import ASSETS


class Tags(HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_the_snippet_is_a_link_around_the_views_card_and_our_script(real):
    ln, _ = share.for_view(real, "https://example.org/bajor/", "?faction=resistance", "timeline", "dark", "abc123")
    (a_tag, a), (img_tag, img), (script_tag, script) = Tags(ln.progressive).found
    assert (a_tag, img_tag, script_tag) == ("a", "img", "script")
    assert a["href"] == ln.page == "https://example.org/bajor/?faction=resistance"
    assert a[share.PROGRESSIVE_MARK] == ln.embed and "theme=dark" in ln.embed
    assert a["data-height"] == "520"  # the timeline embed's first height (share_options.SIZES)
    src = urlsplit(img["src"])
    assert src.path == "/bajor/" + registry.CARD.path
    assert parse_qs(src.query) == {"view": ["timeline"], "faction": ["resistance"], "v": ["abc123"]}
    assert (img["width"], img["height"]) == ("1200", "630") and "aspect-ratio:1200/630" in img["style"]
    assert img["alt"].startswith("A timeline, Bajor Timeline: moments: ") and "Bajoran Resistance" in img["alt"]
    assert img["alt"].endswith("Opens the interactive chart.")
    assert script["src"] == "https://example.org/bajor/" + share.PROGRESSIVE_SCRIPT and "async" in script


def test_the_snippet_escapes_what_it_quotes(mini):
    state, _ = parse_query("q=%22%3E%3Cb%3E", mini.vocab)
    ln, _ = share.for_view(mini, "https://example.org/", "?q=%22%3E%3Cb%3E", "gantt", "light", "v1")
    assert state.q == '"><b>'
    assert "<b>" not in ln.progressive and "&quot;&gt;&lt;b&gt;" in ln.progressive
    assert [t for t, _ in Tags(ln.progressive).found] == ["a", "img", "script"]


def test_oembed_answers_carry_the_card_as_thumbnail(app):
    client = app.server.test_client()
    answer = client.get("/oembed", query_string={"url": "http://localhost/?event=annexation"}).get_json()
    thumb = urlsplit(answer["thumbnail_url"])
    assert thumb.path == "/" + registry.CARD.path
    assert parse_qs(thumb.query)["v"] == [cards.service(app).version]
    assert parse_qs(thumb.query)["event"] == ["annexation"]
    assert (answer["thumbnail_width"], answer["thumbnail_height"]) == (1200, 630)


def test_the_app_serves_the_script_for_host_pages_and_keeps_it_off_its_own(app):
    client = app.server.test_client()
    r = client.get("/" + share.PROGRESSIVE_SCRIPT)
    assert r.status_code == 200 and "javascript" in r.mimetype
    assert r.get_data() == (ASSETS / "progressive.js").read_bytes()
    for page in ("/", "/embed", "/present"):
        assert "progressive.js" not in client.get(page).get_data(as_text=True)
