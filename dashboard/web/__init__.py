"""The web app: Dash pages, Flask routes, security headers, compression and the first view."""
