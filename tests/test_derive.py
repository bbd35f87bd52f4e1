"""Derived dates (claims.csv relative_to and offset): checked, resolved in order, moved by trust,
alternatives carried through, and said in words (dashboard/domain/anchors.py, derive.py)."""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import shutil

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.domain import anchors, derive, explain, loading, resolve
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.schema import TIERS, DataInvalid
from dashboard.formats import records, timelinejs
from testsupport import MINI

HEADER = ["event", "source", "page", "start", "end", "value", "universe", "relative_to", "offset", "note"]


def data_dir(tmp_path, extra: list[dict]):
    """The mini table with claims.csv in the full header and these claims added at its end."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    rows = list(csv.DictReader(io.StringIO((MINI / "claims.csv").read_text(encoding="utf-8"))))
    buf = io.StringIO()
    w = csv.DictWriter(buf, HEADER, lineterminator="\n")
    w.writeheader()
    for r in [*rows, *extra]:
        w.writerow({k: r.get(k, "") for k in HEADER})
    (target / "claims.csv").write_text(buf.getvalue(), encoding="utf-8")
    return target


def claim(event, rel, off, source="ds9-waltz", start="", end="", note="Counted."):
    return {"event": event, "source": source, "page": "memory-alpha", "start": start, "end": end,
            "relative_to": rel, "offset": off, "note": note}  # fmt: skip


# mini: resistance-formed is dated 2333 by a licensed novel; dukat-prefect 2346 or 2359 (two canon
# readings); micro-explosives has only an undated claim (a moment, editorial 2328/2369).


def test_a_derived_date_is_the_anchor_shifted_and_says_its_chain(tmp_path):
    cat = Catalogue.load(data_dir(tmp_path, [claim("micro-explosives", "resistance-formed.start", "10")]))
    row = cat.row("micro-explosives", TIERS)
    assert (row["best_start"], row["start"]) == (2343.0, "2343")  # (its envelope also holds the editorial 2328/2369)
    c = next(c for c in cat.citations("micro-explosives", TIERS) if c["via"])
    assert c["start"] == "2343" and (c["start_iv"].earliest, c["start_iv"].latest) == (2343.0, 2343.999)
    assert c["via"] == "ten years after Resistance forms (2333, The Art of the Impossible)"
    assert c["anchor"] == "Resistance forms"
    rec = records.events_records(cat.resolved(TIERS).query("id == 'micro-explosives'"), cat.tables)[0]
    assert rec["citations"][-1]["derived"] == c["via"]
    tl = timelinejs.to_timelinejs(cat.resolved(TIERS), cat.tables)  # the TimelineJS export writes the date
    slide = next(e for e in tl["events"] if e["unique_id"] == "micro-explosives")
    assert slide["start_date"]["year"] == 2343 and "ten years after Resistance forms" in slide["text"]["text"]


def test_untrusting_the_tier_behind_an_anchor_moves_the_derived_date(tmp_path):
    extra = [
        claim("resistance-formed", "", "", source="ds9-cardassians", start="2340"),  # canon: a second reading
        claim("micro-explosives", "resistance-formed.start", "10"),  # canon (Waltz): trusted in both views
    ]
    cat = Catalogue.load(data_dir(tmp_path, extra))
    both = cat.row("micro-explosives", TIERS)  # 2333 (licensed) or 2340 (canon) -> 2343 or 2350
    assert [(r.earliest, r.said) for r in both["start_readings"]] == [(2343.0, "2343"), (2350.0, "2350")]
    canon = cat.row("micro-explosives", ("canon",))  # the licensed novel untrusted: 2350 only
    assert (canon["best_start"], canon["start"], canon["start_readings"]) == (2350.0, "2350", ())
    licensed_gone = cat.row("micro-explosives", ("canon", "production"))
    assert licensed_gone["start"] == "2350"
    # asof works the same way: before the novel (2003) came out, only the canon reading counts
    assert cat.row("micro-explosives", TIERS, asof=2000)["start"] == "2350"


def test_an_anchor_read_two_ways_gives_the_derived_claim_both(tmp_path):
    cat = Catalogue.load(data_dir(tmp_path, [claim("micro-explosives", "dukat-prefect.start", "0.083")]))
    row = cat.row("micro-explosives", TIERS)
    split = row["start_readings"]
    assert [(round(r.earliest, 3), round(r.latest, 3)) for r in split] == [(2346.083, 2347.082), (2359.083, 2360.082)]
    assert row["disputed"] and row["n_claims"] == 2  # two claims (the undated one and this), not three rows
    cites = [c for c in cat.citations("micro-explosives", TIERS) if c["via"]]
    assert [c["via"] for c in cites] == [
        "a month after Dukat becomes prefect (2346, Waltz)",
        "a month after Dukat becomes prefect (2359, Waltz)",
    ]
    verdict = explain.verdict(row, cat.citations("micro-explosives", TIERS))
    assert "counted from Dukat becomes prefect, and the sources disagree on its date" in verdict


def test_a_chain_of_chains_resolves_in_order_and_open_offsets_stay_open(tmp_path):
    extra = [
        claim("death-toll", "micro-explosives.start", "20/.."),  # listed before its anchor is dated
        claim("micro-explosives", "resistance-formed.start", "-3"),
        claim("xss", "death-toll.start", "../-1"),
    ]
    cat = Catalogue.load(data_dir(tmp_path, extra))
    micro = cat.row("micro-explosives", TIERS)
    assert micro["start"] == "2330"
    toll = next(c for c in cat.citations("death-toll", TIERS) if c["via"])
    assert (toll["start_iv"].earliest, toll["start_iv"].latest, toll["start"]) == (2350.0, math.inf, "2350/..")
    assert toll["via"].startswith("twenty years or more after Micro-explosives (2330, Waltz)")
    xss = next(c for c in cat.citations("xss", TIERS) if c["via"])
    assert xss["start_iv"].earliest == -math.inf and xss["via"].startswith("a year or more before Death toll counted")


def test_an_anchor_no_trusted_source_dates_gives_its_editorial_date(tmp_path):
    cat = Catalogue.load(data_dir(tmp_path, [claim("dukat-prefect", "resistance-formed.start", "0", start="")]))
    c = next(c for c in cat.citations("dukat-prefect", ("canon",)) if c["via"])  # the novel (licensed) untrusted
    assert c["start"] == "2333~" and c["via"] == "at the same time as Resistance forms (about 2333, our editorial date)"


def test_the_verdict_counts_works_not_citations(tmp_path):
    extra = [claim("resistance-formed", "", "", source="novel-art-of-the-impossible", start="2333")]
    cat = Catalogue.load(data_dir(tmp_path, extra))
    e = cat.event("resistance-formed", TIERS)
    assert len([c for c in e["citations"] if c["start"]]) == 2
    assert explain.verdict(e, e["citations"]).endswith("the one source that dates it.")


@pytest.mark.parametrize(
    ("rows", "line", "column", "says"),
    [
        ([claim("micro-explosives", "no-such-event.start", "10")], 13, "relative_to", "unknown event 'no-such-event'"),
        (
            [claim("micro-explosives", "resistance-formed", "10")],
            13,
            "relative_to",
            "write EVENT_ID.start or EVENT_ID.end",
        ),
        ([claim("micro-explosives", "dukat-prefect.end", "1")], 13, "relative_to", "is a moment (no end"),
        ([claim("micro-explosives", "resistance-formed.start", "ten")], 13, "offset", "10, -40, 0.083"),
        ([claim("micro-explosives", "resistance-formed.start", "5/1")], 13, "offset", "write the smaller number first"),
        ([claim("micro-explosives", "resistance-formed.start", "")], 13, "offset", "needs an offset"),
        ([claim("micro-explosives", "", "10")], 13, "relative_to", "an offset needs an anchor"),
        (
            [claim("annexation", "resistance-formed.start", "1", start="2320", end="2369")],
            13,
            "relative_to",
            "empty the one it derives",
        ),
        (
            [
                claim("micro-explosives", "death-toll.start", "1"),
                claim("death-toll", "micro-explosives.start", "1"),
            ],
            13,
            "relative_to",
            "counts from itself (micro-explosives.start -> death-toll.start -> micro-explosives.start)",
        ),
        ([claim("micro-explosives", "micro-explosives.start", "1")], 13, "relative_to", "counts from itself"),
    ],
)
def test_the_validator_refuses_bad_anchors_offsets_and_cycles(tmp_path, rows, line, column, says):
    with pytest.raises(DataInvalid) as err:
        loading.load(data_dir(tmp_path, rows))
    found = [e for e in err.value.errors if e.file == "claims.csv" and e.line == line and e.column == column]
    assert found and says in found[0].message, [str(e) for e in err.value.errors]


def test_offsets_in_words():
    assert anchors.offset_words(10, 10) == "ten years after"
    assert anchors.offset_words(-40, -40) == "forty years before"
    assert anchors.offset_words(0.083, 0.083) == "a month after"
    assert anchors.offset_words(4 / 365.25, 4 / 365.25) == "four days after"
    assert anchors.offset_words(0, 0.5) == "up to six months after"
    assert anchors.offset_words(20, math.inf) == "twenty years or more after"
    assert anchors.offset_words(50, 50) == "fifty years after"
    assert anchors.offset("20/..") == (20.0, math.inf) and anchors.offset("-0.5") == (-0.5, -0.5)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Loaded once: resistance-formed dated by one claim, micro-explosives counting from it."""
    path = data_dir(tmp_path_factory.mktemp("derive"), [claim("micro-explosives", "resistance-formed.start", "1")])
    return loading.load(path)


