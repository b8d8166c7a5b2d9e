"""The store: round trips, replacement without duplicates, actor merging, event clustering,
queries, migrations and atomic writes (SQLite; the same tests run on PostgreSQL in test_postgres)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from conftest import empty_postgres
from dateline.errors import StoreError
from dateline.record import check_record
from dateline.store import open_store
from dateline.store import schema as t
from dateline.store.synthetic import cast, story, synthetic_record, synthetic_records


def _empty_postgres(request) -> str:
    """The URL of the session's PostgreSQL with its schema emptied."""
    return empty_postgres(request.getfixturevalue("postgres"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request):
    """An empty store: in-memory SQLite, or a fresh schema on the session's PostgreSQL."""
    s = open_store(":memory:" if request.param == "sqlite" else _empty_postgres(request))
    yield s
    s.close()


def test_story_helper_is_a_valid_record():
    check_record(story("d1", "KYIV —").to_json())


@pytest.mark.parametrize("i", [0, 1, 7])
def test_store_get_round_trips_exactly(store, i):
    record = synthetic_record(i)
    check_record(record.to_json())
    store.add(record)
    assert store.get(record.document.id) == record


def test_store_get_missing_raises_store_error(store):
    with pytest.raises(StoreError, match="nope: no such document"):
        store.get("nope")


def test_store_readd_same_id_replaces(store):
    store.add(story("d1", "KYIV —"))
    store.add(story("d1", "KYIV — Updated:"))
    assert store.count_documents() == 1
    assert store.get("d1").document.title == "KYIV — Updated:"
    with store.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(t.quotes)).scalar() == 1
        assert c.execute(select(func.count()).select_from(t.events)).scalar() == 1
        assert c.execute(select(func.count()).select_from(t.event_clusters)).scalar() == 1


def test_store_readd_same_text_other_id_replaces(store):
    store.add(story("first-id", "KYIV —"))
    store.add(story("second-id", "KYIV —"))
    assert store.count_documents() == 1
    assert store.has("second-id") and not store.has("first-id")
    assert len(store.search("talks").items) == 2  # one document hit + one quote hit, no stale FTS rows


def test_store_actor_merges_across_documents(store):
    store.add(story("d1", "KYIV —"))
    store.add(story("d2", "BRUSSELS —", speaker="Pete Hegseth", alias="Hegseth"))
    store.add(story("d3", "PARIS —", speaker="Hegseth", alias="Hegseth"))  # only the surname as canonical name
    people = store.actors(kind="PERSON").items
    assert [(p["name"], p["n_documents"]) for p in people] == [("Pete Hegseth", 3)]
    countries = {a["name"]: a["n_documents"] for a in store.actors(kind="COUNTRY").items}
    assert countries == {"Russia": 3, "Ukraine": 3}


def test_store_one_word_alias_never_merges_two_people(store):
    store.add(story("d1", "A —", speaker="Donald Trump", alias="Trump"))
    store.add(story("d2", "B —", speaker="Melania Trump", alias="Trump"))
    names = sorted(p["name"] for p in store.actors(kind="PERSON").items)
    assert names == ["Donald Trump", "Melania Trump"]
    store.add(story("d3", "C —", speaker="Trump", alias="Trump"))  # ambiguous: a new actor, not a wrong merge
    assert len(store.actors(kind="PERSON").items) == 3


@pytest.mark.parametrize("name", ["Hegseth", "Pete Hegseth", "pete HEGSETH", "Hegseth."])
def test_store_quotes_speaker_matches_any_name(store, name):
    store.add(story("d1", "KYIV —"))
    items = store.quotes(speaker=name).items
    assert [(q["speaker"], q["text"]) for q in items] == [("Pete Hegseth", "talks would start soon")]
    doc = store.get("d1").document.text
    start, end = items[0]["span"]
    assert doc[start:end] == items[0]["text"]


