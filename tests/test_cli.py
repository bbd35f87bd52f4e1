"""The command line, run as a user would: a real subprocess on real and broken data."""

import json
import subprocess
import sys

from testsupport import DATA, MINI, ROOT


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_help_lists_the_commands():
    out = run("--help")
    assert out.returncode == 0
    assert "validate" in out.stdout and "export" in out.stdout


def test_validate_clean_data_prints_one_line():
    out = run("validate", "--data", str(DATA))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("OK: ") and out.stdout.count("\n") == 1


def test_validate_broken_data_lists_every_problem(broken):
    broken("events.csv", "2346,,late-occupation", "soon,,late-occupation")
    data = broken("sources.csv", "TNG,canon,1991", "TNG,apocrypha,1991")
    out = run("validate", "--data", str(data))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    lines = out.stderr.splitlines()
    assert any(l.startswith("events.csv:3: start: 'soon' is not an EDTF date") for l in lines)
    assert any(l.startswith("sources.csv:2: tier: unknown tier 'apocrypha'") for l in lines)
    assert lines[-1] == "2 problem(s) found; nothing loaded."


def test_validate_missing_directory(tmp_path):
    out = run("validate", "--data", str(tmp_path / "nowhere"))
    assert out.returncode == 1 and "is not a directory" in out.stderr and "Traceback" not in out.stderr


def test_export_json_to_file_with_a_query(tmp_path):
    target = tmp_path / "canon.json"
    out = run("export", "--data", str(MINI), "--format", "json", "--out", str(target), "--query", "canon=canon")
    assert out.returncode == 0, out.stderr
    events = json.loads(target.read_text(encoding="utf-8"))["events"]
    assert {e["canon"] for e in events} == {"canon"}
    assert all(c["tier"] == "canon" for e in events for c in e["citations"])


def test_export_csv_to_stdout():
    out = run("export", "--data", str(MINI), "--format", "csv")
    assert out.returncode == 0
    assert out.stdout.splitlines()[0].startswith("id,title,summary,start,end,start_earliest")
    assert len(out.stdout.splitlines()) == 8


def test_export_rejects_a_bad_query_and_format():
    out = run("export", "--data", str(MINI), "--format", "json", "--query", "era=bronze-age")
    assert out.returncode == 2 and "unknown era value(s) 'bronze-age'" in out.stderr
    out = run("export", "--format", "xml")
    assert out.returncode == 2 and "invalid choice: 'xml'" in out.stderr


def test_export_shows_what_the_data_route_shows(client, tmp_path):
    """The CLI takes the app's one path from a query to shown events (Catalogue.shown)."""
    query = "faction=cardassian-union&q=bajor&from=2330"
    target = tmp_path / "view.json"
    out = run("export", "--data", str(MINI), "--format", "json", "--out", str(target), "--query", query)
    assert out.returncode == 0, out.stderr
    exported = json.loads(target.read_text(encoding="utf-8"))["events"]
    served = client.get(f"/events.json?{query}").get_json()["events"]
    assert exported == served and exported


def test_serve_takes_app_pys_options_and_refuses_invalid_data(broken):
    """`serve` is `python app.py`: the same options, and on invalid data the validator's messages, exit 1."""
    out = run("serve", "--help")
    assert out.returncode == 0
    assert all(option in out.stdout for option in ("--host", "--port", "--data", "--debug"))
    data = broken("events.csv", "2346,,late-occupation", "soon,,late-occupation")
    out = run("serve", "--data", str(data), "--port", "0")
    assert out.returncode == 1
    assert "events.csv:3: start: 'soon' is not an EDTF date" in out.stderr and "Traceback" not in out.stderr


def test_the_command_line_loads_no_dash_until_it_serves():
    code = "import sys; from dashboard import cli; cli.build_parser(); print('dash' in sys.modules, 'flask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["False", "False"], out.stderr
