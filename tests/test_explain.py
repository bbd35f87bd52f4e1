from dashboard.explain import dating_sentence
from dashboard.schema import TIERS


def event(cat, event_id, tiers=TIERS) -> dict:
    return cat.event(event_id, tiers)


def test_a_dispute_names_every_claim_the_span_and_why(mini):
    text = dating_sentence(event(mini, "annexation"))
    assert ("The sources disagree on when it began: Ensign Ro (canon, via Memory Beta) gives 2328; "
            "Emissary (canon, via Memory Beta) gives 2309;") in text
    assert "Together they span 2309-2328." in text
    assert "Best estimate: 2328 to 2369" in text
    assert text.endswith("Why: Episodes count the years from different starting points.")


def test_value_disputes_and_single_sources(mini):
    assert ("They also differ on the substance: 10 million per Cardassians (canon, via Star Trek Expanded Universe "
            "(fan wiki)); 600 million per") in dating_sentence(event(mini, "death-toll"))
    assert ("Only The Art of the Impossible (licensed, via Memory Beta) dates when it happened: 2333."
            in dating_sentence(event(mini, "resistance-formed")))
    assert "None of the trusted sources gives a date" in dating_sentence(event(mini, "micro-explosives"))
