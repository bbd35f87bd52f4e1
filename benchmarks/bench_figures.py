"""How the load, resolve and figure pipeline scales, against a plain plotly.express version.

    python benchmarks/bench_figures.py [--sizes 100,1000,10000] [--repeat 5] [--out benchmarks/results.md]

For each size it writes a synthetic data directory (benchmarks/synthetic.py) to a temporary
directory and measures, taking the median of --repeat runs (time.perf_counter):

* load: `Catalogue.load(dir)` (read, validate, parse dates into intervals);
* resolve: `dashboard.domain.resolve.resolve(tables, TIERS)`, called directly (no catalogue cache);
* view cold / warm: `dashboard.domain.view.build_view(cat, "")` on a fresh catalogue (includes the
  resolve) and again once the catalogue has cached the resolution;
* ours: `figures.gantt(df, vocab)` + `figures.timeline(df, vocab)` on the resolved rows;
* px: the plain version on the same rows: `px.timeline` for periods plus `px.scatter` for
  moments, coloured by outermost faction, with the fractional years turned into datetime64[us];
* for both: build time, JSON time (`plotly.io.to_json`) and bytes, peak traced Python memory of the build
  (tracemalloc, in separate runs so tracing does not slow the timed ones), and trace count.

Ratios are ours / px from the same run. Nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the repository's packages

import numpy as np
import pandas as pd
import plotly
import plotly.express as px
import plotly.io as pio

from dashboard import figures
from dashboard.domain import resolve, view
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.schema import TIERS
from testsupport import ROOT, synthetic

DEFAULT_SIZES = (100, 1000, 10000)
RATIOS = {  # ours / px
    "ratio_build": "build_ms",
    "ratio_to_json": "json_ms",
    "ratio_json_bytes": "json_bytes",
    "ratio_peak_memory": "peak_bytes",
}


# --- the plain plotly.express baseline -------------------------------------------------------


def years_to_datetime(values) -> pd.Series:
    """Fractional years (2328.5) as datetime64[us]: safe far past 2262, unlike datetime64[ns]."""
    a = np.asarray([np.nan if v is None else v for v in values], dtype=float)
    whole = np.floor(a)
    year = np.where(np.isfinite(whole), whole, 1970).astype("int64") - 1970
    first = year.astype("datetime64[Y]").astype("datetime64[us]")
    length = ((year + 1).astype("datetime64[Y]").astype("datetime64[us]") - first).astype("int64")
    offset = np.rint(length * np.nan_to_num(a - whole)).astype("int64").astype("timedelta64[us]")
    out = first + offset
    out[~np.isfinite(a)] = np.datetime64("NaT")
    return pd.Series(out, dtype="datetime64[us]")


def baseline(df, vocab):
    """What a plain version would draw: px.timeline of the periods, px.scatter of the moments."""
    finite = [v for v in df["best_start"] if v is not None and np.isfinite(v)]
    finite += [v for v in df["best_end"] if v is not None and np.isfinite(v)]
    right_edge = (max(finite) + 2) if finite else 2420.0  # open ends run to the chart's edge
    faction = [vocab.factions[vocab.top(fs[0])] for fs in df["factions"]]
    end = [right_edge if v is not None and np.isinf(v) else v for v in df["best_end"]]
    plain = pd.DataFrame(
        {
            "title": df["title"].to_numpy(),
            "faction": faction,
            "is_point": df["is_point"].to_numpy(dtype=bool),
            "start": years_to_datetime(df["best_start"]).to_numpy(),
            "end": years_to_datetime(end).to_numpy(),
        }
    )
    periods, points = plain[~plain["is_point"]], plain[plain["is_point"]]
    gantt = px.timeline(periods, x_start="start", x_end="end", y="title", color="faction")
    timeline = px.scatter(points, x="start", y="title", color="faction")
    return gantt, timeline


def ours(df, vocab):
    return figures.gantt(df, vocab), figures.timeline(df, vocab)


BUILDERS = {"ours": ours, "px": baseline}


# --- measuring -------------------------------------------------------------------------------


def _timed(fn, *args):
    gc.collect()
    t0 = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t0, out


def _peak(fn, *args) -> int:
    """Peak traced Python memory (bytes) while fn runs."""
    gc.collect()
    tracemalloc.start()
    try:
        fn(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _ms(samples) -> float:
    return statistics.median(samples) * 1000.0


def _compare(df, vocab, repeat: int) -> dict[str, dict]:
    """Build, serialise and trace ours and px, alternating so both see the same machine load."""
    samples = {name: {"build": [], "json": [], "peak": []} for name in BUILDERS}
    last = {}
    for _ in range(repeat):
        for name, builder in BUILDERS.items():
            t, figs = _timed(builder, df, vocab)
            samples[name]["build"].append(t)
            t, texts = _timed(lambda figs=figs: [pio.to_json(f, validate=False) for f in figs])
            samples[name]["json"].append(t)
            last[name] = figs, texts
    for _ in range(repeat):
        for name, builder in BUILDERS.items():
            samples[name]["peak"].append(_peak(builder, df, vocab))
    return {
        name: {
            "build_ms": _ms(s["build"]),
            "json_ms": _ms(s["json"]),
            "json_bytes": sum(len(t) for t in last[name][1]),
            "peak_bytes": int(statistics.median(s["peak"])),
            "traces": sum(len(f["data"] if isinstance(f, dict) else f.data) for f in last[name][0]),
        }
        for name, s in samples.items()
    }


def measure(size: int, repeat: int = 5, *, seed: int = 0) -> dict:
    """Every measurement for one table size; times are medians in milliseconds."""
    with tempfile.TemporaryDirectory(prefix=f"bajor-bench-{size}-") as tmp:
        data = synthetic.write_tables(Path(tmp) / "data", size, seed)
        load, cold, warm, res = [], [], [], []
        for _ in range(repeat):
            t, cat = _timed(Catalogue.load, data)
            load.append(t)
            t, _ = _timed(view.build_view, cat, "")  # fresh catalogue: resolves, then builds
            cold.append(t)
            t, _ = _timed(view.build_view, cat, "")  # resolution now cached by the catalogue
            warm.append(t)
        for _ in range(repeat):
            t, df = _timed(resolve.resolve, cat.tables, TIERS)
            res.append(t)
    compared = _compare(df, cat.vocab, repeat)
    mine, plain = compared["ours"], compared["px"]
    result = {
        "events": size,
        "claims": len(cat.tables.claims),
        "periods": int((~df["is_point"].astype(bool)).sum()),
        "points": int(df["is_point"].astype(bool).sum()),
        "disputed": int(df["disputed"].astype(bool).sum()),
        "repeat": repeat,
        "load_ms": _ms(load),
        "resolve_ms": _ms(res),
        "view_cold_ms": _ms(cold),
        "view_warm_ms": _ms(warm),
    }
    for name, m in compared.items():
        result.update({f"{name}_{k}": v for k, v in m.items()})
    for ratio, key in RATIOS.items():
        result[ratio] = mine[key] / plain[key]
    return result


# --- reporting -------------------------------------------------------------------------------


def _fmt_ms(v) -> str:
    return f"{v:,.0f}" if v >= 100 else f"{v:.1f}"


def _revision() -> str:
    """The git commit measured, marked when dashboard/ has uncommitted changes ('' without git)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "dashboard"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return f"{head} (dashboard/ has uncommitted changes)" if dirty else head


