"""Run partitions on a Dask distributed cluster: the same `analyze_partition` per partition.

Point it at an existing scheduler (``tcp://HOST:PORT``) or let it start a `LocalCluster`. A
worker plugin loads the spaCy pipeline once per worker process when the worker joins, so tasks
only parse. At most two partitions per worker thread are in flight, so the client's memory stays
flat. When a worker dies mid-task the scheduler reruns its tasks on the other workers (Dask's
``allowed-failures``); each partition is also given ``retries`` of its own.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from dateline.batch.partition import PartitionOptions, PartitionResult, analyze_partition

try:  # the plugin base class lives in distributed; keep this module importable without it
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover
    WorkerPlugin = object  # type: ignore[misc,assignment]


class LoadModel(WorkerPlugin):
    """Dask worker plugin: load dateline's spaCy pipeline once, when the worker starts."""

    name = "dateline-load-model"

    def setup(self, worker) -> None:
        """Load the model into the worker process's cache."""
        from dateline.parse import load_nlp

        load_nlp()


def run_partition(index: int, items: list, options: PartitionOptions) -> PartitionResult:
    """The task each Dask worker runs (a module-level function, so it pickles by reference).

    >>> run_partition(0, [], PartitionOptions()).n_items
    0
    """
    return analyze_partition(index, items, options)


def run_dask(
    partitions: Iterable[tuple[int, list]],
    options: PartitionOptions,
    *,
    on_result: Callable[[PartitionResult], None],
    on_progress: Callable[[int], None] | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    run_id: str = "run",
    retries: int = 2,
) -> None:
    """Analyse every ``(index, items)`` partition on a Dask cluster; ``on_result`` is called
    in this process as results arrive. Without ``scheduler`` a LocalCluster of ``workers``
    single-threaded worker processes is started (and stopped afterwards)."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        import dask

        # the statistical profiler samples every task thread 100 times a second: off for our cluster
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(cluster)
    try:
        client.register_plugin(LoadModel())
        threads = max(1, sum(client.nthreads().values()))
        source = iter(partitions)
        pending = as_completed()
        sizes: dict = {}

        def submit() -> bool:
            nxt = next(source, None)
            if nxt is None:
                return False
            index, items = nxt
            future = client.submit(run_partition, index, items, options, key=f"dateline-{run_id}-part-{index:05d}",
                                   retries=retries, pure=False)
            sizes[future.key] = len(items)
            pending.add(future)
            return True

        for _ in range(2 * threads):
            if not submit():
                break
        for future in pending:
            result = future.result()
            future.release()
            on_result(result)
            if on_progress:
                on_progress(sizes.pop(future.key, result.n_items))
            submit()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