def test_store_event_cluster_counts_articles_and_sources(store):
    store.add(story("d1", "KYIV —", source="AP"))
    store.add(story("d2", "BRUSSELS —", source="AP"))
    store.add(story("d3", "PARIS —", source="Reuters", date=("2014-02-27", "day")))  # finer, compatible
    store.add(story("d4", "ROME —", source="AFP", date=("2014-03", "month")))  # another month: another event
    items = store.timeline().items
    assert [(c["date"]["value"], c["precision"] if "precision" in c else c["date"]["precision"],
             c["num_articles"], c["num_sources"]) for c in items] == [
        ("2014-02-27", "day", 3, 2), ("2014-03", "month", 1, 1)]
    assert len(items[0]["reports"]) == 3  # every mention kept, with its evidence
    rep = items[0]["reports"][0]
    assert rep["trigger"]["text"] == "seized" and rep["sentence"]["text"].startswith("Russia seized")


def test_store_cluster_place_must_agree(store):
    store.add(story("d1", "KYIV —", place="Crimea"))
    store.add(story("d2", "KYIV 2 —", place="Donetsk"))
    store.add(story("d3", "KYIV 3 —", place=None))
    assert [c["num_articles"] for c in store.timeline().items] == [2, 1]


def test_store_delete_recounts_clusters(store):
    store.add(story("d1", "KYIV —"))
    store.add(story("d2", "PARIS —", source="Reuters"))
    assert store.timeline().items[0]["num_articles"] == 2
    assert store.delete("d2")
    assert store.timeline().items[0]["num_articles"] == 1
    store.delete("d1")
    assert store.timeline().items == []


def test_store_events_filters(store):
    store.add(story("d1", "KYIV —"))
    store.add(story("d2", "PARIS —", category="ASSAULT", date=("2022-02-24", "day")))
    assert [e["doc_id"] for e in store.events(actor="Russia").items] == ["d1", "d2"]
    assert [e["doc_id"] for e in store.events(category="assault").items] == ["d2"]
    assert [e["doc_id"] for e in store.events(date_from="2014-02-15", date_to="2014-02-20").items] == ["d1"]
    assert [e["doc_id"] for e in store.events(date_from="2020-01-01").items] == ["d2"]
    assert store.events(actor="Nobody at all").items == []


def test_store_paging_visits_every_item_once(store):
    for r in synthetic_records(7):
        store.add(r)
    seen, cursor = [], None
    while True:
        page = store.quotes(limit=5, cursor=cursor)
        seen += [(q["doc_id"], q["id"]) for q in page.items]
        if page.next is None:
            break
        cursor = page.next
    assert len(seen) == len(set(seen)) == sum(len(r.quotes) for r in synthetic_records(7))
    tl, cursor = [], None
    while True:
        page = store.timeline(limit=3, cursor=cursor)
        tl += page.items
        if not page.next:
            break
        cursor = page.next
    dates = [c["date"]["start"] for c in tl]
    assert dates == sorted(dates) and len({c["id"] for c in tl}) == len(tl)


def test_store_search_documents_and_quotes(store):
    store.add(story("d1", "KYIV — Ministers gathered."))
    hits = store.search("talks start")
    assert {h["type"] for h in hits.items} == {"document", "quote"}
    assert store.search('"unbalanced (quote').items == []


def test_store_iter_records_in_order(store):
    records = list(synthetic_records(5))
    store.add_many(records)
    assert list(store.iter_records(batch=2)) == records