def markdown(results: list[dict], command: str, revision: str = "") -> str:
    cores = os.cpu_count()
    lines = [
        "# Benchmark results",
        "",
        f"Command: `{command}`  ",
        *([f"Code: commit {revision}  "] if revision else []),
        f"Machine: {cores} core{'s' if cores != 1 else ''}, {platform.machine()}, Python {platform.python_version()}, "
        f"plotly {plotly.__version__}, pandas {pd.__version__}.  ",
        "Times are medians in milliseconds; ratios are ours / plain px, measured in the same run. "
        "They describe this run on this machine, not guarantees.",
        "",
        "## Pipeline",
        "",
        "| events | claims | load ms | resolve ms | view cold ms | view warm ms |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['events']:,} | {r['claims']:,} | {_fmt_ms(r['load_ms'])} | "
            f"{_fmt_ms(r['resolve_ms'])} | {_fmt_ms(r['view_cold_ms'])} | {_fmt_ms(r['view_warm_ms'])} |"
        )
    lines += [
        "",
        "## Our figures vs plain plotly.express (gantt + timeline together)",
        "",
        "| events | build ms ours / px | ratio | to_json ms ours / px | ratio | JSON KB ours / px | ratio "
        "| peak MB ours / px | ratio | traces ours / px |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['events']:,} | {_fmt_ms(r['ours_build_ms'])} / {_fmt_ms(r['px_build_ms'])} | {r['ratio_build']:.2f} "
            f"| {_fmt_ms(r['ours_json_ms'])} / {_fmt_ms(r['px_json_ms'])} | {r['ratio_to_json']:.2f} "
            f"| {r['ours_json_bytes'] / 1024:,.0f} / {r['px_json_bytes'] / 1024:,.0f} | {r['ratio_json_bytes']:.2f} "
            f"| {r['ours_peak_bytes'] / 2**20:,.1f} / {r['px_peak_bytes'] / 2**20:,.1f} | {r['ratio_peak_memory']:.2f} "
            f"| {r['ours_traces']} / {r['px_traces']} |"
        )
    return "\n".join(lines) + "\n"


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a comma list of whole numbers") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be whole numbers of at least 1")
    return sizes


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument(
        "--sizes", type=_sizes, default=list(DEFAULT_SIZES), help="comma list of event counts (default 100,1000,10000)"
    )
    p.add_argument("--repeat", type=int, default=5, help="runs per measurement; the median is reported (default 5)")
    p.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results.md", help="where to write the Markdown table"
    )
    p.add_argument("--seed", type=int, default=0, help="seed for the synthetic tables (default 0)")
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be at least 1")
    revision = _revision()  # the dashboard modules were imported moments ago, at start-up
    results = []
    for size in args.sizes:
        t0 = time.perf_counter()
        results.append(measure(size, args.repeat, seed=args.seed))
        print(f"measured {size} events in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    command = "python benchmarks/bench_figures.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = markdown(results, command.strip(), revision)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
