"""The validator: one test per error class, each asserting file, line, column and message."""

import math

import pytest

from dashboard.domain import loading
from dashboard.domain.schema import DataError, DataInvalid


def errors_of(data_dir) -> list[DataError]:
    with pytest.raises(DataInvalid) as info:
        loading.load(data_dir)
    return info.value.errors


def only(errors, file):
    return [e for e in errors if e.file == file]


def test_the_mini_fixture_loads(mini):
    t = mini.tables
    assert len(t.events) == 7 and len(t.claims) == 11
    assert t.events.loc[t.events["id"] == "resistance-formed", "factions"].item() == ("shakaar-cell", "resistance")
    assert t.events.loc[t.events["id"] == "annexation", "universes"].item() == (
        "prime",
        "dark-mirror",
    )  # a shared history
    assert t.claims["start_iv"].iloc[0].label == "2328"


def test_error_prints_as_file_line_column_message():
    assert str(DataError("events.csv", 4, "start", "bad")) == "events.csv:4: start: bad"


ROW_HAS_2 = (
    "row has 2 fields, the header has 7; give every column a cell (empty ones too), and wrap a cell holding "
    "a comma in double quotes"
)


def test_missing_file(broken):
    (broken.dir / "sources.csv").unlink()
    errs = errors_of(broken.dir)
    assert (
        DataError(
            "sources.csv",
            None,
            "-",
            f"file is missing from {broken.dir}; create it with this header row: id,title,medium,series,tier,released",
        )
        in errs
    )


def test_missing_required_column(broken):
    errs = errors_of(broken("events.csv", "id,title,summary", "id,summary"))
    assert any(
        e.file == "events.csv"
        and e.line == 1
        and e.column == "title"
        and "column is missing from the header" in e.message
        for e in errs
    )


def test_a_broken_header_is_one_error_not_a_cascade(broken):
    errs = errors_of(broken("events.csv", "universes,dispute_note", "universes,dispute_note,colour"))
    assert errs == [
        DataError(
            "events.csv",
            1,
            "colour",
            "unknown column; remove it, or rename it to one of the columns: "
            "id, title, summary, start, end, era, factions, universes, "
            "dispute_note",
        )
    ]


def test_a_malformed_row_does_not_make_other_files_look_wrong(broken):
    errs = errors_of(broken("claims.csv", "annexation,tng-ensign-ro,memory-beta,2328,,,", "annexation,tng-ensign-ro"))
    assert errs == [DataError("claims.csv", 2, "-", ROW_HAS_2)]


def test_unknown_column(broken):
    errs = errors_of(
        broken("sources.csv", "id,title,medium,series,tier,released", "id,title,medium,series,tier,released,extra")
    )
    assert any(e.file == "sources.csv" and e.column == "extra" and "unknown column" in e.message for e in errs)


def test_empty_required_field(broken):
    errs = errors_of(broken("events.csv", "Dukat becomes prefect,", ","))
    assert (
        DataError("events.csv", 3, "title", "is empty; a value is required: the name to show, such as First contact")
        in errs
    )


def test_wrong_number_of_fields(broken):
    errs = errors_of(
        broken(
            "claims.csv", "dukat-prefect,ds9-waltz,memory-alpha,2359,,,Appointed in 2359.", "dukat-prefect,ds9-waltz"
        )
    )
    assert DataError("claims.csv", 5, "-", ROW_HAS_2) in errs


def test_duplicate_id(broken):
    errs = errors_of(broken("events.csv", "dukat-prefect,Dukat", "annexation,Dukat"))
    assert (
        DataError("events.csv", 3, "id", "duplicate id 'annexation' (first on line 2; give each row its own id)")
        in errs
    )


def test_bad_edtf(broken):
    errs = errors_of(broken("events.csv", "2346,,late-occupation", "around 2346,,late-occupation"))
    (err,) = [e for e in errs if e.column == "start"]
    assert (err.file, err.line) == ("events.csv", 3) and "'around 2346' is not an EDTF date" in err.message


