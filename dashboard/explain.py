"""Plain-language sentences about an event's dating: who says what, the span, the best estimate."""
from __future__ import annotations

from . import dates


def _who(c: dict) -> str:
    """'Waltz (canon, via Memory Alpha)': the same work can be read differently on two wikis."""
    return f"{c['source']} ({c['tier']}, via {c['page'].split(':')[0]})"


def _side(citations: list[dict], key: str) -> list[tuple[str, dates.Interval]]:
    return [(_who(c), c[f"{key}_iv"]) for c in citations if c[f"{key}_iv"] is not None]


def _span(ivs) -> str:
    env = dates.envelope(iv for _, iv in ivs)
    return dates.format_range(env.earliest, env.latest)


def _disagree(ivs) -> bool:
    return any(not a.overlaps(b) for i, (_, a) in enumerate(ivs) for _, b in ivs[i + 1:])


def dating_sentence(event: dict) -> str:
    """Explain the event's dating from its trusted citations (as resolved) and our note."""
    cites = event["citations"]
    parts = []
    for key, noun in (("start", "when it began" if not event["is_point"] else "when it happened"), ("end", "when it ended")):
        ivs = _side(cites, key)
        if not ivs:
            continue
        if _disagree(ivs):
            said = "; ".join(f"{who} gives {iv.label}" for who, iv in ivs)
            parts.append(f"The sources disagree on {noun}: {said}. Together they span {_span(ivs)}.")
        elif len(ivs) > 1:
            parts.append(f"{len(ivs)} sources agree on {noun}, within {_span(ivs)}.")
        else:
            who, iv = ivs[0]
            parts.append(f"Only {who} dates {noun}: {iv.label}.")
    values = [(c["value"], _who(c)) for c in cites if c["value"]]
    if len({v.casefold() for v, _ in values}) > 1:
        parts.append("They also differ on the substance: " + "; ".join(f"{v} per {who}" for v, who in values) + ".")
    if not any(c["start"] or c["end"] for c in cites):
        parts.append("None of the trusted sources gives a date; the chart uses our editorial date.")
    best = f"Best estimate: {event['start']}" + (f" to {event['end']}" if event["end"] else "")
    parts.append(f"{best} (from the strongest tier of source that dates it).")
    if event["disputed"] and event.get("dispute_note"):
        parts.append(f"Why: {event['dispute_note']}")
    return " ".join(parts)
