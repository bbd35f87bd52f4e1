"""The curated tables themselves: coverage, tiers per work, dates with a basis, shared histories,
our own wording, and the known disputes pinned."""

import csv
import math
import subprocess
import sys

import numpy as np
import pytest

from dashboard.domain import derive
from dashboard.domain.filters import apply, parse_query
from dashboard.domain.schema import TIERS
from testsupport import ROOT

MEMORY_DELTA = "memory-delta-bajoran-empire"  # the dark-mirror article, a fan work


def event(cat, event_id, tiers=TIERS) -> dict:
    return cat.event(event_id, tiers)


def dated(ev, side="start") -> dict:
    return {(c["source"], c["page"].split(":")[0]): c[side] for c in ev["citations"] if c[side]}


def claims_of(ev, side="start") -> set:
    """Every dated claim on one side as (source title, wiki, date)."""
    return {(c["source"], c["page"].split(":")[0], c[side]) for c in ev["citations"] if c[side]}


def values(ev) -> dict:
    return {(c["source"], c["page"].split(":")[0]): c["value"] for c in ev["citations"] if c["value"]}


def shown(cat, query: str) -> set:
    state, notices = parse_query(query, cat.vocab)
    assert notices == []
    return set(apply(cat.resolved(state.tiers), state, cat.vocab)["id"])


def test_coverage(real):
    t = real.tables
    assert len(t.events) > 60 and len(t.claims) > 120
    assert set(t.claims["page"]) == {"memory-alpha", "memory-beta", "memory-delta", "fan-wiki"}
    assert set().union(*t.events["universes"]) == {"prime", "mirror", "parallels", "neelix-2371", "dark-mirror"}
    assert set(t.sources["tier"]) == set(TIERS)
    assert (t.events["end"] == "").sum() > 20 and (t.events["end"] != "").sum() > 20  # moments and periods


def test_a_works_tier_belongs_to_the_work_not_the_wiki(real):
    claims = real.tables.claims.merge(real.tables.sources, left_on="source", right_on="id")
    on_fan_wiki = claims[claims["page"] == "fan-wiki"]
    assert {"canon", "licensed", "fan"} <= set(on_fan_wiki["tier"])  # episodes cited on the fan wiki stay canon
    assert set(claims[claims["medium"] == "episode"]["tier"]) == {"canon"}
    assert set(claims[claims["medium"] == "draft script"]["tier"]) == {"production"}
    assert set(claims[claims["page"] == "memory-delta"]["tier"]) == {"fan"}


# --- Every date has a basis in the pages -----------------------------------------------------------


def test_no_event_date_lacks_a_claim_that_supports_it(real):
    """Our own dates in events.csv are only a reading of the claims, never outside knowledge.

    Supported means: the event's own `start` interval overlaps the `start` interval of at least one of
    its claims (any tier, any page), and for a period the same holds for `end`. Two intervals overlap
    when they share at least one instant (open bounds reach to infinity). A claim that dates only the
    end supports only the end; an undated claim supports neither.
    """
    t = real.tables
    every = np.arange(len(t.claims))  # a derived claim supports with the date it is counted to
    claims = derive.frame(t, every, derive.claims(t, every))
    by_event = {eid: group for eid, group in claims.groupby("event")}
    unsupported = []
    for ev in t.events.to_dict("records"):
        claims = by_event[ev["id"]]
        for side in ("start", "end"):
            own = ev[f"{side}_iv"]
            if own is None:
                continue  # a point event has no end
            if not any(iv is not None and iv.overlaps(own) for iv in claims[f"{side}_iv"]):
                unsupported.append(f"{ev['id']} {side} {ev[side]!r}")
    assert unsupported == []


def test_every_event_date_lies_within_what_its_claims_allow(real):
    """Our own start and end are a reading of the claims: neither may reach earlier than the
    earliest or later than the latest that any of the event's claims allows on that side (any tier,
    any page, any universe). Six Resistance events once began in 2333 when their only claims said
    2348 at the earliest."""
    t = real.tables
    by_event = {eid: group for eid, group in t.claims.groupby("event")}
    beyond = []
    for ev in t.events.to_dict("records"):
        claims = by_event[ev["id"]]
        for side in ("start", "end"):
            own = ev[f"{side}_iv"]
            dated = [iv for iv in claims[f"{side}_iv"] if iv is not None]
            if own is None or not dated:
                continue  # a moment has no end; an undated side is the test above's business
            lo, hi = min(iv.earliest for iv in dated), max(iv.latest for iv in dated)
            if own.earliest < lo or own.latest > hi:
                beyond.append(f"{ev['id']} {side} {ev[side]!r} beyond {lo}..{hi}")
    assert beyond == []