def test_end_before_start(broken):
    errs = errors_of(broken("events.csv", "2328,2369,early-occupation", "2328,2309,early-occupation"))
    assert DataError("events.csv", 2, "end", "end '2309' is before start '2328' (swap them, or correct one)") in errs


@pytest.mark.parametrize(
    "file, old, new, column, fragment",
    [
        (
            "events.csv",
            ",early-occupation,cardassian-union",
            ",golden-age,cardassian-union",
            "era",
            "unknown era 'golden-age'",
        ),
        (
            "events.csv",
            "cardassian-union,prime",
            "cardassian-onion,prime",
            "factions",
            "unknown faction 'cardassian-onion'",
        ),
        ("events.csv", "cardassian-union,prime", "cardassian-union,kelvin", "universes", "unknown universe 'kelvin'"),
        (
            "events.csv",
            "cardassian-union,prime;dark-mirror",
            "cardassian-union,prime;kelvin",
            "universes",
            "unknown universe 'kelvin'",
        ),
        ("sources.csv", "TNG,canon,1991", "TNG,semi-canon,1991", "tier", "unknown tier 'semi-canon'"),
        ("sources.csv", "Ensign Ro,episode", "Ensign Ro,podcast", "medium", "unknown medium 'podcast'"),
    ],
)
def test_unknown_vocabulary(broken, file, old, new, column, fragment):
    errs = only(errors_of(broken(file, old, new)), file)
    assert any(e.column == column and e.line == 2 and fragment in e.message for e in errs), errs


@pytest.mark.parametrize(
    "old, new, column, fragment",
    [
        ("annexation,tng-ensign-ro", "annexion,tng-ensign-ro", "event", "unknown event 'annexion'"),
        (
            "annexation,tng-ensign-ro,memory-beta",
            "annexation,tng-ensign-rho,memory-beta",
            "source",
            "unknown source 'tng-ensign-rho'",
        ),
        ("tng-ensign-ro,memory-beta", "tng-ensign-ro,memory-gamma", "page", "unknown page 'memory-gamma'"),
    ],
)
def test_claims_pointing_at_missing_rows(broken, old, new, column, fragment):
    errs = only(errors_of(broken("claims.csv", old, new)), "claims.csv")
    assert any(e.line == 2 and e.column == column and fragment in e.message for e in errs), errs


def test_invalid_utf8_names_line_and_column(broken):
    raw = (broken.dir / "events.csv").read_bytes().replace(b"Dukat takes charge", b"Dukat takes ch\xe9rge")
    errs = errors_of(broken("events.csv", raw=raw))
    assert len(errs) == 1
    assert errs[0].file == "events.csv" and errs[0].line == 3 and errs[0].column == "summary"
    assert "invalid UTF-8 (byte 0xe9)" in errs[0].message


def test_point_event_claim_with_an_end(broken):
    errs = errors_of(broken("claims.csv", "memory-alpha,2359,,", "memory-alpha,2359,2360,"))
    assert any(e.line == 5 and e.column == "end" and "is a point event" in e.message for e in errs)


def test_event_without_claim(broken):
    errs = errors_of(broken("claims.csv", 'xss,ds9-emissary,memory-alpha,2350,,,"=HYPERLINK(""http://x"")"\n', ""))
    assert any(e.file == "events.csv" and e.line == 8 and "has no claim" in e.message for e in errs)


def test_faction_cycle_and_bad_slug_and_year(broken):
    broken(
        "factions.csv",
        "central-command,Cardassian Central Command,cardassian-union",
        "central-command,Cardassian Central Command,obsidian-order",
    )
    broken(
        "factions.csv",
        "obsidian-order,Obsidian Order,cardassian-union",
        "obsidian-order,Obsidian Order,central-command",
    )
    broken("sources.csv", "TNG,canon,1991", "TNG,canon,early nineties")
    errs = errors_of(broken("universes.csv", "prime,Prime universe", "Prime!,Prime universe"))
    messages = {(e.file, e.column, e.message.split(" (")[0]) for e in errs}
    assert ("factions.csv", "parent", "faction 'central-command' is its own ancestor") in messages
    assert ("sources.csv", "released", "'early nineties' is not a whole year") in messages
    assert ("universes.csv", "id", "'Prime!' is not a slug") in messages


