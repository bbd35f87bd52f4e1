"""Command line: `python -m dashboard validate|export` (argparse, no Dash needed)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import export as export_mod
from . import filters, loading, resolve
from .schema import DataInvalid


def _add_data(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", metavar="DIR", type=Path, default=None,
                   help="directory holding the CSV tables (default: the bundled data/)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Bajor Timeline: check and export the curated event table.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    v = sub.add_parser("validate", help="check every table; print each problem as file:line: column: message")
    _add_data(v)
    e = sub.add_parser("export", help="write the resolved event table as JSON or CSV")
    _add_data(e)
    e.add_argument("--format", choices=export_mod.FORMATS, required=True, help="json (nested citations) or csv (one row per event)")
    e.add_argument("--out", metavar="FILE", type=Path, default=None, help="write here instead of standard output")
    e.add_argument("--query", metavar="QUERY", default="",
                   help="filters in the app's URL vocabulary, e.g. 'canon=canon&faction=resistance&from=2328'")
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
    text = export_mod.export(shown, tables, args.format, tiers=state.canon)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {len(shown)} events to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return {"validate": cmd_validate, "export": cmd_export}[args.command](args)