def test_store_failed_write_leaves_nothing(store, monkeypatch):
    from dateline.store import core

    def boom(self, *a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(core._Writer, "_events", boom)
    with pytest.raises(RuntimeError):
        store.add(story("d1", "KYIV —"))
    monkeypatch.undo()
    assert store.count_documents() == 0
    with store.engine.connect() as c:
        for table in (t.quotes, t.mentions, t.doc_actors, t.events):
            assert c.execute(select(func.count()).select_from(table)).scalar() == 0
    assert store.search("talks").items == []
    assert store._actor_ids == {}  # the actors it created were rolled back: not remembered
    store.add(story("d1", "KYIV —"))
    assert {a["name"]: a["n_documents"] for a in store.actors().items} == {
        "Pete Hegseth": 1, "Russia": 1, "Ukraine": 1}


def test_store_migrations_are_recorded_and_idempotent(tmp_path):
    path = tmp_path / "a.db"
    open_store(path).close()
    s = open_store(path)  # second open: nothing to do
    with s.engine.connect() as c:
        rows = c.execute(select(t.schema_version.c.version, t.schema_version.c.name)).all()
        mode = c.exec_driver_sql("PRAGMA journal_mode").scalar()
    assert rows == [(1, "m001_initial"), (2, "m002_full_text"), (3, "m003_timeline_order"),
                    (4, "m004_lean_writes"), (5, "m005_no_event_date_index"),
                    (6, "m006_cluster_lookup")]
    assert mode == "wal"


def test_store_open_bad_url_is_store_error():
    with pytest.raises(StoreError, match="cannot open store"):
        open_store("/nonexistent-dir/sub/x.db")


def test_store_same_thousand_articles_twice_leaves_a_thousand(tmp_path):
    store = open_store(tmp_path / "k.db")
    records = [synthetic_record(i, seed=3, n_paragraphs=1) for i in range(1000)]
    store.add_many(records)
    store.add_many(records)
    assert store.count_documents() == 1000
    with store.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(t.quotes)).scalar() == 1000
        assert c.exec_driver_sql("SELECT count(*) FROM quotes_fts").scalar() == 1000
        n_docs = c.execute(select(func.sum(t.actors.c.n_documents))).scalar()
        assert n_docs == c.execute(select(func.count()).select_from(t.doc_actors)).scalar()


def test_store_speaker_matching_several_actors_pages_in_order(store):
    for i, who in enumerate(["Donald Trump", "Melania Trump", "Donald Trump", "Melania Trump", "Donald Trump"]):
        store.add(story(f"d{i}", f"TOWN {i} —", speaker=who, alias="Trump"))
    seen, cursor = [], None
    while True:
        page = store.quotes(speaker="Trump", limit=2, cursor=cursor)
        seen += [q["doc_id"] for q in page.items]
        if not page.next:
            break
        cursor = page.next
    assert seen == ["d0", "d1", "d2", "d3", "d4"]
    assert [q["doc_id"] for q in store.quotes(speaker="Melania Trump").items] == ["d1", "d3"]
    assert [e["doc_id"] for e in store.events(actor="Russia", limit=3).items] == ["d0", "d1", "d2"]


