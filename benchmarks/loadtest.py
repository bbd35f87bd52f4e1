"""A bounded load test on loopback: simulated students against gunicorn, replaying the callback
requests a real browser sends (recorded from headless Chromium, never written by hand).

    python benchmarks/loadtest.py run [--users 30] [--duration 180] [--workers 3] [--threads 1]
                                      [--think 1-5] [--data DIR] [--out FILE]
    python benchmarks/loadtest.py record [--data DIR] [--out recording.json]

`run` starts gunicorn (`app:server`) on a free loopback port, records a session in headless
Chromium against it (load the explorer, change a filter, click an event: every GET and every POST
to `_dash-update-component`, in order), then lets `--users` students loop over those three actions
for `--duration` seconds with a think time between actions. Each student is a tiny renderer: it
keeps the component properties the layout and the responses gave it and fills each recorded request
with them, so chained callbacks get the values the browser would send. Variations: each page load
opens a random view URL (tiers, era, faction, event), a filter change picks a random subset of the
same vocabulary, and a click picks a random event shown. A student's first load fetches the page's
scripts and styles (then they are cached, as in a browser). When the app's callbacks change, a new
recording follows them: nothing here names a callback.

Reported: requests per second, latency p50/p95/p99 per kind of request, errors (any status >= 400 or
a failed connection), and the memory (RSS) of every gunicorn worker sampled every few seconds.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: the repository's packages

from dashboard.domain.catalogue import Catalogue
from dashboard.domain.schema import TIERS
from testsupport import ROOT
from testsupport.browser import FLAGS  # Chromium's flags for this machine's closed network

CALLBACK = "_dash-update-component"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


# ----------------------------------------------------------------------------- gunicorn


@dataclass
class Gunicorn:
    proc: subprocess.Popen
    port: int
    log: list[str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def workers(self) -> list[int]:
        out = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.proc.pid:
                out.append(int(stat.parent.name))
        return sorted(out)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def start_gunicorn(workers: int, threads: int, data: str | None, timeout: float = 180) -> Gunicorn:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    args = [
        str(gunicorn),
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--bind",
        "127.0.0.1:0",
        "--no-control-socket",
        "app:server",
    ]
    env = {**os.environ, "BAJOR_SERVER_TIMING": "1", **({"BAJOR_DATA": data} if data else {})}
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    port_box: list[int] = []
    booted = threading.Event()

    def read():
        for line in proc.stdout:
            log.append(line)
            if m := re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", line):
                port_box.append(int(m.group(1)))
            if len([x for x in log if "Booting worker" in x]) >= workers:
                booted.set()

    threading.Thread(target=read, daemon=True).start()
    if not booted.wait(timeout) or not port_box:
        proc.kill()
        raise SystemExit("gunicorn did not start:\n" + "".join(log))
    g = Gunicorn(proc, port_box[0], log)
    for _ in range(600):  # the workers build the app on boot: wait until one answers
        try:
            if get(g.url, "/_dash-dependencies")[0] == 200:
                return g
        except OSError:
            pass
        time.sleep(0.2)
    g.stop()
    raise SystemExit("gunicorn never answered:\n" + "".join(log))


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# ----------------------------------------------------------------------------- HTTP


def get(base: str, path: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None):
    """One request on a fresh connection (gunicorn's sync workers close after each answer)."""
    u = urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, r.read(), r.getheader("Server-Timing") or ""
    finally:
        conn.close()


# ----------------------------------------------------------------------------- recording


def record(base: str, browser=None) -> dict:
    """Drive headless Chromium through load -> filter -> select and keep every request it sends, in order.
    (`browser`: a Playwright browser already running in this process, else one is started.)"""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            try:
                return record(base, own)
            finally:
                own.close()
    actions: dict[str, list[dict]] = {"load": [], "filter": [], "select": []}
    current = ["load"]
    pending: set = set()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})

    def on_request(r):
        if not r.url.startswith(base):
            return
        path = r.url[len(base) :]
        if CALLBACK in path:
            pending.add(r)
            path = path.split("?", 1)[0]
        actions[current[0]].append(
            {"method": r.method, "path": path, "body": json.loads(r.post_data) if r.post_data else None}
        )

    page.on("request", on_request)
    page.on("requestfinished", lambda r: pending.discard(r))
    page.on("requestfailed", lambda r: pending.discard(r))

    def settle():
        quiet = 0
        for _ in range(300):
            quiet = quiet + 1 if not pending else 0
            if quiet >= 10:
                return
            page.wait_for_timeout(100)

    page.goto(base + "/")
    page.wait_for_selector("#react-entry-point .js-plotly-plot .main-svg")
    settle()
    current[0] = "filter"
    box = page.locator("aside input[type=checkbox]").first
    box.click()
    settle()
    current[0] = "select"
    clicked = page.evaluate("""() => {
        for (const p of document.querySelectorAll('.js-plotly-plot .barlayer .point path, .js-plotly-plot .scatterlayer .point')) {
            const b = p.getBoundingClientRect();
            if (b.width > 6 && b.height > 4) return [b.x + b.width / 2, b.y + b.height / 2];
        }
        return null;
    }""")
    if clicked:
        page.mouse.move(*clicked)
        page.mouse.click(*clicked)
    settle()
    page.close()
    for name, reqs in actions.items():
        if not any(CALLBACK in r["path"] for r in reqs):
            raise SystemExit(f"the recording has no callback request for '{name}': {[r['path'] for r in reqs]}")
    return {"base": base, "actions": actions, "recorded": time.strftime("%Y-%m-%d %H:%M:%S")}


