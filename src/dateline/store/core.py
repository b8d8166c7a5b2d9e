"""`Store`: write records into the archive (one transaction each), read them back, merge actors
and cluster events across documents. The same code runs on SQLite and PostgreSQL.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson
from sqlalchemy import bindparam, create_engine, delete, event, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from dateline.errors import StoreError
from dateline.record import Record
from dateline.store import identity as ident
from dateline.store import schema as t
from dateline.store.query import Queries

log = logging.getLogger(__name__)

DEFAULT_DB = "dateline.db"
MERGE_HOWS = ("name", "alias")  # mention kinds whose text may name an actor in other documents


def database_url(url: str | Path) -> str:
    """Turn a ``--db`` value into an SQLAlchemy URL: a file path means SQLite, ``postgresql://``
    means PostgreSQL through psycopg 3.

    >>> database_url("archive.db")
    'sqlite:///archive.db'
    >>> database_url("postgresql://me@localhost:5432/news")
    'postgresql+psycopg://me@localhost:5432/news'
    """
    url = str(url)
    if url in (":memory:", "sqlite://", "sqlite:///:memory:"):
        return "sqlite://"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" in url:
        return url
    return f"sqlite:///{url}"


def _sqlite_engine(url: str) -> Engine:
    memory = url == "sqlite://"
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 60},
        poolclass=StaticPool if memory else None,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):  # pragma: no cover - exercised by every SQLite test
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _begin)
        cur = dbapi_conn.cursor()
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
            # checkpoint every ~40 MB of WAL rather than 4 MB: a tenth of the fsyncs, and hot pages
            # (index roots, FTS structure) are copied back once per checkpoint instead of ten times;
            # the WAL file is cut back to 64 MB after a checkpoint
            cur.execute("PRAGMA wal_autocheckpoint=10000")
            cur.execute("PRAGMA journal_size_limit=67108864")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.execute("PRAGMA cache_size=-32000")  # 32 MB of pages per connection
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # writers take the write lock up front, so they never deadlock on upgrade
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


class Store(Queries):
    """An archive of records in SQLite or PostgreSQL.

    Use `open_store` to make one. ``add`` writes a record in one transaction (replacing any
    earlier copy with the same id or text hash); ``get`` and ``iter_records`` read records back
    exactly; the query methods (from `Queries`) answer the CLI, API and web UI.

    Notes:
        A store remembers the archive ids of the actor keys it has seen committed, so a record
        whose actors are all known skips the look-up. This is safe with several writers (other
        threads, processes or machines): an actor row is never deleted and its key never
        changes, so a remembered key -> id pair cannot go stale, and a key it has not seen is
        looked up in the database as before (finding actors other writers created). Pairs are
        remembered only after their transaction commits. Likewise the (actor, name) rows it has
        written, never deleted either, are not written again. On PostgreSQL the store also
        takes row ids from the tables' sequences a block at a time (`_IdBlocks`), so a write
        never waits for ``RETURNING``; ids stay unique across writers, with gaps.
    """

    CACHE_LIMIT = 200_000
    """Actor keys remembered per store (forgotten all at once past this size)."""

    def __init__(self, engine: Engine, *, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name
        self._actor_ids: dict[str, int] = {}
        self._actor_names: set[tuple[int, str]] = set()  # committed (actor id, name) rows
        self._ids = _IdBlocks() if self.dialect == "postgresql" else None

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release the store's connections."""
        self.engine.dispose()

    def _write(self) -> "_WriteTx":
        return _WriteTx(self.engine, sqlite=self.dialect == "sqlite")

    # ---------------------------------------------------------------- writing
    def add(self, record: Record) -> str:
        """Store one record in one transaction and return its document id. A document with the
        same id or the same text is replaced, never duplicated.

        >>> store = open_store(":memory:")
        >>> from dateline.record import Document, Record
        >>> store.add(Record(Document(id="d1", text="Kyiv fell quiet.")))
        'd1'
        >>> store.add(Record(Document(id="d1", text="Kyiv fell quiet.")))
        'd1'
        >>> store.count_documents()
        1
        """
        try:
            with self._write() as conn:
                writer = _Writer(conn, self.engine.dialect, known=self._actor_ids, ids=self._ids,
                                 known_names=self._actor_names)
                writer.write(record)
        except (SQLAlchemyError, self.engine.dialect.loaded_dbapi.Error) as exc:
            raise StoreError(f"cannot store record ({type(exc).__name__}: {exc.args[0] if exc.args else exc})",
                             doc_id=record.document.id) from exc
        if len(self._actor_ids) > self.CACHE_LIMIT or len(self._actor_names) > self.CACHE_LIMIT:
            self._actor_ids.clear()
            self._actor_names.clear()
        self._actor_ids.update(writer.seen_keys)  # committed: safe to remember
        self._actor_names.update(writer.seen_names)
        return record.document.id

    def add_many(self, records: Iterable[Record]) -> int:
        """Store records one transaction each; return how many were stored.

        >>> from dateline.store.synthetic import synthetic_records
        >>> open_store(":memory:").add_many(synthetic_records(2))
        2
        """
        n = 0
        for record in records:
            self.add(record)
            n += 1
        return n

    def delete(self, doc_id: str) -> bool:
        """Remove a document and everything extracted from it; True if it existed.

        >>> open_store(":memory:").delete("nope")
        False
        """
        with self._write() as conn:
            return _Writer(conn, self.engine.dialect).remove(doc_id=doc_id, text_hash=None)

    # ---------------------------------------------------------------- reading records
    def get(self, doc_id: str) -> Record:
        """Return the stored record of ``doc_id`` exactly as it was added.

        Raises:
            StoreError: no such document.

        >>> store = open_store(":memory:")
        >>> from dateline.record import Document, Record
        >>> _ = store.add(Record(Document(id="d1", text="Kyiv fell quiet.")))
        >>> store.get("d1").document.text
        'Kyiv fell quiet.'
        """
        with self.engine.connect() as conn:
            raw = conn.execute(select(t.documents.c.record).where(t.documents.c.id == doc_id)).scalar()
        if raw is None:
            raise StoreError("no such document", doc_id=doc_id)
        return Record.from_json(orjson.loads(raw))

    def has(self, doc_id: str) -> bool:
        """True if a document with this id is stored.

        >>> open_store(":memory:").has("nope")
        False
        """
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.pk).where(t.documents.c.id == doc_id)).first() is not None

    def iter_records(self, *, batch: int = 200) -> Iterator[Record]:
        """Yield every stored record in ingestion order, reading ``batch`` at a time (the
        `dateline export --db` source).

        >>> from dateline.store.synthetic import synthetic_records
        >>> store = open_store(":memory:"); _ = store.add_many(synthetic_records(3))
        >>> [r.document.id for r in store.iter_records(batch=2)]
        ['syn-0-0', 'syn-0-1', 'syn-0-2']
        """
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(t.documents.c.pk, t.documents.c.record)
                    .where(t.documents.c.pk > last).order_by(t.documents.c.pk).limit(batch)
                ).all()
            if not rows:
                return
            for pk, raw in rows:
                yield Record.from_json(orjson.loads(raw))
            last = rows[-1][0]

    def count_documents(self) -> int:
        """Return how many documents the store holds."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.documents)).scalar_one()


class _IdBlocks:
    """Row ids taken from PostgreSQL sequences a block at a time, shared by a store's writers.

    ``nextval`` hands each block out once across all sessions, so ids never collide with other
    writers'; ids of a rolled-back write, or left when the store closes, are simply skipped.
    Blocks start small and double up to `MAX_BLOCK`, so a short run leaves small gaps and a long
    one asks the server rarely.
    """

    FIRST_BLOCK, MAX_BLOCK = 16, 4096
    COLUMNS = {"documents": "pk", "events": "pk", "event_clusters": "id", "actors": "id"}

    def __init__(self) -> None:
        import threading

        self._free: dict[str, list[int]] = {table: [] for table in self.COLUMNS}
        self._block = dict.fromkeys(self.COLUMNS, self.FIRST_BLOCK)
        self._lock = threading.Lock()

    def take(self, cur, table: str, n: int) -> list[int]:
        """Return ``n`` unused ids of ``table``, fetching a block through ``cur`` when short."""
        with self._lock:
            free = self._free[table]
            if len(free) < n:
                cur.execute(f"SELECT nextval(pg_get_serial_sequence('{table}', '{self.COLUMNS[table]}')) "
                            "FROM generate_series(1, %s)", (max(self._block[table], n),))
                free.extend(r[0] for r in cur.fetchall())
                self._block[table] = min(2 * self._block[table], self.MAX_BLOCK)
            taken, self._free[table] = free[:n], free[n:]
            return taken


class _WriteTx:
    """A pooled DBAPI connection inside one write transaction (committed on success, rolled back
    on error). The writer works on the DBAPI connection directly: an SQLAlchemy `Connection` with
    its begin/commit events cost a quarter of a small record's write."""

    def __init__(self, engine: Engine, *, sqlite: bool) -> None:
        self.engine = engine
        self.sqlite = sqlite

    def __enter__(self):
        self.raw = self.engine.raw_connection()
        if self.sqlite:  # autocommit connection (see _sqlite_engine): take the write lock up front
            try:
                self.raw.driver_connection.execute("BEGIN IMMEDIATE")
            except BaseException:
                self.raw.close()
                raise
        return self.raw  # PostgreSQL (psycopg) opens the transaction with the first statement

    def __exit__(self, exc_type, *rest) -> None:
        try:
            if exc_type is None:
                self.raw.commit()
            else:
                self.raw.rollback()
        finally:
            self.raw.close()