def test_store_record_json_equals_the_codec_on_pipeline_output(demo_record, seed_record):
    from dateline.store.core import record_json

    for record in (demo_record, seed_record, synthetic_record(2)):
        assert record_json(record) == record.to_json()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The URL of an empty store that two `Store` objects (two writers) can open."""
    return str(tmp_path / "shared.db") if request.param == "sqlite" else _empty_postgres(request)


def test_store_two_writers_merge_actors_and_cluster_events(store_url):
    a, b = open_store(store_url), open_store(store_url)
    a.add(story("d1", "KYIV —", source="AP"))
    b.add(story("d2", "PARIS —", source="Reuters"))  # b has not seen these actors: found in the archive
    a.add(story("d3", "ROME —", source="AFP", speaker="Jane Roe", alias="Roe"))  # a knows Russia and Ukraine
    b.add(story("d4", "OSLO —", source="NTB", speaker="Jane Roe", alias="Roe"))  # b finds a's new actor
    people = {p["name"]: p["n_documents"] for p in a.actors(kind="PERSON").items}
    assert people == {"Pete Hegseth": 2, "Jane Roe": 2}
    assert [(c["num_articles"], c["num_sources"]) for c in b.timeline().items] == [(4, 4)]
    a.close(), b.close()


def test_store_v3_store_migrates_to_lean_writes(store_url):
    from sqlalchemy import create_engine

    from dateline.store.core import database_url

    engine = create_engine(database_url(store_url))
    real = list(t.MIGRATIONS)
    try:
        t.MIGRATIONS[:] = real[:3]  # a store made before m004
        t.migrate(engine)
    finally:
        t.MIGRATIONS[:] = real
    with engine.begin() as c:  # m001 made these indexes then
        c.exec_driver_sql("CREATE INDEX ix_mentions_actor ON mentions (actor_id)")
        c.exec_driver_sql("CREATE INDEX ix_events_date ON events (date_start, pk)")
        c.exec_driver_sql('CREATE INDEX ix_clusters_key ON event_clusters ("key")')
    store = open_store(store_url)
    store.add(story("d1", "KYIV —"))
    with store.engine.connect() as c:
        assert c.execute(select(func.max(t.schema_version.c.version))).scalar() == t.LATEST
        if store.dialect == "postgresql":
            assert c.exec_driver_sql("SELECT count(*) FROM pg_constraint WHERE contype = 'f'").scalar() == 0
            assert c.exec_driver_sql("SELECT attcompression FROM pg_attribute WHERE attrelid = 'documents'::regclass "
                                     "AND attname = 'record'").scalar() == "l"
            indexes = c.exec_driver_sql("SELECT indexname FROM pg_indexes").scalars().all()
        else:
            indexes = c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars().all()
    assert not {"ix_mentions_actor", "ix_events_date", "ix_clusters_key"} & set(indexes)
    assert {"ix_mentions_doc", "ix_clusters_lookup"} <= set(indexes)
    assert store.get("d1") == story("d1", "KYIV —")
    store.close()
    engine.dispose()


def test_store_timeline_of_a_busy_actor_walks_the_same_pages(store, monkeypatch):
    store.add_many(synthetic_records(40))
    store.add(story("d1", "KYIV —", date=("2014-02-27", "day")))

    def pages(actor, **kw):
        seen, cursor = [], None
        while True:
            page = store.timeline(actor=actor, limit=7, cursor=cursor, **kw)
            seen += [(c["id"], c["num_articles"], len(c["reports"])) for c in page.items]
            if not page.next:
                return seen
            cursor = page.next

    asks = [(name, category) for name in ["Russia", "Hegseth", "Ukraine"] + [p["name"] for p in cast()["people"][:3]]
            for category in (None, "COERCE")]
    few = {ask: pages(ask[0], category=ask[1]) for ask in asks}
    monkeypatch.setattr(type(store), "BUSY_ACTOR", 1)  # every actor now walks the timeline index
    assert {ask: pages(ask[0], category=ask[1]) for ask in asks} == few
    assert all(few[(name, None)] for name in ("Russia", "Hegseth")) and few[("Russia", "COERCE")]


def test_store_cluster_counts_equal_a_recount(store):
    records = list(synthetic_records(30))
    store.add_many(records)
    store.add_many(records[::3])  # replaced: their clusters lose and regain reports
    store.add(story("d1", "KYIV —"))
    store.add(story("d2", "PARIS —", source="Reuters"))
    with store.engine.connect() as c:
        kept = c.exec_driver_sql(
            "SELECT id, num_mentions, num_articles, num_sources FROM event_clusters ORDER BY id").all()
        recount = c.exec_driver_sql(
            "SELECT e.cluster_id, count(*), count(DISTINCT e.doc_pk), "
            "count(DISTINCT coalesce(d.source, 'doc:' || d.id)) FROM events e JOIN documents d ON d.pk = e.doc_pk "
            "GROUP BY e.cluster_id ORDER BY e.cluster_id").all()
    assert [tuple(r) for r in kept] == [tuple(r) for r in recount]
    assert any(r[1] > 1 for r in kept) and any(r[2] > 1 for r in kept)


def test_store_record_beyond_one_statements_parameters(store):
    from dateline.record import Actor, Document, Mention, Record

    n = 10_000  # 70,000 mention values: more than one PostgreSQL statement can carry
    text = "Kyiv " * n
    kyiv = Actor("A1", "Kyiv", "GROUP", "UKR", mentions=tuple(Mention((5 * i, 5 * i + 4), "Kyiv", "name")
                                                            for i in range(n)))
    record = Record(Document(id="long", text=text), actors=(kyiv,))
    store.add(record)
    store.add(record)  # replaced, all of it
    assert store.get("long") == record
    with store.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(t.mentions)).scalar() == n


@pytest.fixture
def pg_store(request):
    """An empty store on the session's PostgreSQL (for behaviour only that backend has)."""
    s = open_store(_empty_postgres(request))
    yield s
    s.close()