# ----------------------------------------------------------------------------- replay


def _key(cid) -> str:
    return json.dumps(cid, sort_keys=True) if isinstance(cid, dict) else str(cid)


def layout_props(node, out: dict) -> None:
    """Every component property the layout sets, keyed by (id, property): what the renderer starts from."""
    if isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict) and "id" in props and "type" in node:
            for prop, value in props.items():
                if prop not in ("children", "id"):
                    out[(_key(props["id"]), prop)] = value
        for value in node.values():
            layout_props(value, out)
    elif isinstance(node, list):
        for value in node:
            layout_props(value, out)


@dataclass
class Stats:
    samples: list[tuple[float, str, float, int]] = field(default_factory=list)  # (t, kind, ms, status)
    server: dict = field(default_factory=lambda: defaultdict(list))  # kind -> [(wall ms, cpu ms)] in the worker
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float, status: int, detail: str = "", timing: str = "") -> None:
        with self.lock:
            self.samples.append((time.monotonic(), kind, ms, status))
            found = dict(re.findall(r"(\w+);dur=([\d.]+)", timing))
            if "app" in found:
                self.server[kind].append((float(found["app"]), float(found["cpu"])))
            if status >= 400 or status == 0:
                self.errors.append(f"{kind} {status} {detail[:200]}")


