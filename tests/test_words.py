"""Dates in words: what a reader sees instead of raw EDTF."""
import math

import pytest

from dashboard import words
from dashboard.dates import parse


@pytest.mark.parametrize("label, said", [
    ("2328", "2328"),
    ("2319~", "about 2319"),
    ("2328?", "probably 2328"),
    ("2328%", "perhaps about 2328"),
    ("../2328", "by 2328"),
    ("[..2319]", "by 2319"),
    ("2346/..", "2346 or later"),
    ("2346/2369", "between 2346 and 2369"),
    ("2348/2369~", "between 2348 and about 2369"),
    ("[2309..2328]", "one year between 2309 and 2328"),
    ("234X", "in the 2340s"),
    ("23XX", "in the 2300s"),
    ("2369-03", "March 2369"),
    ("2369-03-04", "4 March 2369"),
    ("-0499", "500 BCE"),
    ("0000", "1 BCE"),
    ("", "undated"),
])
def test_edtf_in_words(label, said):
    assert words.edtf(label) == said


def test_other_edtf_forms_fall_back_to_the_range_they_cover():
    assert words.edtf("{2340,2345}") == "between 2340 and 2345"


def test_span_and_period():
    assert words.span(2346.0, 2369.999) == "between 2346 and 2369"
    assert words.span(2328.0, 2328.999) == "2328"
    assert words.span(-math.inf, 2328.999) == "by 2328"
    assert words.span(2346.0, math.inf) == "2346 or later"
    assert words.period("2346", "2369/2375") == "from 2346 to between 2369 and 2375"
    assert words.period("2319~", "") == "about 2319"
    assert words.interval(parse("2319~")) == "about 2319"
    assert words.interval(None) == "undated"
