"""Real processes on real sockets: gunicorn with two workers, `python app.py`, the WSGI entry point."""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard.web.components import ids
from testsupport import MINI, ROOT, servers
from testsupport.dash_client import callback_body
from testsupport.servers import GARBAGE

pytestmark = pytest.mark.live

VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def process(args: list[str], env: dict, ready: str, lines_wanted: int = 1, timeout: float = 120):
    """Start a server process, wait until `ready` (a regex) has matched `lines_wanted` lines of its
    output, yield (process, matches, all lines so far); terminate it afterwards."""
    proc = subprocess.Popen(
        args,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    lines: queue.Queue = queue.Queue()
    seen: list[str] = []
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    matches = []
    deadline = time.monotonic() + timeout
    try:
        while len(matches) < lines_wanted:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"{args} did not get ready:\n" + "".join(seen)) from None
            seen.append(line)
            if m := re.search(ready, line):
                matches.append(m)
            assert proc.poll() is None or not lines.empty(), "".join(seen)
        yield proc, matches, seen
    finally:
        servers.stop(proc, timeout=30)
        while not lines.empty():
            seen.append(lines.get())


def get(port: int, path: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


def render_request(port: int, prefix: str = "/") -> bytes:
    _, _, deps = get(port, f"{prefix}_dash-dependencies")
    return json.dumps(callback_body(json.loads(deps), f"..{ids.GANTT}.figure...", "?canon=canon")).encode()


def children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def test_gunicorn_serves_pages_json_and_callbacks_with_two_workers():
    args = [
        str(VENV_BIN / "gunicorn"),
        "--workers",
        "2",
        "--bind",
        "127.0.0.1:0",
        "--no-control-socket",
        "app:server",
    ]  # several gunicorns at once: no shared control socket
    with process(args, {"BAJOR_DATA": str(MINI)}, r"Booting worker with pid: (\d+)", lines_wanted=2) as (
        proc,
        booted,
        seen,
    ):
        port = int(re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", "".join(seen)).group(1))
        workers = {int(m.group(1)) for m in booted}
        assert len(workers) == 2 and workers == children(proc.pid)
        for _ in range(3):  # enough requests for both workers to answer some
            status, headers, html = get(port, "/?canon=canon")
            assert status == 200 and b"<title>Bajor Timeline</title>" in html
            assert (
                headers["X-Content-Type-Options"] == "nosniff"
                and "frame-ancestors 'self'" in headers["Content-Security-Policy"]
            )
            status, headers, body = get(port, "/events.json?era=%E2%9C%93")
            assert status == 200 and json.loads(body)["notices"] == ["Ignored unknown era value(s) '✓'."]
            assert headers["X-Notices"] == "Ignored unknown era value(s) '%E2%9C%93'."
            status, _, body = get(port, "/events.csv")
            assert status == 200 and body.startswith(b"id,title,summary")
            status, _, body = get(
                port, "/_dash-update-component", "POST", render_request(port), {"Content-Type": "application/json"}
            )
            assert status == 200 and json.loads(body)["response"][ids.SUMMARY]["children"].endswith("canon only")
            status, _, body = get(port, "/_dash-update-component", "POST", b"{", {"Content-Type": "application/json"})
            assert status == 400 and b"Traceback" not in body
        for garbage in GARBAGE:  # not HTTP/1.x: gunicorn itself answers 400
            with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
                sock.sendall(garbage)
                answer = b"".join(iter(lambda: sock.recv(65536), b""))
            assert answer.startswith(b"HTTP/1.1 400") and b"Traceback" not in answer
        assert children(proc.pid) == workers, "a worker died"
    assert proc.returncode == 0
    log = "".join(seen)
    assert "Traceback" not in log and "Worker exiting" in log


def test_gunicorn_under_a_path_prefix():
    args = [
        str(VENV_BIN / "gunicorn"),
        "--workers",
        "1",
        "--bind",
        "127.0.0.1:0",
        "--no-control-socket",
        "app:server",
    ]  # several gunicorns at once: no shared control socket
    env = {"BAJOR_DATA": str(MINI), "DASH_URL_BASE_PATHNAME": "/bajor/"}
    with process(args, env, r"Booting worker") as (_, _, seen):
        port = int(re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", "".join(seen)).group(1))
        status, _, html = get(port, "/bajor/")
        assert status == 200 and b'href="/bajor/vendor/bootstrap.min.css"' in html
        assert get(port, "/bajor/vendor/bootstrap.min.css")[1]["Content-Type"].startswith("text/css")
        assert json.loads(get(port, "/bajor/events.json")[2])["events"]
        status, _, body = get(
            port,
            "/bajor/_dash-update-component",
            "POST",
            render_request(port, "/bajor/"),
            {"Content-Type": "application/json"},
        )
        assert (
            status == 200 and json.loads(body)["response"][ids.DOWNLOAD_CSV]["href"] == "/bajor/events.csv?canon=canon"
        )
        assert get(port, "/events.json")[0] == 404


def test_python_app_py_binds_loopback_with_debug_off():
    port = free_port()
    args = [sys.executable, "app.py", "--data", str(MINI), "--port", str(port)]
    with process(args, {"PYTHONUNBUFFERED": "1"}, r"Running on (http://\S+)") as (_, running, seen):
        assert running[0].group(1) == f"http://127.0.0.1:{port}"
        assert "Debug mode: off" in "".join(seen)
        status, headers, html = get(port, "/")
        assert status == 200 and headers["X-Frame-Options"] == "SAMEORIGIN"
        config = json.loads(
            re.search(rb'<script id="_dash-config" type="application/json">(.*?)</script>', html).group(1)
        )
        assert config["ui"] is False and config["props_check"] is False  # no dev tools in the page
        status, _, body = get(port, "/_dash-update-component", "POST", b"[1]", {"Content-Type": "application/json"})
        assert status == 400 and json.loads(body) == {
            "error": "malformed callback request: the body must be a JSON object"
        }
    other = outward_address()
    if other:  # nothing listens on the machine's other addresses
        with pytest.raises(OSError):
            socket.create_connection((other, port), timeout=2).close()


def outward_address() -> str | None:
    """This machine's address on its network (not loopback), or None; a UDP connect sends nothing."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("198.51.100.1", 9))
        except OSError:
            return None
        addr = s.getsockname()[0]
    return None if addr.startswith("127.") else addr


def test_app_server_is_built_once_per_process():
    code = (
        "import app, dashboard.domain.loading as L\n"
        "calls = []\n"
        "real = L.load\n"
        "L.load = lambda *a, **k: calls.append(a) or real(*a, **k)\n"
        "first = app.server\n"
        "assert all(app.server is first for _ in range(5)) and app.wsgi_app().server is first\n"
        "print(len(calls))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "BAJOR_DATA": str(MINI)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1"  # the data was read once
