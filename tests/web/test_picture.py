"""The server's picture of a chart (dashboard/web/first_view/picture.py): what it draws, and what it leaves
to plotly.js. Where it draws is checked against plotly.js itself in tests/browser/test_picture.py."""

import html
import re

import pytest

from dashboard import figures
from dashboard.domain.schema import TIERS
from dashboard.figures import density
from dashboard.web.first_view import picture


@pytest.fixture
def dense(real, monkeypatch):
    """The curated table drawn as a density (it stands in for a big one)."""
    monkeypatch.setattr(density, "MAX_MARKS", 10)
    return real.resolved(TIERS)


@pytest.mark.parametrize(
    "lo, hi, nticks, expected",
    [
        (2290, 2470, 10, list(range(2300, 2461, 20))),  # 18 years a tick, rounded up to 20
        (2280, 2470, 10, list(range(2280, 2461, 20))),  # 19 -> 20, from the range's first year
        (2279, 2481, 10, list(range(2300, 2451, 50))),  # 20.2 -> 50: 2, 5 or 10 times a power of ten
        (2300, 2410, 14, list(range(2300, 2411, 10))),  # 7.9 -> 10, ending on the range's last year
        (2340, 2350, 4, [2340, 2345, 2350]),  # 2.5 -> 5
        (2300, 2420, 3, [2300, 2350, 2400]),  # 40 -> 50
    ],
)
def test_ticks_are_chosen_as_plotly_chooses_them(lo, hi, nticks, expected):
    assert picture.auto_ticks(lo, hi, nticks) == expected


def test_colours_run_linearly_in_rgb_between_the_scale_stops():
    scale = [[0, "#000000"], [0.5, "#ff0000"], [1, "#ffffff"]]
    assert picture.colour_at(scale, 0, 0, 10) == "#000000"
    assert picture.colour_at(scale, 5, 0, 10) == "#ff0000"
    assert picture.colour_at(scale, 7.5, 0, 10) == "#ff8080"
    assert picture.colour_at(scale, 10, 0, 10) == "#ffffff"
    assert picture.colour_at(scale, 99, 0, 10) == "#ffffff"  # clamped


def test_a_density_is_drawn_with_one_brick_per_year_span_that_has_events(dense, real):
    fig = figures.gantt(dense, real.vocab, plot_px=800)
    out = picture.svg(fig)
    marks = re.search(r'<g class="marks">(.*?)</g>', out).group(1)
    z = fig.data[0].z
    assert marks.count("<rect") == int((z == z).sum())  # NaN (no events) draws nothing
    nticks = fig.layout.xaxis.nticks
    lo, hi = fig.layout.xaxis.range
    labels = re.findall(r'text-anchor="middle" font-family="[^"]*" font-size="12" fill="[^"]*">(\d+)</text>', out)
    assert labels == [str(int(t)) for t in picture.auto_ticks(lo, hi, nticks)]
    texts = [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in re.findall(r"<text[^>]*>(.*?)</text>", out)]
    lines = [
        html.unescape(re.sub(r"<[^>]+>", "", line))
        for note in fig.layout.annotations
        for line in note.text.split("<br>")
    ]  # every lane's name and count, era name, note line
    assert len(lines) > 12 and set(lines) <= set(texts)
    assert f"height: {fig.layout.height}px" in out  # the chart's own height: nothing moves at hand-over
    # Laid out for a wider chart than the page has (a first visit's guess), the note under it is
    # cut at the chart's edge, as plotly.js's SVG cuts it, not written over the details panel.
    assert 'class="chart-picture" style="position: relative; overflow: hidden;' in out
    assert "<script" not in out


def test_text_from_the_data_is_written_as_text_never_as_markup():
    fig = {
        "data": [
            {"type": "heatmap", "z": [[1, 2]], "x": [0, 1], "y": [0], "colorscale": [[0, "#ffffff"], [1, "#000000"]]}
        ],
        "layout": {
            "height": 200,
            "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
            "xaxis": {"range": [0, 2], "nticks": 4, "tickformat": "d", "side": "top"},
            "yaxis": {"range": [1, -1], "showticklabels": False, "showgrid": False, "zeroline": False},
            "annotations": [
                {
                    "text": "<b>&lt;script&gt;alert(1)&lt;/script&gt;</b> &amp; co",
                    "x": 0,
                    "y": 0,
                    "xref": "paper",
                    "yref": "y",
                    "xanchor": "left",
                    "yanchor": "top",
                    "showarrow": False,
                }
            ],
        },
    }
    out = picture.svg(fig)
    assert "<script" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "&amp; co" in out


@pytest.mark.parametrize(
    "change, why",
    [
        (lambda f: f["data"].append({"type": "bar", "x": [1], "y": [0]}), "traces"),
        (
            lambda f: f["layout"]["annotations"].append(
                {"text": "<i>x</i>", "x": 0, "y": 0, "showarrow": False, "xanchor": "left", "yanchor": "top"}
            ),
            "markup",
        ),
        (lambda f: f["layout"]["annotations"].append({"text": "x", "x": 0, "y": 0, "showarrow": True}), "arrows"),
        (lambda f: f["layout"]["xaxis"].update(nticks=None, dtick=10), "nticks"),
        (lambda f: f["layout"].update(height=None), "height"),
        (lambda f: f["layout"].update(width=600), "width"),
        (lambda f: f["layout"]["shapes"].append({"type": "line", "x0": 0, "x1": 1, "y0": 0, "y1": 1}), "shape"),
    ],
)
def test_a_figure_with_a_part_it_cannot_place_is_left_to_plotly(dense, real, change, why):
    fig = figures.gantt(dense, real.vocab, plot_px=800).to_plotly_json()
    fig["layout"].setdefault("shapes", [])
    change(fig)
    with pytest.raises(picture.NotDrawable, match=why):
        picture.svg(fig)


def test_the_charts_of_a_small_table_are_left_to_plotly(real):
    """Individual bars, markers and labels: plotly.js draws them (the first view sends their figure)."""
    df = real.resolved(TIERS)
    for build in (figures.gantt, figures.timeline):
        with pytest.raises(picture.NotDrawable):
            picture.svg(build(df, real.vocab, plot_px=800))
