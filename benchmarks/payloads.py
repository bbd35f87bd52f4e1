"""The explorer's callbacks as the browser sends them: the ONE place the benchmark knows their shape.

When the callbacks change (ids, inputs, outputs), update FILTER_CHANGE and SELECTION here; the
rest of the benchmark only calls `body(...)`. A callback is found by the start of its output
string in /_dash-dependencies, so the request always matches what the running app registered.

- FILTER_CHANGE: what the browser asks when the filters (the URL query without `event=`) change:
  the charts, the summary and the notices are rebuilt.
- SELECTION: what it asks when only the selected event changes: the details panel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.web.components import ids


@dataclass(frozen=True)
class Callback:
    output_prefix: str  # how its output string in /_dash-dependencies starts
    inputs: Callable[[str], list[dict]]  # search string -> the inputs the browser sends
    changed: list[str]  # changedPropIds
    state: Callable[[str], list[dict]]  # search string -> the state the browser sends


PLOT_WIDTH_PX = 900  # a laptop's chart width

FILTER_CHANGE = Callback(
    output_prefix=f"..{ids.GANTT}.figure...",
    inputs=lambda search: [
        {"id": ids.FILTER_KEY, "property": "data", "value": search},
        {"id": ids.PLOT_WIDTH, "property": "data", "value": PLOT_WIDTH_PX},
    ],
    changed=[f"{ids.FILTER_KEY}.data"],
    state=lambda search: [
        {"id": ids.URL, "property": "search", "value": search},
        {"id": ids.RENDERED, "property": "data", "value": "(the charts drawn before)"},
        {"id": ids.DRAWN_WIDTH, "property": "data", "value": PLOT_WIDTH_PX},
    ],
)

SELECTION = Callback(
    output_prefix=f"..{ids.DETAILS_BODY}.children...",
    inputs=lambda search: [{"id": ids.SELECTED_KEY, "property": "data", "value": search}],
    changed=[f"{ids.SELECTED_KEY}.data"],
    state=lambda search: [{"id": ids.URL, "property": "search", "value": search}],
)


def body(callback: Callback, dependencies: list[dict], search: str) -> dict:
    """The JSON body of a POST to /_dash-update-component for this callback and URL search string."""
    dep = next((d for d in dependencies if d["output"].startswith(callback.output_prefix)), None)
    if dep is None:
        raise LookupError(f"no callback output starts with {callback.output_prefix!r}: update benchmarks/payloads.py")
    outputs = [dict(zip(("id", "property"), o.split(".", 1))) for o in dep["output"].strip(".").split("...")]
    for o in outputs:
        o["property"] = o["property"].split("@")[0]
    return {
        "output": dep["output"],
        "outputs": outputs if dep["output"].startswith("..") else outputs[0],
        "inputs": callback.inputs(search),
        "changedPropIds": callback.changed,
        "state": callback.state(search),
    }
