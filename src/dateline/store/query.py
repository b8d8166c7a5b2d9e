"""Read-side of the archive: documents, actors, quotes, events, timelines and full-text search.

Every list method returns a `Page` (``items`` plus an opaque ``next`` cursor, or None on the
last page). Items are plain JSON-ready dicts with the evidence offsets of each item, so the CLI,
the HTTP API and the web UI all show the same thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import orjson
from sqlalchemy import and_, func, literal_column, or_, select, text

from dateline.errors import StoreError
from dateline.record import LEAD_CHARS, lead
from dateline.store import identity as ident
from dateline.store import schema as t

MAX_LIMIT = 500
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of results and the cursor of the next page (None on the last)."""

    items: list = field(default_factory=list)
    next: str | None = None

    def to_json(self) -> dict:
        """Return ``{"items": [...], "next": cursor}``."""
        return {"items": self.items, "next": self.next}


def _limit(limit: int | None, default: int = 50) -> int:
    return max(1, min(int(limit or default), MAX_LIMIT))


MAX_ID = 2**63 - 1  # SQLite and PostgreSQL bigint


def _int_cursor(cursor: str | None) -> int:
    try:
        value = int(cursor) if cursor else 0
        if not 0 <= value <= MAX_ID:
            raise ValueError
        return value
    except ValueError:
        from dateline.errors import StoreError

        raise StoreError(f"bad cursor {cursor!r}") from None


def _page(rows: list, limit: int, key) -> tuple[list, str | None]:
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, key(rows[-1])
    return rows, None


def fts_query(q: str) -> str:
    """Turn free text into a safe FTS5 query: every word must occur (prefix match on the last).

    >>> fts_query('Hegseth "NATO')
    '"Hegseth" "NATO"*'
    """
    words = _WORD.findall(q)
    if not words:
        return '""'
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _category_and_dates(stmt, cols, category, date_from, date_to):
    """Filter ``stmt`` on ``cols`` (events or event clusters: both have ``category``,
    ``date_start`` and ``date_end``) by category and by overlap with [date_from, date_to]."""
    if category:
        stmt = stmt.where(cols.category == category.upper())
    if date_from:
        stmt = stmt.where(cols.date_end > date_from)
    if date_to:
        stmt = stmt.where(cols.date_start <= date_to)
    return stmt


def _title():
    """A document's title and the start of its text, for `_heading` (lists and links)."""
    d = t.documents.c
    return d.title.label("title"), func.substr(d.text, 1, LEAD_CHARS + 1).label("text_head")


_TITLE_SQL = f"d.title AS title, substr(d.text, 1, {LEAD_CHARS + 1}) AS text_head"


def _heading(row: dict) -> dict:
    """Give a row of `_title` columns one ``title``: the document's own, or a lead cut from the
    start of its text at a word boundary ("Talks resumed in Geneva on Monday…")."""
    head = row.pop("text_head", None)
    if not row.get("title"):
        row["title"] = lead(head or "")
    return row


def _first_pks(conn, pk_col, actor_col, ids: list[int], after: int, n: int) -> list[int]:
    """The ``n`` smallest distinct ``pk_col`` values above ``after`` for rows of any actor in
    ``ids``: one index range scan per actor, merged here (an IN list over several actors would
    make the database sort every row of every actor)."""
    found: set[int] = set()
    for aid in ids:
        found.update(conn.execute(select(pk_col).where(actor_col == aid, pk_col > after)
                                  .order_by(pk_col).limit(n)).scalars())
    return sorted(found)[:n]


