"""The Dash app: one per data directory, built by create_app (no module-level app, no global state)."""

from __future__ import annotations

import logging
from pathlib import Path

from dash import html, set_props

from dashboard.domain.catalogue import Catalogue
from dashboard.web import compression, dash_compat, head, routes
from dashboard.web.components import ids
from dashboard.web.router import register_callbacks

ASSETS = Path(__file__).resolve().parents[2] / "assets"
# Dash's default page wraps its scripts in a <footer> (a second contentinfo landmark) and sets no language.
INDEX = """<!DOCTYPE html>
<html lang="en">
<head>{%metas%}<title>{%title%}</title>{%favicon%}{%css%}</head>
<body>{%app_entry%}{%config%}{%scripts%}{%renderer%}</body>
</html>"""
log = logging.getLogger("dashboard")


def create_app(data_dir: str | Path | None = None, *, catalogue=None):
    """Load the data once (raises DataInvalid), build the layout, register callbacks."""
    cat = catalogue or Catalogue.load(data_dir)

    def on_error(err: Exception):
        log.error("callback failed: %r", err, exc_info=err)
        set_props(
            ids.ERROR,
            {
                "is_open": True,
                "children": html.Div("Something went wrong while updating the page. Try again, or reset the filters."),
            },
        )

    app = dash_compat.Dash(  # dash.Dash less unused bundles (dashboard/web/dash_compat.py)
        __name__,
        title="Bajor Timeline",
        assets_folder=str(ASSETS),
        # the explorer's first view loads first_view.js itself (dashboard/web/head.py); progressive.js is
        # for host pages (the Share dialog's picture-first snippet, dashboard/web/share.py)
        assets_ignore=r"^(first_view|progressive)\.js$",
        external_stylesheets=[routes.BOOTSTRAP_ROUTE.lstrip("/")],
        serve_locally=True,
        on_error=on_error,
        update_title=None,
        suppress_callback_exceptions=True,  # pages come and go with the path (dashboard/web/pages)
        index_string=INDEX,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": "Interactive, cited timeline of the Cardassian Occupation of Bajor."},
        ],
    )
    app.config.external_stylesheets = [app.get_relative_path(routes.BOOTSTRAP_ROUTE)]
    register_callbacks(app, cat)  # and the layout: the page asked for (callbacks.first_layout)
    routes.install(app, cat)
    head.install(app, cat)
    compression.configure(app.server)  # compression
    return app
