"""The chart core (dashboard/formats/charts.py): what a query asks for, as a Chart drawn by the app's figures.

Its files: tests/test_slides.py (PNG/SVG slides) and tests/test_standalone_html.py (the HTML file)."""

import pytest

from dashboard import figures
from dashboard.domain import view
from dashboard.formats import charts

# ---------------------------------------------------------------- parameters and errors


def test_views_use_the_app_figures(mini):
    v = view.build_view(mini, "canon=canon")
    g = charts.build(mini, "view=gantt&canon=canon")
    app = figures.gantt(v.shown, mini.vocab, x_range=v.x_range, plot_px=700)
    assert g.figure(700).to_json() == app.to_json()  # the same figure as the page draws, at the same width
    t = charts.build(mini, "canon=canon", kind="timeline")
    assert t.figure(700).layout.meta["role"] == "timeline" and len(t.drawn) == 3
    d = charts.build(mini, "view=dispute&event=dukat-prefect")
    assert d.figure(340).layout.meta == {"role": "uncertainty", "event": "dukat-prefect", "claims": 2}
    assert list(d.drawn["id"]) == ["dukat-prefect"] and len(d.citations) == 2


def test_a_selected_event_is_highlighted_as_on_the_page(mini):
    fig = charts.build(mini, "view=timeline&event=resistance-formed").figure(700)
    assert fig.layout.meta["selected"] == "resistance-formed"


def test_default_view_is_gantt_and_argument_beats_query(mini):
    assert charts.build(mini, "").kind == "gantt"
    assert charts.build(mini, "view=gantt", kind="timeline").kind == "timeline"
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


# ---------------------------------------------------------------- captions


def test_caption_names_the_filters_in_words(mini):
    chart = charts.build(mini, "canon=licensed&faction=resistance&view=timeline")
    assert chart.caption == "1 of 7 events: licensed tie-in sources, faction: Bajoran Resistance; 1 moment drawn"
    assert charts.build(mini, "view=timeline").caption == "7 of 7 events: everything; 5 moments drawn"
    dispute = charts.build(mini, "view=dispute&event=annexation&canon=canon")
    assert dispute.caption == "from 2328 to 2369, as each source dates it (canon only)"
