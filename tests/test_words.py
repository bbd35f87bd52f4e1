"""Dates in words: what a reader sees instead of raw EDTF."""

import math

import pytest

from dashboard.domain import words
from dashboard.domain.dates import parse


@pytest.mark.parametrize(
    "label, said",
    [
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
    ],
)
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


@pytest.mark.parametrize(
    "label, said",
    [
        ("230X", "between 2300 and 2309"),  # not 'the 2300s', which is 23XX
        ("20XX", "between 2000 and 2099"),
        ("234X~", "about the 2340s"),
        ("2369-03-04T10:30:00", "4 March 2369 at 10:30"),
        ("Y-13799999999", "13800000000 BCE"),
    ],
)
def test_more_edtf_in_words(label, said):
    assert words.edtf(label) == said


def test_periods_that_would_not_read_as_from_to():
    assert words.period("../2370", "../2370") == "begins and ends by 2370"
    assert words.period("2328/2369", "2328/2369") == "begins and ends between 2328 and 2369"
    assert words.period("../2328", "2369") == "beginning by 2328, ending in 2369"
    assert words.period("2319~", "2369") == "from about 2319 to 2369"


@pytest.mark.parametrize(
    "text, label",
    [
        # what edtf() and period() write
        ("about 2319", "2319~"),
        ("probably 2328", "2328?"),
        ("perhaps about 2328", "2328%"),
        ("by 2328", "../2328"),
        ("2346 or later", "2346/.."),
        ("between 2346 and 2369", "2346/2369"),
        ("between 2348 and about 2369", "2348/2369~"),
        ("one year between 2309 and 2328", "[2309..2328]"),
        ("in the 2340s", "234X"),
        ("in the 2300s", "23XX"),
        ("March 2369", "2369-03"),
        ("4 March 2369", "2369-03-04"),
        ("500 BCE", "-0499"),
        ("1 BCE", "0000"),
        ("13800000000 BCE", "Y-13799999999"),
        ("4 March 1850 at 10:00", "1850-03-04T10:00:00"),
        # what timeline authors write
        ("c. 1850", "1850~"),
        ("c.1850", "1850~"),
        ("circa 1850", "1850~"),
        ("ca. 1850", "1850~"),
        ("around 1850", "1850~"),
        ("1850s", "185X"),
        ("the 1850s", "185X"),
        ("1900s", "19XX"),
        ("18th century", "17XX"),
        ("1850?", "1850?"),
        ("before 1850", "../1849"),
        ("after 1850", "1851/.."),
        ("1850-1855", "1850/1855"),
        ("1850 \u2013 1855", "1850/1855"),
        ("March 4, 1850", "1850-03-04"),
        ("Sept. 4, 1850", "1850-09-04"),
        ("AD 79", "0079"),
        ("79 CE", "0079"),
        ("490 B.C.", "-0489"),
        ("1850-03", "1850-03"),
    ],
)
def test_words_back_to_edtf(text, label):
    assert words.to_edtf(text) == label


@pytest.mark.parametrize("text", ["", "Spring of the revolution", "0 BC", "about 13800000000 BCE", "2369-13", "soon"])
def test_words_that_are_not_a_date(text):
    assert words.to_edtf(text) is None


def test_period_words_back_to_edtf():
    assert words.period_to_edtf("from about 2319 to 2369") == ("2319~", "2369")
    assert words.period_to_edtf("begins and ends by 2370") == ("../2370", "../2370")
    assert words.period_to_edtf("beginning by 2328, ending in 2369") == ("../2328", "2369")
    assert words.period_to_edtf("1850-1855") == ("1850", "1855")
    assert words.period_to_edtf("about 2319") is None


@pytest.mark.parametrize(
    "label",
    [
        "2328",
        "2319~",
        "2328?",
        "2328%",
        "../2328",
        "[..2319]",
        "2346/..",
        "2346/2369",
        "2348/2369~",
        "[2309..2328]",
        "234X",
        "23XX",
        "230X",
        "2XXX",
        "2369-03",
        "2369-03-04",
        "-0499",
        "0000",
        "Y12345",
        "2369-03~",
        "{2340,2345}",
    ],
)
def test_edtf_to_words_and_back_keeps_the_range(label):
    back = words.to_edtf(words.edtf(label))
    a, b = parse(label), parse(back)
    assert (a.earliest, a.latest) == (b.earliest, b.latest)


def test_edtf_year():
    assert [words.edtf_year(y) for y in (2328, 0, -499, 12345, -13799999999)] == [
        "2328",
        "0000",
        "-0499",
        "Y12345",
        "Y-13799999999",
    ]
