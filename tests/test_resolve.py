"""Resolution: envelopes, best estimates and disputes, narrowed by the trusted tiers.

The vectorised resolve() is checked against a plain, event-by-event reference implementation
(the rules written as directly as possible) on the real data, the mini fixture and synthetic
tables, for every set of trusted tiers.
"""

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from dashboard.domain import dates, derive, resolve
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.schema import TIERS
from testsupport import synthetic


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
    assert [c["source"] for c in mini.citations("death-toll", ("canon",))] == ["Cardassians"]


def test_events_without_a_trusted_claim_drop_out(mini):
    ids = set(mini.resolved(("canon",))["id"])
    assert "open-ended" not in ids and "micro-explosives" not in ids
    assert set(mini.resolved(("fan",))["id"]) == {"annexation", "death-toll", "open-ended"}


def test_undated_claim_keeps_the_editorial_date(mini):
    ev = row(mini.resolved(("production",)), "micro-explosives")
    assert (ev["start"], ev["start_earliest"], ev["start_latest"]) == ("2328/2369", 2328.0, 2369.999)
    assert ev["canon"] == "production" and not ev["disputed"]


def test_open_end_is_infinity(mini):
    ev = row(mini.resolved(TIERS), "open-ended")
    assert ev["end_earliest"] == 2369.0 and ev["end_latest"] == math.inf
    assert ev["best_end"] == math.inf  # no claim dates the end, so the open editorial end stands: drawn to the edge


def test_point_events_have_no_end(mini):
    ev = row(mini.resolved(TIERS), "dukat-prefect")
    assert ev["is_point"] and ev["end"] == ""
    assert all(math.isnan(ev[k]) for k in ("end_earliest", "end_latest", "best_end"))
    assert (ev["start_earliest"], ev["start_latest"]) == (2346.0, 2359.999) and ev["disputed"]


def test_sources_can_be_trusted_one_by_one(mini):
    df = resolve.resolve(mini.tables, None, sources={"tng-ensign-ro"})
    assert list(df["id"]) == ["annexation"]
    assert row(df, "annexation")["start_earliest"] == 2328.0


@pytest.mark.parametrize(
    "bad, fragment",
    [
        (("kanon",), "unknown tier"),
    ],
)
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


def test_the_contract_columns_and_types(mini):
    df = mini.resolved(TIERS)
    for col in (
        "id",
        "title",
        "summary",
        "start",
        "end",
        "start_earliest",
        "start_latest",
        "end_earliest",
        "end_latest",
        "best_start",
        "best_end",
        "is_point",
        "era",
        "factions",
        "canon",
        "tiers",
        "disputed",
        "dispute_note",
        "sources_say",
        "n_claims",
    ):
        assert col in df.columns, col
    assert "citations" not in df.columns
    for col in ("start_earliest", "start_latest", "end_earliest", "end_latest", "best_start", "best_end"):
        assert df[col].dtype == "float64", col
    assert df["is_point"].dtype == bool and df["disputed"].dtype == bool and df["n_claims"].dtype == "int64"
    assert all(isinstance(v, list) for v in df["factions"]) and all(isinstance(v, list) for v in df["tiers"])
    assert list(df["id"]) == [i for i in mini.tables.events["id"] if i in set(df["id"])]  # file order
    ann = row(df, "annexation")
    assert ann["sources_say"] == "start 2328 · 2309 · 2319; end 2369" and ann["n_claims"] == 3
    assert row(df, "micro-explosives")["sources_say"] == "no source gives a date"


def test_no_trusted_tier_gives_an_empty_table_with_the_columns(mini):
    df = resolve.resolve(mini.tables, ())
    assert df.empty and {"id", "best_start", "sources_say", "n_claims"} <= set(df.columns)


def test_citations_of_just_the_events_asked(mini):
    cites = resolve.citations(mini.tables, ["annexation", "open-ended"], ("canon",))
    assert list(cites) == ["annexation", "open-ended"]
    assert cites["open-ended"] == []  # only a fan work dates it
    assert [c["source"] for c in cites["annexation"]] == ["Ensign Ro", "Emissary"]  # file order, canon only
    first = cites["annexation"][0]
    assert list(first) == list(resolve.CITATION_FIELDS)
    assert first["start_iv"] == dates.parse("2328") and first["end_iv"] is None
    assert first["page"] == "Memory Beta: Occupation of Bajor" and first["page_url"].startswith("https://")
    assert mini.citations("annexation", ("canon",)) == cites["annexation"]


# --- the vectorised resolution equals a plain reference implementation --------------------------