def test_no_date_from_outside_the_pages(real):
    """The mirror and "Parallels" events were once dated by "Crossover"'s year, and the crises after
    the withdrawal by the episodes' years: the pages give neither, so neither is in our dates."""
    t = real.tables
    own = dict(zip(t.events["id"], t.events["start"]))
    for eid in (
        "mirror-terran-occupation",
        "mirror-kca-conquest",
        "mirror-bajor-joins-alliance",
        "mirror-terrans-enslaved",
        "parallels-cardassians-overthrown",
        "parallels-bajoran-aggression",
    ):
        assert own[eid] == "23XX", eid  # no year on any page: only "some year of the 24th century"
    for eid in ("circle-crisis", "winn-interim-first-minister", "dahkur-reclamator-dispute"):
        assert own[eid] == "2369/..", eid  # "over the next several years" after 2369, with no end given
    own_dates = set(t.events["start"]) | set(t.events["end"])
    assert own_dates.isdisjoint(
        {"../2370", "2370/..", "2370~", "2371~", "2349~"}
    )  # the dates the review found invented


def test_the_federations_war_is_read_from_the_latter_half_of_the_occupation(real):
    """ "Much of the latter half" puts the war across the middle of that half (2348.5 to 2369): under
    way by 2358 and still going after it, with no floor to its start and no ceiling to its end."""
    ev = event(real, "federation-cardassian-war")
    assert ("The Wounded", "Memory Beta", "../2358") in claims_of(ev)
    assert ("The Wounded", "Memory Beta", "2359/..") in claims_of(ev, "end")
    assert ev["start_earliest"] == -math.inf and ev["end_latest"] == math.inf


# --- The disputes ---------------------------------------------------------------------------------


def test_when_the_annexation_began(real):
    ev = event(real, "annexation-of-bajor")
    starts = dated(ev)
    assert starts[("Ensign Ro", "Memory Beta")] == "2328"  # forty years before 2368
    assert ("Emissary", "Memory Beta") not in starts  # its 2309 "help" dates the Occupation, not the annexation
    assert ("Star Trek: Terok Nor", "Memory Beta") not in starts  # "open for debate": no year
    assert starts[("Sanctuary", "Memory Beta")] == "2319~"  # fifty years of rule
    assert starts[("Accession", "Memory Beta")] == "../2319"  # over fifty years
    delta = {c["start"] for c in ev["citations"] if c["page"].startswith("Memory Delta")}
    # its text repeats 2328 (ten years after first contact, so also "by 2319" from Emissary's "by 2309"
    # reading of first contact); its section heading says 2319
    assert delta == {"../2319", "2319", "2328"}
    assert ev["disputed"] and ev["start"] == "2328"
    assert ev["start_earliest"] == -math.inf and ev["start_latest"] == 2328.999  # "or earlier" is open-ended


def test_emissarys_offer_of_help_predates_first_contact(real):
    ev = event(real, "first-contact")
    assert ("Emissary", "Memory Beta", "../2309") in claims_of(ev)  # 2369 - 60: they had met by 2309
    assert ("Ensign Ro", "Memory Beta", "2318") in claims_of(ev)
    assert ev["disputed"] and event(real, "first-contact", ("canon",))["disputed"]  # both are episodes
    assert "2309" in ev["dispute_note"] and "2318" in ev["dispute_note"]


def test_the_occupations_length_on_every_cited_work(real):
    ev = event(real, "occupation-of-bajor")
    fifty_years_to_2369 = {
        (s, "Memory Beta", "2319~") for s in ("Duet", "Chain of Command", "Cardassians", "Call to Arms")
    }
    assert fifty_years_to_2369 <= claims_of(ev)  # the withdrawal paragraph's four works
    assert ("Waltz", "Memory Beta", "2319~") in claims_of(ev)  # five decades of occupation
    assert ev["disputed"] and ev["start"] == "2328" and ev["end"] == "2369"


def test_fifty_years_of_slavery_keep_their_span(real):
    """Counted forward from the 2328 annexation, fifty years run to about 2378, past the withdrawal."""
    ev = event(real, "occupation-of-bajor")
    for source, wiki in (
        ("Ensign Ro", "Memory Beta"),
        ("Day of the Vipers", "Memory Beta"),
        ("Bajoran Empire (Memory Delta article)", "Memory Delta"),
    ):
        spans = {
            (c["start"], c["end"]) for c in ev["citations"] if (c["source"], c["page"].split(":")[0]) == (source, wiki)
        }
        assert ("2328", "2378~") in spans, source
    ro = next(c for c in ev["citations"] if c["source"] == "Ensign Ro")
    assert "2328 + 50 = 2378" in ro["note"] and "2319" in ro["note"]  # the arithmetic, both ways
    assert ev["end_latest"] == 2379.999  # 2378~ reaches 2379; the best end stays the withdrawal
    canon = event(real, "occupation-of-bajor", ("canon",))
    assert canon["disputed"] and canon["end"] == "2369"


