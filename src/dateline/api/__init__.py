"""The HTTP API: FastAPI over the archive (`create_app`), served by `dateline serve`.

>>> from dateline.api import create_app, is_loopback
>>> is_loopback("::1")
True
"""
from dateline.api.app import ArticleIn, create_app, demo_store, is_loopback

__all__ = ["ArticleIn", "create_app", "demo_store", "is_loopback"]
