"""Every kind of figure we make is a valid Plotly figure.

The figures are built as plain dicts and wrapped without Plotly's per-property check (theme.figure:
that check was most of a filter change's time), so this is where the check happens: each figure
goes back through graph objects with validation on, which raises on any unknown property or bad
value."""

import plotly.graph_objects as go
import pytest

from dashboard.domain.schema import TIERS
from dashboard.figures import density, gantt, theme, timeline, uncertainty
from dashboard.figures.dark import dark
from dashboard.formats import charts, slides


def check(fig) -> dict:
    spec = fig.to_plotly_json() if isinstance(fig, go.Figure) else fig
    go.Figure(spec)  # raises ValueError naming the property if anything is invalid
    return spec


@pytest.mark.parametrize("build", [gantt, timeline])
@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"plot_px": 330},
        {"plot_px": 1800, "scale": theme.PRESENT_SCALE},
        {"lanes": "era"},
        {"x_range": (2340, 2360)},
    ],
    ids=["default", "phone", "projector", "era-lanes", "zoomed"],
)
def test_charts_are_valid(real, build, kw):
    df = real.resolved(TIERS)
    spec = check(build(df, real.vocab, **kw))
    assert spec["data"] and spec["layout"]["meta"]["role"] in ("gantt", "timeline")
    selected = df[df["is_point"] == (build is timeline)]["id"].iloc[0]
    assert check(build(df, real.vocab, selected=selected, **kw))["layout"]["meta"]["selected"] == selected


def test_empty_charts_are_valid(real):
    df = real.resolved(TIERS).iloc[:0]
    for build in (gantt, timeline):
        spec = check(build(df, real.vocab))
        assert any("match these filters" in a["text"] for a in spec["layout"]["annotations"])


def test_density_is_valid(real, monkeypatch):
    monkeypatch.setattr(density, "MAX_MARKS", 10)
    for build in (gantt, timeline):
        assert check(build(real.resolved(TIERS), real.vocab))["data"][0]["type"] == "heatmap"


def test_dispute_chart_is_valid(real):
    df = real.resolved(TIERS)
    for event_id in ("annexation-of-bajor", df[df["is_point"]]["id"].iloc[0]):
        row = df[df["id"] == event_id].iloc[0].to_dict()
        assert check(uncertainty(row, real.citations(event_id, TIERS)))["layout"]["meta"]["role"] == "uncertainty"


def test_dark_and_slide_figures_are_valid(real):
    chart = charts.build(real, "view=gantt")
    check(dark(chart.figure(800)))
    check(slides.slide_figure(chart, real.tables).figure)


def test_later_changes_are_checked_as_usual(real):
    """Validation is back on once a figure is built: a caller's mistake still raises, and None unsets."""
    fig = gantt(real.resolved(TIERS), real.vocab)
    with pytest.raises(ValueError):
        fig.update_layout(no_such_property=1)
    fig.update_layout(width=500)
    fig.update_layout(width=None)
    assert "width" not in fig.to_plotly_json()["layout"]


def test_control_characters_never_reach_a_figure():
    """A C0 control character (here from a search, `q=%08`) would stop plotly.js drawing an SVG text:
    the figures drop them, keeping the rest of the text escaped."""
    from dashboard.figures import theme

    assert theme.safe("a\x08b<i>\x00") == "ab&lt;i&gt;"
    assert theme.safe("tab\tand\nnewline") == "tab\tand\nnewline"
