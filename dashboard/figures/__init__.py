"""Figure builders: pure functions of resolved events (no Dash, no I/O)."""
from .gantt import gantt
from .timeline import timeline
from .uncertainty import uncertainty

__all__ = ["gantt", "timeline", "uncertainty"]
