"""Command line: `bajor-timeline` (or `python -m dashboard`) validate | export | chart | import-timelinejs | new | serve
(argparse; Dash is imported only by `serve`)."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from dashboard.domain import loading
from dashboard.domain.schema import TABLES, DataInvalid
from dashboard.domain.vocabulary import Vocabulary
from dashboard.formats import registry

TEMPLATE_DIR = loading.DEFAULT_DATA_DIR / "template"


def _add_data(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data",
        metavar="DIR",
        type=Path,
        default=None,
        help="directory holding the CSV tables (default: the bundled data/)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard", description="Bajor Timeline: check and export the curated event table."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    v = sub.add_parser("validate", help="check every table; print each problem as file:line: column: message")
    _add_data(v)
    e = sub.add_parser("export", help="write the resolved event table as JSON, CSV or TimelineJS JSON")
    _add_data(e)
    e.add_argument(
        "--format",
        choices=registry.FORMATS,
        required=True,
        help="json (nested citations), csv (one row per event) or timelinejs (TimelineJS JSON)",
    )
    e.add_argument("--out", metavar="FILE", type=Path, default=None, help="write here instead of standard output")
    e.add_argument(
        "--query",
        metavar="QUERY",
        default="",
        help="filters in the app's URL vocabulary, e.g. 'canon=canon&faction=resistance&from=2328'",
    )
    i = sub.add_parser("import-timelinejs", help="read a TimelineJS timeline (template CSV or JSON) into a new table")
    i.add_argument("file", metavar="FILE", type=Path, help="the TimelineJS template saved as CSV, or TimelineJS JSON")
    i.add_argument("--out", metavar="DIR", type=Path, required=True, help="a new or empty directory for the table")
    n = sub.add_parser("new", help="start a table of your own: copy the starter table into DIR")
    n.add_argument("dir", metavar="DIR", type=Path, help="a new or empty directory")
    _add_chart(sub)
    _add_serve(sub)
    return parser


def _add_chart(sub) -> None:
    from dashboard.formats.charts import KINDS

    c = sub.add_parser(
        "chart",
        help="draw one chart as a slide image (PNG, SVG) or a standalone HTML file",
        description="Draw the app's chart for a view and filters: PNG or SVG sized for a slide "
        "(title, filters in words, credit to the wikis), or one HTML file that works offline.",
    )
    _add_data(c)
    c.add_argument(
        "--view",
        choices=KINDS,
        dest="kind",
        default=None,
        help="gantt (periods, the default), timeline (moments), dispute (one event's sources: needs --event) "
        "or drift (sources over time: each claim at its work's release year)",
    )
    c.add_argument(
        "--event", metavar="ID", default=None, help="an event id: outlined on gantt/timeline, the subject of dispute"
    )
    c.add_argument(
        "--format",
        choices=registry.CHART_FORMATS,
        required=True,
        help=", ".join(registry.CHART_FORMATS[:-1]) + f" or {registry.CHART_FORMATS[-1]}",
    )
    c.add_argument("--width", metavar="W", default=None, help="pixels (default 1920; html: the chart's widest)")
    c.add_argument("--height", metavar="H", default=None, help="pixels (default 1080; html: the chart's own height)")
    c.add_argument("--scale", metavar="S", default=None, help="png only: multiply the pixels (2 gives 3840x2160)")
    c.add_argument(
        "--plotlyjs",
        metavar="inline|URL",
        default=None,
        help="html only: 'inline' (default, works offline) or the http(s) URL of a plotly.js to load",
    )
    c.add_argument("--out", metavar="FILE", type=Path, required=True, help="the file to write")
    c.add_argument(
        "--query",
        metavar="QUERY",
        default="",
        help="the app's URL filters, e.g. 'canon=canon&faction=resistance&from=2328'",
    )


def cmd_chart(args) -> int:
    from dashboard.domain.catalogue import Catalogue
    from dashboard.formats import chart_files, charts, images, standalone

    def fail(message: str) -> int:
        print(f"chart: {message}", file=sys.stderr)
        return 2

    if args.scale is not None and args.format != "png":
        return fail("--scale only multiplies a PNG's pixels: drop it, or use --format png")
    if args.plotlyjs is not None and args.format != "html":
        return fail("--plotlyjs only applies to --format html: drop it")
    if not args.out.parent.is_dir():
        return fail(f"--out: the folder {args.out.parent} does not exist; create it or write elsewhere")
    try:
        cat = Catalogue.load(args.data)
    except DataInvalid as exc:
        _print_invalid(exc)
        return 1
    try:
        chart = charts.build(cat, args.query, kind=args.kind, event=args.event)
        sized = args.format != "html" or args.width is not None or args.height is not None
        width, height, scale = charts.check_size(
            args.width or charts.SLIDE[0], args.height or charts.SLIDE[1], args.scale or 1
        )
        plotlyjs_src = standalone.check_plotlyjs(args.plotlyjs)
    except charts.ChartError as exc:
        return fail(str(exc))
    for notice in chart.notices:
        print(f"--query: {notice}", file=sys.stderr)
    if chart.notices:
        return 2
    try:
        with images.ImageRenderer() as renderer:
            data = chart_files.render(
                chart,
                cat.tables,
                args.format,
                width=width,
                height=height,
                scale=scale,
                plotlyjs_src=plotlyjs_src,
                renderer=renderer,
                html_size=sized,
            )
    except images.RenderError as exc:
        print(f"chart: {exc}", file=sys.stderr)
        return 1
    args.out.write_bytes(data)
    size = f"{width}x{height}" + (f" at scale {scale:g}" if scale != 1 else "") if sized else "responsive"
    print(
        f"wrote {args.out} ({args.format}, {size}, {len(data):,} bytes, {len(chart.drawn)} event{'' if len(chart.drawn) == 1 else 's'} drawn)",
        file=sys.stderr,
    )
    return 0


def _load(data: Path | None) -> loading.Tables:
    try:
        return loading.load(data)
    except DataInvalid as exc:
        _print_invalid(exc)
        raise SystemExit(1) from None


def _print_invalid(exc: DataInvalid) -> None:
    for err in exc.errors:
        print(err, file=sys.stderr)
    print(f"{len(exc.errors)} problem(s) found; nothing loaded.", file=sys.stderr)


def cmd_validate(args) -> int:
    tables = _load(args.data)
    tours = len(Vocabulary.from_tables(tables).tours)
    print(
        f"OK: {len(tables.events)} events, {len(tables.claims)} claims, {len(tables.sources)} sources, "
        f"{len(tables.pages)} pages, {tours} tours in {tables.data_dir}"
    )
    return 0


def cmd_export(args) -> int:
    from dashboard.domain.catalogue import Catalogue

    cat = Catalogue.of(_load(args.data), warm=False)
    state, notices, shown = cat.shown(args.query)
    for notice in notices:
        print(f"--query: {notice}", file=sys.stderr)
    if notices:
        return 2
    text = registry.export(shown, cat.tables, args.format, tiers=state.tiers)  # citations from the same works
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {len(shown)} events to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_import_timelinejs(args) -> int:
    from dashboard.formats import timelinejs

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
        print(
            f"{target}: already holds files; give a new or empty directory (nothing was overwritten)", file=sys.stderr
        )
        return 1
    target.mkdir(parents=True, exist_ok=True)
    for spec in TABLES.values():
        shutil.copyfile(TEMPLATE_DIR / spec.file, target / spec.file)
    print(
        f"Wrote the starter table ({len(TABLES)} CSV files) to {target}.\n"
        f"Next: edit the files (docs/DATA.md, 'Your own table'), then run\n"
        f"  python -m dashboard validate --data {target}\n"
        f"and fix what it reports, one line at a time; then  python app.py --data {target}"
    )
    return 0


def _add_serve(sub) -> None:
    from dashboard.web.serve import add_arguments

    add_arguments(sub.add_parser("serve", help="serve the explorer (as python app.py does) on --host and --port"))


def cmd_serve(args) -> int:
    from dashboard.web.serve import serve

    return serve(args)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commands = {
        "validate": cmd_validate,
        "export": cmd_export,
        "import-timelinejs": cmd_import_timelinejs,
        "new": cmd_new,
        "chart": cmd_chart,
        "serve": cmd_serve,
    }
    return commands[args.command](args)
