"""The Gantt chart: asserted on the figure's data and layout."""

import json

import numpy as np

from dashboard import figures
from dashboard.domain import events
from dashboard.domain.schema import TIERS
from dashboard.figures import theme
from dashboard.figures.marks import select
from tests.figures.spec import read


def gantt(*args, **kw):
    return read(figures.gantt(*args, **kw))


def timeline(*args, **kw):
    return read(figures.timeline(*args, **kw))


def role(fig, meta):
    return next(t for t in fig.data if t.meta == meta)


def ids_of(trace):
    return list(trace.customdata)


def test_periods_only_and_a_constant_number_of_traces(mini, real):
    small = gantt(mini.resolved(TIERS), mini.vocab)
    big = gantt(real.resolved(TIERS), real.vocab)
    assert sorted(set(ids_of(role(small, "range")))) == ["annexation", "open-ended"]
    assert len(small.data) == len(big.data)  # one trace per visual role, never one per event


def test_a_range_is_faded_and_only_the_agreed_span_is_solid(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab)
    rng, agreed = role(fig, "range"), role(fig, "agreed")
    assert rng.marker.opacity < 0.5 and agreed.marker.opacity is None
    envelope = role(fig, "envelope")  # annexation's start readings are drawn apart, its envelope outlined
    i = ids_of(envelope).index("annexation")
    assert (envelope.base[i], round(envelope.base[i] + envelope.x[i], 3)) == (2309.0, 2369.999)
    assert envelope.marker.color == "rgba(0,0,0,0)" and envelope.marker.line.width == 1
    i = ids_of(rng).index("open-ended")
    assert rng.base[i] == 2369.0  # everything the dates allow, faded
    i = ids_of(rng).index("annexation")  # its main bar: from its last start reading (2328) to its end
    assert (rng.base[i], round(rng.base[i] + rng.x[i], 3)) == (2328.0, 2369.999)
    other = role(fig, "reading")  # its other start readings, each a faded span of its own
    spans = sorted((b, round(b + x, 3)) for b, x, e in zip(other.base, other.x, other.customdata) if e == "annexation")
    assert spans == [(2309.0, 2309.999), (2319.0, 2319.999)]
    assert other.marker.opacity == rng.marker.opacity
    j = ids_of(agreed).index("annexation")
    assert round(agreed.base[j], 3) == 2328.999 and round(agreed.base[j] + agreed.x[j], 3) == 2369.0


def test_a_period_known_only_as_between_a_and_b_has_no_solid_bar(real):
    df = real.resolved(TIERS)
    fig = gantt(df, real.vocab)
    s_lo, s_hi, e_lo, e_hi = events.bound_arrays(df)
    vague = set(df["id"][(~df["is_point"]) & (s_hi >= e_lo)])
    assert vague, "the curated table has periods known only within a range"
    assert not vague & set(ids_of(role(fig, "agreed")))
    assert vague <= set(ids_of(role(fig, "range")))


def test_best_estimates_are_ticks_and_disputes_are_starred(mini):
    df = mini.resolved(TIERS)
    fig = gantt(df, mini.vocab)
    best = role(fig, "best")
    assert best.marker.symbol == "line-ns"
    # a tick per start reading of the annexation (2309, 2319, 2328), its end, and the open-ended period's
    assert sorted({round(x, 3) for x in best.x}) == [2309.0, 2319.0, 2328.0, 2369.0, 2369.999]
    stars = role(fig, "cue")
    disputed = set(df[df["disputed"] & ~df["is_point"]]["id"])
    starred = {t for tr in fig.data if tr.name == "disputed" for t in tr.customdata}
    assert starred == disputed and stars.marker.symbol[0] in theme.TIER_SYMBOL.values()


def test_tiers_have_a_shape_and_colours_no_faction_uses(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab)
    tier = next(t for t in fig.data if t.name == "tier")
    assert list(tier.marker.symbol) == ["circle", "x"]  # canon, fan
    assert not set(theme.TIER_COLOUR.values()) & set(theme.PALETTE)
    assert "pattern" not in str(fig.to_dict()["data"])  # patterned bars made Plotly log "Invalid color specifier"


