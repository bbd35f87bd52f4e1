"""Our prose must not keep a seed sentence with a word swapped: no cell of the bundled tables holds
eight words of a seed page in order with at most one of them changed.

copied_text.py (docs/DATA.md, house rules) finds exact runs of shared words; this finds the near
copies it cannot see. Words are normalised (case folded, punctuation dropped, an apostrophe kept
inside a word), and every window of eight words of every prose cell is compared with every window
of eight words of every seed, one position at a time left free.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
# ../shared/seeds beside the checkout (or beside the directory of worktrees), as test_data finds the tool
SEEDS = next((p / "shared" / "seeds" for p in ROOT.parents if (p / "shared" / "seeds").is_dir()), None)
WINDOW = 8
# The prose cells: what we wrote, as opposed to ids, dates and the names of works.
PROSE = {
    "events.csv": ("title", "summary", "dispute_note"),
    "claims.csv": ("value", "note"),
    "universes.csv": ("label", "description"),
    "tours.csv": ("title", "description", "note"),
}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def words(text: str) -> list[str]:
    """Normalised words: case folded, curly apostrophes straightened, punctuation dropped."""
    return _WORD.findall(text.casefold().replace("\u2019", "'"))


def _keys(ws: list[str], i: int) -> list[tuple[str, ...]]:
    window = ws[i : i + WINDOW]
    return [tuple(window[:k]) + ("*",) + tuple(window[k + 1 :]) for k in range(WINDOW)]


def seed_index(texts: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Every eight-word window of the seeds with one word left free -> the seed it is in."""
    index: dict[tuple[str, ...], str] = {}
    for name, text in texts.items():
        ws = words(text)
        for i in range(len(ws) - WINDOW + 1):
            for key in _keys(ws, i):
                index.setdefault(key, name)
    return index


def near_copies(text: str, index: dict[tuple[str, ...], str]) -> list[tuple[str, str]]:
    """(the eight words of ours, the seed they nearly copy) for each window found in the seeds."""
    ws = words(text)
    found = []
    for i in range(len(ws) - WINDOW + 1):
        hit = next((index[k] for k in _keys(ws, i) if k in index), None)
        if hit:
            found.append((" ".join(ws[i : i + WINDOW]), hit))
    return found


def prose_cells(data: Path = DATA):
    for file, columns in PROSE.items():
        with open(data / file, encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                for column in columns:
                    if row.get(column):
                        yield f"{file}:{line}: {column}", row[column]


@pytest.fixture(scope="module")
def index():
    if SEEDS is None:
        pytest.skip("shared/seeds is not beside the checkout")
    return seed_index({p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))})


def test_the_finder_sees_a_swapped_word_and_nothing_shorter():
    index = seed_index({"seed": "The station was built with Bajoran slave labor during the late 2340s."})
    assert near_copies("the station was constructed with Bajoran slave labor during", index)
    assert near_copies("The Station, was built with Bajoran slave-labor!", index)
    assert not near_copies("the station was constructed by Bajoran slave labor during", index)  # two swaps
    assert not near_copies("was built with Bajoran slave labor during", index)  # seven words


def test_no_prose_cell_nearly_copies_a_seed(index):
    hits = [
        f"{where}: '{run}' (seed {seed})" for where, text in prose_cells() for run, seed in near_copies(text, index)
    ]
    assert not hits, "rewrite these in our own words:\n" + "\n".join(hits)
