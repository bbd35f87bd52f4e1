"""Serve something on a loopback port in a background thread, and stop child processes: for tests and
benchmarks."""

from __future__ import annotations

import subprocess
import threading
from contextlib import contextmanager

from werkzeug.serving import make_server


@contextmanager
def running(server):
    """Run an http.server-style server (serve_forever/shutdown) in a thread; yields its port."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        thread.join(timeout=10)


@contextmanager
def serve_wsgi(wsgi_app):
    """Serve a WSGI app on 127.0.0.1 at a free port; yields the port."""
    with running(make_server("127.0.0.1", 0, wsgi_app, threaded=True)) as port:
        yield port


def stop(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Ask a child process to end (SIGTERM); kill it if it has not after `timeout` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# Requests that are not HTTP/1.x: the HTTP server itself answers them (tests/test_hostile.py sends them to
# werkzeug's server, tests/test_live.py to gunicorn).
GARBAGE = [
    b"GET /events.json HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 HTTP/1.1\r\n\r\n",
]  # TLS hello bytes to a plain port


@contextmanager
def static_site(root):
    """Serve the files under `root` on 127.0.0.1 at a free port (another origin than the app: a blog);
    yields the site's URL, ending in '/'."""
    import functools
    import http.server

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None
    with running(http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)) as port:
        yield f"http://127.0.0.1:{port}/"
