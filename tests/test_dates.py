import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dashboard.domain import dates
from testsupport import ROOT


@pytest.mark.parametrize(
    "text, earliest, latest",
    [
        ("2328", 2328.0, 2328.999),
        ("2328?", 2327.0, 2329.999),  # uncertain: widened a year each side
        ("2328~", 2327.0, 2329.999),  # approximate: the same fuzz
        ("[2309..2328]", 2309.0, 2328.999),  # one of a set of years
        ("234X", 2340.0, 2349.999),  # some year of the 2340s
        ("2346/2369", 2346.0, 2369.999),  # somewhere in a span
        ("2369-03", 2369.162, 2369.246),  # month precision: March
        ("2410", 2410.0, 2410.999),  # far past pandas' nanosecond limit (2262)
    ],
)
def test_parse_closed_forms(text, earliest, latest):
    iv = dates.parse(text)
    assert (iv.earliest, iv.latest, iv.label) == (earliest, latest, text)
    assert not iv.open_start and not iv.open_end


def test_parse_open_forms():
    later = dates.parse("2346/..")
    assert later.earliest == 2346.0 and later.open_end and math.isinf(later.latest)
    before = dates.parse("[..2319]")
    assert before.open_start and before.latest == 2319.999
    assert dates.parse("../2319").latest == 2319.999


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "empty"),
        ("around 2328", "not an EDTF date"),
        ("2369-13", "not an EDTF date"),
        ("../..", "open at both ends"),
    ],
)
def test_parse_rejects_with_a_useful_message(text, fragment):
    with pytest.raises(dates.DateSyntaxError, match=fragment):
        dates.parse(text)


def test_envelope_spans_every_interval():
    env = dates.envelope([dates.parse("2328"), dates.parse("2309"), None, dates.parse("2319?")])
    assert (env.earliest, env.latest, env.label) == (2309.0, 2328.999, "2309-2328")
    assert dates.envelope([]) is None
    open_env = dates.envelope([dates.parse("2369"), dates.parse("2369/..")])
    assert open_env.open_end and open_env.label == "2369 or later"


def test_overlap_is_inclusive_and_years_apart_do_not_overlap():
    assert dates.parse("2328").overlaps(dates.parse("[2309..2328]"))
    assert not dates.parse("2328").overlaps(dates.parse("2329"))
    assert dates.parse("2346/..").overlaps(dates.parse("2400"))


def test_format_range():
    assert dates.format_range(2328.0, 2328.999) == "2328"
    assert dates.format_range(2309.0, 2328.999) == "2309-2328"
    assert dates.format_range(-math.inf, 2319.999) == "by 2319"
    assert dates.format_range(2346.0, math.inf) == "2346 or later"


def test_memo_parses_each_distinct_string_once(monkeypatch):
    calls = []
    real_parse = dates.parse
    monkeypatch.setattr(dates, "parse", lambda t: calls.append(t) or real_parse(t))
    memo = dates.Memo()
    assert memo("2328") is memo("2328") and calls == ["2328"]
    for _ in range(2):
        with pytest.raises(dates.DateSyntaxError, match="not an EDTF date"):
            memo("soon")
    assert calls == ["2328", "soon"]  # errors are remembered too


# --- the fast path agrees with the edtf package -------------------------------------------------
# dates.parse reads the common forms itself and asks the edtf package for everything else;
# dates.parse_with_edtf always asks the edtf package. Both must give the same Interval, or refuse
# the same string with the same message.


def outcome(parse, text):
    try:
        iv = parse(text)
        return ("ok", iv.earliest, iv.latest, iv.label)
    except dates.DateSyntaxError as exc:
        return ("error", str(exc))


def agree(text) -> bool:
    """The fast route and the edtf route give the same result; returns whether the fast path took it."""
    assert outcome(dates.parse, text) == outcome(dates.parse_with_edtf, text), text
    return dates.fast_bounds((text or "").strip()) is not None


