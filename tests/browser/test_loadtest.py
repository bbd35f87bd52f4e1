"""The load test's recorder and replayer still work with the app as it is (a smoke run; no timing)."""

from __future__ import annotations

import random

import pytest

from benchmarks import loadtest

pytestmark = [pytest.mark.browser, pytest.mark.bench, pytest.mark.live]  # gunicorn on loopback


def test_a_recorded_session_replays_without_errors(browser, mini_url, mini):
    recording = loadtest.record(mini_url, browser)
    for action in ("load", "filter", "select"):
        assert any(r["method"] == "POST" for r in recording["actions"][action]), action
    stats = loadtest.Stats()
    student = loadtest.Student(mini_url, recording, mini, random.Random(1), stats)
    for act in (student.load, student.filter, student.select, student.load, student.select, student.filter):
        act()
    assert stats.errors == []
    kinds = {kind for _, kind, _, _ in stats.samples}
    for action in ("page load", "filter change", "select event"):
        assert any(k.startswith(f"callback: {action}") for k in kinds), (action, kinds)
    assert "page GET /" in kinds and any(k.startswith("asset GET") for k in kinds)
