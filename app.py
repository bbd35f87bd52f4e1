"""Start Bajor Timeline: `python app.py [--host H] [--port P] [--data DIR] [--debug]`.

For a WSGI host (`gunicorn app:server`, see docs/DEPLOY.md), `app:server` is the Flask server built
on the bundled data (or $BAJOR_DATA), once per process: the data is read once, on first access.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from functools import cache

from dashboard.domain.schema import DataInvalid
from dashboard.web.app import create_app
from dashboard.web.routes import trust_proxies


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Serve the Bajor Timeline explorer.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8050, help="port to listen on (default 8050)")
    p.add_argument("--data", default=None, metavar="DIR", help="directory of CSV tables (default: the bundled data/)")
    p.add_argument(
        "--debug", action="store_true", help="Dash debug mode (tracebacks in the browser): never in production"
    )
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
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


@cache
def wsgi_app():
    """The one Dash app of this process for WSGI hosts (built on first use, then reused).

    $BAJOR_DATA: the data directory. $BAJOR_TRUSTED_PROXIES=N: trust the X-Forwarded-For/-Proto/-Host/-Port
    headers set by N reverse proxies in front (so absolute links such as oEmbed's say https and the public
    host); default 0, trust none.
    """
    try:
        app = create_app(os.environ.get("BAJOR_DATA") or None)
    except DataInvalid as exc:  # the server log gets the validator's messages, then the worker stops
        for err in exc.errors:
            print(err, file=sys.stderr)
        raise
    trust_proxies(app, os.environ.get("BAJOR_TRUSTED_PROXIES", "0"))
    return app


def __getattr__(name):
    """`app.server` for WSGI hosts: the same Flask server on every access."""
    if name == "server":
        return wsgi_app().server
    raise AttributeError(name)


if __name__ == "__main__":
    sys.exit(main())
