"""A chart as one HTML file (dashboard/formats/standalone.py): escaped, cited, with plotly.js inside or linked.

tests/browser/test_standalone.py opens these files in headless Chromium."""

import json
import re
from html.parser import HTMLParser

import pytest

from dashboard.domain import credits
from dashboard.formats import charts, records, standalone

HOSTILE = "<img src=x onerror=alert(1)>"


def test_plotlyjs_modes():
    assert standalone.check_plotlyjs(None) == "inline"
    assert standalone.check_plotlyjs("inline-plain") == "inline-plain"
    assert standalone.check_plotlyjs("https://example.org/plotly.min.js") == "https://example.org/plotly.min.js"
    for bad in ("cdn", "javascript:alert(1)", "file:///etc/passwd", "//example.org/p.js"):
        with pytest.raises(charts.ChartError, match="inline"):
            standalone.check_plotlyjs(bad)


class Parsed(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.tags, self.scripts, self.text, self._script = [], [], [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append([dict(attrs), ""])

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self.scripts[-1][1] += data
        else:
            self.text.append(data)


def test_standalone_escapes_data_and_lists_citations(broken):
    data = broken("claims.csv", "Appointed in 2359.", "</script><script>alert(2)</script>")
    from dashboard.domain.catalogue import Catalogue

    cat = Catalogue.load(data)
    chart = charts.build(cat, "view=timeline")
    page = standalone.standalone_html(chart, cat.tables, plotlyjs_src="https://example.org/plotly.min.js")
    parsed = Parsed(page)
    tags = [t for t, _ in parsed.tags]
    assert "img" not in tags  # the hostile title is text
    assert [a.get("src") for a, _ in parsed.scripts] == ["https://example.org/plotly.min.js", None, None]
    assert parsed.scripts[1][0]["type"] == "application/json"
    assert "alert(2)" not in parsed.scripts[2][1]  # the only inline program is ours
    text = "".join(parsed.text)
    assert HOSTILE in text and "</script><script>alert(2)</script>" in text  # shown, as text
    spec = json.loads(parsed.scripts[1][1])
    assert [v["min"] for v in spec["variants"]] == [standalone.HTML_WIDTH, 0]  # a wide layout and a phone layout
    for variant in spec["variants"]:
        labels = next(t for t in variant["figure"]["data"] if t.get("meta") == "label")
        assert {spec["strings"][i] for i in labels["customdata"]["$s"]} == set(chart.drawn["id"])
        texts = {spec["strings"][i] for i in labels["text"]["$s"]}
        assert any(t.startswith("&lt;img src=x") for t in texts) and HOSTILE not in texts  # escaped for Plotly
    assert HOSTILE not in spec["strings"]
    for rec in records.events_records(chart.drawn, cat.tables):
        assert rec["title"] in text
        for c in rec["citations"]:
            assert c["source"] in text and c["page"] in text
    for page_credit in credits.attribution(cat.tables):
        assert page_credit["licence"] in text
    links = [a.get("href") or a.get("src") for _, a in parsed.tags if a.get("href") or a.get("src")]
    assert all(re.match(r"https://(example\.org|[a-z-]+\.fandom\.com|creativecommons\.org)/", u) for u in links), links


def test_script_json_cannot_close_the_script():
    text = standalone.script_json({"t": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}


def test_inline_modes_carry_plotlyjs(mini):
    chart = charts.build(mini, "view=gantt")
    packed = standalone.standalone_html(chart, mini.tables)
    plain = standalone.standalone_html(chart, mini.tables, plotlyjs_src="inline-plain")
    url = standalone.standalone_html(chart, mini.tables, plotlyjs_src="https://example.org/plotly.min.js")
    assert 'id="plotlyjs-gzip"' in packed and "* plotly.js" not in packed
    assert "* plotly.js" in plain  # the banner of the build dashboard/plotlyjs.py names
    assert len(url) < 60_000 < len(packed) < 0.5 * len(plain)


def test_html_size_options(mini):
    chart = charts.build(mini, "view=gantt")
    page = standalone.standalone_html(
        chart, mini.tables, plotlyjs_src="https://example.org/p.js", width=800, height=500
    )
    assert "max-width:832px" in page
    spec = json.loads(Parsed(page).scripts[1][1])
    assert spec["variants"][0]["min"] == 800
    for variant in spec["variants"]:
        layout = variant["figure"]["layout"]
        assert layout["height"] == 500 and layout["autosize"] is True and "width" not in layout
