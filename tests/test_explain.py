"""The one-line verdict and the dates in words that lead the details panel."""

from dashboard.domain.explain import dates_in_words, readings, verdict
from dashboard.domain.schema import TIERS


def event(cat, event_id, tiers=TIERS):
    df = cat.resolved(tiers)
    return df[df["id"] == event_id].iloc[0].to_dict(), cat.citations(event_id, tiers)


def test_dukat_prefecture_names_both_years_and_both_wikis(real):
    e, cites = event(real, "dukat-prefecture")
    assert verdict(e, cites).startswith(
        "Began 2346 or 2359: Memory Beta and Memory Alpha read the same works differently"
    )


def test_a_three_way_dispute_lists_each_reading(mini):
    e, cites = event(mini, "annexation")
    assert verdict(e, cites) == (
        "Began 2309, 2319 or 2328: the sources disagree "
        "(Emissary, Bait and Switch: The Wrong Reflection and Ensign Ro)."
    )


def test_value_disputes_are_stated(mini):
    e, cites = event(mini, "death-toll")
    assert "The sources state different things: 10 million or 600 million" in verdict(e, cites)


def test_agreement_and_silence(mini):
    e, cites = event(mini, "resistance-formed", ("licensed",))
    assert verdict(e, cites) == "2333: the one source that dates it."
    e, cites = event(mini, "micro-explosives")
    assert "no trusted source gives a date, so this is our editorial date" in verdict(e, cites)


def test_readings_merge_overlapping_claims(mini):
    _, cites = event(mini, "annexation")
    groups = readings(cites, "start")
    assert len(groups) == 3 and groups[0][0].earliest == 2309.0


def test_ranges_in_words(mini):
    e, _ = event(mini, "annexation")
    assert dates_in_words(e) == "Began 2309, 2319 or 2328; ended 2369"  # readings that do not overlap: never "between"
    e, _ = event(mini, "open-ended")
    assert dates_in_words(e).endswith("ended 2369 or later")


def test_the_verdict_never_contradicts_the_dispute_flag(real):
    """Every event, every tier set that matters: a starred event's verdict names the disagreement."""
    for tiers in (TIERS, ("canon",), ("canon", "licensed")):
        df = real.resolved(tiers)
        for e in df.to_dict("records"):
            text = verdict(e, real.citations(e["id"], tiers))
            says_dispute = any(w in text for w in ("disagree", "differently", "different things"))
            assert says_dispute == bool(e["disputed"]), (tiers, e["id"], text)


def test_a_vague_claim_does_not_merge_two_readings(real):
    e, cites = event(real, "creeping-takeover")
    assert verdict(e, cites).startswith("Began 2309 or between 2318 and 2328")  # the vague ../2328 joins neither
