"""Figure builders: pure functions of resolved events (no Dash, no I/O)."""

from dashboard.figures.gantt import gantt
from dashboard.figures.timeline import timeline
from dashboard.figures.uncertainty import uncertainty

__all__ = ["gantt", "timeline", "uncertainty"]
