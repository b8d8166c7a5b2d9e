"""Run partitions on local worker processes, each loading the model once.

Workers are started with ``spawn`` (no inherited threads or model state), load the spaCy
pipeline, then take one partition at a time over a pipe and send back small progress ticks and
the `PartitionResult`. The parent keeps at most one partition per worker in flight, so memory
stays flat however large the corpus.

The per-article limit inside the worker (`dateline.batch.limit`) handles slow articles. As a
backstop, a worker that goes silent for much longer than that limit allows, or dies (a crash,
``kill -9``, out of memory), is replaced, and its partition is redone one parse batch at a time
(the same batches, so the output is identical to an undisturbed run); a batch that fails again
is redone one article at a time, and the article that stalls or kills a worker again is
reported (`TimedOut` or ``worker died``) and skipped, and the others still come out.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait

from dateline.errors import DatelineError
from dateline.batch.partition import ItemError, PartitionOptions, PartitionResult, analyze_partition

log = logging.getLogger(__name__)


class WorkerStartError(DatelineError):
    """Worker processes could not start (they die before the model is loaded)."""
GRACE_SECONDS = 30.0


def _worker_main(conn: Connection) -> None:
    from dateline.parse import load_nlp

    load_nlp()
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        key, index, items, options = task
        result = analyze_partition(index, items, options, on_progress=lambda n: conn.send(("tick", n)))
        conn.send(("done", (key, result)))


# One BLAS/OpenMP thread per worker process: N processes on N cores, no oversubscription (Dask's
# nanny sets the same variables for its workers).
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _single_threaded_env():
    saved = {k: os.environ.get(k) for k in _THREAD_VARS}
    os.environ.update({k: "1" for k in _THREAD_VARS})
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@dataclass
class _Task:
    key: tuple  # (partition index, position of the first item, or -1 for a whole partition)
    index: int
    items: list
    options: PartitionOptions


@dataclass
class _Worker:
    proc: mp.process.BaseProcess
    conn: Connection
    ready: bool = False
    task: _Task | None = None
    last: float = field(default_factory=time.monotonic)


@dataclass
class _Solo:
    """A partition being redone one article at a time after its worker stalled or died."""

    index: int
    n_items: int
    waiting: int
    records: list = field(default_factory=list)
    errors: list = field(default_factory=list)


class LocalPool:
    """A pool of model-loaded worker processes that analyses partitions.

    >>> LocalPool(workers=2).workers
    2
    """

    def __init__(self, workers: int = 1, *, grace: float = GRACE_SECONDS) -> None:
        self.workers = max(1, workers)
        self.grace = grace
        self._ctx = mp.get_context("spawn")
        self._pool: list[_Worker] = []
        self._early_deaths = 0

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(child,), daemon=True, name="dateline-worker")
        with _single_threaded_env():
            proc.start()
        child.close()
        return _Worker(proc, parent)

    def _deadline(self, task: _Task) -> float:
        limit = task.options.time_limit
        if not limit:
            return float("inf")
        per_tick = max(1, task.options.batch_size if task.key[1] < 0 else 1)
        return 2 * limit * per_tick + self.grace

    def run(
        self,
        partitions: Iterable[tuple[int, list]],
        options: PartitionOptions,
        *,
        on_result: Callable[[PartitionResult], None],
        on_progress: Callable[[int], None] | None = None,
    ) -> None:
        """Analyse every ``(index, items)`` partition and call ``on_result`` with each result
        (in completion order) in this process."""
        source: Iterator = iter(partitions)
        retry: deque[_Task] = deque()
        solos: dict[int, _Solo] = {}
        exhausted = False
        self._pool = [self._spawn() for _ in range(self.workers)]
        try:
            while True:
                for w in self._pool:  # hand out work to idle, ready workers
                    if not (w.ready and w.task is None):
                        continue
                    if retry:
                        w.task = retry.popleft()
                    elif not exhausted:
                        nxt = next(source, None)
                        if nxt is None:
                            exhausted = True
                            continue
                        w.task = _Task((nxt[0], -1), nxt[0], nxt[1], options)
                    else:
                        continue
                    w.last = time.monotonic()
                    w.conn.send((w.task.key, w.task.index, w.task.items, w.task.options))
                if exhausted and not retry and all(w.task is None for w in self._pool):
                    break
                conns = {w.conn: w for w in self._pool}
                sentinels = {w.proc.sentinel: w for w in self._pool}
                for ready in wait(list(conns) + list(sentinels), timeout=1.0):
                    w = conns.get(ready) or sentinels.get(ready)
                    if ready in conns:
                        try:
                            kind, payload = w.conn.recv()
                        except (EOFError, OSError):
                            continue  # the sentinel reports the death
                        w.last = time.monotonic()
                        if kind == "ready":
                            w.ready = True
                        elif kind == "tick" and on_progress:
                            on_progress(payload)
                        elif kind == "done":
                            w.task = None
                            self._finished(payload, solos, on_result)
                self._check_health(retry, solos, on_result, on_progress)
        finally:
            self.close()

    def _finished(self, payload, solos: dict[int, _Solo], on_result) -> None:
        key, result = payload
        index, first = key
        if first < 0:
            on_result(result)
            return
        solo = solos[index]
        solo.records += [(first + pos, text) for pos, text in result.records]
        solo.errors += [replace(e, pos=first + e.pos) for e in result.errors]
        self._solo_step(solo, solos, on_result)

    def _solo_step(self, solo: _Solo, solos: dict[int, _Solo], on_result) -> None:
        solo.waiting -= 1
        if solo.waiting == 0:
            del solos[solo.index]
            on_result(PartitionResult(solo.index, solo.n_items, tuple(sorted(solo.records)),
                                      tuple(sorted(solo.errors, key=lambda e: e.pos)),
                                      n_records=len(solo.records)))

    def _check_health(self, retry: deque, solos: dict[int, _Solo], on_result, on_progress) -> None:
        now = time.monotonic()
        for i, w in enumerate(self._pool):
            dead = not w.proc.is_alive()
            stalled = w.task is not None and now - w.last > self._deadline(w.task)
            if not (dead or stalled):
                continue
            if stalled:
                w.proc.kill()
            w.proc.join(timeout=5)
            task = w.task
            reason = "stalled" if stalled else f"died (exit code {w.proc.exitcode})"
            log.warning("worker %s %s; replacing it", w.proc.pid, reason)
            w.conn.close()
            if not w.ready:
                self._early_deaths += 1
                if self._early_deaths > 2 * self.workers:
                    raise WorkerStartError(f"worker processes keep dying before loading the model ({reason})")
            self._pool[i] = self._spawn()
            if task is None:
                continue
            index, first = task.key
            if first < 0:  # a whole partition: redo it one parse batch at a time
                size = max(1, task.options.batch_size)
                chunks = [(pos, task.items[pos:pos + size]) for pos in range(0, len(task.items), size)]
                solos[index] = _Solo(index, len(task.items), waiting=len(chunks))
                same = replace(task.options, formats=())  # the parent encodes the merge
                # the same batches as the first attempt, so the parse (and the output) is identical
                retry.extend(_Task((index, pos), index, list(items), same) for pos, items in chunks)
                continue
            solo = solos[index]
            if len(task.items) > 1:  # a batch died again: redo its articles one at a time
                solo.waiting += len(task.items) - 1
                one = replace(task.options, batch_size=1)
                retry.extend(_Task((index, first + pos), index, [item], one) for pos, item in enumerate(task.items))
                continue
            # this single article is the culprit
            name = getattr(task.items[0], "name", None)
            if stalled:
                err = ItemError(first, name, "TimedOut",
                                f"analysis stalled past the limit of {task.options.time_limit:g} s (skipped)")
            else:
                err = ItemError(first, name, "WorkerDied", f"the worker analysing it {reason} (skipped)")
            solo.errors.append(err)
            if on_progress:
                on_progress(1)
            self._solo_step(solo, solos, on_result)

    def close(self) -> None:
        """Stop every worker (politely, then by force)."""
        for w in self._pool:
            try:
                w.conn.send(None)
            except (OSError, ValueError):
                pass
        for w in self._pool:
            w.proc.join(timeout=5)
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(timeout=5)
            w.conn.close()
        self._pool = []

