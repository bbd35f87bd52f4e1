"""Start Bajor Timeline: `python app.py [--host H] [--port P] [--data DIR] [--debug]` (the same as
`bajor-timeline serve`: dashboard/web/serve.py).

For a WSGI host (`gunicorn app:server`, see docs/DEPLOY.md), `app:server` is the Flask server built
on the bundled data (or $BAJOR_DATA), once per process: the data is read once, on first access.
"""

from __future__ import annotations

import os
import sys
from functools import cache

from dashboard.domain.schema import DataInvalid
from dashboard.web.app import create_app
from dashboard.web.routes import trust_proxies
from dashboard.web.serve import main, parse_args

__all__ = ["main", "parse_args", "wsgi_app"]  # and `server`, built on first access (__getattr__ below)


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
