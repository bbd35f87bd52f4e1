"""An event step's chart (a tour step in /present and in a tour embed): the events around it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.figures.gantt import gantt
from dashboard.figures.palette import LIGHT
from dashboard.figures.timeline import timeline

if TYPE_CHECKING:
    from dashboard.domain.presentation import EventStep
    from dashboard.domain.vocabulary import Vocabulary
    from dashboard.figures.palette import Palette


def around(
    s: EventStep, vocab: Vocabulary, lanes: str, plot_px: float, scale: float = 1.0, palette: Palette = LIGHT
) -> dict:
    """The events near the step's event (periods in a Gantt chart, moments on a timeline, as the
    step's event is one or the other) on the step's years, the step's event selected."""
    draw = timeline if s.event["is_point"] else gantt
    return draw(
        s.nearby,
        vocab,
        lanes=lanes,
        selected=s.event["id"],
        x_range=s.x_range,
        plot_px=plot_px,
        scale=scale,
        palette=palette,
    )
