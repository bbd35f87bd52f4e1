"""Synthetic data directories in the Bajor Timeline schema, for benchmarks and scale tests.

`write_tables(directory, n_events, seed=0)` copies eras, factions, universes and pages from the
bundled data/ and generates sources.csv, events.csv and claims.csv: n_events events (about 40%
point events), about 2.5 claims per event from sources of every tier (about two thirds of them
dated; the curated table dates a little over half), dates in the EDTF forms the curated table
uses (2328, 2328?, 234X, [2309..2328], 2346/2369, and a few open ends), and some events whose
sources disagree on a date or on a stated value. The same seed always gives the same files. The
result passes `python -m dashboard validate --data DIR`.

As a script: python benchmarks/synthetic.py DIR --events N [--seed S] (that script calls `main` here)
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from pathlib import Path

from testsupport import DATA

COPIED = ("eras.csv", "factions.csv", "universes.csv", "pages.csv")

POINT_SHARE = 0.4
DISPUTED_DATE_SHARE = 0.15  # events where one source puts the date years away from the others
DISPUTED_VALUE_SHARE = 0.05  # events where two sources state different values
OPEN_END_SHARE = 0.02  # periods with an open end (2369/..)
CLAIMS_PER_EVENT = (1, 2, 3, 4)  # uniform: 2.5 on average
# Like the curated table, many claims give no date (they cite the event or a value only) and few
# claims on a period date its end. Disputed-date events date every claim, so about 2/3 are dated.
CLAIM_DATED_SHARE = 0.6
CLAIM_END_SHARE = 0.25
YEARS = (2309, 2405)

# Tier weights and the media each tier's sources come in.
TIER_WEIGHTS = {"canon": 0.35, "licensed": 0.30, "production": 0.15, "fan": 0.20}
TIER_MEDIA = {
    "canon": ("episode", "film"),
    "licensed": ("novel", "comic", "RPG module", "reference book", "game"),
    "production": ("draft script",),
    "fan": ("fan fiction", "fan wiki"),
}
SERIES = ("DS9", "TNG", "VOY", "Terok Nor", "")

ACTS = (
    "Raid on",
    "Uprising at",
    "Evacuation of",
    "Treaty of",
    "Bombing of",
    "Liberation of",
    "Purge at",
    "Famine in",
    "Trial at",
    "Negotiations at",
    "Sabotage of",
    "Massacre at",
    "Founding of",
    "Fall of",
)
PLACES = (
    "Dakhur Province",
    "Rakantha",
    "Terok Nor",
    "Hathon",
    "Jalanda City",
    "Musilla Province",
    "Tilar Peninsula",
    "Gallitep",
    "Singha",
    "Kendra Valley",
    "Relliketh",
    "Bestri Lakes",
    "Lonar",
    "Ashalla",
    "Kora Canyon",
)
VALUES = ("Federation", "Romulans", "Resistance", "Central Command", "Obsidian Order", "political decision")


def _read(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _date(rng: random.Random, year: int, forms: str = "all") -> tuple[str, int, int]:
    """An EDTF string around `year` and the whole years (lo, hi) it covers."""
    r = rng.random()
    if forms == "exact" or r < 0.45:
        return str(year), year, year
    if r < 0.60:
        return f"{year}?", year - 1, year + 1
    if r < 0.70:
        return f"{year // 10}X", year // 10 * 10, year // 10 * 10 + 9
    if r < 0.82:
        hi = year + rng.randint(2, 15)
        return f"[{year}..{hi}]", year, hi
    hi = year + rng.randint(1, 20)
    return f"{year}/{hi}", year, hi


def _era(eras: list[dict], year: int) -> str:
    for e in eras:
        if int(e["start"]) <= year < int(e["end"]):
            return e["id"]
    return eras[-1]["id"] if year >= int(eras[-1]["end"]) else eras[0]["id"]


def _sources(rng: random.Random, n: int) -> list[dict]:
    tiers = list(TIER_WEIGHTS)
    out = []
    for i in range(n):
        tier = tiers[i] if i < len(tiers) else rng.choices(tiers, weights=list(TIER_WEIGHTS.values()))[0]
        medium = rng.choice(TIER_MEDIA[tier])
        out.append(
            {
                "id": f"src-{i + 1:05d}",
                "title": f"Synthetic {medium} {i + 1}",
                "medium": medium,
                "series": rng.choice(SERIES) if tier in ("canon", "licensed") else "",
                "tier": tier,
                "released": str(rng.randint(1987, 2024)) if rng.random() < 0.9 else "",
            }
        )
    return out


def generate(n_events: int, seed: int = 0) -> dict[str, list[dict]]:
    """The generated rows of sources, events and claims (no files written)."""
    rng = random.Random(seed)
    eras = _read("eras.csv")
    factions = [f["id"] for f in _read("factions.csv")]
    universes = [u["id"] for u in _read("universes.csv")]
    pages = [p["id"] for p in _read("pages.csv")]
    sources = _sources(rng, max(12, n_events // 20))
    events, claims = [], []
    for i in range(n_events):
        eid = f"ev-{i + 1:06d}"
        is_point = rng.random() < POINT_SHARE
        year = rng.randint(*YEARS)
        start, s_lo, s_hi = _date(rng, year)
        end = ""
        e_year = None
        if not is_point:
            e_year = s_hi + rng.randint(0, 30)
            if rng.random() < OPEN_END_SHARE:
                end = f"{e_year}/.."
            else:
                end = _date(rng, e_year)[0]
        # The first two events are always disputed, so even a tiny table has disputes to show.
        dispute_date = i == 0 or rng.random() < DISPUTED_DATE_SHARE
        dispute_value = i == 1 or rng.random() < DISPUTED_VALUE_SHARE
        k = rng.choice(CLAIMS_PER_EVENT)
        if dispute_date or dispute_value:
            k = max(k, 2)
        title = f"{rng.choice(ACTS)} {rng.choice(PLACES)}"
        if rng.random() < 0.03:
            title += " & <its aftermath>"  # text that must be escaped in labels and hover
        events.append(
            {
                "id": eid,
                "title": title,
                "summary": f"Synthetic event {i + 1}: {title.lower()}, generated for benchmarks (seed {seed}).",
                "start": start,
                "end": end,
                "era": _era(eras, year),
                "factions": ";".join(rng.sample(factions, rng.randint(1, 3))),
                "universes": "prime" if rng.random() < 0.8 or "prime" not in universes else rng.choice(universes),
                "dispute_note": "Synthetic: the sources disagree." if (dispute_date or dispute_value) else "",
            }
        )
        values = rng.sample(VALUES, 2) if dispute_value else None
        for j in range(k):
            c_start = c_end = value = ""
            if dispute_date and j == k - 1:
                # Further from the event's start than any other claim's range reaches: no overlap.
                c_start = str(s_lo - rng.randint(21, 30) if rng.random() < 0.5 else s_hi + rng.randint(21, 30))
            elif dispute_date or rng.random() < CLAIM_DATED_SHARE:
                c_start = _date(rng, year, "exact" if rng.random() < 0.5 else "all")[0]
                if not is_point and rng.random() < CLAIM_END_SHARE:
                    c_end = (
                        f"{e_year}/.."
                        if end.endswith("/..") and rng.random() < 0.5
                        else _date(rng, e_year, "exact" if rng.random() < 0.5 else "all")[0]
                    )
            if values and j < 2:
                value = values[j]
            claims.append(
                {
                    "event": eid,
                    "source": rng.choice(sources)["id"],
                    "page": rng.choice(pages),
                    "start": c_start,
                    "end": c_end,
                    "value": value,
                    "universe": events[-1]["universes"],  # one universe per event: its claims share it
                    "note": f"Synthetic claim {j + 1} for {eid}.",
                }
            )
    return {"sources": sources, "events": events, "claims": claims}


def write_tables(directory, n_events: int, seed: int = 0) -> Path:
    """Write a complete, valid data directory with n_events synthetic events; return its path."""
    from dashboard.domain.schema import TABLES

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(DATA / name, directory / name)
    for name, rows in generate(n_events, seed).items():
        _write(directory / f"{name}.csv", list(TABLES[name].column_names), rows)
    return directory


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Write a synthetic Bajor Timeline data directory.")
    p.add_argument("directory", type=Path)
    p.add_argument("--events", type=int, default=1000, help="number of events (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = p.parse_args(argv)
    if args.events < 1:
        p.error("--events must be at least 1")
    write_tables(args.directory, args.events, args.seed)
    print(f"wrote {args.events} synthetic events to {args.directory}")
    return 0
