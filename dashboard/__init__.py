"""Bajor Timeline: an interactive, cited timeline of the Cardassian Occupation of Bajor.

The package is layered, and each layer imports only the ones below it (docs/ARCHITECTURE.md):
domain (tables, dates, resolution, filters, views: plain Python) -> figures (figure dicts from
columns) -> formats (files in and out) -> web (the Dash app). `dashboard.cli` sits on top.
"""