class Queries:
    """Query methods mixed into `dateline.store.Store` (needs ``self.engine`` and ``self.dialect``)."""

    # ------------------------------------------------------------ actors
    def find_actor_ids(self, name: str) -> list[int]:
        """Return the archive actor ids that go by ``name`` (any name, alias or surname), or whose
        numeric id it is.

        >>> from dateline.store import open_store
        >>> open_store(":memory:").find_actor_ids("Hegseth")
        []
        """
        name = (name or "").strip()
        if not name:
            return []
        with self.engine.connect() as conn:
            if name.isdigit():
                if int(name) > MAX_ID:
                    return []
                return list(conn.execute(select(t.actors.c.id).where(t.actors.c.id == int(name))).scalars())
            ids = conn.execute(select(t.actor_names.c.actor_id).where(t.actor_names.c.norm == ident.norm_name(name))
                               .distinct()).scalars().all()
        return sorted(ids)

    def actors(self, *, name: str | None = None, kind: str | None = None, limit: int | None = 50,
               cursor: str | None = None) -> Page:
        """List archive actors, most documented first within each page order (by id)."""
        a = t.actors.c
        limit = _limit(limit)
        stmt = select(a.id, a.name, a.kind, a.country, a.sector, a.cameo, a.n_documents).where(
            a.id > _int_cursor(cursor))
        if name:
            stmt = stmt.where(a.id.in_(self.find_actor_ids(name)))
        if kind:
            stmt = stmt.where(a.kind == kind.upper())
        with self.engine.connect() as conn:
            rows = conn.execute(stmt.order_by(a.id).limit(limit + 1)).mappings().all()
        rows, nxt = _page(list(rows), limit, lambda r: str(r["id"]))
        return Page([dict(r) for r in rows], nxt)

    def actor(self, actor_id: int) -> dict | None:
        """Return one archive actor with its names, roles, documents and counts, or None."""
        a, da = t.actors.c, t.doc_actors.c
        with self.engine.connect() as conn:
            row = conn.execute(select(t.actors).where(a.id == actor_id)).mappings().first()
            if row is None:
                return None
            names = conn.execute(select(t.actor_names.c.norm).where(t.actor_names.c.actor_id == actor_id)
                                 ).scalars().all()
            docs = conn.execute(
                select(t.documents.c.id, *_title(), t.documents.c.published, da.local_id, da.name,
                       da.roles)
                .join(t.documents, t.documents.c.pk == da.doc_pk).where(da.actor_id == actor_id)
                .order_by(t.documents.c.published, t.documents.c.pk).limit(200)).mappings().all()
            n_quotes = conn.execute(select(func.count()).select_from(t.quotes)
                                    .where(t.quotes.c.actor_id == actor_id)).scalar_one()
            n_events = conn.execute(select(func.count(t.event_actors.c.event_pk.distinct()))
                                    .where(t.event_actors.c.actor_id == actor_id)).scalar_one()
        roles: dict[str, dict] = {}
        for d in docs:
            for r in orjson.loads(d["roles"] or "[]"):
                entry = roles.setdefault(r["text"], {"text": r["text"], "documents": [], "first": d["published"]})
                entry["documents"].append({"doc_id": d["id"], "span": r["span"], "published": d["published"]})
        out = dict(row)
        out.update(
            names=sorted({d["name"] for d in docs} | set()), aliases=sorted(names),
            roles=list(roles.values()),
            documents=[{"doc_id": d["id"], "title": _heading(dict(d))["title"], "published": d["published"],
                        "local_id": d["local_id"]} for d in docs],
            n_quotes=n_quotes, n_events=n_events,
        )
        return out

    # ------------------------------------------------------------ documents
    def doc_actor_map(self, doc_id: str) -> dict[str, int]:
        """Return ``{local actor id: archive actor id}`` for one stored document.

        >>> from dateline.store import open_store
        >>> open_store(":memory:").doc_actor_map("nope")
        {}
        """
        da, d = t.doc_actors.c, t.documents.c
        with self.engine.connect() as conn:
            return dict(conn.execute(select(da.local_id, da.actor_id).join(t.documents, d.pk == da.doc_pk)
                                     .where(d.id == doc_id)).all())

    def documents(self, *, limit: int | None = 50, cursor: str | None = None) -> Page:
        """List stored documents (id, title, source, published, counts), newest ingested last."""
        d = t.documents.c
        limit = _limit(limit)
        stmt = (select(d.pk, d.id, *_title(), d.url, d.source, d.published, d.n_quotes, d.n_events)
                .where(d.pk > _int_cursor(cursor)).order_by(d.pk).limit(limit + 1))
        with self.engine.connect() as conn:
            rows = [_heading(dict(r)) for r in conn.execute(stmt).mappings().all()]
        rows, nxt = _page(rows, limit, lambda r: str(r["pk"]))
        for r in rows:
            r.pop("pk")
        return Page(rows, nxt)

    # ------------------------------------------------------------ quotes
    def quotes(self, *, speaker: str | None = None, actor_id: int | None = None, doc_id: str | None = None,
               limit: int | None = 50, cursor: str | None = None) -> Page:
        """List quotes, optionally by speaker (any name or alias: "Hegseth" finds Pete Hegseth),
        archive actor id or document, in ingestion order.

        >>> from dateline.store import open_store
        >>> open_store(":memory:").quotes(speaker="Hegseth").items
        []
        """
        q, d = t.quotes.c, t.documents.c
        limit = _limit(limit)
        stmt = (select(q.pk, d.id.label("doc_id"), q.id, q.kind, q.speaker, q.actor_id, q.cue, q.text, q.start,
                       q.end, q.published, q.confidence, *_title())
                .join(t.documents, d.pk == q.doc_pk).where(q.pk > _int_cursor(cursor)))
        ids = None
        if speaker is not None:
            ids = self.find_actor_ids(speaker)
            if not ids:
                return Page([], None)
        if actor_id is not None:
            ids = [actor_id] if ids is None or actor_id in ids else []
            if not ids:
                return Page([], None)
        if doc_id is not None:
            stmt = stmt.where(d.id == doc_id)
        with self.engine.connect() as conn:
            if ids is not None and doc_id is None:  # the first page of pks straight from the index
                pks = _first_pks(conn, q.pk, q.actor_id, ids, _int_cursor(cursor), limit + 1)
                stmt = stmt.where(q.pk.in_(pks))
            elif ids is not None:
                stmt = stmt.where(q.actor_id.in_(ids))
            rows = [_heading(dict(r)) for r in conn.execute(stmt.order_by(q.pk).limit(limit + 1)).mappings().all()]
        rows, nxt = _page(rows, limit, lambda r: str(r["pk"]))
        for r in rows:
            r.pop("pk")
            r["span"] = [r.pop("start"), r.pop("end")]
        return Page(rows, nxt)

    # ------------------------------------------------------------ events
    def _event_select(self):
        e, d, c = t.events.c, t.documents.c, t.event_clusters.c
        sentence = func.substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)
        return (select(e.pk, d.id.label("doc_id"), *_title(), e.id, e.category, e.mode, e.cameo, e.trigger, e.start,
                       e.end, e.sentence_start, e.sentence_end, sentence.label("sentence"), e.date_value,
                       e.precision, e.date_start, e.date_end, e.date_from, e.place, e.country, e.status,
                       e.background, e.quote_id, e.source_names, e.target_names, e.confidence, e.published,
                       e.cluster_id, c.num_articles, c.num_sources, c.num_mentions)
                .join(t.documents, d.pk == e.doc_pk)
                .outerjoin(t.event_clusters, c.id == e.cluster_id))

    def _event_filters(self, stmt, *, actor, category, date_from, date_to, doc_id):
        e = t.events.c
        if actor is not None:
            ids = self.find_actor_ids(str(actor))
            if not ids:
                return None
            ea = t.event_actors.c
            stmt = stmt.where(e.pk.in_(select(ea.event_pk).where(ea.actor_id.in_(ids))))
        stmt = _category_and_dates(stmt, e, category, date_from, date_to)
        if doc_id is not None:
            stmt = stmt.where(t.documents.c.id == doc_id)
        return stmt

    @staticmethod
    def _event_item(r) -> dict:
        r = _heading(dict(r))
        r.pop("pk", None)
        return {
            "doc_id": r["doc_id"], "title": r["title"], "id": r["id"], "category": r["category"], "mode": r["mode"],
            "cameo": r["cameo"], "trigger": {"text": r["trigger"], "span": [r["start"], r["end"]]},
            "sentence": {"text": r["sentence"], "span": [r["sentence_start"], r["sentence_end"]]}
            if r["sentence_start"] is not None else None,
            "date": {"value": r["date_value"], "precision": r["precision"], "start": r["date_start"],
                     "end": r["date_end"], "from": r["date_from"]},
            "place": r["place"], "country": r["country"], "status": r["status"], "background": bool(r["background"]),
            "quote": r["quote_id"], "source": orjson.loads(r["source_names"] or "[]"),
            "target": orjson.loads(r["target_names"] or "[]"), "confidence": r["confidence"],
            "published": r["published"],
            "cluster": {"id": r["cluster_id"], "num_articles": r["num_articles"], "num_sources": r["num_sources"],
                        "num_mentions": r["num_mentions"]},
        }

    def events(self, *, actor: str | int | None = None, category: str | None = None, date_from: str | None = None,
               date_to: str | None = None, doc_id: str | None = None, limit: int | None = 50,
               cursor: str | None = None) -> Page:
        """List event reports, filtered by actor (any name or alias, source or target), PLOVER
        category, and date range (events whose date interval overlaps ``[date_from, date_to]``).

        >>> from dateline.store import open_store
        >>> open_store(":memory:").events(actor="Putin", category="ASSAULT").items
        []
        """
        e = t.events.c
        limit = _limit(limit)
        last = _int_cursor(cursor)
        if actor is not None:
            return self._events_by_actor(actor, last, limit, category=category, date_from=date_from,
                                         date_to=date_to, doc_id=doc_id)
        stmt = self._event_filters(self._event_select().where(e.pk > last), actor=None,
                                   category=category, date_from=date_from, date_to=date_to, doc_id=doc_id)
        with self.engine.connect() as conn:
            rows = list(conn.execute(stmt.order_by(e.pk).limit(limit + 1)).mappings().all())
        rows, nxt = _page(rows, limit, lambda r: str(r["pk"]))
        return Page([self._event_item(r) for r in rows], nxt)

    def _events_by_actor(self, actor, last: int, limit: int, **filters) -> Page:
        """Walk the actor's event ids in order through the (actor_id, event_pk) index, a chunk at a
        time, applying the other filters to each chunk: fast for rare and frequent actors alike."""
        ids = self.find_actor_ids(str(actor))
        if not ids:
            return Page([], None)
        e, ea = t.events.c, t.event_actors.c
        # with no other filter every pk is a hit, so one exact chunk; otherwise read ahead
        chunk = limit + 1 if not any(filters.values()) else max(4 * (limit + 1), 200)
        rows: list = []
        with self.engine.connect() as conn:
            while len(rows) <= limit:
                pks = _first_pks(conn, ea.event_pk, ea.actor_id, ids, last, chunk)
                if not pks:
                    break
                stmt = self._event_filters(self._event_select().where(e.pk.in_(pks)), actor=None, **filters)
                rows += conn.execute(stmt.order_by(e.pk)).mappings().all()
                last = pks[-1]
                if len(pks) < chunk:
                    break
        rows, nxt = _page(rows, limit, lambda r: str(r["pk"]))
        return Page([self._event_item(r) for r in rows], nxt)

    BUSY_ACTOR = 5000
    """Event reports from which an actor's timeline walks the timeline index instead of
    collecting and sorting all of the actor's clusters."""

    def _clusters_of(self, ids: list[int]):
        """The condition "cluster reported with one of these actors". For an actor with few
        reports, the set of their clusters (collected through the actor index, then sorted);
        for a busy one, a check per cluster while the timeline index is walked in date order,
        which meets a page of the actor's clusters long before it would have collected them
        all (a surname shared by three people in 100,000 articles: 90,000 reports)."""
        e, ea, c = t.events.c, t.event_actors.c, t.event_clusters.c
        with self.engine.connect() as conn:
            busy = conn.execute(select(func.count()).select_from(
                select(ea.event_pk).where(ea.actor_id.in_(ids)).limit(self.BUSY_ACTOR).subquery())).scalar_one()
        if busy < self.BUSY_ACTOR:
            return c.id.in_(select(e.cluster_id).where(e.pk.in_(select(ea.event_pk).where(ea.actor_id.in_(ids)))))
        # nested, so each cluster's reports are found by cluster and then checked by pk (a join
        # would let SQLite read the actor's whole index range for every cluster)
        return select(e.pk).where(e.cluster_id == c.id, select(ea.event_pk).where(
            ea.event_pk == e.pk, ea.actor_id.in_(ids)).exists()).exists()

    def timeline(self, *, actor: str | int | None = None, category: str | None = None,
                 date_from: str | None = None, date_to: str | None = None, limit: int | None = 200,
                 cursor: str | None = None) -> Page:
        """Return event clusters in date order (undated last), each with its date, precision,
        counts, whether it is background (every report says so) and its reports as evidence.
        ``category`` and the date range apply to the cluster; ``actor`` to any of its reports.

        >>> from dateline.store import open_store
        >>> open_store(":memory:").timeline(actor="Hegseth").to_json()
        {'items': [], 'next': None}
        """
        e, c = t.events.c, t.event_clusters.c
        limit = _limit(limit, 200)
        order_date = func.coalesce(c.date_start, literal_column("'9999-12-31'"))  # as in ix_clusters_timeline
        stmt = select(t.event_clusters, order_date.label("od"))
        if actor is not None:  # only the actor needs the reports; the rest are cluster columns
            ids = self.find_actor_ids(str(actor))
            if not ids:
                return Page([], None)
            stmt = stmt.where(self._clusters_of(ids))
        stmt = _category_and_dates(stmt, c, category, date_from, date_to)
        if cursor:
            try:
                cd, cid = cursor.rsplit("|", 1)
                cid = _int_cursor(cid)
            except (ValueError, StoreError):
                raise StoreError(f"bad cursor {cursor!r}") from None
            stmt = stmt.where(or_(order_date > cd, and_(order_date == cd, c.id > cid)))
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(stmt.order_by(order_date, c.id).limit(limit + 1)).mappings()]
            rows, nxt = _page(rows, limit, lambda r: f"{r['od']}|{r['id']}")
            reports: dict[int, list] = {}
            if rows:
                ev = self._event_select().where(e.cluster_id.in_([r["id"] for r in rows]))
                for r in conn.execute(ev.order_by(e.pk)).mappings():
                    reports.setdefault(r["cluster_id"], []).append(self._event_item(r))
        items = []
        for r in rows:
            reps = reports.get(r["id"], [])
            items.append({
                "id": r["id"], "category": r["category"], "cameo": r["cameo"],
                "date": {"value": r["date_value"], "precision": r["precision"], "start": r["date_start"],
                         "end": r["date_end"]},
                "place": r["place"], "country": r["country"], "num_articles": r["num_articles"],
                "num_sources": r["num_sources"], "num_mentions": r["num_mentions"],
                "background": bool(reps) and all(x["background"] for x in reps),
                "source": reps[0]["source"] if reps else [], "target": reps[0]["target"] if reps else [],
                "reports": reps[:20],
            })
        return Page(items, nxt)

    # ------------------------------------------------------------ search
    def search(self, q: str, *, limit: int | None = 20, cursor: str | None = None) -> Page:
        """Full-text search over document titles and texts and over quotes; documents first.

        >>> from dateline.store import open_store
        >>> open_store(":memory:").search("NATO").items
        []
        """
        limit = _limit(limit, 20)
        offset = _int_cursor(cursor)
        if offset > 100_000:
            raise StoreError(f"bad cursor {cursor!r}")
        if not _WORD.search(q or ""):
            return Page([], None)
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                query = fts_query(q)
                docs = conn.execute(text(
                    "SELECT d.id AS doc_id, " + _TITLE_SQL + ", d.published, "
                    "snippet(documents_fts, 1, '«', '»', '…', 16) AS snippet "
                    "FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid "
                    "WHERE documents_fts MATCH :q ORDER BY rank LIMIT :n"), {"q": query, "n": offset + limit + 1}
                ).mappings().all()
                quotes = conn.execute(text(
                    "SELECT d.id AS doc_id, " + _TITLE_SQL + ", q.id, q.speaker, q.actor_id, q.text, q.start, q.\"end\", "
                    "q.published, snippet(quotes_fts, 0, '«', '»', '…', 16) AS snippet "
                    "FROM quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid JOIN documents d ON d.pk = q.doc_pk "
                    "WHERE quotes_fts MATCH :q ORDER BY rank LIMIT :n"), {"q": query, "n": offset + limit + 1}
                ).mappings().all()
            else:
                docs = conn.execute(text(
                    "SELECT d.id AS doc_id, " + _TITLE_SQL + ", d.published, ts_headline('english', d.text, "
                    "plainto_tsquery('english', :q), 'StartSel=«,StopSel=»,MaxWords=20,MinWords=8') AS snippet "
                    "FROM documents d WHERE to_tsvector('english', coalesce(d.title, '') || ' ' || d.text) "
                    "@@ plainto_tsquery('english', :q) ORDER BY ts_rank(to_tsvector('english', "
                    "coalesce(d.title, '') || ' ' || d.text), plainto_tsquery('english', :q)) DESC, d.pk LIMIT :n"),
                    {"q": q, "n": offset + limit + 1}).mappings().all()
                quotes = conn.execute(text(
                    "SELECT d.id AS doc_id, " + _TITLE_SQL + ", q.id, q.speaker, q.actor_id, q.text, q.start, q.\"end\", "
                    "q.published, ts_headline('english', q.text, plainto_tsquery('english', :q), "
                    "'StartSel=«,StopSel=»,MaxWords=20,MinWords=8') AS snippet "
                    "FROM quotes q JOIN documents d ON d.pk = q.doc_pk "
                    "WHERE to_tsvector('english', q.text) @@ plainto_tsquery('english', :q) "
                    "ORDER BY q.pk LIMIT :n"), {"q": q, "n": offset + limit + 1}).mappings().all()
        hits = [{"type": "document", **_heading(dict(r))} for r in docs]
        for r in quotes:
            r = _heading(dict(r))
            r["span"] = [r.pop("start"), r.pop("end")]
            hits.append({"type": "quote", **r})
        window = hits[offset:offset + limit]
        nxt = str(offset + limit) if len(hits) > offset + limit else None
        return Page(window, nxt)

