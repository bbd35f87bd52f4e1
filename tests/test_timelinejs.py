"""TimelineJS import and export, on hand-written timelines in both TimelineJS formats and on our data.

The fixtures in tests/fixtures/timelinejs/ hold the awkward cases: BCE years, months, days and
times, missing end dates, HTML (and a script) in text, empty rows, a title slide, eras and groups,
repeated slides, unknown columns and fields, malformed rows, a hostile headline, and cosmological
years, one our EDTF holds and one our axis cannot.
"""

from __future__ import annotations

import csv
import json
import math
import re
import subprocess
import sys

import pytest

from dashboard.domain import credits, dates, loading, resolve, words
from dashboard.domain.schema import TABLES, TIERS
from dashboard.formats import records, registry, timelinejs
from testsupport import DATA, MINI, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "timelinejs"
HOSTILE = "<img src=x onerror=alert(1)>"


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def rows(directory, table):
    with open(directory / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module", params=["csv", "json"])
def imported(request, tmp_path_factory):
    """Each fixture imported through the real command line; the table and the report."""
    out = tmp_path_factory.mktemp(request.param) / "table"
    done = run("import-timelinejs", str(FIXTURES / f"classroom.{request.param}"), "--out", str(out))
    assert done.returncode == 0, done.stderr + done.stdout
    events = {r["id"]: r for r in rows(out, "events")}
    return request.param, out, events, done.stdout


def test_the_imported_table_passes_validate(imported):
    fmt, out, events, report = imported
    assert "validate: OK" in report
    done = run("validate", "--data", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"OK: {len(events)} events")


def test_bce_years_months_and_days(imported):
    _, _, events, _ = imported
    marathon = next(e for e in events.values() if e["title"] == "Battle of Marathon")
    assert marathon["start"] == "-0489-09-12"  # TimelineJS -490 is 490 BCE; EDTF counts astronomically
    assert words.edtf(marathon["start"]) == "12 September 490 BCE"
    sumer = events["writing-appears-in-sumer"]
    assert (sumer["start"], sumer["end"]) == ("-3199", "-2999")
    war = events["second-world-war"]
    assert (war["start"], war["end"]) == ("1939-09-01", "1945-09-02")
    assert events["moon-landing"]["start"] == "1969-07-20T20:17:00"


def test_a_missing_end_makes_a_point_event(imported):
    _, _, events, _ = imported
    assert events["a-telegraph-line-opens"]["end"] == ""
    assert events["moon-landing"]["end"] == ""


def test_display_dates_become_approximate_or_decade_dates_and_their_words_are_kept(imported):
    fmt, out, events, _ = imported
    assert events["a-telegraph-line-opens"]["start"] == "1850~"
    assert events["steam-presses-spread"]["start"] == "185X"
    notes = {c["event"]: c["note"] for c in rows(out, "claims") if c["source"] == "timeline"}
    assert "c. 1850" in notes["a-telegraph-line-opens"]
    assert "1850s" in notes["steam-presses-spread"]
    if fmt == "json":
        assert events["the-enlightenment"]["start"] == "17XX"


def test_the_title_slide_names_the_table(imported):
    _, out, _, report = imported
    (universe,) = rows(out, "universes")
    assert universe["label"] == "A Classroom Timeline"
    assert "<" not in universe["label"] + universe["description"]
    (page,) = rows(out, "pages")
    assert page["title"] == "A Classroom Timeline" and page["licence"] == timelinejs.DEFAULT_LICENCE
    assert "title slide -> the universe's label and description" in report


def test_eras_and_groups(imported):
    _, out, events, _ = imported
    eras = {e["id"]: e for e in rows(out, "eras")}
    assert {k: (v["start"], v["end"]) for k, v in eras.items()} == {
        "ancient-era": ("-3199", "-399"),
        "modern-era": ("1800", "1999"),
    }
    factions = {f["id"]: f["label"] for f in rows(out, "factions")}
    assert {"greece", "mesopotamia", "technology", "cosmos", "modern"} <= set(factions)
    assert events["writing-appears-in-sumer"]["factions"] == "mesopotamia"
    assert events["writing-appears-in-sumer"]["era"] == "ancient-era"
    assert events["second-world-war"]["era"] == "modern-era"


def test_html_becomes_plain_text_with_link_targets_kept_as_sources(imported):
    fmt, out, events, report = imported
    marathon = next(e for e in events.values() if e["title"] == "Battle of Marathon")
    assert marathon["summary"].startswith("Athenian hoplites beat a Persian landing force")
    telegraph = events["a-telegraph-line-opens"]
    assert telegraph["summary"] == "Messages cross the country in minutes."  # the script and its code are gone
    assert "<script> removed with its content" in report
    for table in TABLES:
        for row in rows(out, table):
            for value in row.values():
                assert not re.search(r"<(script|p|a|b|em)\b", value), (table, value)
    sources = {s["id"]: s for s in rows(out, "sources")}
    claims = [c for c in rows(out, "claims") if c["event"] == marathon["id"]]
    notes = " ".join(c["note"] for c in claims)
    assert "https://en.wikipedia.org/wiki/Battle_of_Marathon" in notes
    assert any(sources[c["source"]]["title"] == "Wikimedia Commons" for c in claims)
    assert sources["wikimedia-commons"]["medium"] == "image"
    assert sources["nasa"]["medium"] == "video"
    assert "javascript:" not in " ".join(c["note"] for c in rows(out, "claims"))


def test_a_hostile_headline_stays_inert_text(imported):
    fmt, out, events, report = imported
    (hostile,) = [e for e in events.values() if e["summary"].startswith("A hostile headline")]
    assert hostile["title"] == HOSTILE
    assert "is markup with no words: kept as plain text" in report
    if fmt == "json":  # the same headline written with entities arrives as the same text
        assert any(e["title"] == HOSTILE and e["summary"].startswith("The same, written") for e in events.values())
    # and on the way out it is escaped: TimelineJS renders headlines as HTML
    tables = loading.load(out)
    tl = timelinejs.to_timelinejs(resolve.resolve(tables), tables)
    (slide,) = [s for s in tl["events"] if s["unique_id"] == hostile["id"]]
    assert slide["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert "<img" not in json.dumps(tl)


def test_cosmological_years_are_kept_when_held_and_reported_when_not(imported):
    fmt, out, events, report = imported
    assert events["the-big-bang"]["start"] == "Y-13799999999"  # 13,800,000,000 BCE
    assert re.search(
        r"start year -13800000000 is on TimelineJS's cosmological scale: kept as EDTF 'Y-13799999999'", report
    )
    where = "classroom.csv:17" if fmt == "csv" else "classroom.json: events[13]"
    assert f"{where}: start year -4600000000000000 is beyond what our year axis holds" in report
    assert "slide not imported, nothing rounded" in report
    assert not any(e["title"] == "Before time" for e in events.values())
    if fmt == "json":
        assert "start month dropped: EDTF gives a year of more than four digits no month" in report


def test_repeated_empty_and_malformed_slides_are_reported_with_their_place(imported):
    fmt, out, events, report = imported
    if fmt == "csv":
        expected = [
            "classroom.csv:1: column 'Notes' is not a TimelineJS template column: ignored",
            "classroom.csv:5,24-25: 3 empty row(s) skipped",
            "classroom.csv:12: repeats the slide at classroom.csv:9 (same dates, headline and text): skipped",
            "classroom.csv:13: row has 21 cells, the header has 19: skipped",
            "classroom.csv:14: start year '19x0' is not a whole number: not imported",
            "classroom.csv:15: start month '13' is not a valid month: not imported",
            "classroom.csv:19: end month/day/time given without an end year",
            "classroom.csv:20: end 1980 is before start 1990: imported as a point event",
            "classroom.csv:21: headline 'Steam presses spread' also at classroom.csv:9",
            "classroom.csv:22: Type 'chapter' is not title, era or empty: read as an event",
        ]
    else:
        expected = [
            "classroom.json: theme: is not a TimelineJS timeline field: ignored",
            "classroom.json: events[7]: repeats the slide at classroom.json: events[3]",
            "classroom.json: events[8]: is not a slide object: skipped",
            "classroom.json: events[9]: no start year",
            "classroom.json: events[10]: no start year",
            "classroom.json: events[11]: start year 'abc' is not a whole number: not imported",
            "classroom.json: events[14]: 'colour' is not a TimelineJS slide field: ignored",
            "classroom.json: eras[2]: era 'An era with no end' needs a start and an end year",
        ]
    for line in expected:
        assert line in report, line
    if fmt == "csv":  # the same headline with another year is its own event, not a repeat
        assert sum(e["title"] == "Steam presses spread" for e in events.values()) == 2
        assert events["steam-presses-spread-2"]["start"] == "1860"
    else:
        assert sum(e["title"] == "Steam presses spread" for e in events.values()) == 1


def test_every_skipped_slide_is_in_the_report(imported):
    """Nothing silently dropped: each slide is either an event or named in the report."""
    fmt, out, events, report = imported
    source = FIXTURES / f"classroom.{fmt}"
    if fmt == "json":
        n = len(json.loads(source.read_text(encoding="utf-8"))["events"])
        places = [f"events[{i}]" for i in range(n)]
    else:
        with open(source, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            next(reader)
            places, line = [], 2
            for cells in reader:
                if any(c.strip() for c in cells) and cells[15] not in ("title", "era"):
                    places.append(f"classroom.{fmt}:{line}")
                line = reader.line_num + 1
    claimed = {c["note"].split("(", 1)[1].split(")", 1)[0] for c in rows(out, "claims") if c["source"] == "timeline"}
    for place in places:
        in_table = any(c.endswith(place) for c in claimed)
        reported = re.search(re.escape(place) + r"[:.]", report) is not None
        assert in_table or reported, place


def test_the_report_tells_an_author_what_to_fix(imported):
    _, _, _, report = imported
    assert "sources.csv: every source has tier 'canon'" in report
    assert "pages.csv: the licence reads 'licence not stated'" in report


def test_unreadable_files_say_what_is_wrong(tmp_path):
    cases = {
        "notes.txt": ("Dear diary,\nnothing here\n", "the header lacks Year, Headline"),
        "broken.json": ('{"events": [\n  {"start_date": }\n]}', "broken.json:2: not valid JSON"),
        "list.json": ('{"slides": []}', 'it needs an object with an "events" list'),
        "empty.csv": ("", "the file is empty"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        done = run("import-timelinejs", str(path), "--out", str(tmp_path / f"out-{name}"))
        assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr, (name, done.stderr)
        assert not (tmp_path / f"out-{name}").exists()
    (tmp_path / "bad.csv").write_bytes(b"Year,Headline\n1850,Caf\xe9\n")
    done = run("import-timelinejs", str(tmp_path / "bad.csv"), "--out", str(tmp_path / "o"))
    assert done.returncode == 1 and "bad.csv:2: invalid UTF-8 (byte 0xe9)" in done.stderr


def test_import_never_overwrites(tmp_path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    done = run("import-timelinejs", str(FIXTURES / "classroom.csv"), "--out", str(tmp_path))
    assert done.returncode == 1 and "already holds files" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_format_is_told_by_content_not_by_name(tmp_path):
    odd = tmp_path / "timeline.txt"
    odd.write_text((FIXTURES / "classroom.json").read_text(encoding="utf-8"), encoding="utf-8")
    assert timelinejs.read(odd).fmt == "json"
    odd.write_text((FIXTURES / "classroom.csv").read_text(encoding="utf-8"), encoding="utf-8")
    assert timelinejs.read(odd).fmt == "csv"


# ------------------------------------------------------------------------------------------------
# Pieces


@pytest.mark.parametrize(
    "source, text, links",
    [
        ("<p>Hello <b>world</b></p><p>again</p>", "Hello world again", ()),
        ('See <a href="https://x.org/a">this</a>.', "See this.", (("this", "https://x.org/a"),)),
        ("Fish &amp; chips &lt;3", "Fish & chips <3", ()),
        ("<script>alert(1)</script>Safe", "Safe", ()),
        ('<img src=x onerror=alert(1) alt="a picture">', "a picture", ()),
        ("plain text", "plain text", ()),
    ],
)
def test_plain(source, text, links):
    got = timelinejs.plain(source)
    assert got.text == text and got.links == links


@pytest.mark.parametrize("tl_year, astro", [(-490, -489), (-1, 0), (1, 1), (2369, 2369)])
def test_bce_years_shift_by_one_each_way(tl_year, astro):
    assert timelinejs.astronomical(tl_year) == astro
    assert timelinejs.timelinejs_year(astro) == tl_year


def test_column_names_come_from_the_schema():
    row = timelinejs._row("events", id="a", universe="u")
    assert tuple(row) == TABLES["events"].column_names
    assert row[timelinejs.UNIVERSE_COLUMN] == "u"
    with pytest.raises(KeyError):
        timelinejs._row("events", colour="red")


# ------------------------------------------------------------------------------------------------
# Export: the shape TimelineJS loads


def check_timelinejs(doc: dict) -> list[str]:
    """The rules TimelineJS 3 applies when it loads a timeline (TimelineConfig, TLDate, the JSON
    format's documentation): what it would reject or silently misread. Empty when loadable."""
    problems = []
    date_keys = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
    slide_keys = {
        "start_date",
        "end_date",
        "text",
        "media",
        "group",
        "display_date",
        "background",
        "autolink",
        "unique_id",
    }

    def check_date(d, where):
        if not isinstance(d, dict):
            return problems.append(f"{where}: not an object")
        if set(d) - date_keys:
            problems.append(f"{where}: unknown keys {set(d) - date_keys}")
        for k in ("year", "month", "day", "hour", "minute", "second", "millisecond"):
            if k in d and not re.fullmatch(r"-?\d*", str(d[k]).strip()):
                problems.append(f"{where}.{k}: TLDate needs whole numbers, got {d[k]!r}")
        if "year" not in d:
            problems.append(f"{where}: no year")
        if "month" in d and not 1 <= int(d["month"]) <= 12:
            problems.append(f"{where}.month out of range")
        if "day" in d and not 1 <= int(d["day"]) <= 31:
            problems.append(f"{where}.day out of range")
        if "display_date" in d and not isinstance(d["display_date"], str):
            problems.append(f"{where}.display_date: not a string")

    def check_text(t, where):
        if not isinstance(t, dict) or set(t) - {"headline", "text"}:
            problems.append(f"{where}: text must be {{headline, text}}")
            return
        for k, v in t.items():
            if not isinstance(v, str):
                problems.append(f"{where}.{k}: not a string")

    if set(doc) - {"title", "events", "eras", "scale"}:
        problems.append(f"unknown top-level keys {set(doc) - {'title', 'events', 'eras', 'scale'}}")
    if not isinstance(doc.get("events"), list) or not doc["events"]:
        problems.append("events: TimelineJS needs a non-empty list ('Timeline configuration has no events.')")
    if "scale" in doc and doc["scale"] not in ("human", "cosmological"):
        problems.append("scale: human or cosmological")
    if "title" in doc:
        check_text(doc["title"].get("text"), "title.text")
    ids = set()
    for i, slide in enumerate(doc.get("events", [])):
        where = f"events[{i}]"
        if set(slide) - slide_keys:
            problems.append(f"{where}: unknown keys {set(slide) - slide_keys}")
        if "start_date" not in slide:
            problems.append(f"{where}: missing start_date (TimelineJS: missing_start_date_err)")
            continue
        check_date(slide["start_date"], f"{where}.start_date")
        if "end_date" in slide:
            check_date(slide["end_date"], f"{where}.end_date")
            key = lambda d: tuple(
                int(d.get(k, 1 if k in ("month", "day") else 0))
                for k in ("year", "month", "day", "hour", "minute", "second")  # noqa: E731
            )
            if key(slide["end_date"]) < key(slide["start_date"]):
                problems.append(f"{where}: end_date before start_date")
        check_text(slide.get("text", {}), f"{where}.text")
        uid = slide.get("unique_id")
        if uid is not None:
            if uid in ids or not re.fullmatch(r"[a-z0-9-]+", uid):
                problems.append(f"{where}: unique_id {uid!r} must be unique and slug-like")
            ids.add(uid)
        for k in ("group", "display_date"):
            if k in slide and (not isinstance(slide[k], str) or "<" in slide[k]):
                problems.append(f"{where}.{k}: TimelineJS strips markup here; must be plain text")
    for i, era in enumerate(doc.get("eras", [])):
        for k in ("start_date", "end_date"):
            if k not in era:
                problems.append(f"eras[{i}]: 'All eras must have start and end dates.'")
            else:
                check_date(era[k], f"eras[{i}].{k}")
        if not isinstance(era.get("text"), dict):
            problems.append(f"eras[{i}]: TimelineJS reads era.text.headline; text is required")
    years = [
        abs(int(s["start_date"]["year"]))
        for s in doc.get("events", [])
        if re.fullmatch(r"-?\d+", str(s.get("start_date", {}).get("year", "")))
    ]
    if years and max(years) > 271820 and doc.get("scale") != "cosmological":
        problems.append("years past JavaScript's Date range need scale 'cosmological'")
    return problems


def test_the_checker_catches_what_timelinejs_rejects():
    bad = {
        "events": [{"start_date": {"year": "1850s"}, "text": {"headline": 1}}, {"text": {}}],
        "eras": [{"start_date": {"year": 1}}],
    }
    problems = check_timelinejs(bad)
    assert any("TLDate needs whole numbers" in p for p in problems)
    assert any("missing start_date" in p for p in problems)
    assert any("All eras must have start and end dates" in p for p in problems)
    assert any("headline: not a string" in p for p in problems)


def test_export_of_our_data_is_a_loadable_timelinejs_timeline(tmp_path):
    target = tmp_path / "bajor.json"
    done = run("export", "--format", "timelinejs", "--out", str(target))
    assert done.returncode == 0, done.stderr
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert check_timelinejs(doc) == []
    tables = loading.load(DATA)
    assert len(doc["events"]) == len(resolve.resolve(tables))
    assert [e["text"]["headline"] for e in doc["eras"]] == list(tables.eras["label"])
    # the attribution in the title slide: every wiki page, its licence and links
    title = doc["title"]["text"]["text"]
    for credit in credits.attribution(tables):
        assert credit["wiki"] in title and credit["licence"] in title and credit["url"] in title
    # factions as groups: the lane (outermost faction) of each event
    groups = {e["group"] for e in doc["events"]}
    assert groups <= set(tables.factions["label"]) and "Cardassian Union" in groups


def test_export_puts_uncertain_dates_in_words_and_citations_and_the_dispute_in_the_text():
    tables = loading.load(DATA)
    resolved = resolve.resolve(tables)
    doc = timelinejs.to_timelinejs(resolved, tables)
    slides = {s["unique_id"]: s for s in doc["events"]}
    by_id = {r["id"]: r for r in records.events_records(resolved, tables)}
    for uid, slide in slides.items():
        rec = by_id[uid]
        assert slide["display_date"] == words.period(rec["start"], rec["end"])
        assert slide["start_date"]["display_date"] == words.edtf(rec["start"])
        assert ("end_date" in slide) == bool(rec["end"])
        for c in rec["citations"]:
            assert f"<em>{export_escape(c['source'])}</em>" in slide["text"]["text"]
        assert ("<strong>Disputed.</strong>" in slide["text"]["text"]) == rec["disputed"]
    disputed = next(r for r in by_id.values() if r["disputed"] and r["dispute_note"])
    assert export_escape(disputed["dispute_note"]) in slides[disputed["id"]]["text"]["text"]


def export_escape(text):
    import html

    return html.escape(text, quote=False)


def test_export_through_the_registry_and_a_query():
    out = run("export", "--data", str(MINI), "--format", "timelinejs", "--query", "canon=canon")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert check_timelinejs(doc) == []
    assert all("licensed;" not in s["text"]["text"] for s in doc["events"])
    assert "timelinejs" in registry.FORMATS


# ------------------------------------------------------------------------------------------------
# Round trip: ours -> TimelineJS -> ours


def _interval(label):
    if not label:
        return None
    iv = dates.parse(label)
    return (iv.earliest, iv.latest)


@pytest.mark.parametrize("data", [DATA, MINI], ids=["bundled", "mini"])
def test_round_trip_keeps_ids_titles_and_date_ranges(data, tmp_path):
    exported = tmp_path / "out.json"
    assert run("export", "--data", str(data), "--format", "timelinejs", "--out", str(exported)).returncode == 0
    back = tmp_path / "back"
    done = run("import-timelinejs", str(exported), "--out", str(back))
    assert done.returncode == 0, done.stdout + done.stderr
    tables = loading.load(data)
    before = {r["id"]: r for r in records.events_records(resolve.resolve(tables, TIERS), tables)}
    after = {r["id"]: r for r in rows(back, "events")}
    assert set(after) == set(before)
    for event_id, rec in before.items():
        again = after[event_id]
        assert again["title"] == rec["title"]
        assert _interval(again["start"]) == _interval(rec["start"]), event_id
        assert _interval(again["end"]) == _interval(rec["end"]), event_id
        assert again["summary"].startswith(rec["summary"])
    assert {e["label"] for e in rows(back, "eras")} == set(tables.eras["label"])


def test_round_trip_of_an_imported_timeline(tmp_path):
    """TimelineJS -> ours -> TimelineJS -> ours: the second import gives the same events and dates."""
    first = tmp_path / "first"
    assert run("import-timelinejs", str(FIXTURES / "classroom.csv"), "--out", str(first)).returncode == 0
    exported = tmp_path / "again.json"
    assert run("export", "--data", str(first), "--format", "timelinejs", "--out", str(exported)).returncode == 0
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert check_timelinejs(doc) == [] and doc["scale"] == "cosmological"  # the Big Bang is there
    second = tmp_path / "second"
    assert run("import-timelinejs", str(exported), "--out", str(second)).returncode == 0
    a = {r["id"]: (r["title"], r["start"], r["end"]) for r in rows(first, "events")}
    b = {r["id"]: (r["title"], r["start"], r["end"]) for r in rows(second, "events")}
    assert a == b


def test_words_and_edtf_agree_on_every_date_in_our_data():
    tables = loading.load(DATA)
    labels = {v for col in ("start", "end") for frame in (tables.events, tables.claims) for v in frame[col] if v}
    for label in labels:
        back = words.to_edtf(words.edtf(label))
        assert back is not None and _interval(back) == _interval(label), label
    assert not math.isnan(len(labels))


# ------------------------------------------------------------------------------------------------
# Starting a table of one's own: data/template/ and `new`


def test_new_copies_the_starter_table_which_validates(tmp_path):
    target = tmp_path / "mine"
    done = run("new", str(target))
    assert done.returncode == 0, done.stderr
    assert f"python -m dashboard validate --data {target}" in done.stdout
    assert sorted(p.name for p in target.iterdir()) == sorted(spec.file for spec in TABLES.values())
    check = run("validate", "--data", str(target))
    assert check.returncode == 0 and check.stdout.startswith("OK: 3 events, 5 claims"), check.stderr
    tables = loading.load(target)
    resolved = resolve.resolve(tables)
    assert resolved.set_index("id").loc["an-uncertain-moment", "disputed"]  # the template shows a dispute
    assert check_timelinejs(timelinejs.to_timelinejs(resolved, tables)) == []
    again = run("new", str(target))
    assert again.returncode == 1 and "already holds files" in again.stderr


def test_an_empty_folder_is_led_to_a_valid_table(tmp_path):
    """The authoring guide's path: each message says what to write, and following them ends in OK."""
    folder = tmp_path / "empty"
    folder.mkdir()
    first = run("validate", "--data", str(folder))
    headers = dict(
        re.findall(
            r"^(\w+\.csv): -: file is missing from .*; create it with this header row: (.+)$", first.stderr, re.M
        )
    )
    assert set(headers) == {spec.file for spec in TABLES.values() if not spec.optional}  # tours.csv may be absent
    for file, header in headers.items():
        (folder / file).write_text(header + "\n", encoding="utf-8")
    second = run("validate", "--data", str(folder))
    assert "events.csv: -: has no events yet; add one row per event under the header" in second.stderr
    (folder / "events.csv").write_text(
        headers["events.csv"] + "\nfirst-contact,First contact,They meet.,around 2318,,contact,cardassians,prime,\n",
        encoding="utf-8",
    )
    third = run("validate", "--data", str(folder))
    assert "for 'around 2318' write '2318~' (about 2318)" in third.stderr
    assert "unknown era 'contact' (not an id in eras.csv; that file has no rows yet: add one)" in third.stderr