def _fields(cls: type) -> tuple[tuple[str, str], ...]:
    from dateline.record.codec import _RENAMES

    hit = _FIELDS.get(cls)
    if hit is None:
        hit = _FIELDS[cls] = tuple((_RENAMES.get(f.name, f.name), f.name) for f in dataclasses.fields(cls))
    return hit


_FIELDS: dict = {}
_PLAIN = (str, int, float, bool, type(None))


def _json(value):
    kind = type(value)
    if kind is tuple or kind is list:
        return [v if type(v) in _PLAIN else _json(v) for v in value]
    if kind in _PLAIN:
        return value
    if kind is dict:
        return {k: (v if type(v) in _PLAIN else _json(v)) for k, v in value.items()}
    fields = _FIELDS.get(kind)
    if fields is None:
        if not dataclasses.is_dataclass(value):
            return value
        fields = _fields(kind)
    out = {}
    for key, name in fields:
        v = getattr(value, name)
        out[key] = v if type(v) in _PLAIN else _json(v)
    return out


def _encoder(cls: type):
    """Generate (once per class) a function turning an instance of dataclass ``cls`` into JSON
    values, with each field handled by its declared type; unknown shapes fall back to `_json`."""
    import typing

    from dateline.record.codec import _RENAMES

    enc = _ENCODERS.get(cls)
    if enc is not None:
        return enc
    _BUILDING.add(cls)

    def _nested(sub: type):  # nested encoders bound once, so an item costs one call, not a look-up
        return (lambda o, sub=sub: _encoder(sub)(o)) if sub in _BUILDING else _encoder(sub)

    hints = typing.get_type_hints(cls)
    env = {"_json": _json, "_enc": _encoder}
    parts = []
    for i, f in enumerate(dataclasses.fields(cls)):
        hint = hints[f.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = type(None) in typing.get_args(hint)
        base = args[0] if optional and len(args) == 1 else hint
        origin = typing.get_origin(base)
        get = f"o.{f.name}"
        if base in (str, int, float, bool):
            expr = get
        elif origin is tuple and typing.get_args(base) == (int, int):
            expr = f"(None if (x := {get}) is None else [x[0], x[1]])" if optional else f"[{get}[0], {get}[1]]"
        elif origin is tuple and len(typing.get_args(base)) == 2 and typing.get_args(base)[1] is Ellipsis \
                and dataclasses.is_dataclass(typing.get_args(base)[0]):
            env[f"e{i}"] = _nested(typing.get_args(base)[0])
            expr = f"[e{i}(x) for x in {get}]"
        elif origin is tuple and typing.get_args(base)[-1] is Ellipsis and typing.get_args(base)[0] in (str, int):
            expr = f"list({get})"
        elif dataclasses.is_dataclass(base):
            env[f"e{i}"] = _nested(base)
            expr = f"(None if (x := {get}) is None else e{i}(x))"
        else:
            expr = f"_json({get})"
        parts.append(f"{_RENAMES.get(f.name, f.name)!r}: {expr}")
    code = "def enc(o):\n    return {" + ", ".join(parts) + "}\n"
    exec(compile(code, f"<record encoder {cls.__name__}>", "exec"), env)  # noqa: S102 - our own fields
    enc = _ENCODERS[cls] = env["enc"]
    _BUILDING.discard(cls)
    return enc


_ENCODERS: dict = {}
_BUILDING: set = set()  # classes whose encoder is being generated (a self-referring field calls back lazily)


def record_json(record: Record) -> dict:
    """`Record.to_json` through per-class generated encoders (the store's hot path); equal to it.

    >>> from dateline.store.synthetic import story
    >>> r = story("d1", "KYIV —"); record_json(r) == r.to_json()
    True
    """
    return _encoder(type(record))(record)


# json.dumps with any option builds a new JSONEncoder per call; this one is built once
_json_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _dumps(value) -> str:
    """Compact JSON text of ``value``: orjson (a sixth of the stdlib encoder's time on a record),
    the stdlib encoder for what orjson refuses (integers beyond 64 bits).

    >>> _dumps({"a": [1, "é"], 2: None})
    '{"a":[1,"é"],"2":null}'
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
    except (TypeError, orjson.JSONEncodeError):
        return _json_dumps(value)


def text_hash(text: str) -> str:
    """Return the sha256 of a document's text, the second key that identifies a document.

    >>> text_hash("a")[:12]
    'ca978112ca1b'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Writer:
    """The steps of writing one record, all on one connection inside one transaction.

    Statements are built once (module constants below). On SQLite a table's rows go in with
    executemany. On PostgreSQL each table's rows go in as one multi-row INSERT with ids taken
    beforehand (`_IdBlocks`), all sent in a pipeline that ends with the COMMIT, so a record
    waits for the server twice (its look-ups, then everything else), three times when an actor
    the store had not seen is found in the archive, whatever its size.
    """

    def __init__(self, conn, sa_dialect, *, known: dict | None = None, ids: _IdBlocks | None = None,
                 known_names: set | None = None) -> None:
        self.conn = conn  # a pooled DBAPI connection inside its write transaction (`_WriteTx`)
        self.dialect = sa_dialect.name
        self.sa_dialect = sa_dialect
        self.cur = conn.cursor()
        self._raw_cur = None
        self.touched_clusters: set[int] = set()
        self.actor_delta: dict[int, int] = {}
        self.known = known if known is not None else {}  # committed actor key -> archive id
        self.seen_keys: dict[str, int] = {}  # keys this write found or created (remembered after commit)
        self.known_names = known_names if known_names is not None else set()  # committed actor_names rows
        self.seen_names: set[tuple[int, str]] = set()
        self.ids = ids
        self.pg = self.dialect == "postgresql"
        self.batch: list[tuple[str, list]] = []  # PostgreSQL inserts held back for `_flush`
        self._mode = "force_custom_plan"  # PostgreSQL: this transaction's plan_cache_mode (`_plans`)

    def _run(self, stmt, params: dict, keys: tuple | None = None, *, cur=None):
        """Execute a prebuilt statement straight on a DBAPI cursor (``cur``, default the writer's;
        compiled once per dialect) and return the cursor."""
        cur = cur or self.cur
        sql, names = _compiled(stmt, self.sa_dialect, keys)
        cur.execute(sql, tuple(params[n] for n in names) if names is not None else params)
        return cur

    def _raw(self):
        """A psycopg cursor taking PostgreSQL's own ``$n`` placeholders: psycopg parses ``%s``
        queries in Python and caches only short ones, and multi-row INSERTs are long."""
        if self._raw_cur is None:
            import psycopg

            self._raw_cur = psycopg.RawCursor(self.conn.driver_connection)
        return self._raw_cur

    def _in(self, sql: str, values: list, cur=None):
        """Run one of the ``_SQL_*`` templates with an IN list of ``values`` (on ``cur``, default
        the writer's cursor) and return the cursor."""
        cur = cur or self.cur
        ph = "?" if self.dialect == "sqlite" else "%s"
        cur.execute(sql.format(", ".join([ph] * len(values))), tuple(values))
        return cur

    def _many(self, stmt, rows: list[dict]) -> None:
        """executemany a prebuilt statement over ``rows`` (all with the same keys)."""
        if not rows:
            return
        keys = tuple(rows[0])
        if self.pg and stmt.is_insert:
            # one multi-row INSERT: PostgreSQL runs one executor for all rows instead of one per
            # row (executemany), the server-side cost that dominated a record's write; scalar
            # parameters, because psycopg dumps arrays in Python (3x the client time of this).
            # Held back and sent with the other tables' inserts as one statement (`_flush`).
            width = _PG_MAX_PARAMS // len(keys)
            for i in range(0, len(rows), width):
                chunk = rows[i:i + width]
                self.batch.append((_pg_values_insert(stmt, keys, len(chunk)), [r[k] for r in chunk for k in keys]))
            return
        sql, names = _compiled(stmt, self.sa_dialect, keys)
        if names is None:
            self.cur.executemany(sql, rows)
        elif names == keys:  # rows built in column order: no per-value lookups
            self.cur.executemany(sql, [tuple(r.values()) for r in rows])
        else:
            self.cur.executemany(sql, [tuple(r[n] for n in names) for r in rows])

    def _clusters_sql(self, lookups: list[tuple], cur):
        """Send the candidate-cluster query for `_cluster_lookups` on ``cur``: each look-up one
        range of ``ix_clusters_lookup`` (a key's clusters of some precisions whose date starts
        with a prefix, or its undated ones), never every cluster of the key (a busy pair of
        actors has one per date)."""
        undated = [key for key, _, prefix in lookups if prefix is None]
        if self.pg:  # one text for any look-ups: prepared once, planned once (`_SQL_PG_CLUSTERS`)
            ranges = sorted({(key, p, prefix) for key, precisions, prefix in lookups if prefix is not None
                             for p in precisions})
            self._plans("auto")
            # array literals written here: keys are hex digests, precisions words, prefixes dates,
            # none needing quotes (psycopg would dump each list in Python)
            cur.execute(_SQL_PG_CLUSTERS, tuple("{" + ",".join(col) + "}" for col in (
                [r[0] for r in ranges], [r[1] for r in ranges], [r[2] for r in ranges],
                [r[2] + "~" for r in ranges], undated)))
            return cur
        dated = [(key, (*precisions, *precisions[-1:] * (3 - len(precisions))), prefix)
                 for key, precisions, prefix in lookups if prefix is not None]
        sql = _SQL_CLUSTERS.get((self.dialect, len(undated), len(dated)))
        if sql is None:  # one text per number of each kind of look-up, so it is parsed once
            n = iter(range(1, 6 * len(lookups) + 1))
            ph = (lambda: "?") if self.dialect == "sqlite" else (lambda: f"${next(n)}")
            terms = [f"(\"key\" = {ph()} AND precision = 'unknown')" for _ in undated] + [
                f"(\"key\" = {ph()} AND precision IN ({ph()}, {ph()}, {ph()}) AND date_value >= {ph()} "
                f"AND date_value < {ph()})" for _ in dated]
            # one OR of index ranges (SQLite: a multi-index OR, PostgreSQL: a BitmapOr), each cluster once
            sql = _SQL_CLUSTERS[(self.dialect, len(undated), len(dated))] = (
                'SELECT "key", id, date_value, precision, place FROM event_clusters WHERE '
                + " OR ".join(terms) + " ORDER BY id")
        params = [*undated]
        for key, precisions, prefix in dated:
            params += [key, *precisions, prefix, prefix + "~"]  # "~" sorts after the digits and "-" of a date
        cur.execute(sql, params)  # on PostgreSQL ``cur`` is a RawCursor (see `_write`)
        return cur

    def _plans(self, mode: str) -> None:
        """PostgreSQL: how prepared statements from here on are planned: ``auto`` (one generic
        plan, kept while it costs no more than planning for the values), ``force_generic_plan``,
        or ``force_custom_plan`` (the connection's setting, for statements whose best plan depends
        on their values). A ``SET LOCAL`` only when the mode changes; the COMMIT restores the
        connection's."""
        if mode != self._mode:
            self._raw().execute(f"SET LOCAL plan_cache_mode = {mode}")
            self._mode = mode

    def _flush(self) -> None:
        """PostgreSQL: send the held-back inserts as few statements as possible, each a chain of
        data-modifying CTEs (``WITH a AS (INSERT ...), b AS (INSERT ...) INSERT ...``): a
        statement costs psycopg more Python than its rows do. Every id is known beforehand, so
        no insert needs another's result; a statement stays under 65535 parameters. The document
        counts of existing actors go last (all parts see one snapshot, so an actor inserted in
        the same statement could not be updated: new actors are inserted already counted)."""
        moves = sorted((aid, n) for aid, n in self.actor_delta.items() if n)
        if moves:  # existing actors' document counts (new actors were inserted counted)
            self.batch.append((_pg_actor_moves(len(moves)), [v for m in moves for v in m]))
            self.actor_delta.clear()
        if not self.batch:
            return
        # the chain's text depends only on the record's row counts, so psycopg prepares it; its
        # plan (inserts of given values, no choice to make) is made once, not per record as the
        # connection's force_custom_plan would have it (0.4 ms of server time a record). The
        # statements after it in this transaction are sent unprepared (`_refresh`)
        self._plans("auto")
        parts, params = [], []
        for template, values in self.batch + [(None, ())]:
            if template is None or (parts and len(params) + len(values) > _PG_MAX_PARAMS):
                ctes = ", ".join(f"w{i} AS ({sql})" for i, sql in enumerate(parts[:-1]))
                self._raw().execute(f"WITH {ctes} {parts[-1]}" if ctes else parts[-1], params)
                parts, params = [], []
            if template is not None:
                parts.append(template % tuple(range(len(params) + 1, len(params) + len(values) + 1)))
                params += values
        self.batch.clear()

    # -- removal
    def remove(self, *, doc_id: str | None, text_hash: str | None, refresh: bool = True,
               pks: list[int] | None = None) -> bool:
        if pks is None:
            pks = [r[0] for r in self._run(_SEL_DOC_BY_HASH if text_hash else _SEL_DOC,
                                           {"id": doc_id, "h": text_hash}).fetchall()]
        # the clusters and actors of each old copy, asked together (one wait on PostgreSQL)
        asked = [(self._run(_SEL_DOC_CLUSTERS, {"pk": pk}, cur=self.conn.cursor()),
                  self._run(_SEL_DOC_ACTORS, {"pk": pk}, cur=self.conn.cursor())) for pk in pks]
        for pk, (c_clusters, c_actors) in zip(pks, asked):
            self.touched_clusters.update(r[0] for r in c_clusters.fetchall())
            for (aid,) in c_actors.fetchall():
                self.actor_delta[aid] = self.actor_delta.get(aid, 0) - 1
            if self.dialect == "sqlite":
                self.cur.execute("DELETE FROM quotes_fts WHERE rowid IN (SELECT pk FROM quotes WHERE doc_pk = ?)",
                                 (pk,))
                self.cur.execute("DELETE FROM documents_fts WHERE rowid = ?", (pk,))
            for stmt in _DELETES:
                self._run(stmt, {"pk": pk})
        if pks and refresh:
            self._refresh()
        return bool(pks)

    # -- writing
    def write(self, record: Record) -> None:
        if self.dialect == "postgresql":  # queue statements whose results we do not wait for
            with self.conn.driver_connection.pipeline():
                self._write(record)
                # the COMMIT goes with the last batch (one wait less); psycopg then sees the
                # connection idle and `_WriteTx`'s commit sends nothing. An error in any
                # statement before it aborts the pipeline and surfaces at the sync: rolled back.
                self.cur.execute("COMMIT")
        else:
            self._write(record)

    def _write(self, record: Record) -> None:
        doc = record.document
        h = text_hash(doc.text)
        infos = self._actor_infos(record)
        known = self.known
        # look-ups sent together (one round trip on PostgreSQL's pipeline): the earlier copy of
        # the document, the actors the store has not seen, and the candidate clusters of the
        # events whose actors it has all seen
        c_doc, c_keys, c_names = (self.conn.cursor() for _ in range(3))
        if self.pg:  # $n placeholders: psycopg would parse the long %s query in Python every time
            import psycopg

            c_clusters = psycopg.RawCursor(self.conn.driver_connection)
        else:
            c_clusters = self.conn.cursor()
        sql, names = _compiled(_SEL_DOC_BY_HASH, self.sa_dialect, None)
        c_doc.execute(sql, (doc.id, h) if names is not None else {"id": doc.id, "h": h})
        keys = sorted({k for _, k, _ in infos if k not in known})
        wanted = sorted({n for actor, k, al in infos if k not in known for n in ident.merge_names(actor.name, al)})
        if keys:
            self._in(_SQL_ACTOR_KEYS, keys, c_keys)
        if wanted:
            self._in(_SQL_ACTOR_NAMES, wanted, c_names)
        early = {a.id: known[k] for a, k, _ in infos if k in known}
        pre = self._prepare_events(record, early, complete=True)
        early_keys = _cluster_lookups(pre)
        if early_keys:
            self._clusters_sql(early_keys, c_clusters)
        old = [r[0] for r in c_doc.fetchall()]
        by_key = dict(c_keys.fetchall()) if keys else {}
        self.seen_keys.update(by_key)
        by_key.update((k, known[k]) for _, k, _ in infos if k in known)
        found_names = c_names.fetchall() if wanted else []
        candidates = c_clusters.fetchall() if early_keys else []
        self.remove(doc_id=doc.id, text_hash=h, refresh=False, pks=old)
        pub = doc.published
        row = {
            "id": doc.id, "text_hash": h, "title": doc.title, "url": doc.url, "source": doc.source,
            "published": pub.value if pub else None, "published_precision": pub.precision if pub else None,
            "language": doc.language, "text": doc.text,
            "record": _dumps(record_json(record)),
            "n_quotes": len(record.quotes), "n_events": len(record.events),
        }
        archive, actor_rows, fresh = self._actors(record, infos, by_key, found_names)
        prepared = pre if archive == early else self._prepare_events(record, archive)
        # clusters of events with an actor found in the archive just now (none can hold an
        # actor created by this write): a second look-up, only when some actor was not known
        asked = set(early_keys)
        late_keys = [x for x in _cluster_lookups([p for p in prepared if not fresh.intersection(p[5])
                                                  and not fresh.intersection(p[6])]) if x not in asked]
        if late_keys:
            candidates += self._clusters_sql(late_keys, c_clusters).fetchall()
        if self.pg:
            doc_pk = self.ids.take(self.cur, "documents", 1)[0]
            self._many(_INS_DOC_PK, [{"pk": doc_pk, **row}])
        else:
            sql, names = _compiled(_INS_DOC, self.sa_dialect, tuple(row))
            c_doc.execute(sql, tuple(row[n] for n in names) if names is not None else row)
            doc_pk = c_doc.fetchone()[0]
            self.cur.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)",
                             (doc_pk, doc.title or "", doc.text))
        names_rows, doc_rows, mention_rows = actor_rows
        for r in doc_rows:
            r["doc_pk"] = doc_pk
        for r in mention_rows:
            r["doc_pk"] = doc_pk
        self._many(_ins_ignore(self.dialect, t.actor_names), names_rows)
        self._many(_INS_DOC_ACTORS, doc_rows)
        self._many(_INS_MENTIONS, mention_rows)
        self._quotes(record, doc_pk, archive)
        self._times(record, doc_pk)
        self._events(record, doc_pk, prepared, candidates)
        if self.pg:
            self._flush()  # with the actors' document counts as its last part
        self._refresh()

    @staticmethod
    def _actor_infos(record: Record) -> list[tuple]:
        infos = []
        for actor in record.actors:
            aliases = [m.text for m in actor.mentions if m.how in MERGE_HOWS]
            infos.append((actor, ident.actor_key(actor.kind, actor.name, country=actor.country, codes=actor.codes),
                          aliases))
        return infos

    def _actors(self, record: Record, infos: list, by_key: dict, name_rows: list) -> tuple[dict, tuple, set]:
        """Resolve each document actor to an archive actor (creating new ones); return the map,
        the rows to write (names, doc actors, mentions; ``doc_pk`` filled in by the caller) and
        the ids of the actors created. ``by_key`` and ``name_rows`` are the archive look-ups
        `_write` sent ahead (``by_key`` also holds the keys the store already knew)."""
        doc_pk = None
        if not record.actors:
            return {}, ([], [], []), set()
        by_name: dict[tuple[str, str], set] = {}
        for norm, aid, kind, country in name_rows:
            by_name.setdefault((norm, kind), set()).add((aid, country))
        out: dict[str, int] = {}
        names_rows, doc_rows, mention_rows, fresh = {}, [], [], set()
        for actor, key, aliases in infos:
            aid = by_key.get(key)
            if aid is None:
                for n in ident.merge_names(actor.name, aliases):
                    hits = {i for i, country in by_name.get((n, actor.kind), ())
                            if not actor.country or not country or country == actor.country}
                    if len(hits) == 1:
                        aid = hits.pop()
                        break
                if aid is None:
                    cameo = actor.codes.get("cameo") if isinstance(actor.codes, dict) else None
                    row = {"key": key, "name": actor.name, "kind": actor.kind, "country": actor.country,
                           "sector": actor.sector, "cameo": cameo if isinstance(cameo, str) else None,
                           "n_documents": 1}  # this document
                    if self.pg:
                        aid = self.ids.take(self.cur, "actors", 1)[0]
                        self._many(_INS_ACTOR_ID, [{"id": aid, **row}])
                    else:
                        aid = self._run(_INS_ACTOR, row, tuple(row)).fetchone()[0]
                    by_key[key] = aid
                    fresh.add(aid)
                    self.seen_keys[key] = aid
            out[actor.id] = aid
            for n in ident.lookup_names(actor.name, aliases, kind=actor.kind):
                if (aid, n) not in self.known_names:  # a name row the store knows is there: no write
                    names_rows.setdefault((aid, n), {"actor_id": aid, "norm": n, "name": actor.name})
            doc_rows.append({
                "doc_pk": doc_pk, "local_id": actor.id, "actor_id": aid, "name": actor.name, "kind": actor.kind,
                "country": actor.country, "sector": actor.sector,
                "roles": _dumps([{"text": r.text, "span": list(r.span), "country": r.country,
                                  "sector": r.sector} for r in actor.roles]),
            })
            for m in actor.mentions:
                mention_rows.append({"doc_pk": doc_pk, "local_id": actor.id, "actor_id": aid,
                                     "start": m.span[0], "end": m.span[1], "text": m.text, "how": m.how})
        for aid in set(out.values()) - fresh:
            self.actor_delta[aid] = self.actor_delta.get(aid, 0) + 1
        self.seen_names.update(names_rows)
        return out, (list(names_rows.values()), doc_rows, mention_rows), fresh

    def _quotes(self, record: Record, doc_pk: int, archive: dict[str, int]) -> None:
        if not record.quotes:
            return
        names = {a.id: a.name for a in record.actors}
        pub = record.document.published.value if record.document.published else None
        rows = []
        for q in record.quotes:
            parts = q.content
            rows.append({
                "doc_pk": doc_pk, "id": q.id, "kind": q.kind, "speaker_local": q.speaker,
                "actor_id": archive.get(q.speaker) if q.speaker else None,
                "speaker": names.get(q.speaker) if q.speaker else None,
                "cue": q.cue.text if q.cue else None,
                "text": " … ".join(p.text for p in parts),
                "start": parts[0].span[0] if parts else (q.cue.span[0] if q.cue else 0),
                "end": parts[-1].span[1] if parts else (q.cue.span[1] if q.cue else 0),
                "published": pub, "confidence": q.confidence,
            })
        self._many(_INS_QUOTES, rows)
        if self.dialect == "sqlite":
            self.cur.execute("INSERT INTO quotes_fts(rowid, text) SELECT pk, text FROM quotes WHERE doc_pk = ?",
                             (doc_pk,))

    def _times(self, record: Record, doc_pk: int) -> None:
        if not record.times:
            return
        self._many(_INS_TIMES, [{
            "doc_pk": doc_pk, "id": x.id, "text": x.text, "start": x.span[0], "end": x.span[1], "type": x.type,
            "value": x.value, "mod": x.mod,
            "interval_start": x.interval.start if x.interval else None,
            "interval_end": x.interval.end if x.interval else None,
        } for x in record.times])

    def _prepare_events(self, record: Record, archive: dict[str, int], *, complete: bool = False) -> list[tuple]:
        """Each event with its date interval, archive source/target ids and cluster key. With
        ``complete``, only the events all of whose actors ``archive`` maps (the rest are left out
        rather than given a key missing an actor)."""
        prepared = []
        local = {a.id for a in record.actors} if complete else None
        for e in record.events:
            if complete and any(x in local and x not in archive for x in (*e.source, *e.target)):
                continue
            d = e.date
            value = d.value if d else None
            precision = (d.precision if d and d.value else "unknown") or "unknown"
            if d and d.interval:
                start, end = d.interval.start, d.interval.end
            else:
                start, end = ident.interval_of(value, precision)
            src = sorted({archive[s] for s in e.source if s in archive})
            tgt = sorted({archive[s] for s in e.target if s in archive})
            key = hashlib.sha1(f"{e.category}|{','.join(map(str, src))}|{','.join(map(str, tgt))}".encode()
                               ).hexdigest()
            prepared.append((e, value, precision, start, end, src, tgt, key))
        return prepared

    def _events(self, record: Record, doc_pk: int, prepared: list[tuple], found: list) -> None:
        if not prepared:
            return
        names = {a.id: a.name for a in record.actors}
        pub = record.document.published.value if record.document.published else None
        candidates: dict[str, list[list]] = {}
        for row in found:
            candidates.setdefault(row[0], []).append(list(row[1:]))
        self.pending: dict[int, dict] = {}  # new clusters of this record, by temporary (negative) id
        rows, links = [], []
        for e, value, precision, start, end, src, tgt, key in prepared:
            place = e.location.name if e.location else None
            country = e.location.country if e.location else None
            cluster = self._cluster(candidates.setdefault(key, []), key, e.category, e.cameo, value, precision,
                                    start, end, place, country)
            rows.append({
                "doc_pk": doc_pk, "id": e.id, "cluster_id": cluster, "category": e.category, "mode": e.mode,
                "cameo": e.cameo, "trigger": e.trigger.text, "start": e.trigger.span[0], "end": e.trigger.span[1],
                "sentence_start": e.sentence[0] if e.sentence else None,
                "sentence_end": e.sentence[1] if e.sentence else None,
                "date_value": value, "precision": precision, "date_start": start, "date_end": end,
                "date_from": d.from_ if (d := e.date) else None, "place": place, "country": country,
                "status": e.status, "background": bool(e.background), "quote_id": e.quote,
                "source_names": _dumps([names.get(s, s) for s in e.source]),
                "target_names": _dumps([names.get(s, s) for s in e.target]),
                "confidence": e.confidence, "published": pub,
            })
            links += [(aid, role, len(rows) - 1) for aid, role in
                      sorted({(aid, "source") for aid in src} | {(aid, "target") for aid in tgt})]
        if self.pending:  # all new clusters in one statement
            real = self._insert_clusters(list(self.pending.values()))
            for row in rows:
                if row["cluster_id"] < 0:
                    row["cluster_id"] = real[row["cluster_id"]]
        # the new events' pks, to link their actors without looking them up
        if self.pg:
            pks = self.ids.take(self.cur, "events", len(rows))
            for row, pk in zip(rows, pks):
                row["pk"] = pk
            self._many(_INS_EVENTS, rows)
        else:
            pks = self._returning(t.events, rows, "pk")
        self._many(_INS_EVENT_ACTORS, [{"event_pk": pks[i], "actor_id": aid, "role": role, "doc_pk": doc_pk}
                                       for aid, role, i in links])

    def _returning(self, table, rows: list[dict], column: str) -> list[int]:
        """SQLite: insert ``rows`` with multi-row INSERTs and return the new ``column`` values in
        row order (rowids are handed out in VALUES order, so sorting restores it)."""
        keys = tuple(rows[0])
        width = max(1, 30000 // len(keys))  # under SQLite's bound-parameter limit
        out: list[int] = []
        for i in range(0, len(rows), width):
            chunk = rows[i:i + width]
            sql = _VALUES.get((table.name, keys, len(chunk), column))
            if sql is None:
                one = "(" + ", ".join("?" * len(keys)) + ")"
                cols = ", ".join(f'"{k}"' for k in keys)
                sql = _VALUES[(table.name, keys, len(chunk), column)] = (
                    f"INSERT INTO {table.name} ({cols}) VALUES {', '.join([one] * len(chunk))} RETURNING {column}")
            self.cur.execute(sql, [r[k] for r in chunk for k in keys])
            out += sorted(r[0] for r in self.cur.fetchall())
        return out

    def _insert_clusters(self, new: list[dict]) -> dict[int, int]:
        """Insert new clusters (ids from the sequence block on PostgreSQL, from ``RETURNING`` on
        SQLite); map temporary to real ids."""
        rows = [{"key": r["key"], "category": r["category"], "cameo": r["cameo"], "date_value": r["date_value"],
                 "precision": r["precision"], "date_start": r["date_start"], "date_end": r["date_end"],
                 "place": r["place"], "country": r["country"], "num_articles": 1, "num_sources": 1,
                 "num_mentions": r["n"]} for r in new]  # reported by this one document only
        if self.pg:
            ids = self.ids.take(self.cur, "event_clusters", len(rows))
            self._many(_INS_CLUSTERS, [{"id": cid, **row} for row, cid in zip(rows, ids)])
        else:
            ids = self._returning(t.event_clusters, rows, "id")
        return {row["tmp"]: cid for row, cid in zip(new, ids)}

    def _cluster(self, candidates: list[list], key, category, cameo, value, precision, start, end, place,
                 country) -> int:
        """Return the cluster this event report joins (same category and actors, compatible date and
        place), creating it if none fits; a more precise report refines the cluster's date. New
        clusters get a temporary negative id until `_insert_clusters` writes them."""
        for cand in candidates:
            cid, cvalue, cprecision, cplace = cand
            if ident.dates_compatible(cvalue, cprecision, value, precision) and \
                    ident.places_compatible(cplace, place):
                changes = {}
                if ident.finer(precision, cprecision):
                    changes.update(date_value=value, precision=precision, date_start=start, date_end=end)
                    cand[1], cand[2] = value, precision
                if place and not cplace:
                    changes.update(place=place, country=country)
                    cand[3] = place
                if cid < 0:  # a cluster this record created: counted here, not recounted
                    self.pending[cid].update(changes)
                    self.pending[cid]["n"] += 1
                    return cid
                if changes:
                    ph = "?" if self.dialect == "sqlite" else "%s"
                    self.cur.execute(f"UPDATE event_clusters SET {', '.join(f'{k} = {ph}' for k in changes)} "
                                     f"WHERE id = {ph}", (*changes.values(), cid))
                self.touched_clusters.add(cid)
                return cid
        tmp = -(len(self.pending) + 1)
        self.pending[tmp] = {"tmp": tmp, "key": key, "category": category, "cameo": cameo, "date_value": value,
                             "precision": precision, "date_start": start, "date_end": end, "place": place,
                             "country": country, "n": 1}
        candidates.append([tmp, value, precision, place])
        return tmp

    def _refresh(self) -> None:
        """Recount the existing clusters this write touched (GDELT-style NumArticles/NumSources;
        the clusters it created were counted as it made them) and move the document counts of
        the actors it touched."""
        clusters = sorted(x for x in self.touched_clusters if x is not None)
        if clusters:  # recounted in SQL, so nothing waits for a result here
            if self.pg:  # one text for any number of clusters: prepared, planned once (the counts'
                # subqueries probe the events by cluster whatever the plan; `auto` would keep
                # planning these for the array's length)
                self._plans("force_generic_plan")
                ids = "{" + ",".join(map(str, clusters)) + "}"
                self.cur.execute(_SQL_RECOUNT.replace("IN ({})", "= ANY(%s::integer[])"), (ids,))
                self.cur.execute(_SQL_DROP_EMPTY.replace("IN ({})", "= ANY(%s::integer[])"), (ids,))
            else:
                ph = ", ".join("?" * len(clusters))
                self.cur.execute(_SQL_RECOUNT.format(ph), tuple(clusters))
                self.cur.execute(_SQL_DROP_EMPTY.format(ph), tuple(clusters))
        if self.pg:
            self._flush()
        else:
            self._many(_UPD_ACTOR_DOCS, [{"aid": aid, "n": n} for aid, n in sorted(self.actor_delta.items()) if n])
        self.touched_clusters.clear()
        self.actor_delta.clear()


def _ins_ignore(dialect: str, table):
    key = (dialect, table.name)
    stmt = _IGNORE.get(key)
    if stmt is None:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        stmt = _IGNORE[key] = insert(table).on_conflict_do_nothing()
    return stmt


def _cluster_lookups(prepared: list[tuple]) -> list[tuple]:
    """The ``(cluster key, cluster precisions, date prefix)`` ranges holding every cluster these
    prepared events can join (`identity.dates_compatible` compares two dates at the coarser
    precision): a day report can join a year cluster of its year, a month cluster of its month
    or a day cluster of its day; an undated report only an undated cluster (prefix None).

    >>> _cluster_lookups([(None, "2014-02", "month", 0, 0, [], [], "k"), (None, None, "unknown", 0, 0, [], [], "k")])
    [('k', ('unknown',), None), ('k', ('year',), '2014'), ('k', ('month', 'day'), '2014-02')]
    """
    out = set()
    for p in prepared:
        key, value, precision = p[7], p[1], p[2]
        if not value or precision not in _RANGES:
            out.add((key, ("unknown",), None))
            continue
        for precisions, n in _RANGES[precision]:
            out.add((key, precisions, value[:n]))
    return sorted(out, key=lambda x: (x[0], x[2] or "", x[1]))


_RANGES = {  # report precision -> (cluster precisions, length of the date prefix they share)
    "year": [(("year", "month", "day"), 4)],
    "month": [(("year",), 4), (("month", "day"), 7)],
    "day": [(("year",), 4), (("month",), 7), (("day",), 10)],
}


def _pg_actor_moves(n: int) -> str:
    """``UPDATE actors`` adding ``n`` (actor id, count) pairs to their document counts, with
    ``$%d`` placeholders like `_pg_values_insert`."""
    sql = _VALUES.get(("actor moves", n))
    if sql is None:
        rows = ", ".join(["($%d::integer, $%d::integer)"] * n)
        sql = _VALUES[("actor moves", n)] = (
            f"UPDATE actors SET n_documents = actors.n_documents + x.n FROM (VALUES {rows}) AS x(aid, n) "
            "WHERE actors.id = x.aid")
    return sql


def _pg_values_insert(stmt, keys: tuple, n: int) -> str:
    """``INSERT INTO table (keys) VALUES ($%d, ...), ...`` with ``n`` rows for an insert statement
    (keeping its ON CONFLICT DO NOTHING), built once per table, key order and row count; the
    ``%d`` take the parameter numbers (`_Writer._flush`)."""
    key = (id(stmt), keys, n)
    sql = _VALUES.get(key)
    if sql is None:
        from sqlalchemy.dialects import postgresql

        prep = postgresql.dialect().identifier_preparer
        cols = ", ".join(prep.quote(k) for k in keys)
        w = len(keys)
        rows = ", ".join("(" + ", ".join(["$%d"] * w) + ")" for _ in range(n))
        conflict = " ON CONFLICT DO NOTHING" if getattr(stmt, "_post_values_clause", None) is not None else ""
        sql = _VALUES[key] = f"INSERT INTO {prep.quote(stmt.table.name)} ({cols}) VALUES {rows}{conflict}"
    return sql


_VALUES: dict = {}
_PG_MAX_PARAMS = 65535  # bind parameters a PostgreSQL statement can carry
_SQL_ACTOR_KEYS = 'SELECT "key", id FROM actors WHERE "key" IN ({})'
_SQL_ACTOR_NAMES = ("SELECT n.norm, a.id, a.kind, a.country FROM actor_names n JOIN actors a ON a.id = n.actor_id "
                    "WHERE n.norm IN ({})")
_SQL_CLUSTERS: dict = {}  # candidate-cluster queries by (dialect, undated look-ups, dated look-ups)
# PostgreSQL: the same look-ups as arrays, one index range per row. ``OFFSET 0`` keeps each
# LATERAL subquery from being merged into a join, so the plan is a loop of index probes whatever
# the table statistics (a generic plan of the join chose a hash join over a sequential scan)
_SQL_PG_CLUSTERS = (
    'SELECT c."key", c.id, c.date_value, c.precision, c.place '
    "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS q(k, p, lo, hi) CROSS JOIN LATERAL "
    '(SELECT * FROM event_clusters WHERE "key" = q.k AND precision = q.p AND date_value >= q.lo '
    "AND date_value < q.hi OFFSET 0) AS c "
    'UNION SELECT c."key", c.id, c.date_value, c.precision, c.place FROM unnest($5::text[]) AS u(k) '
    "CROSS JOIN LATERAL (SELECT * FROM event_clusters WHERE \"key\" = u.k AND precision = 'unknown' OFFSET 0) AS c "
    "ORDER BY 2")
_SQL_RECOUNT = (
    "UPDATE event_clusters SET "
    "num_mentions = (SELECT count(*) FROM events e WHERE e.cluster_id = event_clusters.id), "
    "num_articles = (SELECT count(DISTINCT e.doc_pk) FROM events e WHERE e.cluster_id = event_clusters.id), "
    "num_sources = (SELECT count(DISTINCT coalesce(d.source, 'doc:' || d.id)) FROM events e "
    "JOIN documents d ON d.pk = e.doc_pk WHERE e.cluster_id = event_clusters.id) "
    "WHERE id IN ({})")
_SQL_DROP_EMPTY = ("DELETE FROM event_clusters WHERE id IN ({}) "
                   "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = event_clusters.id)")
_IGNORE: dict = {}
_COMPILED: dict = {}


def _compiled(stmt, dialect, keys: tuple | None) -> tuple[str, tuple | None]:
    """Return ``(sql, positional names or None)`` for a statement on a dialect, compiled once."""
    key = (id(stmt), dialect.name, keys)
    hit = _COMPILED.get(key)
    if hit is None:
        compiled = stmt.compile(dialect=dialect, column_keys=list(keys) if keys is not None else None)
        names = tuple(compiled.positiontup) if compiled.positional else None
        hit = _COMPILED[key] = (str(compiled), names)
    return hit


_d, _e, _a = t.documents.c, t.events.c, t.actors.c
_SEL_DOC = select(_d.pk).where(_d.id == bindparam("id"))
_SEL_DOC_BY_HASH = select(_d.pk).where((_d.id == bindparam("id")) | (_d.text_hash == bindparam("h")))
_SEL_DOC_CLUSTERS = select(_e.cluster_id).where(_e.doc_pk == bindparam("pk")).distinct()
_SEL_DOC_ACTORS = select(t.doc_actors.c.actor_id).where(t.doc_actors.c.doc_pk == bindparam("pk")).distinct()
_DELETES = [delete(tb).where(tb.c.doc_pk == bindparam("pk"))
            for tb in (t.event_actors, t.events, t.times, t.quotes, t.mentions, t.doc_actors)] + [
    delete(t.documents).where(_d.pk == bindparam("pk"))]
_INS_DOC = t.documents.insert().returning(_d.pk)
_INS_DOC_PK = t.documents.insert()  # PostgreSQL: pk taken from the sequence beforehand
_INS_ACTOR = t.actors.insert().returning(_a.id)
_INS_ACTOR_ID = t.actors.insert()
_INS_CLUSTERS = t.event_clusters.insert()
_INS_EVENT_ACTORS = t.event_actors.insert()
_INS_DOC_ACTORS = t.doc_actors.insert()
_INS_MENTIONS = t.mentions.insert()
_INS_QUOTES = t.quotes.insert()
_INS_TIMES = t.times.insert()
_INS_EVENTS = t.events.insert()
_UPD_ACTOR_DOCS = (update(t.actors).where(_a.id == bindparam("aid"))
                   .values(n_documents=_a.n_documents + bindparam("n")))


def open_store(url: str | Path = DEFAULT_DB) -> Store:
    """Open (creating and migrating if needed) the archive at ``url``: a SQLite file path,
    ``:memory:``, or a ``postgresql://`` URL.

    Raises:
        StoreError: the database cannot be opened or migrated.

    >>> store = open_store(":memory:")
    >>> store.count_documents()
    0
    """
    sa_url = database_url(url)
    try:
        if sa_url.startswith("sqlite"):
            engine = _sqlite_engine(sa_url)
        else:
            # no pre-ping: it would cost a round trip per record. psycopg prepares a statement
            # after a few uses, and PostgreSQL may then keep a generic plan made while the tables
            # were nearly empty (sequential scans of event_clusters and events: 6 of the 9 ms a
            # record cost the server); plan each statement for its values instead
            engine = create_engine(sa_url, connect_args={"options": "-c plan_cache_mode=force_custom_plan"})
        t.migrate(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open store ({type(exc).__name__}: {str(exc).splitlines()[0]})",
                         path=_safe(str(url))) from exc
    return Store(engine, url=_safe(str(url)))


def _safe(url: str) -> str:
    """Hide a password in a database URL before it is shown."""
    if "://" in url and "@" in url:
        scheme, rest = url.split("://", 1)
        cred, host = rest.rsplit("@", 1)
        return f"{scheme}://{cred.split(':', 1)[0]}@{host}"
    return url
