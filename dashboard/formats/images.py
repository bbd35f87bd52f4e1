"""PNG and SVG of a Plotly figure through kaleido 1.x's sync server and Debian's chromium.

Starting the browser takes a second or two; every image after that takes a fraction of one. kaleido
keeps one server per process (`kaleido.start_sync_server`: a browser and an event loop on a thread of
its own), so synchronous code (the CLI, a Flask view) can draw from any thread. An ImageRenderer is the
owner of that server for the app or the CLI: it starts it on the first image (in the process that
draws: safe with forking servers), draws one image at a time, and stops it on close(). When drawing
fails or takes longer than `timeout`, the server is stopped and the next image starts a fresh one.
Nothing is fetched: plotly.js comes from dashboard.formats.plotlyjs and MathJax is off.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import plotly.graph_objects as go

from dashboard.formats import plotlyjs

FORMATS = ("png", "svg")
START_TIMEOUT = 60.0  # s: launching chromium and loading plotly.js into its tab (the first image)
RENDER_TIMEOUT = 90.0  # s: one image (kaleido's own limit; ours adds a margin)
STOP_TIMEOUT = 30.0  # s: waiting for the server to stop before starting afresh


class RenderError(RuntimeError):
    """The browser could not be started or could not draw the image; the message says why."""


def chromium_path() -> str:
    """The browser kaleido drives: $CHROMIUM, else chromium on the PATH, else Debian's /usr/bin/chromium."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def _server_alive(kaleido) -> bool:
    """Whether kaleido's server thread still runs. It ends when the browser fails to start, and a call
    would then wait for ever; kaleido has no public test for that, so this reads its private server
    (and says "alive" if that ever changes, leaving the timeout to end the wait)."""
    thread = getattr(getattr(kaleido, "_global_server", None), "_thread", None)
    return not isinstance(thread, threading.Thread) or thread.is_alive()


class ImageRenderer:
    """kaleido's sync server, owned: started on the first image, restarted after a failure, stopped by
    close(). Use as a context manager, or call close() when done. One per process: kaleido has one
    server, which every renderer in a process would share."""

    def __init__(self, browser: str | None = None, timeout: float = RENDER_TIMEOUT):
        self.browser = browser or chromium_path()
        self.timeout = timeout
        self._lock = threading.Lock()  # kaleido's server answers one caller at a time
        self._stopping: threading.Thread | None = None  # a stop still under way after a timeout
        self.running = False  # started by this renderer and not stopped since
        self.images = 0  # drawn since the server started

    def _start(self) -> None:
        if not Path(self.browser).is_file():
            raise RenderError(
                f"no browser at {self.browser}: install Debian's chromium package "
                "(apt-get install chromium) or set CHROMIUM=/path/to/chromium"
            )
        if self._stopping is not None:
            self._stopping.join(STOP_TIMEOUT)
            if self._stopping.is_alive():
                raise RenderError("the browser is still stopping after an image that failed; try again shortly")
            self._stopping = None
        self._open_server()
        self.running = True
        self.images = 0

    def _open_server(self) -> None:
        """Start kaleido's server unless it runs (a no-op then: also run before each image, in case
        another renderer in this process stopped it)."""
        import kaleido  # imported here: only images need it

        kaleido.start_sync_server(
            path=self.browser, plotlyjs=plotlyjs.PLOTLY_JS, mathjax=False, timeout=self.timeout, silence_warnings=True
        )

    def _draw(self, fig: go.Figure | dict, opts: dict, wait: float) -> bytes:
        """kaleido.calc_fig_sync on a helper thread, given up after `wait` seconds (kaleido's own call
        has no limit: it waits for ever when the browser died while starting)."""
        import kaleido

        outcome: list = []

        def call():
            try:
                outcome.append(kaleido.calc_fig_sync(fig, opts=opts))
            except Exception as exc:  # noqa: BLE001 - handed to the caller below
                outcome.append(exc)

        worker = threading.Thread(target=call, name="kaleido-call", daemon=True)
        worker.start()
        deadline = time.monotonic() + wait
        while worker.is_alive() and time.monotonic() < deadline:
            worker.join(0.25)
            if worker.is_alive() and not _server_alive(kaleido):
                raise RuntimeError("the browser stopped (its error is in the log above)")
        if worker.is_alive():
            raise TimeoutError(f"no image after {wait:g} s")
        if isinstance(outcome[0], Exception):
            raise outcome[0]
        return outcome[0]

    def render(self, fig: go.Figure | dict, fmt: str, width: int, height: int, scale: float = 1.0) -> bytes:
        """The figure as PNG or SVG bytes, width x height layout pixels (a PNG has width*scale pixels)."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown image format {fmt!r}; use one of {', '.join(FORMATS)}")
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        with self._lock:
            first = not self.running
            if first:
                self._start()
            else:
                self._open_server()
            try:
                data = self._draw(fig, opts, self.timeout + 5 + (START_TIMEOUT if first else 0))
            except Exception as exc:
                self._stop_locked(wait=not isinstance(exc, TimeoutError))  # start afresh next time
                raise RenderError(f"kaleido could not draw the {fmt}: {exc}") from exc
            self.images += 1
            return data

    def _stop_locked(self, wait: bool = True) -> None:
        if not self.running:
            return
        import kaleido

        self.running = False
        # A server stuck on an image cannot stop until kaleido's own timeout ends that image: stop it
        # on a thread of its own, and let the next start wait for it.
        stopper = threading.Thread(
            target=kaleido.stop_sync_server, kwargs={"silence_warnings": True}, name="kaleido-stop", daemon=True
        )
        stopper.start()
        stopper.join(STOP_TIMEOUT if wait else 0)
        self._stopping = stopper if stopper.is_alive() else None

    def close(self) -> None:
        """Stop the browser (a later render() starts a new one)."""
        with self._lock:
            self._stop_locked()

    def __enter__(self) -> ImageRenderer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
