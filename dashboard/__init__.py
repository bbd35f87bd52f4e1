"""Bajor Timeline: an interactive, cited timeline of the Cardassian Occupation of Bajor."""
from __future__ import annotations

import logging
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
# Dash's default page wraps its scripts in a <footer> (a second contentinfo landmark) and sets no language.
INDEX = """<!DOCTYPE html>
<html lang="en">
<head>{%metas%}<title>{%title%}</title>{%favicon%}{%css%}</head>
<body>{%app_entry%}{%config%}{%scripts%}{%renderer%}</body>
</html>"""
log = logging.getLogger("dashboard")


def create_app(data_dir: str | Path | None = None, *, catalogue=None):
    """Load the data once (raises DataInvalid), build the layout, register callbacks."""
    from dash import html, set_props

    from . import head, server, weight
    from .callbacks import register_callbacks
    from .catalogue import Catalogue
    from .components import ids

    cat = catalogue or Catalogue.load(data_dir)

    def on_error(err: Exception):
        log.error("callback failed: %r", err, exc_info=err)
        set_props(ids.ERROR, {"is_open": True, "children": html.Div(
            "Something went wrong while updating the page. Try again, or reset the filters.")})

    app = weight.Dash(  # dash.Dash less unused bundles (dashboard/weight.py)
        __name__,
        title="Bajor Timeline",
        assets_folder=str(ASSETS),
        assets_ignore=r"^first_view\.js$",  # the explorer's first view loads it itself (dashboard/head.py)
        external_stylesheets=[server.BOOTSTRAP_ROUTE.lstrip("/")],
        serve_locally=True,
        on_error=on_error,
        update_title=None,
        suppress_callback_exceptions=True,  # pages come and go with the path (dashboard/pages)
        index_string=INDEX,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "description", "content": "Interactive, cited timeline of the Cardassian Occupation of Bajor."}],
    )
    app.config.external_stylesheets = [app.get_relative_path(server.BOOTSTRAP_ROUTE)]
    register_callbacks(app, cat)  # and the layout: the page asked for (callbacks.first_layout)
    server.install(app, cat)
    head.install(app, cat)
    weight.configure(app.server)  # compression
    return app
