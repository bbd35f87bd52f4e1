"""The dispute chart: Start and End headed, a row per dated claim named 'Work · Wiki'."""

from dashboard import figures
from dashboard.domain.schema import TIERS
from dashboard.figures import theme
from tests.figures.spec import read


def uncertainty(*args, **kw):
    return read(figures.uncertainty(*args, **kw))


def event(cat, event_id, tiers=TIERS):
    df = cat.resolved(tiers)
    return df[df["id"] == event_id].iloc[0].to_dict(), cat.citations(event_id, tiers)


def test_start_and_end_headings_and_a_row_per_claim(mini):
    fig = uncertainty(*event(mini, "annexation"))
    heads = [a.text for a in fig.layout.annotations if a.text in ("<b>Start</b>", "<b>End</b>")]
    assert heads == ["<b>Start</b>", "<b>End</b>"]
    starts, names = fig.data[0], fig.data[1]
    assert [round(b) for b in starts.base] == [2328, 2309, 2319]
    assert names.text[0].startswith("\u25cf Ensign Ro \u00b7 Memory Beta")
    assert "2328" in names.text[0]
    assert list(starts.marker.color) == [theme.TIER_COLOUR["canon"]] * 2 + [theme.TIER_COLOUR["fan"]]
    assert fig.layout.meta["claims"] == 3


def test_readers_see_dates_in_words(real):
    fig = uncertainty(*event(real, "annexation-of-bajor"))
    text = " ".join(fig.data[1].text)
    assert "about 2319" in text and "by 2319" in text and "2319~" not in text.split("<span")[0]


def test_best_estimate_is_dashed_and_the_span_shaded(mini):
    fig = uncertainty(*event(mini, "annexation"))
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    # the start is read three ways (2309, 2319, 2328): a dashed line and a shading per reading, the
    # years between them unshaded; the end is agreed (2369)
    assert sorted(round(l.x0, 3) for l in lines) == [2309.0, 2319.0, 2328.0, 2369.999]
    assert all(l.line.dash == "dash" for l in lines)
    shaded = sorted((s.x0, round(s.x1, 3)) for s in fig.layout.shapes if s.type == "rect" and s.xref == "x")
    assert shaded == [(2309.0, 2309.999), (2319.0, 2319.999), (2328.0, 2328.999)]


def test_a_moment_has_one_date_panel_and_canon_only_leaves_canon(mini):
    fig = uncertainty(*event(mini, "dukat-prefect", ("canon",)))
    assert [a.text for a in fig.layout.annotations if a.text.startswith("<b>")] == ["<b>Date</b>"]
    assert set(fig.data[0].marker.color) == {theme.TIER_COLOUR["canon"]}


def test_undated_event_says_so(mini):
    fig = uncertainty(*event(mini, "micro-explosives"))
    assert fig.layout.meta["claims"] == 0
    assert any("No trusted source gives a date" in a.text for a in fig.layout.annotations)