def test_store_postgresql_failed_statement_rolls_back_whole_record(pg_store, monkeypatch):
    """Ids are taken ahead only on PostgreSQL: a statement failing in the write pipeline rolls
    the whole record back."""
    from dateline.store import core

    store = pg_store

    store.add(story("d1", "KYIV —"))
    with store.engine.connect() as c:
        used = c.execute(select(t.documents.c.pk)).scalar()
    real = core._IdBlocks.take
    monkeypatch.setattr(core._IdBlocks, "take",
                        lambda self, cur, table, n: [used] if table == "documents" else real(self, cur, table, n))
    with pytest.raises(StoreError, match="UniqueViolation"):  # raised at the pipeline's sync, before COMMIT
        store.add(story("d2", "PARIS —", source="Reuters"))
    monkeypatch.undo()
    assert store.count_documents() == 1 and not store.has("d2")
    with store.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(t.events)).scalar() == 1
    store.add(story("d2", "PARIS —", source="Reuters"))  # the pooled connection is usable again
    assert [(c["num_articles"], c["num_sources"]) for c in store.timeline().items] == [(2, 2)]


def test_store_killed_writer_leaves_no_partial_document(store_url):
    code = ("import sys; from dateline.store import open_store; from dateline.store.synthetic import synthetic_records; "
            "open_store(sys.argv[1]).add_many(synthetic_records(100_000))")
    proc = subprocess.Popen([sys.executable, "-c", code, store_url])
    store = None
    try:
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            time.sleep(0.1)
            try:
                store = store or open_store(store_url)
                if store.count_documents() >= 30:
                    break
            except StoreError:  # not created yet
                continue
        assert proc.poll() is None, "the writer stopped by itself"
        os.kill(proc.pid, signal.SIGKILL)  # somewhere inside a record's write
    finally:
        proc.kill()
        proc.wait()
    n = store.count_documents()
    assert n >= 30
    with store.engine.connect() as c:
        docs = c.execute(select(t.documents.c.pk, t.documents.c.n_quotes, t.documents.c.n_events)).all()
        quotes = dict(c.execute(select(t.quotes.c.doc_pk, func.count()).group_by(t.quotes.c.doc_pk)).all())
        events = dict(c.execute(select(t.events.c.doc_pk, func.count()).group_by(t.events.c.doc_pk)).all())
        orphans = c.exec_driver_sql("SELECT count(*) FROM events e LEFT JOIN documents d ON d.pk = e.doc_pk "
                                    "WHERE d.pk IS NULL").scalar()
    assert [(pk, quotes.get(pk, 0), events.get(pk, 0)) for pk, _, _ in docs] == [tuple(r) for r in docs]
    assert orphans == 0
    assert {hit["doc_id"] for hit in store.search("shipping", limit=100).items} <= {
        r.document.id for r in store.iter_records()}  # no full-text entry of a lost write
    store.add_many(synthetic_records(n + 5))  # rerun: the rest goes in, nothing twice
    assert store.count_documents() == n + 5
    store.close()