def test_every_problem_is_reported_at_once(broken):
    broken("events.csv", "2346,,late-occupation", "soon,,late-occupation")
    errs = errors_of(broken("sources.csv", "TNG,canon,1991", "TNG,apocrypha,1991"))
    assert {e.file for e in errs} == {"events.csv", "sources.csv"}


def test_each_row_with_a_bad_value_is_reported_though_the_value_is_checked_once(broken):
    broken("events.csv", "2328,2369,early-occupation", "soon,2369,early-occupation")
    errs = errors_of(broken("events.csv", "2346,,late-occupation", "soon,,late-occupation"))
    assert {(e.line, e.column) for e in errs if "'soon' is not an EDTF date" in e.message} == {
        (2, "start"),
        (3, "start"),
    }


def test_a_record_spanning_lines_keeps_the_line_numbers_right(broken):
    broken("events.csv", "Cardassia takes formal control of Bajor.", '"Cardassia takes formal\ncontrol of Bajor."')
    errs = errors_of(broken("events.csv", "2346,,late-occupation", "soon,,late-occupation"))
    assert [(e.line, e.column) for e in errs] == [(4, "start")]  # line 2 spans two lines, so Dukat is on 4


def test_blank_lines_are_skipped_and_counted(broken):
    broken("events.csv", "\ndukat-prefect,", "\n\n,,,\ndukat-prefect,")
    errs = errors_of(broken("events.csv", "2346,,late-occupation", "soon,,late-occupation"))
    assert [(e.line, e.column) for e in errs] == [(5, "start")]


def test_loaded_claims_know_their_event_and_source_rows_and_date_bounds(mini):
    c, e, s = mini.tables.claims, mini.tables.events, mini.tables.sources
    assert list(e["id"].to_numpy()[c["event_row"]]) == list(c["event"])
    assert list(s["id"].to_numpy()[c["source_row"]]) == list(c["source"])
    first = c.iloc[0]
    assert (first["start_lo"], first["start_hi"]) == (first["start_iv"].earliest, first["start_iv"].latest)
    assert math.isnan(first["end_lo"]) and first["end_iv"] is None
    open_end = e[e["id"] == "open-ended"].iloc[0]
    assert open_end["end_hi"] == math.inf


@pytest.mark.parametrize(
    "file, old, new, column, message",
    [
        (
            "events.csv",
            "2346,,late-occupation",
            "around 2346,,late-occupation",
            "start",
            "'around 2346' is not an EDTF date (examples: 2328, 2328?, 234X, [2309..2328], 2346/2369); "
            "for 'around 2346' write '2346~' (about 2346)",
        ),
        (
            "events.csv",
            "dukat-prefect,Dukat",
            "Dukat_Prefect,Dukat",
            "id",
            "'Dukat_Prefect' is not a slug (lowercase letters, digits and hyphens; write it as 'dukat-prefect')",
        ),
        (
            "events.csv",
            "2346,,late-occupation",
            "2346,,golden-age",
            "era",
            "unknown era 'golden-age' (not an id in eras.csv; add a row with that id there, or use one of: aftermath, "
            "contact, early-occupation, late-occupation, later-accounts)",
        ),
        (
            "events.csv",
            "late-occupation,central-command,prime",
            "late-occupation,,prime",
            "factions",
            "is empty; a value is required: one or more ids from factions.csv, separated by ';'",
        ),
        (
            "sources.csv",
            "TNG,canon,1991",
            "TNG,,1991",
            "tier",
            "is empty; a value is required: one of: canon, licensed, production, fan",
        ),
    ],
)
def test_messages_say_what_to_write(broken, file, old, new, column, message):
    """The validator's messages are the author's path: each says what to put instead."""
    errs = only(errors_of(broken(file, old, new)), file)
    assert any(e.column == column and e.message == message for e in errs), errs
