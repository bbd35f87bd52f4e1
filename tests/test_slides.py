"""A chart as a slide (dashboard/formats/slides.py): title, caption, key, credit, zoomed to fit."""

import json

import pytest

from dashboard.domain import credits
from dashboard.formats import charts, slides


def test_slide_has_title_caption_key_credit_and_size(mini):
    chart = charts.build(mini, "view=gantt&canon=canon,licensed")
    slide = slides.slide_figure(chart, mini.tables, 1920, 1080)
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
    big = slides.slide_figure(chart, mini.tables, 1920, 1080)
    small = slides.slide_figure(chart, mini.tables, 960, 540)
    assert small.zoom * 2 == pytest.approx(big.zoom)
    assert (small.figure.layout.width, small.figure.layout.height) == pytest.approx(
        (big.figure.layout.width, big.figure.layout.height)
    )


def test_slide_escapes_data_text(mini):
    fig = slides.slide_figure(charts.build(mini, "view=dispute&event=xss"), mini.tables).figure
    assert "&lt;img src=x onerror=alert(1)&gt;" in fig.layout.title.text
    assert "<img" not in json.dumps(fig.to_plotly_json(), default=str)
    timeline = slides.slide_figure(charts.build(mini, "view=timeline"), mini.tables).figure
    assert "<img" not in json.dumps(timeline.to_plotly_json(), default=str)
    assert "&lt;img src=x onerror=alert(1)&gt;" in json.dumps(timeline.to_plotly_json(), default=str)


def test_a_chart_with_many_rows_zooms_out_to_fit(real):
    few = slides.slide_figure(charts.build(real, "view=gantt&faction=resistance&canon=canon"), real.tables)
    many = slides.slide_figure(charts.build(real, "view=gantt"), real.tables)
    assert few.text_px == pytest.approx(slides.SLIDE_TEXT_PX)
    assert slides.MIN_TEXT_PX <= many.text_px < few.text_px
    for slide in (few, many):
        fig = slide.figure
        plot_h = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
        rows = fig.layout.yaxis.range[0] - fig.layout.yaxis.range[1]
        assert plot_h / rows >= slides.SQUEEZE * 21 - 0.01 or slide.text_px == slides.MIN_TEXT_PX
