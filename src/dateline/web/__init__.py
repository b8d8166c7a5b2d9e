"""The web UI: server-rendered Jinja2 pages with a little plain JS (no build step), mounted on
the API app: an article with highlighted evidence, a timeline (SVG from the server), actor
pages, search and an upload box.

>>> from dateline.web import mount_ui
>>> callable(mount_ui)
True
"""
from dateline.web.routes import mount_ui

__all__ = ["mount_ui"]
