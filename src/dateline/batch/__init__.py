"""The batch stage: analyse a corpus on all local cores or on a Dask cluster, with the same
per-document pipeline, into a Parquet dataset and/or JSON Lines, resumable after a crash.

The input is cut into partitions of consecutive articles; each engine runs
`analyze_partition` on them (see `dateline.batch.partition`), and `run_batch` writes each
finished partition atomically and records it in a manifest, so a rerun skips it.
"""
from dateline.batch.partition import ItemError, PartitionOptions, PartitionResult, analyze_partition
from dateline.batch.run import BatchOptions, BatchReport, count_items, iter_partitions, run_batch

__all__ = ["BatchOptions", "BatchReport", "ItemError", "PartitionOptions", "PartitionResult", "analyze_partition",
           "count_items", "iter_partitions", "run_batch"]
