"""Fault test for `dateline ingest --db`: kill -9 it at random points, rerun it, and the store
holds exactly what an uninterrupted ingest stores (records, archive actors, event clusters)."""
from __future__ import annotations

import importlib.util
import json
import os
import random
import signal
import time

import pytest

from batch_articles import write_corpus

pytestmark = pytest.mark.skipif(importlib.util.find_spec("dateline.cli.store_cmd") is None,
                                reason="the store CLI (dateline ingest) is not built yet")


def _ingest(inputs, db) -> int:
    from typer.testing import CliRunner

    from dateline.cli.main import app

    return CliRunner().invoke(app, ["ingest", *inputs, "--db", str(db)]).exit_code


def _dump(db) -> dict:
    from dateline.store import open_store

    store = open_store(str(db))
    try:
        records = sorted(json.dumps(r.to_json(), sort_keys=True) for r in store.iter_records())
        actors = sorted(json.dumps({k: v for k, v in a.items() if k != "id"}, sort_keys=True)
                        for a in store.actors(limit=500).items)
        clusters = sorted(json.dumps([c["category"], c["date"], c["num_articles"], c["num_sources"],
                                      c["num_mentions"], sorted(r["doc_id"] for r in c["reports"])], sort_keys=True)
                          for c in store.timeline(limit=500).items)
        return {"n": store.count_documents(), "records": records, "actors": actors, "clusters": clusters}
    finally:
        store.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_ingest_kill9_at_random_points_then_rerun_equals_uninterrupted(tmp_path, nlp):
    inputs = write_corpus(tmp_path / "in", 10)
    t0 = time.monotonic()
    assert _ingest(inputs, tmp_path / "reference.db") == 1  # three bad inputs
    seconds = time.monotonic() - t0
    reference = _dump(tmp_path / "reference.db")
    assert reference["n"] == 10
    rng = random.Random(1127)
    for trial in range(10):
        db = tmp_path / f"trial-{trial}.db"
        pid = os.fork()
        if pid == 0:  # child: ingest until killed
            try:
                _ingest(inputs, db)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, seconds * 1.1))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert _ingest(inputs, db) == 1
        assert _dump(db) == reference, f"trial {trial}: store differs after rerun"
