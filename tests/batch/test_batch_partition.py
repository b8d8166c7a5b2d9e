"""analyze_partition: order, per-item errors, and the per-article time limit."""
from __future__ import annotations

import json
import threading
import time

import pytest

from dateline.batch.limit import Expired, time_limit
from dateline.batch.partition import PartitionOptions, Unreadable, analyze_partition, shippable
from dateline.errors import EmptyInput
from dateline.ingest import SourceItem
from dateline.record import check_record

from batch_articles import article


@pytest.mark.parametrize("in_thread", [False, True])
def test_limit_expires_in_main_thread_and_worker_thread(in_thread):
    outcome = []

    def body():
        try:
            with time_limit(0.1):
                while True:  # pure Python loop: must be interrupted
                    pass
        except Expired:
            outcome.append("expired")

    if in_thread:
        t = threading.Thread(target=body)
        t.start()
        t.join(5)
    else:
        body()
    assert outcome == ["expired"]


def test_limit_does_not_fire_after_block():
    with time_limit(0.05):
        pass
    time.sleep(0.1)  # no late exception


def test_partition_keeps_order_and_reports_errors(nlp):
    items = [SourceItem("a.txt", text=article(0)), shippable(EmptyInput("empty input", path="e.txt")),
             SourceItem("b.txt", text=""), SourceItem("c.txt", text=article(1))]
    result = analyze_partition(7, items, PartitionOptions(batch_size=2))
    assert result.index == 7 and result.n_items == 4
    assert [pos for pos, _ in result.records] == [0, 3]
    assert [(e.pos, e.name, e.kind) for e in result.errors] == [(1, "e.txt", "EmptyInput"), (2, "b.txt", "EmptyInput")]
    for _, text in result.records:
        check_record(json.loads(text))


def test_partition_times_out_only_the_slow_article(nlp, monkeypatch):
    import dateline.pipeline as pipeline

    real = pipeline.build_record

    def slow_on_marker(document, doc):
        if "Zanzibar" in document.text:
            time.sleep(30)
        return real(document, doc)

    monkeypatch.setattr(pipeline, "build_record", slow_on_marker)
    items = [SourceItem(f"{i}.txt", text=article(i)) for i in range(3)]
    items.insert(1, SourceItem("slow.txt", text=article(5) + " Zanzibar was mentioned."))
    t0 = time.monotonic()
    result = analyze_partition(0, items, PartitionOptions(batch_size=4, time_limit=0.5))
    assert time.monotonic() - t0 < 10
    assert [pos for pos, _ in result.records] == [0, 2, 3]
    [err] = result.errors
    assert (err.pos, err.name, err.kind) == (1, "slow.txt", "TimedOut")
    assert "limit" in err.reason


def test_unreadable_round_trips_through_pickle():
    import pickle

    item = shippable(EmptyInput("empty input", path="x.txt"))
    assert pickle.loads(pickle.dumps(item)) == Unreadable("x.txt", "EmptyInput", "empty input")
