"""The dispute chart: one mark per dated claim, the envelope, the best estimate."""
from dashboard.figures import uncertainty
from dashboard.schema import TIERS


def event(cat, event_id, tiers=TIERS) -> dict:
    return cat.event(event_id, tiers)


def test_each_dated_claim_is_its_own_mark(mini):
    fig = uncertainty(event(mini, "annexation"))
    starts, ends = fig.data[0], fig.data[1]
    assert list(starts.y) == ["Ensign Ro", "Emissary\u2009", "Bait and Switch: The Wron\u2026\u2009\u2009"]
    assert [c[3] for c in starts.customdata] == ["On-screen canon", "On-screen canon", "Fan work"]
    assert list(starts.marker.pattern.shape) == ["", "", "x"]
    assert [round(b) for b in starts.base] == [2328, 2309, 2319]
    assert len(ends.base) == 2  # two claims date the end
    assert fig.layout.meta["claims"] == 3


def test_envelope_and_best_estimate_are_drawn(mini):
    fig = uncertainty(event(mini, "annexation"))
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert (rects[0].x0, rects[0].x1) == (2309.0, 2328.999)
    assert sorted(l.x0 for l in lines) == [2328.0, 2369.999]


def test_trusting_canon_only_leaves_canon_marks(mini):
    fig = uncertainty(event(mini, "annexation", ("canon",)))
    assert {c[3] for c in fig.data[0].customdata} == {"On-screen canon"}


def test_undated_event_says_so(mini):
    fig = uncertainty(event(mini, "micro-explosives"))
    assert fig.layout.meta["claims"] == 0
    assert any("No trusted source gives a date" in a.text for a in fig.layout.annotations)