labels = st.one_of(
    st.integers(2300, 2400).map(str),
    st.integers(2300, 2400).map(lambda y: f"{y}~"),
    st.integers(2300, 2400).map(lambda y: f"../{y}"),
    st.tuples(st.integers(2300, 2350), st.integers(0, 40)).map(lambda t: f"{t[0]}/{t[0] + t[1]}"),
    st.integers(2300, 2400).map(lambda y: f"{y}-06-15"),
)
numbers = st.one_of(st.integers(-60, 60).map(str), st.sampled_from(["0.083", "0.5", "-0.25", "0.011"]))
offsets = st.one_of(
    numbers,
    st.tuples(st.integers(-20, 0), st.integers(0, 20)).map(lambda t: f"{t[0]}/{t[1]}"),
    st.integers(-20, 20).map(lambda a: f"{a}/.."),
    st.integers(-20, 20).map(lambda b: f"../{b}"),
)


@settings(max_examples=120, deadline=None)
@given(anchor_label=labels, off=offsets)
def test_a_derived_date_always_equals_the_anchor_plus_the_offset(template, anchor_label, off):
    from dashboard.domain import dates

    cl = template.claims.copy()
    iv = dates.parse(anchor_label)
    at = int(np.flatnonzero((cl["event"] == "resistance-formed").to_numpy())[0])
    cl.loc[at, ["start", "start_lo", "start_hi"]] = [anchor_label, iv.earliest, iv.latest]
    cl.loc[at, "start_iv"] = iv
    mine = int(np.flatnonzero((cl["relative_to"] != "").to_numpy())[0])
    cl.loc[mine, "offset"] = off
    tables = dataclasses.replace(template, claims=cl)
    got = derive.claims(tables, np.arange(len(cl)))
    row = int(np.flatnonzero(got.pos == mine)[0])
    lo, hi = anchors.offset(off)
    assert got.s_lo[row] == iv.earliest + lo and got.s_hi[row] == iv.latest + hi
    # and resolution reads the same dates (the derived claim is the event's only dated one)
    resolved = resolve.resolve(tables).set_index("id").loc["micro-explosives"]
    assert resolved["start_earliest"] == min(iv.earliest + lo, 2328.0)  # the envelope holds the editorial 2328/2369
    label = got.start[row]
    if math.isfinite(got.s_lo[row]) and math.isfinite(got.s_hi[row]):
        shown = dates.parse(label)
        assert math.floor(shown.earliest) == math.floor(got.s_lo[row]) and shown.latest >= got.s_hi[row] - 1


def test_the_bundled_data_counts_from_first_contact_and_from_dukats_appointment(real):
    cites = real.citations("annexation-of-bajor", TIERS)
    ro = [c for c in cites if c["source"] == "Ensign Ro" and c["via"]]
    assert [c["start"] for c in ro] == ["../2319", "2328"]  # first contact is read two ways: by 2309, or 2318
    assert ro[1]["via"].startswith("ten years after First contact with Bajor (2318, Ensign Ro")
    assert real.row("annexation-of-bajor", TIERS)["start"] == "2328"  # the best estimate as before
    # untrusting canon drops Emissary's 'by 2309' first contact, and with it every date counted from it
    licensed = [c["start"] for c in real.citations("annexation-of-bajor", ("licensed",)) if c["via"]]
    assert licensed == ["2328"]
    bombing = real.row("drydock-bombing", TIERS)
    assert [r.said for r in bombing["start_readings"]] == ["between 2346 and 2347", "between 2359 and 2360"]
