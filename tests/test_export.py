"""Export: the JSON and CSV shapes, the round trip, formula neutralising, the credit."""

import csv
import io
import json

import pytest

from dashboard.domain.schema import TIERS
from dashboard.formats import events_csv, events_json, records, registry


def test_json_shape_and_round_trip(mini):
    resolved = mini.resolved(TIERS)
    payload = json.loads(events_json.to_json(resolved, mini.tables))
    assert [e["id"] for e in payload["events"]] == list(resolved["id"])
    ev = payload["events"][0]
    assert list(ev) == list(records.EVENT_FIELDS)
    assert list(ev["citations"][0]) == list(records.CITATION_FIELDS)
    assert ev["start_earliest"] == 2309.0 and ev["disputed"] is True
    # the JSON is the resolved table: numbers, lists and booleans survive the trip
    for rec, (_, row) in zip(payload["events"], resolved.iterrows()):
        assert rec["factions"] == list(row["factions"]) and rec["universes"] == list(row["universes"])
        assert rec["start_latest"] == row["start_latest"]
        assert len(rec["citations"]) == row["n_claims"]
    assert {a["wiki"] for a in payload["attribution"]} == {
        "Memory Alpha",
        "Memory Beta",
        "Memory Delta",
        "Star Trek Expanded Universe (fan wiki)",
    }


def test_json_has_no_nan_and_null_for_open_bounds(mini):
    text = events_json.to_json(mini.resolved(TIERS), mini.tables)
    assert "NaN" not in text and "Infinity" not in text
    ev = next(e for e in json.loads(text)["events"] if e["id"] == "open-ended")
    assert ev["end_latest"] is None and ev["end"] == "2369/.."


def test_citations_follow_the_tiers_the_table_was_resolved_for(mini):
    canon = json.loads(events_json.to_json(mini.resolved(("canon",)), mini.tables))["events"]
    assert all(c["tier"] == "canon" for e in canon for c in e["citations"])
    from dashboard.domain.filters import apply, parse_query

    state, _ = parse_query("canon=canon&era=early-occupation", mini.vocab)
    shown = apply(mini.resolved(state.tiers), state, mini.vocab)  # filtering keeps what it was resolved for
    assert all(
        c["tier"] == "canon"
        for e in json.loads(events_json.to_json(shown, mini.tables))["events"]
        for c in e["citations"]
    )
    everyone = json.loads(events_json.to_json(mini.resolved(("canon",)), mini.tables, tiers=TIERS))["events"]
    assert sum(len(e["citations"]) for e in everyone) > sum(len(e["citations"]) for e in canon)


def test_csv_one_row_per_event_lists_joined(mini):
    resolved = mini.resolved(TIERS)
    rows = list(csv.DictReader(io.StringIO(events_csv.to_csv(resolved, mini.tables))))
    assert len(rows) == len(resolved)
    res = next(r for r in rows if r["id"] == "resistance-formed")
    assert res["factions"] == "shakaar-cell;resistance"
    assert next(r for r in rows if r["id"] == "annexation")["universes"] == "prime;dark-mirror"
    assert res["disputed"] == "false"
    assert res["citations"].startswith("The Art of the Impossible (licensed; Memory Beta: Occupation of Bajor): 2333")
    assert "CC BY-SA 3.0" in res["pages"]


@pytest.mark.parametrize(
    "cell, safe",
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("plain", "plain"),
        (None, ""),
        (2328.0, "2328.0"),
    ],
)
def test_neutralise(cell, safe):
    assert events_csv.neutralise(cell) == safe


def test_csv_neutralises_formula_cells_from_the_data(broken):
    from dashboard.domain.catalogue import Catalogue

    data = broken("events.csv", "Annexation of Bajor,", "=cmd|' /C calc'!A0,")
    cat = Catalogue.load(data)
    rows = list(csv.DictReader(io.StringIO(events_csv.to_csv(cat.resolved(TIERS), cat.tables))))
    assert rows[0]["title"] == "'=cmd|' /C calc'!A0"


def test_unknown_format_is_refused(mini):
    with pytest.raises(ValueError, match="use one of json, csv"):
        registry.export(mini.resolved(TIERS), mini.tables, "xml")
