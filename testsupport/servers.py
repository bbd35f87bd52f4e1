"""Serve something on a loopback port in a background thread, and stop child processes: for tests,
benchmarks and screenshots."""

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
