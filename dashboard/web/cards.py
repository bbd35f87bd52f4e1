"""The social card route: <prefix>card.png?view=...&<filters>[&v=<data version>], a 1200x630 PNG of
a view (formats.registry.CARD, drawn by formats.chart_files.card through the app's kaleido server).

A crawler asks for a card once a link is pasted, and gives up after a few seconds; a feed reader
shows it in place of the chart. So a card is:

- cached per view (the chart's canonical query) and data version: the second request is a dict
  look-up (`X-Card: hit`);
- drawn on one worker thread of the app's own, fed by a bounded queue: a request never draws
  itself, it waits for its card at most `wait` seconds while the app's other requests go on;
- never an error page to a crawler: when the queue is full (`busy`), the drawing failed (`failed`)
  or took longer than `wait` (`late`: the card lands in the cache for the next request), the answer
  is FALLBACK, a static picture (no drawing), with a short cache life so the crawler asks again.

The `X-Card` header holds one of those fixed words, never user input. Everything here belongs to the
app's CardService (Flask's `server.extensions["bajor_cards"]`): no module-level mutable state.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict, deque
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Response, jsonify, request

from dashboard.domain.schema import TABLES
from dashboard.formats import registry

if TYPE_CHECKING:  # the chart code is imported when a card is asked for (head.py imports this module)
    from dashboard.domain.catalogue import Catalogue
    from dashboard.domain.loading import Tables
    from dashboard.formats import charts

log = logging.getLogger("dashboard")

FALLBACK = Path(__file__).resolve().parents[2] / "assets" / "card-fallback.png"  # scripts/card_fallback.py
EXTENSION = "bajor_cards"  # the app's CardService, in server.extensions
VERSION_KEY = "v"  # the data version in a card's URL (what makes a changed table a new URL for crawlers)
QUEUE = 4  # cards waiting to be drawn (beyond the one being drawn); more: the fallback at once
WAIT = 8.0  # s a request waits for its card: within a crawler's patience (docs/PERFORMANCE.md)
CACHED = 128  # cards kept (about 150 KB each)
IDLE = 60.0  # s the worker thread waits for work before it ends (the next card starts another)
CACHE_LIFE = 86400  # s: a drawn card, at the current data version
FALLBACK_LIFE = 60  # s: ask again soon


def data_version(tables: Tables) -> str:
    """A short digest of the data files the tables were read from: a changed table is a new version."""
    digest = hashlib.sha256()
    for spec in TABLES.values():
        path = Path(tables.data_dir) / spec.file
        digest.update(spec.file.encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class CardService:
    """One app's cards: the cache, the bounded queue and the worker that draws through `renderer`
    (the app's images.ImageRenderer, shared with the chart downloads: one kaleido server per process)."""

    def __init__(self, cat: Catalogue, renderer, *, queue: int = QUEUE, wait: float = WAIT, cached: int = CACHED):
        self.cat = cat
        self.renderer = renderer
        self.queue_size = queue  # 0: every card not in the cache is the fallback (tests provoke "busy" so)
        self.wait = wait
        self.cached = cached
        self._cache: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._pending: deque[tuple[tuple[str, str], charts.Chart, Future]] = deque()
        self._jobs: dict[tuple[str, str], Future] = {}  # queued or being drawn
        self._lock = threading.Condition()
        self._worker: threading.Thread | None = None
        self._version: str | None = None
        self._fallback: bytes | None = None
        self.drawn = 0  # cards drawn since the app started

    @property
    def version(self) -> str:
        with self._lock:
            if self._version is None:
                self._version = data_version(self.cat.tables)
            return self._version

    @property
    def fallback(self) -> bytes:
        if self._fallback is None:
            self._fallback = FALLBACK.read_bytes()
        return self._fallback

    def card(self, chart: charts.Chart) -> tuple[bytes, str]:
        """(PNG bytes, how: 'hit', 'drawn', 'busy', 'failed' or 'late') for this chart's card."""
        from dashboard.formats import charts

        key = (charts.view_query(chart), self.version)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key], "hit"
            job = self._jobs.get(key)
            if job is None:
                if len(self._pending) >= self.queue_size:
                    return self.fallback, "busy"
                job = Future()
                self._jobs[key] = job
                self._pending.append((key, chart, job))
                self._start_worker()
                self._lock.notify_all()
        try:
            return job.result(timeout=self.wait), "drawn"
        except FutureTimeout:
            return self.fallback, "late"
        except Exception:  # noqa: BLE001 - logged by the worker; the reader gets the fallback
            return self.fallback, "failed"

    def _start_worker(self) -> None:
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(target=self._work, name="card-worker", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._pending and not self._lock.wait_for(lambda: bool(self._pending), IDLE):
                    self._worker = None
                    return
                key, chart, job = self._pending.popleft()
            try:
                from dashboard.formats import chart_files

                data = chart_files.card(chart, self.cat.tables, self.renderer)
            except Exception as exc:  # noqa: BLE001 - any failure: the fallback, and the log says why
                log.warning("social card not drawn (%s): %s", key[0], exc)
                with self._lock:
                    self._jobs.pop(key, None)
                job.set_exception(exc)
                continue
            with self._lock:
                self._cache[key] = data
                while len(self._cache) > self.cached:
                    self._cache.popitem(last=False)
                self._jobs.pop(key, None)
                self.drawn += 1
            job.set_result(data)


def image_query(chart: charts.Chart, version: str) -> str:
    """A card's query: the chart's canonical query and the data version."""
    from dashboard.formats import charts

    return f"{charts.view_query(chart)}&{VERSION_KEY}={version}"


def service(app) -> CardService:
    """The app's CardService (cards.install puts it there)."""
    return app.server.extensions[EXTENSION]


def install(app, cat: Catalogue, renderer, rule: str) -> None:
    """The card route at `rule` (the routes prefix + registry.CARD.path), with the app's CardService."""
    cards = CardService(cat, renderer)
    app.server.extensions[EXTENSION] = cards

    def card_png():
        from dashboard.formats import charts

        query = {k: v for k, v in request.args.to_dict(flat=False).items() if k != VERSION_KEY}
        try:
            chart = charts.build(cat, query)
        except charts.ChartError as exc:
            return jsonify({"error": str(exc)}), 400
        data, how = cards.card(chart)
        fresh = how in ("hit", "drawn") and request.args.get(VERSION_KEY) == cards.version
        life = CACHE_LIFE if fresh else FALLBACK_LIFE if how not in ("hit", "drawn") else 300
        return Response(
            data,
            mimetype=registry.CARD.media_type,
            headers={"Cache-Control": f"public, max-age={life}", "X-Card": how},
        )

    app.server.add_url_rule(rule, "social_card", card_png)