class Student:
    def __init__(self, base: str, recording: dict, cat: Catalogue, rng: random.Random, stats: Stats):
        self.base, self.rec, self.cat, self.rng, self.stats = base, recording, cat, rng, stats
        self.props: dict = {}
        self.end_id = None
        self.cached = False
        v = cat.vocab
        self.vocabs = [list(TIERS), list(v.choices("era")), list(v.choices("faction")), list(v.choices("universe"))]

    # -- requests

    def fetch(
        self, kind: str, path: str, method: str = "GET", body: dict | None = None, referer: str | None = None
    ) -> bytes | None:
        data = json.dumps(body).encode() if body is not None else None
        headers = (
            {"Content-Type": "application/json", "Accept": "application/json"} if data else {"Accept": "text/html,*/*"}
        )
        if referer:  # as a browser sends it: the page's URL (the layout then holds that page and its charts)
            headers["Referer"] = referer
        t = time.perf_counter()
        try:
            status, answer, timing = get(self.base, path, method, data, headers)
        except OSError as exc:
            self.stats.add(kind, (time.perf_counter() - t) * 1000, 0, repr(exc))
            return None
        self.stats.add(kind, (time.perf_counter() - t) * 1000, status, answer[:200].decode("utf-8", "replace"), timing)
        return answer if status < 400 else None

    def callback(self, kind: str, recorded: dict, trigger: tuple | None, value=None) -> None:
        body = json.loads(json.dumps(recorded["body"]))
        for group in ("inputs", "state"):
            for item in body.get(group) or []:
                for one in item if isinstance(item, list) else [item]:
                    key = (_key(one.get("id")), one.get("property"))
                    if trigger and key == trigger:
                        one["value"] = value
                    elif key in self.props:
                        one["value"] = self.props[key]
        path = f"{recorded['path']}?{urlencode({'endId': self.end_id})}" if self.end_id else recorded["path"]
        first_output = body.get("output", "").strip(".").split("...")[0].split("@")[0]
        answer = self.fetch(f"{kind} ({first_output}...)", path, "POST", body)
        if not answer:
            return
        reply = json.loads(answer)
        for updates in (reply.get("response") or {}, reply.get("sideUpdate") or {}):
            for cid, props in updates.items():
                for prop, val in (props or {}).items():
                    if not (isinstance(val, dict) and "__dash_patch_update" in val):
                        self.props[(_key(cid), prop)] = val

    # -- actions

    def random_query(self) -> str:
        v = self.cat.vocab
        q = {}
        if self.rng.random() < 0.5:
            q["canon"] = ",".join(sorted(self.rng.sample(list(TIERS), self.rng.randint(1, len(TIERS)))))
        if self.rng.random() < 0.3:
            q["era"] = self.rng.choice(list(v.choices("era")))
        if self.rng.random() < 0.3:
            q["faction"] = self.rng.choice(list(v.choices("faction")))
        if self.rng.random() < 0.4:
            q["event"] = self.rng.choice(list(v.events))
        return "?" + urlencode(q, safe=",") if q else ""

    def load(self) -> None:
        search = self.random_query()
        page = self.fetch("page GET /", "/" + search)
        if page is None:
            return
        config = re.search(rb'<script id="_dash-config" type="application/json">(.*?)</script>', page, re.S)
        self.end_id = json.loads(config.group(1)).get("end_id") if config else None
        self.props = {}
        for req in self.rec["actions"]["load"]:
            path = req["path"]
            if req["method"] == "GET" and path.split("?")[0] in ("/", ""):
                continue
            if req["method"] == "GET":
                if path.startswith("/_dash-layout"):
                    layout = self.fetch("json GET _dash-layout", path, referer=f"{self.base}/{search}")
                    layout_props(json.loads(layout) if layout else {}, self.props)
                elif path.startswith("/_dash-dependencies"):
                    self.fetch("json GET _dash-dependencies", path)
                elif not self.cached:  # scripts and styles: once per student, then the browser's cache
                    self.fetch("asset GET (first visit)", path)
                continue
            for group in ("inputs", "state"):  # where the browser put the page's URL, put this view's
                for item in req["body"].get(group) or []:
                    for one in item if isinstance(item, list) else [item]:
                        if one.get("property") == "search":
                            self.props[(_key(one["id"]), "search")] = search
                        elif (
                            one.get("property") in ("href", "pathname")
                            and (_key(one["id"]), one["property"]) not in self.props
                        ):
                            self.props[(_key(one["id"]), one["property"])] = one.get("value")
            self.callback("callback: page load", req, None)
        self.cached = True

    def _vary(self, value):
        """A random value of the same kind: a subset of the vocabulary a list was drawn from."""
        if isinstance(value, list) and all(isinstance(x, str) for x in value):
            for vocab in self.vocabs:
                if set(value) <= set(vocab):
                    return self.rng.sample(vocab, self.rng.randint(1 if vocab is self.vocabs[0] else 0, len(vocab)))
        if isinstance(value, bool):
            return not value
        return value

    def filter(self) -> None:
        self._replay("callback: filter change", "filter", self._vary)

    def select(self) -> None:
        shown = self._shown_events()

        def pick(value):
            text = json.dumps(value)
            for event in self.cat.vocab.events:
                if f'"{event}"' in text:
                    return json.loads(text.replace(f'"{event}"', json.dumps(self.rng.choice(shown))))
            return value

        self._replay("callback: select event", "select", pick)

    def _shown_events(self) -> list[str]:
        for value in self.props.values():
            if (
                isinstance(value, list)
                and value
                and isinstance(value[0], dict)
                and value[0].get("id") in self.cat.vocab.events
            ):
                return [row["id"] for row in value if isinstance(row, dict) and "id" in row]
        return list(self.cat.vocab.events)

    def _replay(self, kind: str, action: str, vary) -> None:
        first = True
        for req in self.rec["actions"][action]:
            if req["method"] != "POST":
                continue
            trigger, value = None, None
            if first:
                changed = (req["body"].get("changedPropIds") or [None])[0]
                if changed:
                    cid, prop = changed.rsplit(".", 1)
                    trigger = (_key(json.loads(cid)) if cid.startswith("{") else cid, prop)
                    recorded = next(
                        (
                            one.get("value")
                            for item in req["body"].get("inputs", [])
                            for one in (item if isinstance(item, list) else [item])
                            if (_key(one.get("id")), one.get("property")) == trigger
                        ),
                        None,
                    )
                    value = vary(recorded)
                first = False
            self.callback(kind, req, trigger, value)

    def run(self, until: float, think: tuple[float, float]) -> None:
        self.load()
        while time.monotonic() < until:
            time.sleep(self.rng.uniform(*think))
            if time.monotonic() >= until:
                break
            r = self.rng.random()
            (self.load if r < 0.15 else self.filter if r < 0.6 else self.select)()


