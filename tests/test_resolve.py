import math

"""Resolution: envelopes, best estimates and disputes, narrowed by the trusted tiers."""
import pytest

from dashboard import resolve
from dashboard.schema import TIERS


def row(df, event_id) -> dict:
    return df[df["id"] == event_id].iloc[0].to_dict()


def test_envelope_covers_own_dates_and_every_trusted_claim(mini):
    ann = row(mini.resolved(("canon", "licensed", "production", "fan")), "annexation")
    assert (ann["start_earliest"], ann["start_latest"]) == (2309.0, 2328.999)
    assert (ann["end_earliest"], ann["end_latest"]) == (2369.0, 2369.999)
    assert ann["disputed"] and ann["canon"] == "canon" and ann["tiers"] == ["canon", "fan"]


def test_best_estimate_prefers_the_claim_that_agrees_with_our_date_within_the_top_tier(mini):
    ann = row(mini.resolved(("canon",)), "annexation")
    assert (ann["start"], ann["end"]) == ("2328", "2369")
    assert ann["best_start"] == 2328.0 and ann["best_end"] == 2369.999


def test_trusting_fewer_tiers_narrows_the_range(mini):
    everyone = row(mini.resolved(("canon", "fan")), "death-toll")
    canon = row(mini.resolved(("canon",)), "death-toll")
    assert everyone["start_latest"] == 2410.999 and everyone["disputed"]  # 10 vs 600 million
    assert canon["start_latest"] == 2379.999 and not canon["disputed"]
    assert [c["source"] for c in canon["citations"]] == ["Cardassians"]


def test_events_without_a_trusted_claim_drop_out(mini):
    ids = set(mini.resolved(("canon",))["id"])
    assert "open-ended" not in ids and "micro-explosives" not in ids
    assert set(mini.resolved(("fan",))["id"]) == {"annexation", "death-toll", "open-ended"}


def test_undated_claim_keeps_the_editorial_date(mini):
    ev = row(mini.resolved(("production",)), "micro-explosives")
    assert (ev["start"], ev["start_earliest"], ev["start_latest"]) == ("2328/2369", 2328.0, 2369.999)
    assert ev["canon"] == "production" and not ev["disputed"]


def test_open_end_is_null_not_nan_or_infinity(mini):
    ev = row(mini.resolved(TIERS), "open-ended")
    assert ev["end_earliest"] == 2369.0 and ev["end_latest"] is None
    assert math.isinf(ev["best_end"])  # no claim dates the end, so the open editorial end stands: drawn to the edge


def test_point_events_have_no_end(mini):
    ev = row(mini.resolved(TIERS), "dukat-prefect")
    assert ev["is_point"] and ev["end"] == "" and ev["end_latest"] is None
    assert (ev["start_earliest"], ev["start_latest"]) == (2346.0, 2359.999) and ev["disputed"]


def test_sources_can_be_trusted_one_by_one(mini):
    df = resolve.resolve(mini.tables, None, sources={"tng-ensign-ro"})
    assert list(df["id"]) == ["annexation"]
    assert row(df, "annexation")["start_earliest"] == 2328.0


@pytest.mark.parametrize("bad, fragment", [(("kanon",), "unknown tier"), ])
def test_bad_tiers_are_refused_with_the_choices(mini, bad, fragment):
    with pytest.raises(ValueError, match=f"{fragment}.*canon, licensed, production, fan"):
        resolve.resolve(mini.tables, bad)


def test_unknown_source_is_refused(mini):
    with pytest.raises(ValueError, match="unknown source id"):
        resolve.resolve(mini.tables, None, sources={"nope"})


def test_bounds_turn_open_ends_back_into_infinities(mini):
    ev = row(mini.resolved(TIERS), "open-ended")
    assert resolve.bounds(ev, "start") == (2369.0, 2369.999)
    assert resolve.bounds(ev, "end") == (2369.0, math.inf)
