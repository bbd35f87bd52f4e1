"""asof=<year>: only claims from works released by then count, everywhere the query vocabulary goes."""

import csv
import io
import json
import subprocess
import sys

from dashboard.domain import view
from dashboard.domain.filters import parse_query, released_by, to_query
from testsupport import ROOT


def test_asof_parses_round_trips_and_rejects_non_years(mini):
    state, notices = parse_query("asof=1993", mini.vocab)
    assert state.asof == 1993 and notices == [] and to_query(state) == "asof=1993"
    state, notices = parse_query("asof=last-season", mini.vocab)
    assert state.asof is None and notices == ["Ignored 'asof=last-season': give a real-world year, e.g. asof=1993."]


def test_released_by_leaves_out_later_works_and_works_with_no_year(mini):
    assert released_by(mini.tables, None) is None
    assert released_by(mini.tables, 1993) == {"tng-ensign-ro", "ds9-emissary", "ds9-cardassians"}
    assert released_by(mini.tables, 1990) == frozenset()
    # the draft script and the fan story have no release year: never counted in an asof view
    assert "draft-when-it-rains" not in released_by(mini.tables, 3000)


def test_ranges_and_disputes_are_recomputed_and_unsupported_events_disappear(mini):
    everything = view.build_view(mini, "").shown.set_index("id")
    early = view.build_view(mini, "asof=1992").shown.set_index("id")
    assert list(early.index) == ["annexation"]  # only "Ensign Ro" (1991) is out by 1992
    assert everything.loc["annexation", "disputed"] and not early.loc["annexation", "disputed"]
    assert early.loc["annexation", "start_earliest"] == 2328.0 < everything.loc["annexation", "start_latest"]
    assert everything.loc["annexation", "start_earliest"] == 2309.0  # Emissary (1993) and the fan story widen it
    v = view.build_view(mini, "asof=1993")
    assert set(v.shown["id"]) == {"annexation", "xss", "death-toll"}


def test_the_summary_says_what_an_asof_view_leaves_out(mini):
    v = view.build_view(mini, "asof=1993")
    assert v.summary == (
        "3 of 7 events: as known in 1993 (works released by then); 2 works with no known release year left out"
    )
    assert "release year" not in view.build_view(mini, "").summary


def test_details_and_selection_follow_asof(mini):
    v = view.build_view(mini, "asof=1992&event=annexation")
    d = view.details(mini, v)
    assert [c["source"] for c in d.citations] == ["Ensign Ro"]
    v = view.build_view(mini, "asof=1992&event=dukat-prefect")
    assert v.selected is None
    assert v.notices == ("The selected event 'dukat-prefect' has no source among the trusted tiers released by 1992.",)


def test_a_class_that_watched_tng_up_to_1992_sees_nothing_from_ds9(real):
    v = view.build_view(real, "asof=1992")
    assert 0 < len(v.shown) < 20
    cited = [c for e in v.shown["id"] for c in real.citations(e, v.state.tiers, v.state.asof)]
    assert cited and all(c["released"] and int(c["released"]) <= 1992 for c in cited)
    assert {c["series"] for c in cited} == {"TNG"}
    # Dukat, Terok Nor and the Resistance cells are DS9's revelations
    assert not {"dukat-prefecture", "terok-nor-construction", "kira-in-resistance"} & set(v.shown["id"])


def test_json_export_and_cli_follow_asof(real):
    from dashboard.web.app import create_app

    client = create_app(catalogue=real).server.test_client()
    ids_1992 = {e["id"] for e in client.get("/events.json?asof=1992").get_json()["events"]}
    assert ids_1992 == set(view.build_view(real, "asof=1992").shown["id"])
    out = subprocess.run(
        [sys.executable, "-m", "dashboard", "export", "--format", "json", "--query", "asof=1992"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert {e["id"] for e in json.loads(out.stdout)["events"]} == ids_1992
    rows = list(csv.DictReader(io.StringIO(client.get("/events.csv?asof=1992&canon=canon").get_data(as_text=True))))
    cited = " | ".join(r["citations"] for r in rows)
    assert "Ensign Ro" in cited and "Emissary" not in cited and "Waltz" not in cited
