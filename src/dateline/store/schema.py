"""The archive's tables (SQLAlchemy Core) and its forward migrations.

The schema is versioned in ``schema_version``. Each migration is a named function that moves the
store forward by one version; `migrate` runs the pending ones in order, each in its own
transaction. SQLite gets FTS5 tables for documents and quotes; PostgreSQL gets GIN indexes over
``to_tsvector('english', ...)`` expressions instead.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import (
    Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(200), nullable=False, unique=True),
    Column("text_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("published", String(40)),
    Column("published_precision", String(10)),
    Column("language", String(10)),
    Column("text", Text, nullable=False),
    Column("record", Text, nullable=False),  # the full record JSON, so `get` round-trips
    Column("n_quotes", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
)

actors = Table(  # archive actors: one row per canonical identity across documents
    "actors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("country", String(3)),
    Column("sector", String(10)),
    Column("cameo", String(40)),
    Column("n_documents", Integer, nullable=False, default=0),
)

actor_names = Table(  # every name and alias an archive actor has been called, normalised
    "actor_names", metadata,
    Column("actor_id", Integer, ForeignKey("actors.id"), primary_key=True),
    Column("norm", String(300), primary_key=True),
    Column("name", Text, nullable=False),
    Index("ix_actor_names_norm", "norm"),
)

doc_actors = Table(
    "doc_actors", metadata,
    Column("doc_pk", Integer, ForeignKey("documents.pk"), primary_key=True),
    Column("local_id", String(40), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(10)),
    Column("country", String(3)),
    Column("sector", String(10)),
    Column("roles", Text),  # JSON list of {text, span, country, sector}
    Index("ix_doc_actors_actor", "actor_id"),
)

mentions = Table(
    "mentions", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk"), nullable=False),
    Column("local_id", String(40), nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("how", String(20)),
    Index("ix_mentions_doc", "doc_pk"),
)

quotes = Table(
    "quotes", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk"), nullable=False),
    Column("id", String(40), nullable=False),
    Column("kind", String(10)),
    Column("speaker_local", String(40)),
    Column("actor_id", Integer, ForeignKey("actors.id")),
    Column("speaker", Text),
    Column("cue", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("published", String(40)),
    Column("confidence", Float),
    Index("ix_quotes_doc", "doc_pk"),
    Index("ix_quotes_actor", "actor_id", "pk"),
)

times = Table(
    "times", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk"), nullable=False),
    Column("id", String(40), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("type", String(10)),
    Column("value", String(60)),
    Column("mod", String(20)),
    Column("interval_start", String(40)),
    Column("interval_end", String(40)),
    Index("ix_times_doc", "doc_pk"),
)

event_clusters = Table(
    "event_clusters", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False),  # category + archive source/target actors
    Column("category", String(20), nullable=False),
    Column("cameo", String(10)),
    Column("date_value", String(60)),
    Column("precision", String(10), nullable=False),
    Column("date_start", String(40)),
    Column("date_end", String(40)),
    Column("place", Text),
    Column("country", String(3)),
    Column("num_articles", Integer, nullable=False, default=0),
    Column("num_sources", Integer, nullable=False, default=0),
    Column("num_mentions", Integer, nullable=False, default=0),
    Index("ix_clusters_lookup", "key", "precision", "date_value"),  # m006
)

events = Table(
    "events", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk"), nullable=False),
    Column("id", String(40), nullable=False),
    Column("cluster_id", Integer, ForeignKey("event_clusters.id")),
    Column("category", String(20), nullable=False),
    Column("mode", String(40)),
    Column("cameo", String(10)),
    Column("trigger", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("date_value", String(60)),
    Column("precision", String(10), nullable=False),
    Column("date_start", String(40)),
    Column("date_end", String(40)),
    Column("date_from", String(40)),
    Column("place", Text),
    Column("country", String(3)),
    Column("status", String(20)),
    Column("background", Boolean, nullable=False, default=False),
    Column("quote_id", String(40)),
    Column("source_names", Text),
    Column("target_names", Text),
    Column("confidence", Float),
    Column("published", String(40)),
    Index("ix_events_doc", "doc_pk"),
    Index("ix_events_cluster", "cluster_id"),
    Index("ix_events_category", "category", "pk"),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_pk", Integer, ForeignKey("events.pk"), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), primary_key=True),
    Column("role", String(10), primary_key=True),  # source | target
    Column("doc_pk", Integer, nullable=False),
    Index("ix_event_actors_actor", "actor_id", "event_pk"),
    Index("ix_event_actors_doc", "doc_pk"),
)

V1_TABLES = [documents, actors, actor_names, doc_actors, mentions, quotes, times, event_clusters, events,
             event_actors]


def m001_initial(conn: Connection) -> None:
    """Create the record tables (documents, actors, names, mentions, quotes, times, events, clusters)."""
    metadata.create_all(conn, tables=V1_TABLES)


def m002_full_text(conn: Connection) -> None:
    """Add full-text search: FTS5 tables on SQLite, tsvector GIN indexes on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
                             "title, text, tokenize='porter unicode61')")
        conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5("
                             "text, tokenize='porter unicode61')")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING GIN "
                             "(to_tsvector('english', coalesce(title, '') || ' ' || text))")
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes USING GIN "
                             "(to_tsvector('english', text))")