FAST_FORMS = [
    "2328",
    "0000",
    "-0100",
    "9999",
    "2328?",
    "2328~",
    "2328%",
    "234X",
    "23XX",
    "2XXX",
    "-234X",
    "-000X",
    "234X?",
    "23XX~",
    "2XXX?",
    "237X%",
    "2369-03",
    "2369-03?",
    "2369-03-05",
    "2328-12-31~",
    "2328-03-05%",
    "2328-02-29",
    "2329-02-29",
    "2400-02-29%",
    "2346/2369",
    "2346?/2369~",
    "2346-03/2369-11-30",
    "-0100/0100",
    "../2369",
    "2346/..",
    "../2369%",
    "2328~/..",
    "../..",
    "2369/2346",
    "[2309..2328]",
    "[2328-03..2329-04]",
    "[2328-03-01..2328-03-09]",
    "[..2319]",
    "[..2319-02-29]",
    "[2309..]",
    "[-0100..0100]",
    "[2330..2320]",
    " 2328 ",
    "2328\n",
]


@pytest.mark.parametrize("text", FAST_FORMS)
def test_fast_path_takes_the_common_forms_and_agrees_with_edtf(text):
    assert agree(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2328-XX",
        "2328-03-XX",
        "23X5",
        "2X4X",
        "234X/2369",
        "/2369",
        "2346/",
        "2346 / 2369",
        "2328 ?",
        "[2309 .. 2328]",
        "[2309..2328-03]",
        "[..]",
        "-0000",
        "10000",
        "232",
        "2328-13",
        "2328-00",
        "2328-02-30",
        "2328-04-31",
        "2329-02-29?",
        "-0100?",
        "0001?",
        "9999?",
        "2XXX%",
        "Y12345",
        "2328S2",
        "2001-21",
        "{2328,2330}",
        "[2328,2330]",
        "2328?~",
        "2328-03-05T10:00:00",
        "\u0662\u0663\u0662\u0668",
        "23\u00a028",
        "soon",
    ],
)
def test_forms_the_fast_path_leaves_to_edtf_still_agree(text):
    assert not agree(text)


def test_the_real_tables_dates_all_take_the_fast_path(real):
    labels = {v for df in (real.tables.events, real.tables.claims) for col in ("start", "end") for v in df[col] if v}
    assert labels and all(agree(v) for v in labels)


YEAR = st.one_of(
    st.integers(-9999, 9999).map(lambda y: f"{'-' if y < 0 else ''}{abs(y):04d}"),
    st.sampled_from(["-0000", "0000", "2328", "2400", "2329", "0001", "9999"]),
)
MONTH = st.integers(0, 13).map(lambda m: f"{m:02d}")
DAY = st.integers(0, 32).map(lambda d: f"{d:02d}")
QUALIFIER = st.sampled_from(["", "", "?", "~", "%"])
DATE = st.one_of(YEAR, st.tuples(YEAR, MONTH).map("-".join), st.tuples(YEAR, MONTH, DAY).map("-".join))
UNSPECIFIED = st.tuples(st.sampled_from(["", "-"]), st.integers(0, 999), st.integers(1, 3)).map(
    lambda t: t[0] + f"{t[1]:03d}"[: 4 - t[2]] + "X" * t[2]
)
SIDE = st.one_of(
    st.just(".."), st.just(""), st.tuples(DATE, QUALIFIER).map("".join), st.tuples(UNSPECIFIED, QUALIFIER).map("".join)
)
FORM = st.one_of(
    st.tuples(DATE, QUALIFIER).map("".join),
    st.tuples(UNSPECIFIED, QUALIFIER).map("".join),
    st.tuples(SIDE, SIDE).map("/".join),
    st.tuples(st.one_of(DATE, st.just("")), st.one_of(DATE, st.just(""))).map(lambda t: f"[{t[0]}..{t[1]}]"),
)
NOISE = st.text(alphabet="0123456789-/.?~%X[] ,", max_size=14)


@settings(max_examples=400, deadline=None)
@given(FORM)
@example("2328-02-29?")
@example("2000-02-29%")
@example("2XXX%")
@example("0001-01-01?")
def test_property_every_generated_form_agrees_with_edtf(text):
    agree(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(NOISE, st.tuples(FORM, NOISE).map("".join), st.tuples(NOISE, FORM).map("".join)))
def test_property_near_miss_strings_agree_with_edtf(text):
    agree(text)


def test_fast_path_rejects_exactly_what_edtf_rejects():
    for text in ("2369/2346", "[2330..2320]", "../.."):
        assert agree(text) and outcome(dates.parse, text)[0] == "error"


def test_the_edtf_package_is_imported_only_when_a_date_needs_it():
    import subprocess
    import sys

    code = (
        "import sys, dashboard.domain.dates as d; d.parse('2346/2369'); a = 'edtf' in sys.modules; "
        "d.parse('2328-XX'); print(a, 'edtf' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert out == ["False", "True"]
