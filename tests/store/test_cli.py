"""`dateline ingest` and `dateline query ...` as a person uses them (CliRunner, exact error lines),
plus a killed ingest process rerun to completion."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.main import app
from dateline.store import open_store
from dateline.store.synthetic import story

runner = CliRunner()

ARTICLES = {
    "a.txt": "KYIV — Ukraine's foreign minister said on Monday that talks with Russia would resume in Geneva.\n"
             "\"We are ready to listen,\" the minister told reporters.",
    "b.txt": "WARSAW — Poland will send more air defense systems to its eastern border, the defense ministry said.",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def test_cli_ingest_stores_and_reports(corpus, tmp_path):
    db = tmp_path / "a.db"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"stored 2, failed 0 ({db})"
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])  # same articles: replaced
    assert again.exit_code == 0
    assert open_store(db).count_documents() == 2


def test_cli_ingest_bad_inputs_one_line_each_others_stored(corpus, tmp_path):
    db = tmp_path / "a.db"
    (tmp_path / "empty.txt").write_text("  \n", "utf-8")
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["ingest", str(corpus / "a.txt"), str(missing), str(tmp_path / "empty.txt"),
                                 "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {missing}: no such file or directory",
                                          f"error: {tmp_path / 'empty.txt'}: empty input"]
    assert result.stdout.strip() == f"stored 1, failed 2 ({db})"
    assert open_store(db).count_documents() == 1


def test_cli_query_missing_store_is_one_line(tmp_path):
    db = tmp_path / "none.db"
    result = runner.invoke(app, ["query", "quotes", "--speaker", "Hegseth", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {db}: no such store (create it with: dateline ingest FILES --db {db})\n"
    assert not db.exists()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    store = open_store(path)
    store.add(story("d1", "KYIV —", source="AP"))
    store.add(story("d2", "PARIS —", source="Reuters", date=("2014-02-27", "day")))
    store.add(story("d3", "ROME —", speaker="Vladimir Putin", alias="Putin", category="ASSAULT",
                    date=("2022-02-24", "day")))
    store.close()
    return str(path)


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_cli_query_quotes_formats(db, fmt):
    result = runner.invoke(app, ["query", "quotes", "--speaker", "Hegseth", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert [q["doc_id"] for q in data["items"]] == ["d1", "d2"] and data["next"] is None
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert [(r["doc_id"], r["speaker"], r["text"]) for r in rows] == [
            ("d1", "Pete Hegseth", "talks would start soon"), ("d2", "Pete Hegseth", "talks would start soon")]
    else:
        assert "Pete Hegseth" in result.stdout and "talks would start soon" in result.stdout


def test_cli_query_events_filters(db):
    result = runner.invoke(app, ["query", "events", "--actor", "Russia", "--category", "ASSAULT", "--from",
                                 "2022-01-01", "--to", "2022-12-31", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [e["doc_id"] for e in json.loads(result.stdout)["items"]] == ["d3"]


def test_cli_query_timeline_orders_and_counts(db):
    result = runner.invoke(app, ["query", "timeline", "--actor", "Ukraine", "--db", db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["date"], r["category"], r["articles"], r["sources"]) for r in rows] == [
        ("2014-02-27", "COERCE", "2", "2"), ("2022-02-24", "ASSAULT", "1", "1")]


def test_cli_query_search(db):
    result = runner.invoke(app, ["query", "search", "peninsula", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {h["doc_id"] for h in json.loads(result.stdout)["items"]} == {"d1", "d2", "d3"}


def test_cli_query_bad_cursor_is_one_line(db):
    result = runner.invoke(app, ["query", "quotes", "--cursor", "zz", "--db", db])
    assert result.exit_code == 1
    assert result.stderr == "error: bad cursor 'zz'\n"


def _dateline() -> list[str]:
    return [str(Path(sys.executable).with_name("dateline"))]


def test_cli_ingest_killed_midway_leaves_no_partial_document(tmp_path):
    """SIGKILL the ingest process after some articles are stored, rerun it, and check that every
    stored document is complete and none is duplicated."""
    folder = tmp_path / "many"
    folder.mkdir()
    n = 240
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(
            f"BRUSSELS — Minister number {i} said on Tuesday that the alliance would meet again in week {i}.\n"
            f"\"We will decide together,\" minister {i} told reporters in Brussels.", "utf-8")
    db = tmp_path / "k.db"
    proc = subprocess.Popen([*_dateline(), "ingest", str(folder), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and _stored(db) < 3:
        time.sleep(0.02)  # a cheap read-only count: the writer stores an article every few ms
    if proc.poll() is not None:
        pytest.skip("ingest finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = open_store(db)
    first = store.count_documents()
    assert 3 <= first < n
    _assert_complete(store)
    done = subprocess.run([*_dateline(), "ingest", str(folder), "--db", str(db)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert store.count_documents() == n
    _assert_complete(store)


def _stored(db: Path) -> int:
    """Documents committed so far in the SQLite store at ``db`` (0 before it exists)."""
    import sqlite3
    from contextlib import closing

    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _assert_complete(store) -> None:
    from sqlalchemy import func, select

    from dateline.store import schema as t

    with store.engine.connect() as c:
        docs = c.execute(select(t.documents.c.pk, t.documents.c.n_quotes, t.documents.c.n_events,
                                t.documents.c.record)).all()
        quotes = dict(c.execute(select(t.quotes.c.doc_pk, func.count()).group_by(t.quotes.c.doc_pk)).all())
        events = dict(c.execute(select(t.events.c.doc_pk, func.count()).group_by(t.events.c.doc_pk)).all())
        fts = c.exec_driver_sql("SELECT count(*) FROM documents_fts").scalar()
    assert fts == len(docs)
    for pk, nq, ne, raw in docs:
        record = json.loads(raw)
        assert quotes.get(pk, 0) == nq == len(record["quotes"])
        assert events.get(pk, 0) == ne == len(record["events"])


@pytest.mark.parametrize("args", [["ingest"], ["serve"], ["query", "quotes"], ["query", "events"],
                                  ["query", "timeline"], ["query", "search"]])
def test_cli_store_commands_have_help_with_an_example(args):
    result = runner.invoke(app, [*args, "--help"])
    assert result.exit_code == 0
    assert "Example: dateline" in result.stdout
