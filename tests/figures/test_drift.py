"""The "Sources over time" figure: columns in (dashboard.domain.drift.POINT_COLUMNS), a figure dict out."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.domain import drift as drift_data
from dashboard.domain.filters import parse_query
from dashboard.figures import drift as drift_figure
from dashboard.figures import theme
from dashboard.figures.palette import DARK, LIGHT
from tests.figures.spec import read


def data(cat, query=""):
    state, _ = parse_query(query, cat.vocab)
    return drift_data.build(cat, state)


def draw(d: drift_data.Drift, **kw) -> dict:
    fig = drift_figure.drift(d.points, x_range=d.x_range, y_range=d.y_range, asof=d.asof, selected=d.selected, **kw)
    go.Figure(fig)  # a valid Plotly figure: raises naming any bad property
    return fig


def claims(fig) -> dict:
    """The mark traces, by tier label."""
    return {t.name: t for t in read(fig).data if t.meta == "claim"}


def test_a_mark_per_claim_shaped_and_coloured_by_its_tier_at_its_release_year(real):
    d = data(real)
    fig = draw(d)
    marks = claims(fig)
    assert set(marks) == {theme.tier_label(t) for t in set(d.points["tier"])}
    canon = marks["On-screen canon"]
    assert canon.marker.symbol == "circle" and canon.marker.color == LIGHT.tier("canon")
    assert marks["Licensed tie-in"].marker.symbol == "diamond"
    assert sum(len(t.x) for t in marks.values()) == len(d.points)
    i = next(i for i, (e, y) in enumerate(zip(canon.customdata, canon.y)) if e == "occupation-of-bajor" and y == 2309)
    assert canon.x[i] == 1993  # "Emissary" (1993) gives 2309
    hover = canon.hovertext[i]
    assert "The Occupation of Bajor" in hover and "Emissary" in hover and "1993" in hover and "Memory Beta" in hover
    layout = read(fig).layout
    assert layout.meta.role == "drift" and layout.meta.claims == len(d.points)
    assert layout.xaxis.title.text == "year the work came out" and layout.yaxis.title.text == "year it gives"
    assert list(layout.xaxis.range) == list(d.x_range) and list(layout.yaxis.range) == list(d.y_range)


def test_a_line_per_event_in_release_order_broken_between_events(mini):
    fig = read(draw(data(mini)))
    lines = [t for t in fig.data if t.mode == "lines"]
    assert [t.name for t in lines] == ["agreed", "moved"]
    moved = lines[1]
    x, y = np.nan_to_num(moved.x, nan=0).tolist(), np.nan_to_num(moved.y, nan=0).tolist()
    # the annexation, as "Ensign Ro" (1991) then "Emissary" (1993) date it; a gap; Dukat's two 1998 readings
    assert (x, y) == ([1991, 1993, 0, 1998, 1998], [2328, 2309, 0, 2346, 2359])
    assert all(t.hoverinfo == "skip" and t.showlegend is False for t in lines)


def test_the_selected_event_is_drawn_strongest_and_named_others_dim(real):
    fig = read(draw(data(real, "event=annexation-of-bajor")))
    line = next(t for t in fig.data if t.name == "selected")
    assert line.line.color == LIGHT.strong and len(line.x) == len(of(data(real), "annexation-of-bajor"))
    name = next(t for t in fig.data if t.name == "name")
    assert "Annexation of Bajor" in name.text[0]
    canon = claims(fig._d)["On-screen canon"]
    mine = np.asarray(canon.customdata) == "annexation-of-bajor"
    assert set(np.asarray(canon.marker.opacity)[mine]) == {1.0} and set(np.asarray(canon.marker.opacity)[~mine]) == {
        0.35
    }
    assert fig.layout.meta.selected == "annexation-of-bajor"


def of(d, event):
    return d.points[d.points["event"] == event]


def test_whiskers_for_the_selected_event_when_many_are_drawn(real):
    fig = claims(draw(data(real, "event=annexation-of-bajor")))
    canon = fig["On-screen canon"]
    ids = np.asarray(canon.customdata)
    below = np.asarray(canon.error_y.arrayminus)
    assert (below[ids != "annexation-of-bajor"] == 0).all()
    assert below[ids == "annexation-of-bajor"].max() >= 1e3  # "by 2319": open to the bottom of the chart


def test_asof_draws_its_year_and_shades_the_years_not_yet_out(real):
    fig = read(draw(data(real, "asof=1995")))
    rect, line = fig.layout.shapes
    assert rect.x0 == line.x0 == 1995.5 and rect.x1 == data(real).x_range[1]
    assert any(a.text == "as known in 1995" for a in fig.layout.annotations)
    assert max(max(t.x) for t in claims(fig._d).values()) <= 1995
    assert not read(draw(data(real))).layout.shapes


def test_nothing_to_draw_says_so(real):
    fig = read(draw(data(real, "asof=1980")))
    assert any("No trusted work with a known release year" in a.text for a in fig.layout.annotations)


def test_past_max_points_each_mark_counts_its_claims(real, monkeypatch):
    monkeypatch.setattr(drift_figure, "MAX_POINTS", 20)
    d = data(real)
    fig = read(draw(d))
    assert fig.layout.meta.counted and not [t for t in fig.data if t.mode == "lines"]
    counted = sum(int(h.split(" ", 1)[0].replace(",", "")) for t in fig.data for h in t.hovertext)
    assert counted == len(d.points)  # every claim counted once
    assert any(f"{len(d.points):,} claims" in a.text for a in fig.layout.annotations)
    chosen = read(draw(data(real, "event=annexation-of-bajor")))
    line = next(t for t in chosen.data if t.name == "selected")
    assert len(line.x) == len(of(d, "annexation-of-bajor"))  # the selected event, still claim by claim


def test_projector_scale_and_dark_palette(real):
    d = data(real, "event=annexation-of-bajor&asof=2000")
    big = read(draw(d, scale=2.0, plot_px=1300, height=470))
    assert big.layout.height == round(470 * 1.5) and big.layout.font.size == 24
    dark = read(draw(d, palette=DARK))
    assert dark.layout.paper_bgcolor == DARK.background and dark.layout.meta.theme == "dark"
    assert claims(dark._d)["On-screen canon"].marker.color == DARK.tier("canon")


def test_data_text_is_shown_as_text(mini):
    fig = draw(data(mini, "event=xss"))
    text = str(fig)
    assert "<img src=x" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text


def test_open_bounds_never_reach_the_figure_as_infinities(real):
    fig = draw(data(real))
    for t in read(fig).data:
        if t.meta == "claim":
            assert (
                np.isfinite(np.asarray(t.error_y.array)).all() and np.isfinite(np.asarray(t.error_y.arrayminus)).all()
            )


@pytest.mark.parametrize("plot_px", [240, 330, 900, 1800])
def test_valid_at_every_width(real, plot_px):
    fig = draw(data(real, "event=annexation-of-bajor"), plot_px=plot_px)
    assert read(fig).layout.xaxis.nticks >= 3


def test_empty_points_frame():
    empty = pd.DataFrame({c: [] for c in drift_data.POINT_COLUMNS})
    fig = drift_figure.drift(empty, x_range=(1990, 2000), y_range=(2300, 2400))
    go.Figure(fig)
    assert read(fig).layout.meta.claims == 0 and not math.isnan(read(fig).layout.xaxis.range[0])


def test_hover_says_the_date_in_words_with_its_edtf(real):
    canon = claims(draw(data(real)))["On-screen canon"]
    hover = [h for e, h in zip(canon.customdata, canon.hovertext) if e == "annexation-of-bajor" and "Accession" in h]
    assert hover and "by 2319" in hover[0] and "(../2319)" in hover[0] and "1996" in hover[0]
