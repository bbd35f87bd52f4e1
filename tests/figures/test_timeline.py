"""The timeline of moments: markers in lanes, whiskers, tier symbols, packing."""
from dashboard.figures import timeline
from dashboard.figures.timeline import pack
from dashboard.schema import TIERS


def test_points_only_with_asymmetric_whiskers(mini):
    fig = timeline(mini.resolved(TIERS), mini.vocab)
    pts = fig.data[0]
    ids = fig.layout.meta["ids"]
    assert set(ids) == {"dukat-prefect", "resistance-formed", "micro-explosives", "death-toll", "xss"}
    i = ids.index("dukat-prefect")
    assert pts.x[i] == 2346.0
    assert pts.error_x.arrayminus[i] == 0 and round(pts.error_x.array[i], 3) == 13.999  # 2346 .. 2359
    assert pts.marker.symbol[ids.index("micro-explosives")] == "square"  # production tier


def test_lanes_are_labelled_ticks(mini):
    fig = timeline(mini.resolved(TIERS), mini.vocab)
    assert list(fig.layout.yaxis.ticktext) == ["Cardassian Union", "Bajoran people", "Bajoran Resistance",
                                               "United Federation of Planets"]


def test_pack_separates_close_points_in_a_lane():
    rows = [{"lane": "A", "best_start": 2330.0}, {"lane": "A", "best_start": 2331.0},
            {"lane": "A", "best_start": 2340.0}, {"lane": "B", "best_start": 2330.0}]
    ys, ticks, dividers = pack(rows, ["A", "B"])
    assert ys[0] != ys[1] and ys[2] == ys[0]
    assert ticks == [("A", 0.5), ("B", 3.0)] and dividers == [2.0]


def test_selection_ring_and_shared_range(mini):
    fig = timeline(mini.resolved(TIERS), mini.vocab, selected="xss", x_range=(2300, 2400))
    assert len(fig.data[1].x) == 1 and fig.data[1].marker.symbol == "circle-open"
    assert tuple(fig.layout.xaxis.range) == (2300, 2400)
    assert fig.data[0].customdata[fig.layout.meta["ids"].index("xss")][1] == "&lt;img src=x onerror=alert(1)&gt;"
