"""The chart core (dashboard/charts.py): the app's figures, decorated for a slide or a standalone file."""

import json
import re
from html.parser import HTMLParser

import plotly.io as pio
import pytest

from dashboard import figures
from dashboard.domain import credits, view
from dashboard.formats import charts, records

HOSTILE = "<img src=x onerror=alert(1)>"


# ---------------------------------------------------------------- parameters and errors


def test_views_use_the_app_figures(mini):
    v = view.build_view(mini, "canon=canon")
    g = charts.build(mini, "view=gantt&canon=canon")
    app = figures.gantt(v.shown, mini.vocab, x_range=v.x_range, plot_px=700)
    # the same figure as the page draws, at the same width
    assert pio.to_json(g.figure(700), validate=False) == pio.to_json(app, validate=False)
    t = charts.build(mini, "canon=canon", view="timeline")
    assert t.figure(700)["layout"]["meta"]["role"] == "timeline" and len(t.drawn) == 3
    d = charts.build(mini, "view=dispute&event=dukat-prefect")
    assert d.figure(340)["layout"]["meta"] == {"role": "uncertainty", "event": "dukat-prefect", "claims": 2}
    assert list(d.drawn["id"]) == ["dukat-prefect"] and len(d.citations) == 2


def test_a_selected_event_is_highlighted_as_on_the_page(mini):
    fig = charts.build(mini, "view=timeline&event=resistance-formed").figure(700)
    assert fig["layout"]["meta"]["selected"] == "resistance-formed"


def test_default_view_is_gantt_and_argument_beats_query(mini):
    assert charts.build(mini, "").view == "gantt"
    assert charts.build(mini, "view=gantt", view="timeline").view == "timeline"
    assert charts.build(mini, "event=annexation", event="xss").state.event == "xss"


def test_dispute_without_event_says_what_to_do(mini):
    with pytest.raises(charts.ChartError, match=r"name the event with event=ID .*--event ID"):
        charts.build(mini, "view=dispute")


def test_unknown_event_suggests_close_ids(mini):
    with pytest.raises(charts.ChartError, match=r"unknown event id 'dukat-prefekt'.*Did you mean dukat-prefect"):
        charts.build(mini, "view=gantt&event=dukat-prefekt")


def test_dispute_of_an_event_no_trusted_tier_mentions(mini):
    with pytest.raises(charts.ChartError, match="trust more tiers"):
        charts.build(mini, "view=dispute&event=micro-explosives&canon=canon")


def test_unknown_view_lists_the_views(mini):
    with pytest.raises(charts.ChartError, match="use one of gantt, timeline, dispute"):
        charts.build(mini, "view=pie")


def test_filter_notices_come_back_and_size_keys_are_not_filters(mini):
    chart = charts.build(mini, "era=bronze-age&width=800&height=600&scale=2")
    assert chart.notices == ("Ignored unknown era value(s) 'bronze-age'.",)


@pytest.mark.parametrize(
    "w,h,s,match",
    [
        (10, 1080, 1, "bad width 10"),
        ("abc", 1080, 1, "bad width 'abc'"),
        (1920, 1080.5, 1, "bad height"),
        (1920, 99999, 1, "bad height"),
        (1920, 1080, 0, "bad scale"),
        (1920, 1080, "x", "bad scale"),
        (1920, 1080, 9, "bad scale"),
        (7680, 7680, 4, "lower the scale"),
    ],
)
def test_bad_sizes_say_the_allowed_range(w, h, s, match):
    with pytest.raises(charts.ChartError, match=match):
        charts.check_size(w, h, s)


def test_good_sizes():
    assert charts.check_size("1920", "1080", "2") == (1920, 1080, 2.0)


def test_slug_is_ascii_from_validated_ids(mini):
    assert charts.build(mini, "view=dispute&event=xss").slug == "bajor-timeline-dispute-xss"
    assert charts.build(mini, "").slug == "bajor-timeline-gantt"


def test_plotlyjs_modes():
    assert charts.check_plotlyjs(None) == "inline"
    assert charts.check_plotlyjs("inline-plain") == "inline-plain"
    assert charts.check_plotlyjs("https://example.org/plotly.min.js") == "https://example.org/plotly.min.js"
    for bad in ("cdn", "javascript:alert(1)", "file:///etc/passwd", "//example.org/p.js"):
        with pytest.raises(charts.ChartError, match="inline"):
            charts.check_plotlyjs(bad)


# ---------------------------------------------------------------- captions and slides


def test_caption_names_the_filters_in_words(mini):
    chart = charts.build(mini, "canon=licensed&faction=resistance&view=timeline")
    assert chart.caption == "1 of 7 events: licensed tie-in sources, faction: Bajoran Resistance; 1 moment drawn"
    assert charts.build(mini, "view=timeline").caption == "7 of 7 events: everything; 5 moments drawn"
    dispute = charts.build(mini, "view=dispute&event=annexation&canon=canon")
    assert dispute.caption == "from 2328 to 2369, as each source dates it (canon only)"


