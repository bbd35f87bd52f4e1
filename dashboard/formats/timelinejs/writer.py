"""Writing: our resolved events as TimelineJS JSON that TimelineJS itself loads (`to_timelinejs`,
`to_json`), and an import's rows as the CSV files of our tables (`write_tables`)."""

from __future__ import annotations

import csv
import html
import json
import math
from pathlib import Path

from dashboard.domain import citations, readings, words
from dashboard.domain.schema import TABLES
from dashboard.formats.timelinejs.dates import JS_DATE_LIMIT, date_parts, timelinejs_year
from dashboard.formats.timelinejs.markup import safe_target


def write_tables(tables: dict[str, list[dict]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, spec in TABLES.items():
        with open(out / spec.file, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=spec.column_names, lineterminator="\n")
            writer.writeheader()
            writer.writerows(tables.get(name, []))  # optional tables (tours) may be absent


# ------------------------------------------------------------------------------------------------
# Our table -> TimelineJS JSON


def to_json(resolved, tables) -> str:
    return json.dumps(to_timelinejs(resolved, tables), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def to_timelinejs(resolved, tables) -> dict:
    """The resolved table as a TimelineJS timeline (a dict ready for json.dumps)."""
    from dashboard.domain.vocabulary import Vocabulary
    from dashboard.formats.records import events_records

    vocab = Vocabulary.from_tables(tables)
    records = events_records(resolved, tables)
    events = [_event(rec, vocab) for rec in records]
    years = [e[side]["year"] for e in events for side in ("start_date", "end_date") if side in e]
    eras = [
        {
            "start_date": {"year": timelinejs_year(int(e["start"]))},
            "end_date": {"year": timelinejs_year(int(e["end"]))},
            "text": {"headline": _esc(e["label"])},
        }
        for e in tables.eras.to_dict("records")
    ]
    out = {"title": _title(records, tables), "events": events, "eras": eras}
    if any(abs(y) > JS_DATE_LIMIT for y in years):
        out["scale"] = "cosmological"
    return out


def _title(records: list[dict], tables) -> dict:
    """The title slide: the one universe shown (or the app's name), the count, and the credit to the wikis."""
    from dashboard.domain import credits

    universes = {u for r in records for u in _universe_ids(r)}
    unis = tables.universes.set_index("id")
    if len(universes) == 1 and next(iter(universes)) in unis.index:
        only = unis.loc[next(iter(universes))]
        headline, about = only["label"], only["description"]
    else:
        headline, about = "Bajor Timeline", ""
    credit_items = "".join(
        "<li>" + "".join(_link(url, text) for text, url, _ in credits.page_pieces(a)) + "</li>"
        for a in credits.attribution(tables)
    )
    text = (f"<p>{_esc(about)}</p>" if about else "") + (
        f"<p>{len(records)} events, each with its sources and how sure they are of its dates. "
        f"Facts read from these pages and paraphrased:</p><ul>{credit_items}</ul>"
    )
    return {"text": {"headline": _esc(headline), "text": text}}


def _event(rec: dict, vocab) -> dict:
    """One event record as a TimelineJS event (an end before the start is moved onto the start)."""
    start = date_parts(rec["start"], "start")
    start["display_date"] = words.edtf(rec["start"])
    event = {
        "unique_id": rec["id"],
        "start_date": start,
        "text": {"headline": _esc(rec["title"]), "text": _event_text(rec)},
        "group": vocab.factions.get(vocab.top(rec["factions"][0]), rec["factions"][0]) if rec["factions"] else "",
        "display_date": words.period(rec["start"], rec["end"]),
    }
    if rec["end"]:
        end = date_parts(rec["end"], "end")
        end["display_date"] = words.edtf(rec["end"])
        if (end["year"], end.get("month", 1), end.get("day", 1)) < (
            start["year"],
            start.get("month", 1),
            start.get("day", 1),
        ):
            end = {**start, "display_date": end["display_date"]}
        event["end_date"] = end
    return event


def _event_text(rec: dict) -> str:
    """The slide's text: the summary, the best estimate beside what the sources allow, any dispute, the sources."""
    parts = [f"<p>{_esc(rec['summary'])}</p>"]
    start = _sides(rec, "start")
    if rec["end"]:
        when = (
            f"Best estimate: {words.period(rec['start'], rec['end'])}. The sources put the start "
            f"{start} and the end {_sides(rec, 'end')}"
        )
    else:
        when = f"Best estimate: {words.edtf(rec['start'])}. The sources put it {start}"
    parts.append(f"<p>{_esc(when)}.</p>")
    if rec["disputed"]:
        parts.append(f"<p><strong>Disputed.</strong> {_esc(rec['dispute_note'] or 'The sources disagree.')}</p>")
    items = [_citation(c) for c in rec["citations"]]
    if items:
        parts.append(f"<p>Sources ({len(items)}):</p><ul>{''.join(items)}</ul>")
    return "".join(parts)


def _sides(rec: dict, side: str) -> str:
    """What the sources allow for a side: '2346 or 2359' where their readings do not overlap,
    else the range ('between 2346 and 2359')."""
    listed = rec.get(f"{side}_readings") or []
    if len(listed) > 1:
        return readings.listed_in_words(listed, sources=False)
    return _range(rec[f"{side}_earliest"], rec[f"{side}_latest"])


def _citation(c: dict) -> str:
    dated = citations.dates_in_words(c, ended="ending")
    if citations.derived(c):  # a date counted from another: the derived date, and how it was counted
        dated = f"{dated}, {citations.derived(c)}"
    value = f" [{c['value']}]" if c["value"] else ""
    where = f"; {citations.universe(c)}" if citations.universe(c) else ""
    return (
        f"<li><em>{_esc(c['source'])}</em> ({_esc(c['medium'])}, {_esc(c['tier'])}; read on "
        f"{_esc(c['page'])}{_esc(where)}): {_esc(dated)}{_esc(value)}. {_esc(c['note'])}</li>"
    )


def _esc(text) -> str:
    """Text from the data as HTML text: TimelineJS renders headline and text as HTML."""
    return html.escape("" if text is None else str(text), quote=False)


def _link(url: str, words_: str) -> str:
    target = safe_target(url or "")
    return f'<a href="{html.escape(target, quote=True)}">{_esc(words_)}</a>' if target else _esc(words_)


def _range(lo, hi) -> str:
    said = words.span(_bound(lo, -1), _bound(hi, 1))
    return f"in {said}" if said[:1].isdigit() else said


def _bound(value, sign: int) -> float:
    return sign * math.inf if value is None else value


def _universe_ids(rec: dict) -> list[str]:
    """An export record's universes, whether the record holds one id or a list."""
    value = rec.get("universes", rec.get("universe"))
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return list(value or [])
