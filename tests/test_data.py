"""The curated tables themselves: coverage, tiers per work, and the known disputes pinned."""
import math
import subprocess
import sys

import pytest

from conftest import ROOT
from dashboard.schema import TIERS


def event(cat, event_id, tiers=TIERS) -> dict:
    return cat.event(event_id, tiers)


def dated(ev, side="start") -> dict:
    return {(c["source"], c["page"].split(":")[0]): c[side] for c in ev["citations"] if c[side]}


def test_coverage(real):
    t = real.tables
    assert len(t.events) > 60 and len(t.claims) > 120
    assert set(t.claims["page"]) == {"memory-alpha", "memory-beta", "memory-delta", "fan-wiki"}
    assert set(t.events["universe"]) == {"prime", "mirror", "parallels", "neelix-2371", "dark-mirror"}
    assert set(t.sources["tier"]) == set(TIERS)
    assert (t.events["end"] == "").sum() > 20 and (t.events["end"] != "").sum() > 20  # moments and periods


def test_a_works_tier_belongs_to_the_work_not_the_wiki(real):
    claims = real.tables.claims.merge(real.tables.sources, left_on="source", right_on="id")
    on_fan_wiki = claims[claims["page"] == "fan-wiki"]
    assert {"canon", "licensed", "fan"} <= set(on_fan_wiki["tier"])  # episodes cited on the fan wiki stay canon
    assert set(claims[claims["medium"] == "episode"]["tier"]) == {"canon"}
    assert set(claims[claims["medium"] == "draft script"]["tier"]) == {"production"}
    assert set(claims[claims["page"] == "memory-delta"]["tier"]) == {"fan"}


def test_when_the_annexation_began(real):
    ev = event(real, "annexation-of-bajor")
    starts = dated(ev)
    assert starts[("Ensign Ro", "Memory Beta")] == "2328"          # forty years before 2368
    assert starts[("Emissary", "Memory Beta")] == "2309"           # sixty years before 2369
    assert starts[("Sanctuary", "Memory Beta")] == "2319~"         # fifty years of rule
    assert starts[("Accession", "Memory Beta")] == "../2319"       # over fifty years
    delta = {c["start"] for c in ev["citations"] if c["page"].startswith("Memory Delta")}
    assert delta == {"2319", "2328"}  # its text repeats 2328; its section heading says 2319
    assert ev["disputed"] and ev["start"] == "2328"
    assert ev["start_earliest"] == -math.inf and ev["start_latest"] == 2328.999  # "or earlier" is open-ended


def test_when_dukat_became_prefect(real):
    ev = event(real, "dukat-prefecture")
    starts = dated(ev)
    assert starts[("Waltz", "Memory Beta")] == "2346" and starts[("Waltz", "Memory Alpha")] == "2359"
    assert ev["disputed"] and (ev["start_earliest"], ev["start_latest"]) == (2346.0, 2359.999)


def test_when_the_resistance_formed(real):
    ev = event(real, "resistance-formed")
    starts = dated(ev)
    assert starts[("The Art of the Impossible", "Memory Beta")] == "2333"
    assert starts[("Duet", "Memory Alpha")] == "2348/2369"  # "after decades" of occupation
    assert ev["disputed"]
    canon = event(real, "resistance-formed", ("canon",))
    assert not canon["disputed"] and canon["start_earliest"] >= 2348  # canon alone does not say 2333


def test_who_clashed_at_minos_korva_and_how_many_died(real):
    korva = event(real, "minos-korva-incident")
    assert {c["value"] for c in korva["citations"]} == {"Federation", "Romulans"} and korva["disputed"]
    assert not event(real, "minos-korva-incident", ("canon",))["disputed"]
    toll = event(real, "occupation-death-toll")
    assert {"10 million", "600 million"} <= {c["value"] for c in toll["citations"]} and toll["disputed"]


def test_the_bundled_data_validates_from_the_command_line():
    out = subprocess.run([sys.executable, "-m", "dashboard", "validate"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.startswith("OK: ")


@pytest.mark.skipif(not (ROOT.parent / "shared" / "tools" / "copied_text.py").exists(), reason="shared/ is not beside the checkout")
def test_no_sentence_is_copied_from_the_wikis():
    tool = ROOT.parent / "shared" / "tools" / "copied_text.py"
    out = subprocess.run([sys.executable, str(tool)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout
