"""The table view (dash-ag-grid, infinite row model): sortable, an accessible alternative to the
charts. The server sends only the block of rows being looked at, so 100,000 events stay light."""

from __future__ import annotations

from typing import TYPE_CHECKING

import dash_ag_grid as dag

from dashboard.domain import events, readings, words
from dashboard.domain.schema import TIER_LABELS
from dashboard.web.components import ids

if TYPE_CHECKING:
    from dashboard.domain.vocabulary import Vocabulary

# Widths, not `flex`: AG Grid 35 hides flex columns until it has sized them against the grid's
# width, and a grid first laid out before it has one (as when the page comes with its charts
# drawn) could stay hidden (cells left at visibility: hidden, which axe reported). The columns are
# scaled to the grid's width instead (columnSize="responsiveSizeToFit"), never below minWidth.
COLUMNS = [
    {"field": "title", "headerName": "Event", "width": 300, "minWidth": 200},
    {"field": "when", "headerName": "When (best estimate)", "width": 190, "minWidth": 160, "sortable": False},
    {"field": "range", "headerName": "Range the sources allow", "width": 190, "minWidth": 160, "sortable": False},
    {"field": "era", "headerName": "Era", "width": 160, "minWidth": 120},
    {"field": "factions", "headerName": "Factions", "width": 200, "minWidth": 140, "sortable": False},
    {"field": "universes", "headerName": "Universes", "width": 160, "minWidth": 110, "sortable": False},
    {"field": "tier", "headerName": "Strongest source", "width": 160, "minWidth": 140},
    {"field": "disputed", "headerName": "Disputed", "width": 110, "minWidth": 100},
]
BLOCK = 100
SORTABLE = {"title": "title", "era": "era", "tier": "canon", "disputed": "disputed"}


def _split(r: dict) -> tuple[tuple, tuple]:
    return r.get("start_readings") or (), r.get("end_readings") or ()


def grid_rows(df, vocab: Vocabulary) -> list[dict]:
    """Rows for the grid: plain text cells (the grid renders them as text, never as HTML)."""
    rows = []
    for r, lo, hi in zip(df.to_dict("records"), events.first_year(df), events.last_year(df)):
        rows.append(
            {
                "id": r["id"],
                "title": r["title"],
                "when": readings.period_words(r["start"], r["end"], *_split(r)),
                # a moment read two ways that do not overlap: '2346 or 2359', never 'between 2346 and 2359'
                "range": (r["is_point"] and readings.side_in_words(r, "start")) or words.span(lo, hi),
                "era": vocab.eras[r["era"]],
                "factions": ", ".join(vocab.factions[f] for f in r["factions"]),
                "universes": ", ".join(vocab.universes[u] for u in r["universes"]),
                "tier": TIER_LABELS[r["canon"]],
                "disputed": "yes" if r["disputed"] else "no",
            }
        )
    return rows


def block(df, vocab: Vocabulary, request: dict | None) -> dict:
    """One block of rows for the grid's request {startRow, endRow, sortModel}: {rowData, rowCount}."""
    request = request or {}
    try:
        start = max(int(request.get("startRow", 0)), 0)
        end = min(max(int(request.get("endRow", start + BLOCK)), start), start + 1000)
    except (TypeError, ValueError):
        start, end = 0, BLOCK
    ordered = df
    for sort in reversed(request.get("sortModel") or []):
        col = SORTABLE.get(sort.get("colId")) if isinstance(sort, dict) else None
        if col:
            ordered = ordered.sort_values(col, ascending=sort.get("sort") != "desc", kind="stable")
    return {"rowData": grid_rows(ordered.iloc[start:end], vocab), "rowCount": len(df)}


def build_grid() -> dag.AgGrid:
    return dag.AgGrid(
        id=ids.GRID,
        columnDefs=COLUMNS,
        rowModelType="infinite",
        getRowId="params.data.id",
        defaultColDef={"sortable": True, "resizable": True},
        dashGridOptions={
            "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": True},
            "cacheBlockSize": BLOCK,
            "maxBlocksInCache": 20,
            "infiniteInitialRowCount": 1,
            "animateRows": False,
            "ensureDomOrder": True,
            "enableCellTextSelection": True,
            # Tab moves on to the next control on the page instead of through every cell.
            "tabToNextCell": {"function": "false"},
        },
        style={"height": "420px"},
        className="events-grid",
        columnSize="responsiveSizeToFit",
    )
