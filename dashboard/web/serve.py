"""Serve the explorer on Flask's own server: `bajor-timeline serve` and `python app.py` (the same options).

For production, a WSGI host runs `gunicorn app:server` instead (docs/DEPLOY.md).
"""

from __future__ import annotations

import argparse
import logging
import sys

from dashboard.domain.schema import DataInvalid


def add_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """--host, --port, --data and --debug, on `p`."""
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8050, help="port to listen on (default 8050)")
    p.add_argument("--data", default=None, metavar="DIR", help="directory of CSV tables (default: the bundled data/)")
    p.add_argument(
        "--debug", action="store_true", help="Dash debug mode (tracebacks in the browser): never in production"
    )
    return p


def parse_args(argv=None) -> argparse.Namespace:
    return add_arguments(argparse.ArgumentParser(description="Serve the Bajor Timeline explorer.")).parse_args(argv)


def serve(args: argparse.Namespace) -> int:
    """Build the app on args.data and serve it until stopped; 1 (and the validator's messages) if the data is invalid."""
    from dashboard.web.app import create_app  # here, so the CLI's other commands never load Dash

    try:
        app = create_app(args.data)
    except DataInvalid as exc:
        for err in exc.errors:
            print(err, file=sys.stderr)
        print(f"{len(exc.errors)} problem(s) in the data; the app did not start.", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Explicit, so no DASH_* environment variable can switch the dev tools on behind our back.
    dev_tools = {f"dev_tools_{k}": args.debug for k in ("ui", "props_check", "serve_dev_bundles", "hot_reload")}
    app.run(host=args.host, port=args.port, debug=args.debug, **dev_tools)
    return 0


def main(argv=None) -> int:
    return serve(parse_args(argv))
