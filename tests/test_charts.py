"""The chart core (dashboard/charts.py): the app's figures, decorated for a slide or a standalone file."""
import json
import re
from html.parser import HTMLParser

import pytest

from dashboard import charts, export, figures
from dashboard.schema import TIERS

HOSTILE = "<img src=x onerror=alert(1)>"


def texts(fig) -> list[str]:
    """Every string Plotly will render as text: title, subtitle, annotations, ticks, trace names."""
    out = [fig.layout.title.text or "", fig.layout.title.subtitle.text or ""]
    out += [a.text or "" for a in fig.layout.annotations]
    out += [str(t) for t in (fig.layout.yaxis.ticktext or ())]
    out += [t.name or "" for t in fig.data]
    for t in fig.data:
        ys = list(t.y) if t.y is not None else []
        levels = ys if ys and isinstance(ys[0], (list, tuple)) else [ys]
        out += [str(y) for level in levels for y in level]
    return out


# ---------------------------------------------------------------- parameters and errors

def test_views_use_the_app_figures(mini):
    state_all = mini.resolved(TIERS)
    g = charts.build(mini, "view=gantt")
    assert g.figure.layout.meta["ids"] == figures.gantt(state_all, mini.vocab).layout.meta["ids"]
    t = charts.build(mini, "canon=canon", view="timeline")
    assert t.figure.layout.meta["role"] == "timeline"
    assert set(t.figure.layout.meta["ids"]) == set(t.drawn["id"])
    d = charts.build(mini, "view=dispute&event=dukat-prefect")
    assert d.figure.layout.meta == {"role": "uncertainty", "event": "dukat-prefect", "claims": 2}
    assert list(d.drawn["id"]) == ["dukat-prefect"]


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


@pytest.mark.parametrize("w,h,s,match", [
    (10, 1080, 1, "bad width 10"), ("abc", 1080, 1, "bad width 'abc'"), (1920, 1080.5, 1, "bad height"),
    (1920, 99999, 1, "bad height"), (1920, 1080, 0, "bad scale"), (1920, 1080, "x", "bad scale"),
    (1920, 1080, 9, "bad scale"), (7680, 7680, 4, "lower the scale"),
])
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
    assert charts.build(mini, "view=dispute&event=annexation&canon=canon").caption.startswith("Each dated claim (canon only)")


def test_slide_has_title_caption_credit_and_size(mini):
    chart = charts.build(mini, "view=gantt&canon=canon,licensed")
    fig = charts.slide_figure(chart, mini.tables, 1920, 1080)
    assert (fig.layout.width, fig.layout.height) == (1920, 1080)
    assert "Bajor Timeline: periods" in fig.layout.title.text
    assert fig.layout.title.subtitle.text == "5 of 7 events: on-screen canon and licensed tie-in sources; 1 period drawn"
    credit = " ".join(a.text for a in fig.layout.annotations if "community wikis" in (a.text or "")).replace("<br>", " ")
    for page in export.attribution(mini.tables):
        assert page["wiki"] in credit and page["licence"] in credit
    assert fig.layout.font.size >= 20 and fig.layout.title.font.size >= 36  # readable from the back of a room
    assert fig.layout.xaxis.tickfont.size >= 20 and fig.layout.legend.font.size >= 18
    assert chart.figure.layout.font.size == 13  # the app's own figure is left as it was


def test_slide_text_scales_with_width(mini):
    chart = charts.build(mini, "view=timeline")
    big = charts.slide_figure(chart, mini.tables, 1920, 1080)
    small = charts.slide_figure(chart, mini.tables, 960, 540)
    assert small.layout.font.size * 2 == pytest.approx(big.layout.font.size)
    assert small.layout.margin.l * 2 == pytest.approx(big.layout.margin.l)


def test_slide_escapes_data_text(mini):
    fig = charts.slide_figure(charts.build(mini, "view=dispute&event=xss"), mini.tables)
    joined = "\n".join(texts(fig))
    assert "&lt;img src=x onerror=alert(1)&gt;" in fig.layout.title.text
    assert "<img" not in joined
    timeline = charts.slide_figure(charts.build(mini, "view=timeline"), mini.tables)
    assert all("<img" not in json.dumps(t.customdata.tolist() if hasattr(t.customdata, "tolist") else t.customdata)
               for t in timeline.data if t.customdata is not None)


def test_gantt_labels_shrink_to_fit_many_rows(real):
    chart = charts.build(real, "view=gantt")
    fig = charts.slide_figure(chart, real.tables, 1920, 1080)
    rows = len(chart.figure.layout.meta["ids"])
    plot_h = 1080 - fig.layout.margin.t - fig.layout.margin.b
    assert fig.layout.yaxis.tickfont.size <= plot_h / rows  # labels never overlap
    few = charts.slide_figure(charts.build(real, "view=gantt&faction=resistance&canon=canon"), real.tables)
    assert few.layout.yaxis.tickfont.size > fig.layout.yaxis.tickfont.size


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
    from dashboard.catalogue import Catalogue
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
    fig = json.loads(parsed.scripts[1][1])
    assert fig["layout"]["meta"]["ids"] == list(chart.drawn["id"]) or set(fig["layout"]["meta"]["ids"]) == set(chart.drawn["id"])
    for rec in export.events_records(chart.drawn):
        assert rec["title"] in text
        for c in rec["citations"]:
            assert c["source"] in text and c["page"] in text
    for page_credit in export.attribution(cat.tables):
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
    assert 'id="plotlyjs-gzip"' in packed and "plotly.js v" not in packed
    assert "plotly.js v" in plain
    assert len(url) < 60_000 < len(packed) < 0.5 * len(plain)


def test_html_size_options(mini):
    chart = charts.build(mini, "view=gantt")
    page = charts.standalone_html(chart, mini.tables, plotlyjs_src="https://example.org/p.js", width=800, height=500)
    assert "max-width:800px" in page and 'style="height:500px"' in page
    fig = json.loads(Parsed(page).scripts[1][1])
    assert fig["layout"]["height"] == 500 and fig["layout"]["autosize"] is True and "width" not in fig["layout"]