def reference(tables, tiers, sources=None) -> pd.DataFrame:
    """The rules, event by event, as directly as they can be written (slow, obviously right)."""
    tiers = resolve.check_tiers(tiers)
    src = {r["id"]: r for r in tables.sources.to_dict("records")}
    # The claims with their derived dates (relative_to: dashboard/domain/derive.py, tested in
    # tests/test_derive.py), a claim counted from an anchor read two ways being two rows here.
    rank = np.array([TIERS.index(src[s]["tier"]) for s in tables.claims["source"]], dtype=np.int64)
    pos = np.flatnonzero(np.isin(rank, [TIERS.index(t) for t in tiers]))
    if sources is not None:
        pos = pos[tables.claims["source"].iloc[pos].isin(sources).to_numpy(dtype=bool)]
    rows = derive.frame(tables, pos, derive.claims(tables, pos)).to_dict("records")
    trusted = [dict(c, order=i, tier=src[c["source"]]["tier"]) for i, c in enumerate(rows)]
    out = []
    for ev in tables.events.to_dict("records"):
        cl = [c for c in trusted if c["event"] == ev["id"]]
        if not cl:
            continue
        own_s, own_e = ev["start_iv"], ev["end_iv"]
        is_point = own_e is None

        def best(own, key, cl=cl):
            dated = [c for c in cl if c[key] is not None]
            if not dated:
                return own
            return min(
                dated, key=lambda c: (TIERS.index(c["tier"]), not c[key].overlaps(own), c[key].width, c["order"])
            )[key]

        s_env = dates.envelope([own_s, *(c["start_iv"] for c in cl)])
        e_env = None if is_point else dates.envelope([own_e, *(c["end_iv"] for c in cl)])
        best_s, best_e = best(own_s, "start_iv"), (None if is_point else best(own_e, "end_iv"))
        if best_s.open_start:
            anchor = best_s.latest
        elif best_s.open_end:
            anchor = best_s.earliest
        else:
            anchor = best_s.midpoint if is_point and best_s.width > 1.0 else best_s.earliest
        disputed = any(
            not a.overlaps(b)
            for key in ("start_iv", "end_iv")
            for a, b in itertools.combinations([c[key] for c in cl if c[key] is not None], 2)
        )
        disputed |= len({c["value"].casefold() for c in cl if c["value"]}) > 1
        said = []
        for side in ("start", "end"):
            labels = list(dict.fromkeys(c[side] for c in cl if c[side]))
            if labels:
                said.append(f"{side} " + " · ".join(labels))
        out.append(
            {
                "id": ev["id"],
                "title": ev["title"],
                "summary": ev["summary"],
                "start": best_s.label,
                "end": best_e.label if best_e else "",
                "start_earliest": s_env.earliest,
                "start_latest": s_env.latest,
                "end_earliest": e_env.earliest if e_env else math.nan,
                "end_latest": e_env.latest if e_env else math.nan,
                "best_start": anchor,
                "best_end": best_e.latest if best_e else math.nan,
                "is_point": is_point,
                **{
                    k: (list(v) if isinstance(v, tuple) else v)
                    for k, v in ev.items()
                    if k not in ("id", "title", "summary", "start", "end", "line", "dispute_note")
                    and not k.endswith(("_iv", "_lo", "_hi"))
                },
                "canon": min((c["tier"] for c in cl), key=TIERS.index),
                "tiers": [t for t in TIERS if any(c["tier"] == t for c in cl)],
                "disputed": disputed,
                "dispute_note": ev["dispute_note"],
                "sources_say": "; ".join(said) if said else "no source gives a date",
                "n_claims": len({c["claim"] for c in cl}),  # claims, not a derived claim's alternatives
            }
        )
    return pd.DataFrame.from_records(out)


def assert_same(fast: pd.DataFrame, slow: pd.DataFrame):
    if slow.empty:
        assert fast.empty
        return
    assert list(fast["id"]) == list(slow["id"])
    assert set(slow.columns) <= set(fast.columns), set(slow.columns) - set(fast.columns)
    for col in slow.columns:
        a, b = fast[col].tolist(), slow[col].tolist()
        if fast[col].dtype == "float64":
            np.testing.assert_array_equal(np.asarray(a, dtype=float), np.asarray(b, dtype=float), err_msg=col)
        else:
            assert a == b, col


TIER_SETS = [combo for k in range(len(TIERS) + 1) for combo in itertools.combinations(TIERS, k)]


@pytest.mark.parametrize("tiers", TIER_SETS, ids=lambda t: "+".join(t) or "none")
def test_vectorised_equals_reference_on_the_real_data(real, tiers):
    assert_same(resolve.resolve(real.tables, tiers), reference(real.tables, tiers))


@pytest.mark.parametrize("tiers", TIER_SETS, ids=lambda t: "+".join(t) or "none")
def test_vectorised_equals_reference_on_the_mini_fixture(mini, tiers):
    assert_same(resolve.resolve(mini.tables, tiers), reference(mini.tables, tiers))


@pytest.fixture(scope="module")
def synthetic_tables(tmp_path_factory):
    return Catalogue.load(synthetic.write_tables(tmp_path_factory.mktemp("synthetic") / "data", 400, seed=7)).tables


@pytest.mark.parametrize("tiers", TIER_SETS, ids=lambda t: "+".join(t) or "none")
def test_vectorised_equals_reference_on_synthetic_tables(synthetic_tables, tiers):
    assert_same(resolve.resolve(synthetic_tables, tiers), reference(synthetic_tables, tiers))


def test_vectorised_equals_reference_when_trusting_single_sources(synthetic_tables):
    some = set(synthetic_tables.sources["id"][:5])
    assert_same(resolve.resolve(synthetic_tables, None, some), reference(synthetic_tables, None, some))


def test_citations_agree_with_the_claims_counted(synthetic_tables):
    df = resolve.resolve(synthetic_tables, ("canon", "fan"))
    ids = list(df["id"][:50])
    cites = resolve.citations(synthetic_tables, ids, ("canon", "fan"))
    assert [len(cites[i]) for i in ids] == list(df["n_claims"][:50])
    assert all(c["tier"] in ("canon", "fan") for cs in cites.values() for c in cs)
