"""Scale benchmark: the real app at 1,000 / 10,000 / 100,000 events, side by side with a plain
px.timeline page of the same events (benchmarks/plain.py), in headless Chromium.

For each size it measures
- start-up: `python app.py --data DIR` in a fresh process until `GET /` answers (the app is ready),
  and, in-process, import + load + validate of the same data;
- time to first drawn chart in Chromium (from navigation start until a chart has marks: bars,
  points or a density image), ours and plain, alternately; bytes over the wire (compressed, as
  Chromium receives them) and the page's JS heap;
- server time per filter change and per selection through the real callback endpoint (HTTP POST
  to /_dash-update-component, bodies from benchmarks/payloads.py): median and p95, with the JSON
  bytes of the answer (the figures) and the bytes on the wire;
- the view functions called directly: view.build_view, the two figure builders, view.details;
- memory of the server process (resident set: now and peak).

No thresholds: it reports numbers and ratios (ours / plain). Run from the project root:

    .venv/bin/python benchmarks/bench_scale.py                       # 1000,10000,100000
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000 --rounds 2 --write ''   # quick look

`--write docs/PERFORMANCE.md` (the default) replaces the results between the markers there.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the repository's packages

from benchmarks import payloads, plain
from testsupport import ROOT, servers, synthetic
from testsupport.browser import FLAGS  # Chromium's flags for this machine's closed network

DEFAULT_SIZES = (1000, 10000, 100000)
ACCEPT_ENCODING = "zstd, br, gzip"  # what Chromium offers on a loopback address
MARKERS = ("<!-- results:start -->", "<!-- results:end -->")
# Records when the first chart with data marks (bars, markers or a density image drawn by plotly.js,
# or the bricks of a density the server drew as SVG in the first view) reaches the screen
# (the first animation frame after the marks are in the page: the browser paints that frame), and
# when the page is live: a chart Dash drew (in #react-entry-point, the first view gone: clicks
# select). Watches the document from before its first byte is parsed.
DRAW_PROBE = """
(() => {
  const MARKS = '.barlayer .point path, .scatterlayer path.point, .heatmaplayer image, .imagelayer image';
  // The first view's picture of a chart (SVG the server wrote: dashboard/figures/picture.py).
  const PICTURE_MARKS = '#first-view .chart-picture .marks rect';
  const marked = (root) => {
    for (const svg of root.querySelectorAll('.js-plotly-plot .main-svg')) { if (svg.querySelector(MARKS)) return true; }
    return root === document && Boolean(document.querySelector(PICTURE_MARKS));
  };
  const painted = (name) => requestAnimationFrame(() => { window[name] = performance.now(); });
  let drawn = false, live = false;
  const check = () => {
    if (!drawn && marked(document)) { drawn = true; painted('__firstDraw'); }
    const root = document.getElementById('react-entry-point');
    if (!live && root && !document.getElementById('first-view') && marked(root)) { live = true; painted('__live'); }
  };
  // Settled: the last time a chart Dash drew changed (redrawn for the measured width, say).
  const obs = new MutationObserver((records) => {
    check();
    if (live && records.some(r => r.target.closest && r.target.closest('#react-entry-point .js-plotly-plot'))) {
      painted('__settled');
    }
  });
  obs.observe(document, {childList: true, subtree: true});
  window.__probeCheck = check;  // the runner also polls it, in case a change came without a mutation it saw
})();
"""


# --- helpers ---------------------------------------------------------------------------------


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _p95(values):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(0.95 * (len(values) - 1)))))]


def _summary(samples):
    return {"median": statistics.median(samples), "p95": _p95(samples), "n": len(samples)} if samples else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _decode(raw: bytes, encoding: str) -> bytes:
    if encoding == "zstd":
        try:
            from compression import zstd
        except ImportError:
            from backports import zstd
        return zstd.decompress(raw)
    if encoding == "br":
        import brotli

        return brotli.decompress(raw)
    if encoding == "gzip":
        return gzip.decompress(raw)
    return raw


def _memory(pid: int) -> dict:
    """Resident set of a process, now and at its peak, in MB (Linux /proc)."""
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return {"rss_mb": out.get("VmRSS"), "peak_mb": out.get("VmHWM")}


@contextmanager
def app_server(data: Path, timeout_s: float):
    """`python app.py --data DIR` on a free port; yields (url, seconds until GET / answered, pid)."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "--port", str(port), "--data", str(data)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"app.py exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(url + "/", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.perf_counter() - t0 > timeout_s:
                raise RuntimeError(f"app.py not ready after {timeout_s} s")
            time.sleep(0.05)
        yield url, time.perf_counter() - t0, proc.pid
    finally:
        servers.stop(proc)


def startup_in_process(data: Path) -> dict:
    """import + load + validate (+ the default resolution) in a fresh interpreter, in seconds."""
    code = (
        "import time; t0 = time.perf_counter(); from dashboard.domain.catalogue import Catalogue; "
        f"t1 = time.perf_counter(); Catalogue.load({str(data)!r}); t2 = time.perf_counter(); "
        "print(t1 - t0, t2 - t1, time.process_time())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout.split()
    imp, load, cpu = map(float, out)
    return {"import_s": imp, "load_s": load, "total_s": imp + load, "cpu_s": cpu}


def post(url: str, body: dict) -> tuple[float, int, int]:
    """POST a callback; (seconds, bytes on the wire, JSON bytes)."""
    req = urllib.request.Request(
        url + "/_dash-update-component",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Accept-Encoding": ACCEPT_ENCODING},
    )
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        raw = r.read()
        encoding = r.headers.get("Content-Encoding", "")
        status = r.status
    elapsed = time.perf_counter() - t0
    if status != 200:
        raise RuntimeError(f"callback answered {status}")
    return elapsed, len(raw), len(_decode(raw, encoding))


def filter_queries(cat) -> list[str]:
    """Filter changes a reader makes: tiers, era, faction, universe, years, text, disputes, lanes."""
    v = cat.vocab
    era = next(iter(v.eras))
    top = next(f for f in v.factions if f not in v.parents)
    universe = next(iter(v.universes))
    return [
        "",
        "canon=canon",
        "canon=canon,licensed",
        "canon=licensed,production,fan",
        f"era={era}",
        f"faction={top}",
        f"universe={universe}",
        "from=2340&to=2360",
        "q=raid",
        "disputed=1",
        "lanes=era",
        f"canon=canon&era={era}&disputed=1",
    ]


def selections(cat, k: int, seed: int) -> list[str]:
    ids = list(cat.tables.events["id"])
    rng = random.Random(seed)
    return [f"?event={i}" for i in rng.sample(ids, min(k, len(ids)))]


def time_callbacks(url: str, rounds: int, cat, seed: int) -> dict:
    with urllib.request.urlopen(url + "/_dash-dependencies", timeout=60) as r:
        deps = json.loads(r.read())
    out = {}
    for name, callback, searches in (
        ("filter", payloads.FILTER_CHANGE, [("?" + q) if q else "" for q in filter_queries(cat)]),
        ("select", payloads.SELECTION, selections(cat, 12, seed)),
    ):
        times, wire, js = [], [], []
        for _ in range(rounds):
            for search in searches:
                t, w, j = post(url, payloads.body(callback, deps, search))
                times.append(t)
                wire.append(w)
                js.append(j)
        out[name] = {
            "ms": _summary([_ms(t) for t in times]),
            "json_kb": statistics.median(js) / 1024,
            "max_json_kb": max(js) / 1024,
            "wire_kb": statistics.median(wire) / 1024,
        }
    # The default view's figures: the JSON the first page load receives.
    _, w, j = post(url, payloads.body(payloads.FILTER_CHANGE, deps, ""))
    out["default_figures"] = {"json_kb": j / 1024, "wire_kb": w / 1024}
    return out


def in_process(cat, rounds: int, seed: int) -> dict:
    """The view functions called directly (no HTTP, no JSON)."""
    from dashboard import figures
    from dashboard.domain import view

    build, figs, details = [], [], []
    for _ in range(rounds):
        for q in filter_queries(cat):
            t0 = time.perf_counter()
            v = view.build_view(cat, q)
            t1 = time.perf_counter()
            kw = {"lanes": v.state.lanes, "x_range": v.x_range, "plot_px": payloads.PLOT_WIDTH_PX}
            figures.gantt(v.shown, cat.vocab, **kw), figures.timeline(v.shown, cat.vocab, **kw)
            t2 = time.perf_counter()
            build.append(_ms(t1 - t0))
            figs.append(_ms(t2 - t1))
        for search in selections(cat, 12, seed):
            t0 = time.perf_counter()
            view.details(cat, view.build_view(cat, search))
            details.append(_ms(time.perf_counter() - t0))
    return {"build_view_ms": _summary(build), "figures_ms": _summary(figs), "details_ms": _summary(details)}


def first_draw(browser, url: str, timeout_s: float) -> dict:
    """Seconds from navigation start to the first chart with marks, bytes over the wire, JS heap."""
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    page.add_init_script(DRAW_PROBE)
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Performance.enable")
    received = {}
    cdp.on("Network.loadingFinished", lambda e: received.__setitem__(e["requestId"], e["encodedDataLength"]))
    drawn = live = settled = None
    try:
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        deadline = (
            time.monotonic() + timeout_s
        )  # polled from here: the app's CSP forbids the eval() wait_for_function uses
        while page.evaluate("window.__firstDraw === undefined"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"Timeout: no chart drawn in {timeout_s} s")
            page.wait_for_timeout(100)
        drawn = page.evaluate("window.__firstDraw") / 1000.0
        live_deadline = time.monotonic() + 60  # the live page (Dash's own chart); a plain page has none
        # A plain page never has Dash's root; ours may draw its first view before the HTML that holds
        # the root is parsed (a picture in the first bytes), so only a loaded page without one is plain.
        plain = "document.readyState === 'complete' && !document.getElementById('react-entry-point')"
        while live is None and time.monotonic() < live_deadline and not page.evaluate(plain):
            at = page.evaluate(
                "window.__probeCheck && window.__probeCheck(), window.__live === undefined ? null : window.__live"
            )
            live = None if at is None else at / 1000.0
            if live is None:
                page.wait_for_timeout(50)
        # The rest of the page's requests (the table's rows, the chart width, ...): until the live
        # charts have not changed for 1.5 s (at most 30 s more).
        quiet_deadline = time.monotonic() + 30
        while time.monotonic() < quiet_deadline:
            page.wait_for_timeout(500)
            if page.evaluate("performance.now() - (window.__settled || window.__live || 0)") > 1500:
                break
        if live is not None:
            settled = max(live, (page.evaluate("window.__settled || 0") or 0) / 1000.0)
    except Exception as exc:  # a timeout: reported as not drawn
        if "Timeout" not in type(exc).__name__ and "timeout" not in str(exc).lower():
            raise
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    out = {
        "drawn_s": drawn,
        "live_s": live,
        "settled_s": settled,
        "wire_kb": sum(received.values()) / 1024,
        "heap_mb": metrics.get("JSHeapUsedSize", 0) / 2**20,
    }
    ctx.close()
    return out


EMBED = "/embed?view=gantt"  # the page oEmbed's iframe shows (dashboard/oembed.py)


def page_weight(browser, url: str, timeout_s: float) -> float:
    """KB over the wire until the network has been idle for a moment (for pages without a chart to wait for)."""
    ctx = browser.new_context(viewport={"width": 720, "height": 640})
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    received = {}
    cdp.on("Network.loadingFinished", lambda e: received.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url, wait_until="networkidle", timeout=timeout_s * 1000)
    page.wait_for_timeout(1500)
    ctx.close()
    return sum(received.values()) / 1024


@contextmanager
def chromium():
    """Headless Chromium (Debian's), as the browser tests launch it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), headless=True, args=FLAGS
        )
        try:
            yield browser
        finally:
            browser.close()


def browser_runs(url_ours: str, url_plain: str, repeat: int, timeout_s: float, browser=None) -> dict:
    """Ours and plain, alternately, `repeat` times each (in `browser`, else a Chromium of its own)."""
    if browser is None:
        with chromium() as own:
            return browser_runs(url_ours, url_plain, repeat, timeout_s, own)
    samples = {"ours": [], "plain": []}
    for _ in range(repeat):  # alternate, so both see the same machine load
        samples["ours"].append(first_draw(browser, url_ours, timeout_s))
        samples["plain"].append(first_draw(browser, url_plain, timeout_s))
    embed_kb = page_weight(browser, url_ours.rstrip("/") + EMBED, timeout_s)
    out = {}
    for name, runs in samples.items():
        drawn = [r["drawn_s"] for r in runs if r["drawn_s"] is not None]
        live = [r["live_s"] for r in runs if r["live_s"] is not None]
        settled = [r["settled_s"] for r in runs if r["settled_s"] is not None]
        out[name] = {
            "drawn_s": statistics.median(drawn) if len(drawn) == len(runs) else None,
            "live_s": statistics.median(live) if live and len(live) == len(runs) else None,
            "settled_s": statistics.median(settled) if settled and len(settled) == len(runs) else None,
            "runs": [r["drawn_s"] for r in runs],
            "live_runs": [r["live_s"] for r in runs],
            "settled_runs": [r["settled_s"] for r in runs],
            "wire_kb": statistics.median(r["wire_kb"] for r in runs),
            "heap_mb": statistics.median(r["heap_mb"] for r in runs),
        }
    out["embed_wire_kb"] = embed_kb
    return out


def measure(
    size: int, *, rounds: int = 3, repeat: int = 3, seed: int = 0, browser=True, timeout_s: float = 180.0
) -> dict:
    """Every measurement for one table size (see the module doc). `browser`: False to skip Chromium,
    True to launch one, or a Playwright browser to use."""
    from benchmarks import bench_figures
    from dashboard.domain.catalogue import Catalogue
    from dashboard.domain.schema import TIERS

    with tempfile.TemporaryDirectory(prefix=f"bajor-scale-{size}-") as tmp:
        data = synthetic.write_tables(Path(tmp) / "data", size, seed)
        result = {"events": size, "startup": startup_in_process(data)}
        cat = Catalogue.load(data)
        result["claims"] = len(cat.tables.claims)
        result["view"] = in_process(cat, rounds, seed)
        with app_server(data, timeout_s=max(120.0, timeout_s)) as (url, ready_s, pid):
            result["ready_s"] = ready_s
            result["callbacks"] = time_callbacks(url, rounds, cat, seed)
            if browser:
                html = plain.page_html(bench_figures.baseline(cat.resolved(TIERS), cat.vocab))
                with plain.serve(html) as plain_url:
                    result["browser"] = browser_runs(
                        url + "/", plain_url, repeat, timeout_s, None if browser is True else browser
                    )
            result["memory"] = _memory(pid)
    return result


# --- reporting -------------------------------------------------------------------------------


def _f(v, unit="", digits=None) -> str:
    if v is None:
        return "—"
    if digits is None:
        digits = 0 if abs(v) >= 100 else 1 if abs(v) >= 10 else 2
    return f"{v:,.{digits}f}{unit}"


def _ratio(a, b) -> str:
    return "—" if a is None or b in (None, 0) else f"{a / b:.2f}"


def curated_startup(runs: int = 3) -> dict:
    """import + load + validate of the bundled data/ (the curated table), median of fresh processes."""
    from dashboard.domain.loading import DEFAULT_DATA_DIR

    samples = [startup_in_process(DEFAULT_DATA_DIR) for _ in range(runs)]
    return {k: statistics.median(s[k] for s in samples) for k in samples[0]} | {"runs": runs}


def markdown(results: list[dict], command: str, revision: str, timeout_s: float, curated: dict | None = None) -> str:
    import pandas as pd
    import plotly

    cores = os.cpu_count()
    try:
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    lines = [
        f"Command: `{command}`  ",
        f"Code: commit {revision}  " if revision else "",
        f"Machine: {cores} cores, {platform.machine()}, Python {platform.python_version()}, plotly {plotly.__version__}, "
        f"pandas {pd.__version__}; load average at the end {load} (the machine is shared: wall times include "
        "waiting for a core).",
        "",
        *(
            [
                f"**Start-up at the curated table's size** (data/, fresh interpreter, median of {curated['runs']}): "
                f"import {curated['import_s']:.2f} s + load and validate {curated['load_s']:.2f} s = "
                f"**{curated['total_s']:.2f} s** ({curated['cpu_s']:.2f} s of CPU).",
                "",
            ]
            if curated
            else []
        ),
        "**Browser** (headless Chromium, 1366x900): seconds from navigation start to the first chart with marks "
        f"on screen (the frame after they are in the page; median of the runs; — = not drawn within {timeout_s:.0f} s), bytes over the wire (compressed), "
        f"JS heap. Ratio = plain / ours (above 1: ours is faster). Ours live = when the chart Dash drew is on "
        "screen and the first view is gone (clicks select, filters work); settled = when Dash's charts last "
        "changed (a redraw for the measured width, say); the plain page is live and settled when drawn. "
        f"Embed = `{EMBED}` (oEmbed's iframe) until the network is idle.",
        "",
        "| events | claims | first chart ours s | plain px s | plain / ours | ours live s | ours settled s "
        "| wire ours KB | wire plain KB | wire embed KB | heap ours MB | heap plain MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        b = r.get("browser")
        if not b:
            continue
        o, p = b["ours"], b["plain"]
        lines.append(
            f"| {r['events']:,} | {r['claims']:,} | {_f(o['drawn_s'])} | {_f(p['drawn_s'])} | "
            f"{_ratio(p['drawn_s'], o['drawn_s'])} | {_f(o.get('live_s'))} | {_f(o.get('settled_s'))} | {_f(o['wire_kb'])} | {_f(p['wire_kb'])} | "
            f"{_f(b.get('embed_wire_kb'))} | {_f(o['heap_mb'])} | {_f(p['heap_mb'])} |"
        )
    lines += [
        "",
        "**Server**: start-up in a fresh process (import + load + validate + resolve; and `app.py` until `GET /` "
        "answers), callbacks over HTTP on loopback (median / p95 ms; JSON = the answer's size before compression, "
        "wire = after), resident memory of the server process after the run.",
        "",
        "| events | import+load s (cpu s) | ready s | filter ms median / p95 | selection ms median / p95 "
        "| default figures JSON KB (wire KB) | largest filter answer KB | RSS MB (peak) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        s, c, m = r["startup"], r["callbacks"], r["memory"]
        lines.append(
            f"| {r['events']:,} | {_f(s['total_s'])} ({_f(s['cpu_s'])}) | {_f(r['ready_s'])} | "
            f"{_f(c['filter']['ms']['median'])} / {_f(c['filter']['ms']['p95'])} | "
            f"{_f(c['select']['ms']['median'])} / {_f(c['select']['ms']['p95'])} | "
            f"{_f(c['default_figures']['json_kb'])} ({_f(c['default_figures']['wire_kb'])}) | "
            f"{_f(c['filter']['max_json_kb'])} | {_f(m['rss_mb'])} ({_f(m['peak_mb'])}) |"
        )
    lines += [
        "",
        "**View functions called directly** (median / p95 ms over the same filter changes and selections):",
        "",
        "| events | view.build_view | gantt + timeline figures | view.details (selection) |",
        "|---:|---:|---:|---:|",
    ]
    for r in results:
        v = r["view"]
        lines.append(
            f"| {r['events']:,} | {_f(v['build_view_ms']['median'])} / {_f(v['build_view_ms']['p95'])} | "
            f"{_f(v['figures_ms']['median'])} / {_f(v['figures_ms']['p95'])} | "
            f"{_f(v['details_ms']['median'])} / {_f(v['details_ms']['p95'])} |"
        )
    return "\n".join(line for line in lines if line is not None) + "\n"


def write_results(path: Path, text: str) -> None:
    doc = path.read_text(encoding="utf-8") if path.exists() else ""
    start, end = MARKERS
    if start in doc and end in doc:
        doc = doc[: doc.index(start) + len(start)] + "\n" + text + doc[doc.index(end) :]
    else:
        doc += f"\n{start}\n{text}{end}\n"
    path.write_text(doc, encoding="utf-8")


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a comma list of whole numbers") from None
    if not sizes or min(sizes) < 10:
        raise argparse.ArgumentTypeError("sizes must be whole numbers of at least 10")
    return sizes


def main(argv: list[str] | None = None) -> int:
    from benchmarks.bench_figures import _revision

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES), help="comma list of event counts")
    p.add_argument("--rounds", type=int, default=3, help="rounds over the filter changes and selections (default 3)")
    p.add_argument(
        "--repeat", type=int, default=3, help="browser loads of each page per size (default 3; 1 at 100,000+)"
    )
    p.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for a chart to be drawn (default 180)")
    p.add_argument("--no-browser", action="store_true", help="skip the Chromium part")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", type=Path, default=None, help="also write the raw results here")
    p.add_argument(
        "--write",
        default=str(ROOT / "docs" / "PERFORMANCE.md"),
        help="Markdown file whose results section to replace ('' to only print)",
    )
    args = p.parse_args(argv)
    revision = _revision()
    curated = curated_startup()
    results = []
    for size in args.sizes:
        t0 = time.perf_counter()
        repeat = args.repeat if size < 100_000 else 1
        results.append(
            measure(
                size,
                rounds=args.rounds,
                repeat=repeat,
                seed=args.seed,
                browser=not args.no_browser,
                timeout_s=args.timeout,
            )
        )
        print(f"measured {size:,} events in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        print(json.dumps(results[-1], indent=1), file=sys.stderr, flush=True)
    command = "python benchmarks/bench_scale.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = markdown(results, command.strip(), revision, args.timeout, curated)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    if args.write:
        write_results(Path(args.write), text)
        print(f"wrote {args.write}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
