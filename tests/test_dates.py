import math

import pytest

from dashboard import dates


@pytest.mark.parametrize("text, earliest, latest", [
    ("2328", 2328.0, 2328.999),
    ("2328?", 2327.0, 2329.999),          # uncertain: widened a year each side
    ("2328~", 2327.0, 2329.999),          # approximate: the same fuzz
    ("[2309..2328]", 2309.0, 2328.999),   # one of a set of years
    ("234X", 2340.0, 2349.999),           # some year of the 2340s
    ("2346/2369", 2346.0, 2369.999),      # somewhere in a span
    ("2369-03", 2369.162, 2369.246),      # month precision: March
    ("2410", 2410.0, 2410.999),           # far past pandas' nanosecond limit (2262)
])
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


@pytest.mark.parametrize("text, fragment", [
    ("", "empty"), ("around 2328", "not an EDTF date"), ("2369-13", "not an EDTF date"), ("../..", "open at both ends"),
])
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
