"""TimelineJS in and out: read a Knight Lab TimelineJS timeline (the Google Sheets template saved as
CSV, or TimelineJS JSON, told apart by content) into a table in our schema, and write our table as
TimelineJS JSON that TimelineJS itself loads.

Reading is two pure steps: `read_text` turns the file into `Entry`s (TimelineJS's slides, nothing
interpreted yet), and `build` turns them into rows of our seven tables plus `Note`s saying what was
mapped, skipped or changed, each with the line (CSV) or the JSON path it came from. `import_file`
writes the tables and checks them with the validator; `report` says what it did. No Dash, no pandas
on the way in.

The modules, each importing only those above it:
  reader    the file -> a `Timeline` of `Entry`s (CSV or JSON); `Note`, `TimelineUnreadable`
  markup    HTML in a slide -> plain text and its links
  dates     TimelineJS dates <-> EDTF, both ways (BCE years shift by one)
  builder   entries -> our tables' rows, with the notes
  writer    our resolved events -> TimelineJS JSON; an import's rows -> our CSV files
  importer  the whole import, and its report
"""

from dashboard.formats.timelinejs.builder import (
    DEFAULT_LICENCE,
    DEFAULT_TIER,
    UNIVERSE_COLUMN,
    Built,
    _row,  # noqa: F401  (the tests check that rows follow the schema's columns)
    build,
    slug,
)
from dashboard.formats.timelinejs.dates import (
    AXIS_LIMIT,
    JS_DATE_LIMIT,
    Dated,
    EntryDates,
    astronomical,
    date_parts,
    entry_dates,
    timelinejs_year,
    to_edtf,
)
from dashboard.formats.timelinejs.importer import Imported, import_file, report
from dashboard.formats.timelinejs.markup import Plain, plain
from dashboard.formats.timelinejs.reader import (
    TEMPLATE_COLUMNS,
    Entry,
    Note,
    Timeline,
    TimelineUnreadable,
    read,
    read_text,
)
from dashboard.formats.timelinejs.writer import to_json, to_timelinejs, write_tables

__all__ = [
    "AXIS_LIMIT",
    "DEFAULT_LICENCE",
    "DEFAULT_TIER",
    "JS_DATE_LIMIT",
    "TEMPLATE_COLUMNS",
    "UNIVERSE_COLUMN",
    "Built",
    "Dated",
    "Entry",
    "EntryDates",
    "Imported",
    "Note",
    "Plain",
    "Timeline",
    "TimelineUnreadable",
    "astronomical",
    "build",
    "date_parts",
    "entry_dates",
    "import_file",
    "plain",
    "read",
    "read_text",
    "report",
    "slug",
    "timelinejs_year",
    "to_edtf",
    "to_json",
    "to_timelinejs",
    "write_tables",
]
