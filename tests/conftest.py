"""Shared fixtures: the real bundled data, the small fixture table, and a way to break a copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.domain.catalogue import Catalogue
from testsupport import DATA, MINI


@pytest.fixture(scope="session")
def real() -> Catalogue:
    """The bundled, curated data."""
    return Catalogue.load(DATA)


@pytest.fixture(scope="session")
def mini() -> Catalogue:
    """A seven-event table with one example of each awkward case."""
    return Catalogue.load(MINI)


@pytest.fixture(scope="session")
def app(mini):
    """The real app on the mini table (tests that need another app build their own)."""
    from dashboard.web.app import create_app

    return create_app(catalogue=mini)


@pytest.fixture
def client(app):
    """Flask's test client for `app`."""
    return app.server.test_client()


@pytest.fixture
def broken(tmp_path):
    """Copy the mini table and return an editor: broken('events.csv', old, new) -> data dir."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)

    def edit(file: str, old: str | None = None, new: str = "", *, raw: bytes | None = None) -> Path:
        path = target / file
        if raw is not None:
            path.write_bytes(raw)
        else:
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{old!r} not in {file}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return target

    edit.dir = target
    return edit
