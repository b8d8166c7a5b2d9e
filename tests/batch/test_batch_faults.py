"""Fault tests: kill -9 a batch run at random points and resume it; kill workers mid-run.

The resumed output must equal, file for file and byte for byte, the output of a run that was
never interrupted.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.batch import BatchOptions, PartitionOptions, analyze_partition, iter_partitions, run_batch
from dateline.batch.partition import shippable

from batch_articles import tree, write_corpus

OPTIONS = BatchOptions(partition_size=2, batch_size=2, workers=0)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    root = tmp_path_factory.mktemp("faults")
    inputs = write_corpus(root / "in", 12)
    t0 = time.monotonic()
    run_batch(inputs, root / "reference", OPTIONS)
    return root, inputs, time.monotonic() - t0


def _killed_run(inputs, out: Path, delay: float) -> None:
    """Run the batch in a forked child (model already loaded) and SIGKILL it after ``delay``."""
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            run_batch(inputs, out, OPTIONS)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_batch_kill9_at_random_points_then_resume_equals_uninterrupted(corpus):
    root, inputs, seconds = corpus
    reference = tree(root / "reference")
    rng = random.Random(20251127)
    for trial in range(10):
        out = root / f"trial-{trial}"
        _killed_run(inputs, out, rng.uniform(0.0, seconds * 1.1))
        report = run_batch(inputs, out, OPTIONS)
        assert report.failed == 3
        assert tree(out) == reference, f"trial {trial}: resumed output differs"


def test_batch_cli_kill9_with_two_workers_then_resume(corpus):
    root, inputs, _ = corpus
    out = root / "cli-run"
    cmd = [str(Path(sys.executable).with_name("dateline")), "batch", *inputs, "--out", str(out), "--workers", "2",
           "--partition-size", "2", "--batch-size", "2", "--no-progress"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list((out / "_manifest").glob("part-*.json"))) < 2:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and both workers
    proc.wait()
    done = len(list((out / "_manifest").glob("part-*.json")))
    assert 0 < done < 8, "the kill should land mid-run"
    resumed = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 1  # three bad inputs
    assert "Traceback" not in resumed.stderr
    assert f"{done} finished earlier" in resumed.stderr
    assert tree(out) == tree(root / "reference")


def _partitions(inputs):
    return [(i, [shippable(x) for x in items]) for i, _, items in iter_partitions(inputs, size=2, max_bytes=10**7)]


def test_local_worker_killed_mid_run_is_replaced_and_output_complete(corpus):
    from dateline.batch.local import LocalPool

    _, inputs, _ = corpus
    parts = _partitions(inputs)
    opts = PartitionOptions(batch_size=2)
    expected = {i: analyze_partition(i, items, opts) for i, items in parts}
    pool = LocalPool(2)
    got, killed = {}, []

    def on_progress(n):
        if not killed:  # kill a busy worker as soon as work flows
            victim = next(w for w in pool._pool if w.task is not None)
            os.kill(victim.proc.pid, signal.SIGKILL)
            killed.append(victim.proc.pid)

    pool.run(parts, opts, on_result=lambda r: got.setdefault(r.index, r), on_progress=on_progress)
    assert killed
    assert got == expected


def test_dask_worker_killed_mid_run_is_retried_and_output_complete(corpus):
    distributed = pytest.importorskip("distributed")
    root, inputs, _ = corpus
    out = root / "dask-run"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        killed = []

        def on_progress(n):
            if not killed:
                pids = client.run(os.getpid)
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        import dataclasses

        opts = dataclasses.replace(OPTIONS, engine="dask", scheduler=cluster.scheduler_address)
        report = run_batch(inputs, out, opts, on_progress=on_progress)
    assert killed
    assert (report.items, report.failed) == (15, 3)
    reference = tree(root / "reference")
    assert tree(out) == reference
