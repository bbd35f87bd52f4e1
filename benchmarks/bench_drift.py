"""What "Sources over time" costs the explorer: its callback's answer (dashboard/web/pages/explorer/drift.py)
on synthetic tables, next to the charts' callback answer for the same queries (which it does not change:
the drift chart has its own callback), and the figure's JSON size. In-process, best of `--repeat` runs.

    .venv/bin/python benchmarks/bench_drift.py [--sizes 1000,10000,100000] [--repeat 3]

Prints a Markdown table (docs/PERFORMANCE.md, "Sources over time").
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the repository's packages

from dashboard.domain import view  # noqa: E402
from dashboard.domain.catalogue import Catalogue  # noqa: E402
from dashboard.web.pages.explorer import answers  # noqa: E402
from dashboard.web.pages.explorer import drift as explorer_drift  # noqa: E402
from testsupport import synthetic  # noqa: E402

WIDTH = 1200  # the chart box, CSS px


class _App:
    """What answers.charts asks of the Dash app: a path under its prefix."""

    @staticmethod
    def get_relative_path(path: str) -> str:
        return path


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def measure(size: int, repeat: int = 3, seed: int = 0) -> list[dict]:
    """One row per query: the drift answer's and the charts' answer's time, and the drift figure's bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        cat = Catalogue.load(synthetic.write_tables(Path(tmp) / "data", size, seed))
        years = explorer_drift.drift_data.release_years(cat.tables)
        queries = {
            "everything": "",
            f"asof={years[len(years) // 2]}": f"asof={years[len(years) // 2]}",
            "an event selected": f"event={cat.tables.events['id'].iloc[size // 2]}",
            "canon only": "canon=canon",
        }
        rows = []
        for name, q in queries.items():
            explorer_drift.answer(cat, q, WIDTH)  # warm the catalogue's caches, as a page load does
            drift_s = _best(lambda q=q: explorer_drift.answer(cat, q, WIDTH), repeat)
            charts_s = _best(lambda q=q: answers.charts(_App(), cat, q, WIDTH, view.filter_key(q)), repeat)
            fig = explorer_drift.answer(cat, q, WIDTH)["figure"]
            rows.append(
                {
                    "events": size,
                    "query": name,
                    "claims": fig["layout"]["meta"]["claims"],
                    "drift_ms": drift_s * 1000,
                    "charts_ms": charts_s * 1000,
                    "figure_kb": len(json.dumps(fig, default=str)) / 1024,
                }
            )
        return rows


def markdown(rows: list[dict]) -> str:
    out = [
        "| events | query | claims drawn | drift answer | periods + moments answer | drift figure |",
        "|---|---|---|---|---|---|",
    ]
    out += [
        f"| {r['events']:,} | {r['query']} | {r['claims']:,} | {r['drift_ms']:.0f} ms | {r['charts_ms']:.0f} ms "
        f"| {r['figure_kb']:.0f} KB |"
        for r in rows
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="comma list of event counts")
    p.add_argument("--repeat", type=int, default=3, help="runs of each answer; the best is kept")
    args = p.parse_args(argv)
    rows = [r for n in args.sizes.split(",") for r in measure(int(n), args.repeat)]
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
