"""The domain: tables, uncertain dates, resolution, filters, views and words, as plain Python.

No Dash, Plotly or Flask here (an import-linter contract in pyproject.toml says so).
"""
