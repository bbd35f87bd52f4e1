"""Command line: `python -m dashboard validate|export|import-timelinejs|new` (argparse, no Dash needed)."""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from . import export as export_mod
from . import filters, loading, resolve
from .schema import TABLES, DataInvalid

TEMPLATE_DIR = loading.DEFAULT_DATA_DIR / "template"


def _add_data(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", metavar="DIR", type=Path, default=None,
                   help="directory holding the CSV tables (default: the bundled data/)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Bajor Timeline: check and export the curated event table.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    v = sub.add_parser("validate", help="check every table; print each problem as file:line: column: message")
    _add_data(v)
    e = sub.add_parser("export", help="write the resolved event table as JSON, CSV or TimelineJS JSON")
    _add_data(e)
    e.add_argument("--format", choices=export_mod.FORMATS, required=True,
                   help="json (nested citations), csv (one row per event) or timelinejs (TimelineJS JSON)")
    e.add_argument("--out", metavar="FILE", type=Path, default=None, help="write here instead of standard output")
    e.add_argument("--query", metavar="QUERY", default="",
                   help="filters in the app's URL vocabulary, e.g. 'canon=canon&faction=resistance&from=2328'")
    i = sub.add_parser("import-timelinejs", help="read a TimelineJS timeline (template CSV or JSON) into a new table")
    i.add_argument("file", metavar="FILE", type=Path, help="the TimelineJS template saved as CSV, or TimelineJS JSON")
    i.add_argument("--out", metavar="DIR", type=Path, required=True, help="a new or empty directory for the table")
    n = sub.add_parser("new", help="start a table of your own: copy the starter table into DIR")
    n.add_argument("dir", metavar="DIR", type=Path, help="a new or empty directory")
    return parser


def _load(data: Path | None) -> loading.Tables:
    try:
        return loading.load(data)
    except DataInvalid as exc:
        for err in exc.errors:
            print(err, file=sys.stderr)
        print(f"{len(exc.errors)} problem(s) found; nothing loaded.", file=sys.stderr)
        raise SystemExit(1) from None


def cmd_validate(args) -> int:
    tables = _load(args.data)
    print(f"OK: {len(tables.events)} events, {len(tables.claims)} claims, {len(tables.sources)} sources, "
          f"{len(tables.pages)} pages in {tables.data_dir}")
    return 0


def cmd_export(args) -> int:
    tables = _load(args.data)
    vocab = filters.Vocabulary.from_tables(tables)
    state, notices = filters.parse_query(args.query, vocab)
    for notice in notices:
        print(f"--query: {notice}", file=sys.stderr)
    if notices:
        return 2
    shown = filters.apply(resolve.resolve(tables, state.canon), state, vocab)
    text = export_mod.export(shown, tables, args.format)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {len(shown)} events to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_import_timelinejs(args) -> int:
    from . import timelinejs

    try:
        imported = timelinejs.import_file(args.file, args.out)
    except timelinejs.TimelineUnreadable as exc:
        print(exc, file=sys.stderr)
        return 1
    sys.stdout.write(timelinejs.report(imported))
    return 1 if imported.problems else 0


def cmd_new(args) -> int:
    target: Path = args.dir
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"{target}: already holds files; give a new or empty directory (nothing was overwritten)", file=sys.stderr)
        return 1
    target.mkdir(parents=True, exist_ok=True)
    for spec in TABLES.values():
        shutil.copyfile(TEMPLATE_DIR / spec.file, target / spec.file)
    print(f"Wrote the starter table ({len(TABLES)} CSV files) to {target}.\n"
          f"Next: edit the files (docs/DATA.md, 'Your own table'), then run\n"
          f"  python -m dashboard validate --data {target}\n"
          f"and fix what it reports, one line at a time; then  python app.py --data {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commands = {"validate": cmd_validate, "export": cmd_export, "import-timelinejs": cmd_import_timelinejs,
                "new": cmd_new}
    return commands[args.command](args)
