"""The Gantt chart: asserted on the figure's data and layout."""
from dashboard.figures import gantt
from dashboard.schema import TIERS


def trace(fig, name):
    return next(t for t in fig.data if t.name == name)


def test_periods_only_one_trace_per_role(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab)
    assert fig.layout.meta["ids"] == ["annexation", "open-ended"]
    data_traces = [t for t in fig.data if t.x is not None and any(v is not None for v in t.x)]
    assert len(data_traces) <= 4  # uncertainty, best estimate, open marker, selection: never one per event


def test_bars_sit_on_a_numeric_year_axis_with_end_years_in_hover(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab)
    best = trace(fig, "Best estimate")
    assert best.orientation == "h"
    assert best.base[0] == 2328.0 and round(best.base[0] + best.x[0], 3) == 2369.999
    assert "2328 to 2369" in best.customdata[0][2]
    assert fig.layout.xaxis.tickformat == "d"


def test_uncertainty_is_drawn_from_earliest_to_latest(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab)
    unc = trace(fig, "Uncertain start or end (faded)")
    spans = {(round(b, 3), round(b + x, 3)) for b, x in zip(unc.base, unc.x)}
    assert (2309.0, 2328.999) in spans  # the annexation's disputed start
    assert unc.marker.opacity < 0.5


def test_tier_has_a_second_cue_besides_colour(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab)
    best = trace(fig, "Best estimate")
    assert list(best.marker.pattern.shape) == ["", "x"]  # canon solid, fan cross-hatched
    legend = [t.name for t in fig.data if t.showlegend]
    assert "On-screen canon" in legend and "Fan work" in legend


def test_lanes_by_faction_or_era(mini):
    df = mini.resolved(TIERS)
    by_faction = gantt(df, mini.vocab, lanes="faction")
    by_era = gantt(df, mini.vocab, lanes="era")
    assert list(trace(by_faction, "Best estimate").y[0]) == ["Cardassian Union", "Bajoran Empire"]
    assert list(trace(by_era, "Best estimate").y[0]) == ["Early occupation", "Withdrawal and af\u2026"]  # cut to fit
    assert by_era.layout.yaxis.type == "multicategory"


def test_open_end_runs_to_the_edge_with_a_marker(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab)
    marker = trace(fig, "Open-ended (continues)")
    assert list(marker.x) == [fig.layout.xaxis.range[1]]


def test_selection_is_outlined_and_eras_are_bands(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab, selected="annexation")
    sel = trace(fig, "Selected")
    assert len(sel.base) == 1 and sel.marker.line.width == 3
    assert len([s for s in fig.layout.shapes if s.type == "rect"]) == 5
    assert gantt(mini.resolved(TIERS), mini.vocab).data[3].base == ()


def test_both_charts_share_a_fixed_left_margin_so_years_line_up(mini):
    from dashboard.figures import timeline

    df = mini.resolved(TIERS)
    assert gantt(df, mini.vocab).layout.margin.l == timeline(df, mini.vocab).layout.margin.l
    assert gantt(df, mini.vocab).layout.yaxis.automargin is False


def test_shared_range_is_respected(mini):
    fig = gantt(mini.resolved(TIERS), mini.vocab, x_range=(2320, 2380))
    assert tuple(fig.layout.xaxis.range) == (2320, 2380)
    assert min(trace(fig, "Uncertain start or end (faded)").base) >= 2320


def test_markup_in_titles_is_escaped(broken):
    from dashboard.catalogue import Catalogue

    cat = Catalogue.load(broken("events.csv", "Annexation of Bajor,", "<b onmouseover=x>Annexation</b>,"))
    fig = gantt(cat.resolved(TIERS), cat.vocab)
    best = trace(fig, "Best estimate")
    assert best.y[1][0] == "&lt;b onmouseover=x&gt;Annexation&lt;/\u2026"  # escaped after cutting to 30 characters
    assert best.customdata[0][1] == "&lt;b onmouseover=x&gt;Annexation&lt;/b&gt;"  # the hover gives it whole
    assert "<b onmouseover" not in fig.to_json()


def test_empty_selection_says_so(mini):
    fig = gantt(mini.resolved(TIERS).iloc[0:0], mini.vocab)
    assert any("No periods match" in a.text for a in fig.layout.annotations)


def test_faded_bars_carry_only_the_id_and_stay_clickable(mini):
    unc = trace(gantt(mini.resolved(TIERS), mini.vocab), "Uncertain start or end (faded)")
    assert {tuple(c) for c in unc.customdata} == {("annexation",), ("open-ended",)}
    assert unc.hoverinfo == "none"  # not "skip": a click on a faded bar still selects the event