def test_store_reports_join_only_clusters_of_their_year(store):
    for i, (value, precision) in enumerate([("2014-02", "month"), ("2015-02-27", "day"), ("2014-02-27", "day"),
                                            ("2015", "year"), ("2014-03", "month"), ("2015-02", "month")]):
        store.add(story(f"d{i}", f"TOWN {i} —", source=f"S{i}", date=(value, precision)))
    items = store.timeline().items
    assert [(c["date"]["value"], c["num_articles"]) for c in items] == [
        ("2014-02-27", 2), ("2014-03", 1), ("2015-02-27", 3)]


def test_store_cluster_lookup_ranges_find_what_the_whole_key_finds(monkeypatch):
    from dateline.store import core

    def whole_key(self, lookups, cur):  # the old look-up: every cluster of the keys
        keys = sorted({k for k, _, _ in lookups})
        return self._in('SELECT "key", id, date_value, precision, place FROM event_clusters WHERE "key" IN ({}) '
                        "ORDER BY id", keys, cur)

    dates = [("2014-02", "month"), ("2014", "year"), ("2014-02-27", "day"), ("2014-03-01", "day"),
             ("2015-02", "month"), ("2014-02-27", "day"), ("2014-03", "month"), ("2015", "year")]
    records = list(synthetic_records(60)) + [
        story(f"s{i}", f"TOWN {i} —", source=f"S{i % 3}", date=d, place=("Crimea", None, "Donetsk")[i % 3])
        for i, d in enumerate(dates * 2)]

    def clusters(store):
        store.add_many(records)
        with store.engine.connect() as c:
            return c.exec_driver_sql("SELECT id, key, date_value, precision, place, num_mentions, num_articles "
                                     "FROM event_clusters ORDER BY id").all()

    ranged = clusters(open_store(":memory:"))
    monkeypatch.setattr(core._Writer, "_clusters_sql", whole_key)
    assert clusters(open_store(":memory:")) == ranged
    assert any(r[5] > 1 for r in ranged)


def test_store_postgresql_write_plans_are_kept_and_do_not_leak(pg_store):
    """The insert chain and the cluster statements keep generic plans inside a write; the
    connection's own setting (plans for the values) is back once the write commits."""
    records = list(synthetic_records(40))  # psycopg prepares after 5 uses; auto plans 5 times first
    pg_store.add_many(records)
    pg_store.add_many(records[:12])  # replaced: deletes and cluster recounts
    raw = pg_store.engine.raw_connection()  # the pooled connection the writes used
    try:
        cur = raw.cursor()
        cur.execute("SHOW plan_cache_mode")
        assert cur.fetchone()[0] == "force_custom_plan"
        cur.execute("SELECT statement, generic_plans FROM pg_prepared_statements")
        generic = [statement for statement, n in cur.fetchall() if n]
        assert any(x.startswith("WITH w0 AS (INSERT") for x in generic), generic
        assert any("CROSS JOIN LATERAL" in x for x in generic), generic  # the cluster look-up
    finally:
        raw.close()


def test_store_untitled_document_lists_a_lead_cut_at_a_word(store, nlp):
    from dateline.pipeline import analyze
    first_line = ("Negotiators from both delegations resumed their long-delayed talks in Geneva on Monday afternoon "
                  "after a week of quarrels over the agenda and the seating plan.")
    record = analyze(first_line + "\n\nThe talks are expected to last a week.", metadata={"id": "untitled-1"})
    assert record.document.title in (None, "")
    store.add(record)
    title = store.documents().items[0]["title"]
    assert title.endswith("\u2026") and len(title) <= 121
    assert first_line.startswith(title[:-1]) and first_line[len(title) - 1] == " "
    assert {hit["title"] for hit in store.search("Negotiators").items} == {title}