def test_labels_are_beside_the_bars_and_lanes_are_headed(mini):
    df = mini.resolved(TIERS)
    by_faction = gantt(df, mini.vocab, lanes="faction")
    labels = role(by_faction, "label")
    assert list(labels.text) == ["Annexation of Bajor", "Empire, still going"]
    heads = [a.text for a in by_faction.layout.annotations if a.yref == "y"]
    assert heads[0].startswith("<b>Cardassian Union</b>") and "(1)" in heads[0]
    by_era = gantt(df, mini.vocab, lanes="era")
    assert [a.text.split("</b>")[0][3:] for a in by_era.layout.annotations if a.yref == "y"] == [
        "Early occupation",
        "Withdrawal and aftermath",
    ]


def test_open_end_runs_to_the_edge_with_an_arrow(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab)
    edge = role(fig, "edge")
    assert list(edge.x) == [fig.layout.xaxis.range[1]] and list(edge.marker.symbol) == ["triangle-right"]


def test_year_ticks_are_at_the_top_and_eras_are_named_bands(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab)
    assert fig.layout.xaxis.side == "top" and fig.layout.xaxis.tickformat == "d"
    assert len([s for s in fig.layout.shapes if s.type == "rect"]) == 5
    eras = [a for a in fig.layout.annotations if a.yref == "paper" and a.yanchor == "bottom"]
    assert {a.hovertext for a in eras} == set(mini.vocab.eras.values())


def test_era_labels_are_cut_to_their_band_when_narrow(real):
    df = real.resolved(TIERS)
    wide = [a.text for a in gantt(df, real.vocab, plot_px=1400).layout.annotations if a.yshift == 24]
    narrow = [a.text for a in gantt(df, real.vocab, plot_px=330).layout.annotations if a.yshift == 24]
    assert "Withdrawal and aftermath" not in narrow and any(t.endswith("\u2026") for t in narrow)
    assert "Late occupation" in wide


def test_on_a_phone_labels_go_above_their_bars(real):
    df = real.resolved(TIERS)
    fig = gantt(df, real.vocab, plot_px=340)
    rng, labels = role(fig, "range"), role(fig, "label")
    assert np.allclose(np.asarray(labels.y) + 0.42, np.asarray(rng.y))
    assert fig.layout.height > gantt(df, real.vocab, plot_px=1200).layout.height


def test_selection_dims_the_others_and_emboldens_the_label(mini):
    fig = read(select(figures.gantt(mini.resolved(TIERS), mini.vocab), "annexation"))
    assert list(role(fig, "range").selectedpoints) == [0]
    overlay = role(fig, "selected")
    assert list(overlay.text) == ["<b>Annexation of Bajor</b>"]
    assert fig.layout.meta["selected"] == "annexation"
    assert role(fig, "range").unselected.marker.opacity < role(fig, "range").selected.marker.opacity
    # an event that is not on this chart dims nothing
    other = read(select(figures.gantt(mini.resolved(TIERS), mini.vocab), "dukat-prefect"))
    assert role(other, "range").selectedpoints is None and fig.layout.meta["selected"] == "annexation"


def test_shared_range_is_respected(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab, x_range=(2320, 2380))
    assert tuple(fig.layout.xaxis.range) == (2320, 2380)
    assert min(role(fig, "range").base) >= 2320


def test_markup_in_titles_is_escaped(broken):
    from dashboard.domain.catalogue import Catalogue

    cat = Catalogue.load(broken("events.csv", "Annexation of Bajor,", "<b onmouseover=x>Annexation</b>,"))
    fig = gantt(cat.resolved(TIERS), cat.vocab)
    assert role(fig, "label").text[0] == "&lt;b onmouseover=x&gt;Annexation&lt;/b&gt;"
    assert "<b>&lt;b onmouseover=x&gt;Annexation&lt;/b&gt;</b>" in role(fig, "range").hovertext[0]
    assert "<b onmouseover" not in fig.to_json()


def test_empty_selection_says_so(mini):
    fig = gantt(mini.resolved(TIERS).iloc[0:0], mini.vocab)
    assert any("No periods match" in a.text for a in fig.layout.annotations)


def test_figures_are_built_from_arrays(real):
    """Numbers travel as typed arrays (compact JSON), not per-point lists."""
    spec = json.loads(gantt(real.resolved(TIERS), real.vocab).to_json())
    rng = next(t for t in spec["data"] if t.get("meta") == "range")
    assert isinstance(rng["x"], dict) and "bdata" in rng["x"] and "bdata" in rng["y"]
    moments = json.loads(timeline(real.resolved(TIERS), real.vocab).to_json())
    assert "bdata" in next(t for t in moments["data"] if t.get("meta") == "moment")["x"]