def m003_timeline_order(conn: Connection) -> None:
    """Index event clusters in timeline order (undated last), so a timeline page reads the index
    instead of sorting every cluster of a busy actor."""
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_clusters_timeline ON event_clusters "
                         "(coalesce(date_start, '9999-12-31'), id)")


def m004_lean_writes(conn: Connection) -> None:
    """Make each write touch fewer pages and run fewer checks.

    - Drop ``ix_mentions_actor``: no query reads mentions by actor, and its random-position leaf
      pages were 6 of the 83 pages a SQLite commit wrote per synthetic record.
    - On PostgreSQL, drop the foreign keys. They are checked row by row (a query per row and
      key): 2.2 of the 3.6 ms of server time a record cost. The writer keeps the references
      itself: a document's rows are written, and deleted, together in one transaction. SQLite
      keeps its foreign keys: there a check is an index probe, not a query.
    - On PostgreSQL, compress a document's text and record JSON with lz4 rather than pglz (a
      quarter of the document insert's time), where the server was built with lz4.
    """
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_mentions_actor")
    if conn.dialect.name == "postgresql":
        tables = [tb.name for tb in V1_TABLES]
        found = conn.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE contype = 'f' "
            "AND conrelid::regclass::text = ANY(%(t)s) ORDER BY 1, 2", {"t": tables}).all()
        for table, name in found:
            conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        try:
            with conn.begin_nested():  # a savepoint: without lz4 the columns keep pglz
                for column in ("text", "record"):
                    conn.exec_driver_sql(f"ALTER TABLE documents ALTER COLUMN {column} SET COMPRESSION lz4")
        except SQLAlchemyError as exc:
            log.info("store migration 4: lz4 unavailable, documents keep pglz (%s)", exc)


def m005_no_event_date_index(conn: Connection) -> None:
    """Drop ``ix_events_date``: the date filters of the event list read events in pk order (the
    planner never chose this index for them), and the timeline filters clusters' dates, while
    every event report cost an insert at a random place in it (2.7 pages a SQLite commit)."""
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_date")


def m006_cluster_lookup(conn: Connection) -> None:
    """Index clusters by key, precision and date, replacing the key-only index: a report looks
    for its cluster only among the key's clusters its date can match (a day report: the year
    cluster of its year, month clusters of its month, day clusters of its day), and a busy pair
    of actors has a cluster per date. In the 100,000-record store the key-only look-up read
    about 25 clusters per key, 0.7 ms of a 2.9 ms write."""
    conn.exec_driver_sql('CREATE INDEX IF NOT EXISTS ix_clusters_lookup ON event_clusters ("key", precision, '
                         "date_value)")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_clusters_key")


MIGRATIONS: list[Callable[[Connection], None]] = [m001_initial, m002_full_text, m003_timeline_order,
                                                  m004_lean_writes, m005_no_event_date_index, m006_cluster_lookup]
"""Forward migrations in order; migration ``i`` moves the store to version ``i + 1``."""

LATEST = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """Return the store's schema version (0 for an empty database)."""
    if not conn.dialect.has_table(conn, "schema_version"):
        return 0
    return conn.execute(text("SELECT coalesce(max(version), 0) FROM schema_version")).scalar_one()


def migrate(engine) -> int:
    """Bring the store at ``engine`` up to `LATEST`, one transaction per migration; return the version.

    >>> from sqlalchemy import create_engine
    >>> migrate(create_engine("sqlite://"))
    6
    """
    with engine.begin() as conn:
        metadata.create_all(conn, tables=[schema_version])
        version = current_version(conn)
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        with engine.begin() as conn:
            if current_version(conn) >= number:  # another process got there first
                continue
            log.info("store migration %d: %s", number, step.__name__)
            step(conn)
            conn.execute(schema_version.insert().values(version=number, name=step.__name__))
    return LATEST
