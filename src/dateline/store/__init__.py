"""The archive: records stored in SQLite (default) or PostgreSQL, actors merged across documents,
event reports clustered (NumArticles/NumSources), and the queries behind the CLI, API and web UI.

>>> from dateline.store import open_store
>>> open_store(":memory:").count_documents()
0
"""
from dateline.store.core import DEFAULT_DB, Store, database_url, open_store, text_hash
from dateline.store.query import Page

__all__ = ["DEFAULT_DB", "Page", "Store", "database_url", "open_store", "text_hash"]