def test_when_dukat_became_prefect(real):
    ev = event(real, "dukat-prefecture")
    starts = dated(ev)
    assert starts[("Waltz", "Memory Beta")] == "2346" and starts[("Waltz", "Memory Alpha")] == "2359"
    assert ev["disputed"] and (ev["start_earliest"], ev["start_latest"]) == (2346.0, 2359.999)


def test_when_the_resistance_formed(real):
    ev = event(real, "resistance-formed")
    starts = dated(ev)
    assert starts[("The Art of the Impossible", "Memory Beta")] == "2333"
    # "after decades" of occupation (2328 + 20) and decades of attacks before the withdrawal (2369 - 20)
    assert starts[("Duet", "Memory Alpha")] == "2348/2349"
    assert ev["disputed"]
    canon = event(real, "resistance-formed", ("canon",))
    assert not canon["disputed"] and canon["start"] == "2348/2349"  # canon alone does not say 2333
    assert not any("2333" in c["start"] for c in canon["citations"])


def test_gallitep_command_ends_in_2357_yet_darheel_orders_a_massacre_there_in_2369(real):
    camp = event(real, "gallitep-camp")
    assert {
        ("Duet", "Memory Beta", "2357"),
        ("Duet", "Memory Beta", "2369"),
        ("Bajoran Empire (Memory Delta article)", "Memory Delta", "2369"),
    } <= claims_of(camp, "end")
    order = event(real, "gallitep-massacre-order")
    assert {("Duet", "Memory Beta", "2369"), ("Duet", "Memory Beta", "2336/2357")} <= claims_of(order)
    for eid in ("gallitep-camp", "gallitep-massacre-order"):
        assert event(real, eid, ("canon",))["disputed"], eid  # one episode, read on one page, disagrees with itself
        assert "2357" in event(real, eid)["dispute_note"]


def test_the_federations_role_in_the_withdrawal(real):
    ev = event(real, "federation-non-involvement")
    said = values(ev)
    assert (
        said[("Ensign Ro", "Memory Beta")]
        == said[("Ensign Ro", "Star Trek Expanded Universe (fan wiki)")]
        == "stayed out"
    )
    assert said[("Factoring Primes", "Star Trek Expanded Universe (fan wiki)")] == "stayed out"
    assert {said[(s, "Memory Alpha")] for s in ("Emissary", "Duet", "Shakaar")} == {"pressed Cardassia to leave"}
    assert ev["disputed"] and event(real, "federation-non-involvement", ("canon",))["disputed"]


def test_why_cardassia_withdrew_and_memory_delta_disagreeing_with_itself(real):
    ev = event(real, "cardassian-withdrawal")
    delta = {c["value"] for c in ev["citations"] if c["page"].startswith("Memory Delta")}
    assert delta == {"political decision", "overthrow"}  # its withdrawal section, then its aftermath section
    assert {c["value"] for c in ev["citations"]} == {
        "political decision",
        "overthrow",
        "Resistance attacks and Federation pressure",
    }
    alpha = {c["source"] for c in ev["citations"] if c["page"].startswith("Memory Alpha")}
    assert alpha == {"Emissary", "Duet", "Shakaar"}
    assert ("Chain of Command", "Memory Beta") in values(ev)
    assert ev["disputed"] and event(real, "cardassian-withdrawal", ("fan",))["disputed"]
    assert "Memory Delta" in ev["dispute_note"]


def test_who_clashed_at_minos_korva_and_how_many_died(real):
    korva = event(real, "minos-korva-incident")
    assert {c["value"] for c in korva["citations"]} == {"Federation", "Romulans"} and korva["disputed"]
    assert not event(real, "minos-korva-incident", ("canon",))["disputed"]
    toll = event(real, "occupation-death-toll")
    said = values(toll)
    assert said[("Emissary", "Star Trek Expanded Universe (fan wiki)")] == "more than 10 million"  # compared now
    assert {"more than 10 million", "10 million", "600 million", "unknown"} == set(said.values()) and toll["disputed"]


# --- Shared histories ------------------------------------------------------------------------------


