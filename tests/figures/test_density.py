"""Level of detail: past MAX_MARKS events a chart draws their density, and every event is counted once."""

import numpy as np

from dashboard import figures
from dashboard.domain.schema import TIERS
from dashboard.figures import density
from dashboard.figures.lanes import lane_keys
from tests.figures.spec import read


def gantt(*args, **kw):
    return read(figures.gantt(*args, **kw))


def timeline(*args, **kw):
    return read(figures.timeline(*args, **kw))


def test_counts_preserve_every_event():
    rng = np.random.default_rng(1)
    x = rng.uniform(2290, 2420, 5000)  # some outside the drawn range: they go to the end bins
    x[::97] = np.nan
    lanes = rng.choice(np.array(["a", "b", "c"], dtype=object), 5000)
    grid, edges, present = density.counts(x, lanes, ["c", "a"], (2300, 2410), 50)
    assert grid.sum() == 5000 and present == ["c", "a", "b"]
    assert [int(grid[i].sum()) for i in range(3)] == [int(np.sum(lanes == k)) for k in present]
    assert len(edges) == 51


def test_a_big_table_is_drawn_as_a_density_with_every_event_counted(real, monkeypatch):
    df = real.resolved(TIERS)
    monkeypatch.setattr(density, "MAX_MARKS", 10)  # the curated table stands in for a big one
    for build, points in ((gantt, False), (timeline, True)):
        fig = build(df, real.vocab, plot_px=800)
        heat = fig.data[0]
        assert fig.layout.meta["aggregated"] is True and heat.type == "heatmap"
        rows = df[df["is_point"] == points]
        assert np.nansum(np.asarray(heat.z, dtype=float)) == len(rows) == fig.layout.meta["events"]
        assert len(heat.y) == len(set(lane_keys(rows, real.vocab, "faction")))
        assert any("Zoom in or filter" in a.text for a in fig.layout.annotations)


def test_the_note_under_a_density_wraps_to_the_plot_width(real, monkeypatch):
    """The note saying what the shade means was one line of about 800 px, cut off at a laptop's
    chart width; it now wraps to the plot (and the chart grows a line for each)."""
    from dashboard.figures import measure

    df = real.resolved(TIERS)
    monkeypatch.setattr(density, "MAX_MARKS", 10)
    heights = {}
    for plot_px in (338, 684, 1238):
        fig = gantt(df, real.vocab, plot_px=plot_px)
        note = next(a for a in fig.layout.annotations if a.yref == "paper" and a.y == 0)
        lines = note.text.split("<br>")
        assert all(measure.width(line) <= plot_px for line in lines)
        assert " ".join(lines).endswith("Zoom in or filter to see each one.")
        heights[plot_px] = (len(lines), fig.layout.height)
    assert heights[1238][0] == 1 and heights[338][0] >= 3
    assert heights[338][1] - heights[1238][1] == density.NOTE_LINE_PX * (heights[338][0] - 1)


def test_wrap_breaks_at_spaces_within_the_width():
    from dashboard.figures import measure

    assert measure.wrap("one two three", 10_000) == ["one two three"]
    lines = measure.wrap("one two three four five six", measure.width("one two three"))
    assert lines == ["one two three", "four five six"]
    assert measure.wrap("unbreakable", 1) == ["unbreakable"]  # never lost, even when too wide
