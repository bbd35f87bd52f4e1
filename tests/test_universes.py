"""Claims belong to a universe: by default their page's, or their own (claims.csv's universe cell).

A `universe=` view resolves each event from that universe's claims only; without one every claim
counts and each citation says which universe it belongs to (docs/DATA.md, Shared histories).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from typing import TYPE_CHECKING

import pytest

from dashboard.domain import citations, drift, universes
from dashboard.domain.filters import parse_query
from dashboard.domain.loading import load
from dashboard.domain.schema import TIERS, DataInvalid
from dashboard.formats import events_csv, events_json
from dashboard.web.components import drift as drift_block
from testsupport import DATA

if TYPE_CHECKING:
    from dashboard.domain.catalogue import Catalogue

DELTA = "Memory Delta"


def cited(cat: Catalogue, query: str) -> list[dict]:
    """Every citation of every event the query shows, as the panels and exports build them."""
    state, _, shown = cat.shown(query)
    by_event = cat.citations_of(shown["id"], state.tiers, state.asof, state.universe)
    return [c for cs in by_event.values() for c in cs]


def row(cat: Catalogue, query: str, event: str) -> dict:
    _, _, shown = cat.shown(query)
    return shown[shown["id"] == event].iloc[0].to_dict()


def test_each_claim_takes_its_pages_universe_unless_it_names_its_own(real):
    cl = real.tables.claims
    assert set(cl.loc[cl["page"] == "memory-delta", "universe"]) == {"dark-mirror"}
    assert set(cl.loc[cl["page"] == "memory-alpha", "universe"]) == {"prime"}
    own = {(e, u) for e, u in zip(cl["event"], cl["universe"]) if e.startswith(("mirror-", "parallels-", "alt2371-"))}
    assert {u for _, u in own} == {"mirror", "parallels", "neelix-2371"}
    assert set(cl.loc[cl["source"] == "fanfic-factoring-primes", "universe"]) == {"neelix-2371"}


def test_the_dark_mirror_view_dates_the_resistance_by_memory_delta(real):
    everywhere = row(real, "", "resistance-formed")
    assert everywhere["start"] == "2348/2349"  # Memory Alpha's canon reading wins with every claim counted
    dark = row(real, "universe=dark-mirror", "resistance-formed")
    assert dark["start"] == "2333" and dark["best_start"] == 2333.0  # Memory Delta's year
    assert dark["start_latest"] == 2369.999  # its 2328/2369 frame, not Memory Alpha's 2348/2349 alone
    cites = real.citations("resistance-formed", TIERS, None, ("dark-mirror",))
    assert cites and {c["page"].split(":")[0] for c in cites} == {DELTA}


def test_the_dark_mirror_view_cites_memory_delta_only(real):
    cites = cited(real, "universe=dark-mirror")
    assert len(cites) == 54
    assert {c["page"].split(":")[0] for c in cites} == {DELTA}
    assert {c["universe"] for c in cites} == {"dark-mirror"}


def test_the_prime_view_cites_no_memory_delta_claim(real):
    cites = cited(real, "universe=prime")
    assert cites and not [c for c in cites if c["page"].startswith(DELTA)]
    assert {c["universe"] for c in cites} == {"prime"}
    # Memory Delta's 'Romulans' no longer disputes Memory Beta's Federation at Minos Korva
    assert row(real, "", "minos-korva-incident")["disputed"]
    assert not row(real, "universe=prime", "minos-korva-incident")["disputed"]


def test_without_a_universe_every_claim_counts_and_says_its_universe(real):
    cites = cited(real, "")
    assert {c["universe"] for c in cites} == {"prime", "dark-mirror", "mirror", "parallels", "neelix-2371"}
    delta = next(c for c in cites if c["page"].startswith(DELTA))
    assert delta["universe_label"] == "Dark mirror (Memory Delta)"
    assert citations.text(delta).split(": ")[0].endswith("Memory Delta, Dark mirror (Memory Delta)")
    assert "; Dark mirror (Memory Delta))" in citations.text(delta, "csv")


def test_a_universe_whose_claims_are_silent_keeps_our_date(real):
    """The alternate 2371's only claim on the Occupation is undated: the event keeps its own dates."""
    occ = row(real, "universe=neelix-2371", "occupation-of-bajor")
    assert (occ["start"], occ["end"]) == ("2328", "2369") and occ["n_claims"] == 1


def test_the_parallels_overthrow_has_a_rule_to_overthrow(real):
    _, _, shown = real.shown("universe=parallels")
    assert list(shown["id"]) == [
        "parallels-cardassian-rule",
        "parallels-cardassians-overthrown",
        "parallels-bajoran-aggression",
    ]
    rule = row(real, "universe=parallels", "parallels-cardassian-rule")
    assert (rule["start"], rule["end"]) == ("23XX", "23XX")  # the page dates neither


def test_exports_of_a_universe_view_cite_only_its_claims(real):
    _, _, shown = real.shown("universe=dark-mirror")
    payload = json.loads(events_json.to_json(shown, real.tables))
    cites = [c for e in payload["events"] for c in e["citations"]]
    assert len(cites) == 54 and {c["universe"] for c in cites} == {"dark-mirror"}
    rows = list(csv.DictReader(io.StringIO(events_csv.to_csv(shown, real.tables))))
    assert all("Dark mirror (Memory Delta)" in r["citations"] for r in rows)
    _, _, everything = real.shown("")
    payload = json.loads(events_json.to_json(everything, real.tables))
    labels = {c["universe_label"] for e in payload["events"] for c in e["citations"]}
    assert "Prime universe" in labels and "Dark mirror (Memory Delta)" in labels


def test_a_claim_outside_its_events_universes_is_reported(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    claims = data / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(
        text.replace(
            "parallels-bajoran-aggression,tng-parallels,memory-beta,23XX,,,parallels,",
            "parallels-bajoran-aggression,tng-parallels,memory-beta,23XX,,,,",
            1,
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataInvalid) as err:
        load(data)
    (problem,) = err.value.errors
    assert problem.file == "claims.csv" and problem.column == "universe"
    assert "the default of page 'memory-beta'" in problem.message and "(parallels)" in problem.message


def test_tables_without_universe_columns_count_each_claim_in_every_universe(mini):
    """A table written before the columns (the mini fixture) resolves as it always did."""
    assert set(mini.tables.claims["universe"]) == {""}
    scoped = universes.scoped(mini.tables, ("prime",))
    assert len(scoped.claims) == len(mini.tables.claims)


def test_the_asof_control_names_the_events_no_release_year_lets_in(real):
    state, _ = parse_query("asof=1993", real.vocab)
    d = drift.build(real, state)
    ids_of = dict(zip(real.tables.events["title"], real.tables.events["id"]))
    hidden = {ids_of[t] for t in d.hidden}
    assert len(hidden) == 13 and "dm-circle-coup" in hidden and "eleya-death-toll" in hidden
    assert "dulcet-camp" not in hidden  # "Victims of Deceit" is dated now: 1995
    for year in (1993, 2030):
        _, _, shown = real.shown(f"asof={year}")
        assert not hidden & set(shown["id"])
    text = str(drift_block.asof_help(d.hidden))
    assert "which hides 13 events from every such view" in text and "The Circle's coup attempt (dark mirror)" in text