def test_slide_has_title_caption_key_credit_and_size(mini):
    chart = charts.build(mini, "view=gantt&canon=canon,licensed")
    slide = charts.slide_figure(chart, mini.tables, 1920, 1080)
    fig = slide.figure
    assert (fig.layout.width * slide.zoom, fig.layout.height * slide.zoom) == pytest.approx((1920, 1080))
    assert "Bajor Timeline: periods" in fig.layout.title.text
    assert (
        fig.layout.title.subtitle.text == "5 of 7 events: on-screen canon and licensed tie-in sources; 1 period drawn"
    )
    notes = " ".join(a.text or "" for a in fig.layout.annotations).replace("<br>", " ")
    for page in credits.attribution(mini.tables):
        assert page["wiki"] in notes and page["licence"] in notes
    assert "dark tick: best estimate" in notes and "Cardassian Union" in notes
    # Readable from the back of a room: the figures' 12 px labels show at 22 px, the title at 40.
    assert slide.text_px == pytest.approx(22)
    assert fig.layout.title.font.size * slide.zoom == pytest.approx(40)


def test_slide_size_follows_the_width(mini):
    chart = charts.build(mini, "view=timeline")
    big = charts.slide_figure(chart, mini.tables, 1920, 1080)
    small = charts.slide_figure(chart, mini.tables, 960, 540)
    assert small.zoom * 2 == pytest.approx(big.zoom)
    assert (small.figure.layout.width, small.figure.layout.height) == pytest.approx(
        (big.figure.layout.width, big.figure.layout.height)
    )


def test_slide_escapes_data_text(mini):
    fig = charts.slide_figure(charts.build(mini, "view=dispute&event=xss"), mini.tables).figure
    assert "&lt;img src=x onerror=alert(1)&gt;" in fig.layout.title.text
    assert "<img" not in json.dumps(fig.to_plotly_json(), default=str)
    timeline = charts.slide_figure(charts.build(mini, "view=timeline"), mini.tables).figure
    assert "<img" not in json.dumps(timeline.to_plotly_json(), default=str)
    assert "&lt;img src=x onerror=alert(1)&gt;" in json.dumps(timeline.to_plotly_json(), default=str)


def test_a_chart_with_many_rows_zooms_out_to_fit(real):
    few = charts.slide_figure(charts.build(real, "view=gantt&faction=resistance&canon=canon"), real.tables)
    many = charts.slide_figure(charts.build(real, "view=gantt"), real.tables)
    assert few.text_px == pytest.approx(charts.SLIDE_TEXT_PX)
    assert charts.MIN_TEXT_PX <= many.text_px < few.text_px
    for slide in (few, many):
        fig = slide.figure
        plot_h = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
        rows = fig.layout.yaxis.range[0] - fig.layout.yaxis.range[1]
        assert plot_h / rows >= charts.SQUEEZE * 21 - 0.01 or slide.text_px == charts.MIN_TEXT_PX


# ---------------------------------------------------------------- standalone HTML


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
    page = charts.standalone_html(chart, cat.tables, plotlyjs_src="https://example.org/plotly.min.js")
    parsed = Parsed(page)
    tags = [t for t, _ in parsed.tags]
    assert "img" not in tags  # the hostile title is text
    assert [a.get("src") for a, _ in parsed.scripts] == ["https://example.org/plotly.min.js", None, None]
    assert parsed.scripts[1][0]["type"] == "application/json"
    assert "alert(2)" not in parsed.scripts[2][1]  # the only inline program is ours
    text = "".join(parsed.text)
    assert HOSTILE in text and "</script><script>alert(2)</script>" in text  # shown, as text
    spec = json.loads(parsed.scripts[1][1])
    assert [v["min"] for v in spec["variants"]] == [charts.HTML_WIDTH, 0]  # a wide layout and a phone layout
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
    text = charts.script_json({"t": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}


def test_inline_modes_carry_plotlyjs(mini):
    chart = charts.build(mini, "view=gantt")
    packed = charts.standalone_html(chart, mini.tables)
    plain = charts.standalone_html(chart, mini.tables, plotlyjs_src="inline-plain")
    url = charts.standalone_html(chart, mini.tables, plotlyjs_src="https://example.org/plotly.min.js")
    assert 'id="plotlyjs-gzip"' in packed and "* plotly.js" not in packed
    assert "* plotly.js" in plain  # the banner of the build dashboard/plotlyjs.py names
    assert len(url) < 60_000 < len(packed) < 0.5 * len(plain)


def test_html_size_options(mini):
    chart = charts.build(mini, "view=gantt")
    page = charts.standalone_html(chart, mini.tables, plotlyjs_src="https://example.org/p.js", width=800, height=500)
    assert "max-width:832px" in page
    spec = json.loads(Parsed(page).scripts[1][1])
    assert spec["variants"][0]["min"] == 800
    for variant in spec["variants"]:
        layout = variant["figure"]["layout"]
        assert layout["height"] == 500 and layout["autosize"] is True and "width" not in layout
