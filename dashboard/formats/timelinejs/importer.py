"""The whole import (read the file, build our tables, write and validate them) and its report: what was
read and written, and every note of what was mapped, skipped, changed or is to be checked by hand."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.formats.timelinejs.builder import Built, build
from dashboard.formats.timelinejs.reader import Note, Timeline, TimelineUnreadable, read
from dashboard.formats.timelinejs.writer import write_tables


@dataclass
class Imported:
    timeline: Timeline
    built: Built
    out: Path
    problems: list  # validator errors on what was written (none expected)


def import_file(path: Path, out: Path) -> Imported:
    """Read a TimelineJS file, write our tables into `out` (which must be new or empty), validate them."""
    from dashboard.domain.loading import validate_dir

    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise TimelineUnreadable(
            f"--out {out}: already holds files; give a new or empty directory (nothing was overwritten)"
        )
    timeline = read(path)
    built = build(timeline)
    if not built.tables["events"]:
        raise TimelineUnreadable(
            f"{timeline.name}: no slide could be imported; nothing written.\n"
            + "\n".join(str(n) for n in built.notes if n.kind == "skipped")
        )
    write_tables(built.tables, out)
    _, problems = validate_dir(out)
    return Imported(timeline, built, out, problems)


_HEADINGS = (
    ("mapped", "Mapped"),
    ("skipped", "Skipped (with why)"),
    ("changed", "Changed (with why)"),
    ("check", "To check by hand"),
)


def _place(note: Note) -> tuple:
    """Sort key: notes about the whole file first, then by line or by JSON index."""
    m = re.search(r":(\d+)", note.where) or re.search(r"\[(\d+)\]", note.where)
    section = 0 if "eras[" in note.where else 1
    return (1, section, int(m[1])) if m else (0, 0, 0)


def report(imp: Imported) -> str:
    """The import report: what was read, what was written, and every note grouped by kind."""
    t, c = imp.timeline, imp.built.counts
    kind = "TimelineJS JSON" if t.fmt == "json" else "the TimelineJS template's CSV"
    lines = [
        f"Read {t.name} as {kind}: {len(t.events)} slide(s), {len(t.eras)} era(s)"
        f"{', a title slide' if t.title else ', no title slide'}.",
        f"Wrote {imp.out}: {c['events']} events, {c['claims']} claims, {c['sources']} source(s), {c['pages']} page, "
        f"{c['eras']} era(s), {c['factions']} faction(s), {c['universes']} universe.",
    ]
    for key, heading in _HEADINGS:
        group = sorted((n for n in imp.built.notes if n.kind == key), key=_place)
        if group:
            lines.append(f"{heading}:")
            lines.extend(f"  {n}" for n in group)
    if imp.problems:
        lines.append(f"The written table does NOT pass validate ({len(imp.problems)} problem(s)); please report this:")
        lines.extend(f"  {p}" for p in imp.problems)
    else:
        lines.append(
            f"validate: OK. Next: python -m dashboard validate --data {imp.out}; python app.py --data {imp.out}"
        )
    return "\n".join(lines) + "\n"
