"""PNG and SVG of a Plotly figure through kaleido 1.x and Debian's chromium, kept running between images.

Starting the browser takes a few seconds; every image after that takes a fraction of one. An
ImageRenderer owns one headless chromium (started on the first image, in the process that draws:
safe with forking servers) and an event loop on a thread of its own, so synchronous code (the CLI,
a Flask view) can call render() from any thread. Nothing is fetched: plotly.js comes from
dashboard.formats.plotlyjs and MathJax is off.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import threading
from pathlib import Path

import plotly.graph_objects as go

from dashboard.formats import plotlyjs

FORMATS = ("png", "svg")
START_TIMEOUT = 60.0  # s: launching chromium and loading plotly.js into its tab
RENDER_TIMEOUT = 90.0  # s: one image


class RenderError(RuntimeError):
    """The browser could not be started or could not draw the image; the message says why."""


def chromium_path() -> str:
    """The browser kaleido drives: $CHROMIUM, else chromium on the PATH, else Debian's /usr/bin/chromium."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


class ImageRenderer:
    """One kaleido browser for many images. Use as a context manager, or call close() when done."""

    def __init__(self, browser: str | None = None):
        self.browser = browser or chromium_path()
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido = None
        self.images = 0  # drawn by this browser since it started

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def _start(self) -> None:
        if not Path(self.browser).is_file():
            raise RenderError(
                f"no browser at {self.browser}: install Debian's chromium package "
                "(apt-get install chromium) or set CHROMIUM=/path/to/chromium"
            )
        import kaleido  # imported here: only images need it

        async def open_browser():
            k = kaleido.Kaleido(path=self.browser, plotlyjs=plotlyjs.PLOTLY_JS, mathjax=False, timeout=RENDER_TIMEOUT)
            await k.open()
            return k

        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="kaleido", daemon=True)
        thread.start()
        self._loop, self._thread = loop, thread
        try:
            self._kaleido = asyncio.run_coroutine_threadsafe(open_browser(), loop).result(START_TIMEOUT)
        except Exception as exc:
            self._stop_loop()
            raise RenderError(f"could not start {self.browser} for kaleido: {exc}") from exc
        self.images = 0
        atexit.register(self.close)

    def render(self, fig: go.Figure | dict, fmt: str, width: int, height: int, scale: float = 1.0) -> bytes:
        """The figure as PNG or SVG bytes, width x height layout pixels (a PNG has width*scale pixels)."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown image format {fmt!r}; use one of {', '.join(FORMATS)}")
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        with self._lock:
            if not self.running:
                self._start()
            future = asyncio.run_coroutine_threadsafe(self._kaleido.calc_fig(fig, opts=opts), self._loop)
            try:
                data = future.result(RENDER_TIMEOUT + 5)
            except Exception as exc:
                future.cancel()
                self._close_locked()  # start afresh next time
                raise RenderError(f"kaleido could not draw the {fmt}: {exc}") from exc
            self.images += 1
            return data

    def _stop_loop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=10)
            if not self._loop.is_running():
                self._loop.close()
        self._loop = self._thread = None

    def _close_locked(self) -> None:
        if self._kaleido is not None:
            try:
                asyncio.run_coroutine_threadsafe(self._kaleido.close(), self._loop).result(30)
            except Exception:  # noqa: BLE001 - the browser may already be gone; the loop stops anyway
                pass
            self._kaleido = None
            atexit.unregister(self.close)
        self._stop_loop()

    def close(self) -> None:
        """Stop the browser (a later render() starts a new one)."""
        with self._lock:
            self._close_locked()

    def __enter__(self) -> ImageRenderer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
