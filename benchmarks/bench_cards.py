"""Social cards (dashboard/web/cards.py) as a crawler meets them, against the plain baseline.

The app runs as `python app.py --data DIR` in its own process (bench_scale.app_server), and this
script asks it over HTTP, as a crawler would:

- *cold*: the first card after start-up (kaleido's browser starts, then draws), while the page's own
  requests (`GET /`) go on beside it: their times with and without a card being drawn;
- *hit*: the same card again (the cache); *warm*: other views once the browser runs;
- *burst*: many new cards at once: how many were drawn, answered with the fallback (`busy`, `late`)
  and the slowest answer (the queue's bound at work);
- *plain*: the baseline convention of docs/PERFORMANCE.md, a plain `px.timeline` of the same events
  (bench_figures.baseline) drawn to a 1200x630 PNG by plotly's own `fig.to_image` in a fresh
  interpreter, first and second call.

    .venv/bin/python benchmarks/bench_cards.py                  # the curated data and 10,000 events
    .venv/bin/python benchmarks/bench_cards.py --sizes 0 --burst 6

Prints a Markdown table (docs/PERFORMANCE.md "Social cards" holds the last run); `--json FILE` keeps
the raw numbers. No threshold: numbers of one run on one machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the repository's packages

from benchmarks.bench_scale import app_server
from testsupport import DATA, ROOT
from testsupport.synthetic import write_tables

VIEWS = [
    "view=gantt",
    "view=timeline",
    "view=gantt&canon=canon",
    "view=timeline&disputed=1",
    "view=gantt&lanes=era",
    "view=gantt&from=2340",
    "view=timeline&to=2360",
    "view=gantt&canon=canon&disputed=1",
    "view=timeline&canon=canon",
    "view=gantt&from=2330&to=2370",
    "view=timeline&from=2330&to=2370",
    "view=gantt&to=2350",
    "view=timeline&from=2350",
    "view=gantt&disputed=1&lanes=era",
    "view=timeline&lanes=era",
    "view=gantt&from=2320",
]


def get(url: str) -> tuple[float, int, str, int]:
    """(seconds, status, X-Card, bytes) of one GET."""
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=180) as r:
        body = r.read()
        return time.perf_counter() - t0, r.status, r.headers.get("X-Card", ""), len(body)


def pages_while(url: str, busy: threading.Thread | None, n: int) -> list[float]:
    """Seconds of `n` page requests (`GET /`), made while `busy` runs (or at rest)."""
    times = []
    for _ in range(n):
        times.append(get(url + "/")[0])
        if busy is not None and not busy.is_alive():
            break
    return times


def measure_app(data: Path, burst: int) -> dict:
    out: dict = {}
    with app_server(data, timeout_s=300) as (url, ready, _pid):
        out["ready_s"] = ready
        out["page_rest_ms"] = statistics.median(pages_while(url, None, 5)) * 1000
        card = f"{url}/card.png?{VIEWS[0]}"
        cold: dict = {}
        thread = threading.Thread(target=lambda: cold.update(zip(("s", "status", "how", "bytes"), get(card))))
        thread.start()
        time.sleep(0.05)
        during = pages_while(url, thread, 50)
        thread.join()
        out["cold"] = cold
        out["page_during_ms"] = {
            "median": statistics.median(during) * 1000,
            "max": max(during) * 1000,
            "n": len(during),
        }
        hits = [get(card) for _ in range(5)]
        out["hit_ms"] = statistics.median(h[0] for h in hits) * 1000
        out["hit_how"] = sorted({h[2] for h in hits})
        warm = [get(f"{url}/card.png?{v}") for v in VIEWS[1:4]]
        out["warm_s"] = {"median": statistics.median(w[0] for w in warm), "how": sorted({w[2] for w in warm})}
        answers: list = []
        threads = [
            threading.Thread(target=lambda v=v: answers.append(get(f"{url}/card.png?{v}")))
            for v in VIEWS[4 : 4 + burst]  # views not asked for yet
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        hows: dict[str, int] = {}
        for a in answers:
            hows[a[2]] = hows.get(a[2], 0) + 1
        out["burst"] = {"n": burst, "how": hows, "max_s": max(a[0] for a in answers)}
    return out


PLAIN = """
import json, sys, time
sys.path.insert(0, {root!r})
from benchmarks.bench_figures import baseline
from dashboard.domain.catalogue import Catalogue
from dashboard.domain.schema import TIERS
t0 = time.perf_counter()
cat = Catalogue.load({data!r})
df = cat.resolved(TIERS)
gantt = baseline(df, cat.vocab)[0]
build = time.perf_counter() - t0
times = []
for _ in range(2):
    t0 = time.perf_counter()
    png = gantt.to_image(format="png", width=1200, height=630)
    times.append(time.perf_counter() - t0)
print(json.dumps({{"build_s": build, "first_s": times[0], "second_s": times[1], "bytes": len(png)}}))
"""


def measure_plain(data: Path) -> dict:
    """The baseline in a fresh interpreter: px.timeline of the periods, drawn by plotly's fig.to_image."""
    code = PLAIN.format(root=str(ROOT), data=str(data))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=ROOT)
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(size: int, burst: int) -> dict:
    """One data set: 0 is the curated data, else a synthetic table of `size` events."""
    with tempfile.TemporaryDirectory() as tmp:
        data = DATA if size == 0 else write_tables(Path(tmp) / "data", size)
        return {"size": size, "ours": measure_app(data, burst), "plain": measure_plain(data)}


def markdown(results: list[dict]) -> str:
    rows = [
        "| | " + " | ".join("curated" if r["size"] == 0 else f"{r['size']:,} events" for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]

    def row(name, fn):
        rows.append(f"| {name} | " + " | ".join(fn(r) for r in results) + " |")

    row("app ready", lambda r: f"{r['ours']['ready_s']:.1f} s")
    row(
        "**ours, cold** (browser start + draw)",
        lambda r: f"**{r['ours']['cold']['s']:.2f} s** ({r['ours']['cold']['how']})",
    )
    row("ours, another view (browser running)", lambda r: f"{r['ours']['warm_s']['median']:.2f} s")
    row(
        "**ours, second request** (cache)",
        lambda r: f"**{r['ours']['hit_ms']:.1f} ms** ({', '.join(r['ours']['hit_how'])})",
    )
    row("page `GET /` at rest, median", lambda r: f"{r['ours']['page_rest_ms']:.0f} ms")
    row(
        "page `GET /` while the cold card draws, median / max (n)",
        lambda r: f"{r['ours']['page_during_ms']['median']:.0f} / {r['ours']['page_during_ms']['max']:.0f} ms "
        f"({r['ours']['page_during_ms']['n']})",
    )
    row(
        "burst of new cards at once: answers (slowest)",
        lambda r: ", ".join(f"{n} {k}" for k, n in sorted(r["ours"]["burst"]["how"].items()))
        + f" ({r['ours']['burst']['max_s']:.1f} s)",
    )
    row(
        "plain px.timeline `to_image`, first / second call",
        lambda r: f"{r['plain']['first_s']:.2f} / {r['plain']['second_s']:.2f} s"
        if "first_s" in r["plain"]
        else r["plain"].get("error", "?"),
    )
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,10000", help="0: the curated data; else synthetic events")
    parser.add_argument("--burst", type=int, default=12, help=f"new cards asked at once (at most {len(VIEWS) - 4})")
    parser.add_argument("--json", default="", help="write the raw results here")
    args = parser.parse_args(argv)
    results = [measure(int(s), min(args.burst, len(VIEWS) - 4)) for s in args.sizes.split(",")]
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
