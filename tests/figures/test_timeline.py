"""The timeline of moments: markers with whiskers, labels beside them, coinciding moments apart."""

from collections import Counter

from dashboard import figures
from dashboard.domain.schema import TIERS
from tests.figures.spec import read


def timeline(*args, **kw):
    return read(figures.timeline(*args, **kw))


def role(fig, meta):
    return next(t for t in fig.data if t.meta == meta)


def test_points_only_with_asymmetric_whiskers(mini):
    fig = timeline(mini.resolved(TIERS), mini.vocab)
    pts = role(fig, "moment")
    ids = list(pts.customdata)
    assert set(ids) == {"dukat-prefect", "resistance-formed", "micro-explosives", "death-toll", "xss"}
    i = ids.index("dukat-prefect")
    assert pts.x[i] == 2346.0
    # 2346 or 2359: whiskers over the best reading only, the other reading a marker of its own
    assert pts.error_x.arrayminus[i] == 0 and round(pts.error_x.array[i], 3) == 0.999
    other = role(fig, "reading")
    assert [x for x, e in zip(other.x, other.customdata) if e == "dukat-prefect"] == [2359.0]
    tier = next(t for t in fig.data if t.name == "tier")
    assert tier.marker.symbol[list(tier.customdata).index("micro-explosives")] == "square"  # production tier


def test_every_moment_is_named_without_hovering(real):
    fig = timeline(real.resolved(TIERS), real.vocab)
    labels = role(fig, "label")
    titles = dict(zip(real.resolved(TIERS)["id"], real.resolved(TIERS)["title"]))
    assert len(labels.text) == len(role(fig, "moment").x)
    assert all(t == titles[i] or t.endswith("\u2026") for t, i in zip(labels.text, labels.customdata))


def test_coinciding_moments_are_spread_apart(real):
    df = real.resolved(TIERS)
    fig = timeline(df, real.vocab)
    pts = role(fig, "moment")
    same_year = Counter(round(x) for x in pts.x)
    year, n = same_year.most_common(1)[0]
    assert n >= 10  # many moments fall in 2369
    rows = [y for x, y in zip(pts.x, pts.y) if round(x) == year]
    assert len(set(rows)) == len(rows)  # each on its own row


def test_selection_and_shared_range(mini):
    fig = timeline(mini.resolved(TIERS), mini.vocab, selected="xss", x_range=(2300, 2400))
    assert list(role(fig, "selected").text) == ["<b>&lt;img src=x onerror=alert(1)&gt;</b>"]
    assert tuple(fig.layout.xaxis.range) == (2300, 2400)
    assert "<img" not in fig.to_json()