# ----------------------------------------------------------------------------- report


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def report(
    args,
    stats: Stats,
    memory: list[tuple[float, dict]],
    started: float,
    ended: float,
    cpu: float,
    recording: dict,
    server_cpu: float,
    loads: list[float],
) -> str:
    wall = ended - started
    rows = defaultdict(list)
    for _, kind, ms, _ in stats.samples:
        rows[kind].append(ms)
    everything = [ms for _, _, ms, _ in stats.samples]
    callbacks = [ms for _, kind, ms, _ in stats.samples if kind.startswith("callback")]
    counts = {k: sum(1 for r in v if r["method"] == "POST") for k, v in recording["actions"].items()}
    posts, per_action = sum(counts.values()), ", ".join(f"{k}: {n}" for k, n in counts.items())
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    lines = [
        f"`python benchmarks/loadtest.py run --users {args.users} --duration {args.duration:g} --workers {args.workers} "
        f"--threads {args.threads} --think {args.think}{' --data ' + args.data if args.data else ''}` at commit {commit}, "
        f"{time.strftime('%Y-%m-%d')}; {os.cpu_count()} cores, the load generator on the same machine "
        f"(it used {cpu / wall * 100:.0f}% of one core); the machine's load average during the run: "
        f"{statistics.mean(loads):.1f} (min {min(loads):.1f}, max {max(loads):.1f}; this load test alone adds about the number of workers).",
        "",
        f"- **{len(everything):,} requests in {wall:.0f} s: {len(everything) / wall:.1f} requests/s** "
        f"({len(callbacks) / wall:.1f} callback requests/s); **errors: {len(stats.errors)}**",
        f"- server CPU: {server_cpu:.0f} s in the workers for {len(everything):,} requests, "
        f"{server_cpu * 1000 / max(1, len(everything)):.1f} ms per request, {server_cpu * 1000 / max(1, len(callbacks)):.0f} ms per callback "
        f"request if the callbacks cost everything (a figure that does not depend on how busy the machine was)",
        f"- all requests: p50 {percentile(everything, 50):.0f} ms, p95 {percentile(everything, 95):.0f} ms, "
        f"p99 {percentile(everything, 99):.0f} ms; callbacks only: p50 {percentile(callbacks, 50):.0f} ms, "
        f"p95 {percentile(callbacks, 95):.0f} ms, p99 {percentile(callbacks, 99):.0f} ms",
        f"- the recorded session: {posts} callback requests ({per_action})",
        "",
        "Latency as the client saw it (queueing included), then the time inside the worker (`Server-Timing`:",
        "wall time, and the CPU time of the worker's thread, which does not depend on how busy the machine is):",
        "",
        "| request | count | p50 ms | p95 ms | p99 ms | max ms | in worker p50 / p95 ms | CPU p50 / p95 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in sorted(rows):
        v = rows[kind]
        walls = [w for w, _ in stats.server.get(kind, [])]
        cpus = [c for _, c in stats.server.get(kind, [])]
        lines.append(
            f"| {kind} | {len(v):,} | {percentile(v, 50):.0f} | {percentile(v, 95):.0f} | {percentile(v, 99):.0f} "
            f"| {max(v):.0f} | {percentile(walls, 50):.0f} / {percentile(walls, 95):.0f} "
            f"| {percentile(cpus, 50):.0f} / {percentile(cpus, 95):.0f} |"
        )
    lines += [
        "",
        "Memory (RSS) of each gunicorn worker, MB:",
        "",
        "| time s | " + " | ".join(f"worker {i + 1}" for i in range(args.workers)) + " |",
        "|---:|" + "---:|" * args.workers,
    ]
    step = max(1, len(memory) // 8)
    for t, rss in memory[::step] + ([memory[-1]] if memory and (len(memory) - 1) % step else []):
        values = list(rss.values()) + [float("nan")] * (args.workers - len(rss))
        lines.append(f"| {t - started:.0f} | " + " | ".join(f"{v:.0f}" for v in values[: args.workers]) + " |")
    if stats.errors:
        lines += ["", "Errors (first 10):", ""] + [f"- {e}" for e in stats.errors[:10]]
    return "\n".join(lines) + "\n"


def cmd_run(args) -> int:
    think = tuple(float(x) for x in args.think.split("-"))
    cat = Catalogue.load(args.data)
    g = start_gunicorn(args.workers, args.threads, args.data)
    try:
        recording = json.loads(Path(args.recording).read_text()) if args.recording else record(g.url)
        if args.save_recording:
            Path(args.save_recording).write_text(json.dumps(recording, indent=1))
        stats = Stats()
        memory: list[tuple[float, dict]] = []
        started = time.monotonic()
        until = started + args.duration
        cpu0 = time.process_time()
        stop = threading.Event()

        loads: list[float] = []
        cpu_start = {pid: cpu_seconds(pid) for pid in g.workers()}

        def sample():
            while not stop.is_set():
                memory.append((time.monotonic(), {pid: rss_mb(pid) or float("nan") for pid in g.workers()}))
                loads.append(os.getloadavg()[0])
                stop.wait(args.sample)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        students = [
            Student(g.url, recording, cat, random.Random(args.seed * 1000 + i), stats) for i in range(args.users)
        ]
        threads = []
        for s in students:  # students arrive over the first few seconds, not all at once
            t = threading.Thread(target=s.run, args=(until, think), daemon=True)
            t.start()
            threads.append(t)
            time.sleep(min(0.2, args.duration / 50))
        for t in threads:
            t.join()
        ended = time.monotonic()
        stop.set()
        sampler.join()
        memory.append((ended, {pid: rss_mb(pid) or float("nan") for pid in g.workers()}))
        server_cpu = sum(cpu_seconds(pid) - cpu_start.get(pid, 0.0) for pid in g.workers())
        text = report(args, stats, memory, started, ended, time.process_time() - cpu0, recording, server_cpu, loads)
    finally:
        g.stop()
    print(text)
    if args.out:
        Path(args.out).write_text(text)
    return 1 if stats.errors else 0


def cmd_record(args) -> int:
    g = start_gunicorn(1, 1, args.data)
    try:
        recording = record(g.url)
    finally:
        g.stop()
    text = json.dumps(recording, indent=1)
    if args.out:
        Path(args.out).write_text(text)
    else:
        print(text)
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="record a browser session, then replay it as many students against gunicorn")
    r.add_argument("--users", type=int, default=30, help="simulated students (default 30)")
    r.add_argument("--duration", type=float, default=180, help="seconds of load (default 180)")
    r.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    r.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker (default 1: sync workers)")
    r.add_argument(
        "--think", default="1-5", help="think time between a student's actions, seconds: MIN-MAX (default 1-5)"
    )
    r.add_argument("--data", default=None, help="data directory (default: the bundled data/)")
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--sample", type=float, default=5, help="seconds between memory samples (default 5)")
    r.add_argument("--recording", default=None, help="replay this recording instead of recording a new one")
    r.add_argument("--save-recording", default=None, metavar="FILE", help="keep the recording made for this run")
    r.add_argument("--out", default=None, help="also write the Markdown report here")
    c = sub.add_parser("record", help="only record the browser session (JSON)")
    c.add_argument("--data", default=None)
    c.add_argument("--out", default=None)
    args = p.parse_args(argv)
    return {"run": cmd_run, "record": cmd_record}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
