"""A citation as text (domain/citations.py): the reading line, the CSV cell, dates in words."""

import pytest

from dashboard.domain import citations

WALTZ = {
    "source": "Waltz",
    "medium": "episode",
    "series": "DS9",
    "released": 1998,
    "tier": "canon",
    "page": "Memory Beta: Waltz",
    "start": "2346",
    "end": "2369",
    "value": "2346",
}


def test_the_reading_line_names_the_work_the_wiki_and_the_dates_in_words():
    assert (
        citations.text(WALTZ, glyph="\u25cf")
        == "\u25cf Waltz (episode, DS9, 1998), Memory Beta: from 2346 to 2369, states: 2346"
    )
    bare = {**WALTZ, "medium": None, "series": None, "released": None, "start": "", "end": "", "value": ""}
    assert citations.text(bare) == "Waltz, Memory Beta: gives no date"
    assert citations.when({**WALTZ, "start": ""}) == "to 2369" and citations.when({**WALTZ, "end": ""}) == "2346"


def test_the_csv_cell_keeps_the_dates_as_written():
    assert citations.text(WALTZ, "csv") == "Waltz (canon; Memory Beta: Waltz): 2346 to 2369 [2346]"
    assert (
        citations.text({**WALTZ, "start": "", "end": "", "value": ""}, "csv")
        == "Waltz (canon; Memory Beta: Waltz): undated"
    )
    with pytest.raises(ValueError, match="unknown citation form"):
        citations.text(WALTZ, "html")


def test_dates_in_words_for_files():
    assert citations.dates_in_words(WALTZ) == "from 2346 to 2369"
    assert citations.dates_in_words({**WALTZ, "start": ""}) == "ended 2369"
    assert citations.dates_in_words({**WALTZ, "start": ""}, ended="ending") == "ending 2369"
    assert citations.dates_in_words({**WALTZ, "start": "", "end": ""}) == "undated"