def universe_of_claim(claim: dict) -> str:
    """Which history a claim speaks for: Memory Delta's page describes the dark mirror, "Factoring
    Primes" the alternate 2371, "Crossover" the mirror universe, "Parallels" a quantum reality."""
    if claim["page"] == "memory-delta":
        return "dark-mirror"
    return {"fanfic-factoring-primes": "neelix-2371", "ds9-crossover": "mirror", "tng-parallels": "parallels"}.get(
        claim["source"], "prime"
    )


def test_each_event_belongs_to_every_universe_its_citations_speak_for(real):
    t = real.tables
    spoken = {}
    for claim in t.claims.to_dict("records"):
        spoken.setdefault(claim["event"], set()).add(universe_of_claim(claim))
    listed = {e: set(u) for e, u in zip(t.events["id"], t.events["universes"])}
    assert {e: u for e, u in listed.items() if u != spoken[e]} == {}


def test_the_dark_mirror_view_shows_its_whole_occupation(real):
    t = real.tables
    on_memory_delta = set(t.claims.loc[t.claims["page"] == "memory-delta", "event"])
    view = shown(real, "universe=dark-mirror")
    assert view == on_memory_delta and len(view) == 48  # was 8: only the events after 2369
    assert {
        "first-contact",
        "annexation-of-bajor",
        "occupation-of-bajor",
        "gallitep-camp",
        "resistance-formed",
        "cardassian-withdrawal",
        "looting-of-terok-nor",
        "dm-bajoran-empire-founded",
    } <= view
    # Memory Delta's dates (its 2319-2369 heading among them) take part in the disputes of that view
    disputed = shown(real, "universe=dark-mirror&disputed=1")
    assert {
        "annexation-of-bajor",
        "occupation-of-bajor",
        "djarra-abolished",
        "cardassian-withdrawal",
        "gallitep-camp",
        "gallitep-massacre-order",
        "minos-korva-incident",
    } <= disputed
    djarra = event(real, "djarra-abolished", ("fan",))
    assert djarra["start"] == "2319" and ("2319/2369" in {c["start"] for c in event(real, "strip-mining")["citations"]})
    assert shown(real, "universe=prime") >= view - {e for e in view if e.startswith("dm-")}


def test_the_mirror_and_the_alternate_2371_views(real):
    assert shown(real, "universe=mirror") == {
        "mirror-terran-occupation",
        "mirror-kca-conquest",
        "mirror-bajor-joins-alliance",
        "mirror-terrans-enslaved",
    }
    assert shown(real, "universe=neelix-2371") == {
        "alt2371-count-abandoned",
        "alt2371-evek-remark",
        "alt2371-celes-tal-remark",
        "occupation-of-bajor",
        "occupation-death-toll",
        "federation-non-involvement",
    }
    assert shown(real, "universe=parallels") == {
        "parallels-cardassian-rule",  # the overthrow presupposes it (docs/DATA.md, Shared histories)
        "parallels-cardassians-overthrown",
        "parallels-bajoran-aggression",
    }


# --- The command line and our own words ----------------------------------------------------------


def test_the_bundled_data_validates_from_the_command_line():
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0 and out.stdout.startswith("OK: ")


def _copy_tool():
    """../shared/tools/copied_text.py beside the checkout (or beside the directory of worktrees)."""
    return next(
        (
            p / "shared" / "tools" / "copied_text.py"
            for p in ROOT.parents
            if (p / "shared" / "tools" / "copied_text.py").exists()
        ),
        None,
    )


COPY_TOOL = _copy_tool()
PROSE = {
    "events.csv": ("title", "summary", "dispute_note"),
    "claims.csv": ("value", "note"),
    "universes.csv": ("description",),
    "tours.csv": ("title", "description", "note"),
}  # titles of works (sources.csv) are names, not prose


@pytest.mark.skipif(COPY_TOOL is None, reason="shared/ is not beside the checkout")
def test_no_sentence_is_copied_from_the_wikis():
    out = subprocess.run([sys.executable, str(COPY_TOOL)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout


@pytest.mark.skipif(COPY_TOOL is None, reason="shared/ is not beside the checkout")
def test_our_prose_shares_no_run_of_seven_words_with_the_wikis(tmp_path):
    """Each prose cell is checked on its own, so a run never spans two cells; a hit names its cell."""
    cells = []
    for file, columns in PROSE.items():
        with open(ROOT / "data" / file, encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                for column in columns:
                    if row[column]:
                        path = tmp_path / f"{file}-line{line}-{column}.txt"
                        path.write_text(row[column], encoding="utf-8")
                        cells.append(path)
    assert len(cells) > 400
    out = subprocess.run(
        [sys.executable, str(COPY_TOOL), "--words", "7", *map(str, cells)], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stdout
