"""The table view (dash-ag-grid): sortable, filterable, an accessible alternative to the charts."""
from __future__ import annotations


import dash_ag_grid as dag

from ..dates import format_range
from ..resolve import bounds
from ..filters import Vocabulary
from ..schema import TIER_LABELS
from . import ids

COLUMNS = [
    {"field": "title", "headerName": "Event", "flex": 3, "minWidth": 220},
    {"field": "start", "headerName": "Start", "flex": 1, "minWidth": 110},
    {"field": "end", "headerName": "End", "flex": 1, "minWidth": 110},
    {"field": "range", "headerName": "Range the sources allow", "flex": 1.4, "minWidth": 150},
    {"field": "era", "headerName": "Era", "flex": 1.5, "minWidth": 140},
    {"field": "factions", "headerName": "Factions", "flex": 2, "minWidth": 160},
    {"field": "universes", "headerName": "Universes", "flex": 1.3, "minWidth": 120},
    {"field": "tier", "headerName": "Strongest source", "flex": 1.3, "minWidth": 130},
    {"field": "disputed", "headerName": "Disputed", "flex": 0.8, "minWidth": 100},
]


def grid_rows(df, vocab: Vocabulary) -> list[dict]:
    """Rows for the grid: plain text cells (the grid renders them as text, never as HTML)."""
    rows = []
    for r in df.to_dict("records"):
        lo = bounds(r, "start")[0]
        hi = bounds(r, "start" if r["is_point"] else "end")[1]
        rows.append({
            "id": r["id"], "title": r["title"], "start": r["start"], "end": r["end"] or "(moment)",
            "range": format_range(lo, hi), "era": vocab.eras[r["era"]],
            "factions": ", ".join(vocab.factions[f] for f in r["factions"]),
            "universes": ", ".join(vocab.universes[u] for u in r["universes"]), "tier": TIER_LABELS[r["canon"]],
            "disputed": "yes" if r["disputed"] else "no",
        })
    return rows


def build_grid() -> dag.AgGrid:
    return dag.AgGrid(
        id=ids.GRID,
        columnDefs=COLUMNS,
        rowData=[],
        getRowId="params.data.id",
        defaultColDef={"sortable": True, "filter": True, "floatingFilter": True, "resizable": True},
        dashGridOptions={
            "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": True},
            "domLayout": "normal", "pagination": False, "animateRows": False,
            "ensureDomOrder": True, "enableCellTextSelection": True,
        },
        style={"height": "420px"},
        className="events-grid",
    )
