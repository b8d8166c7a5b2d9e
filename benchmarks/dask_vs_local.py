"""Dask against local processes: a LocalCluster of 2 single-threaded workers (no dashboard)
against `dateline batch --workers 2`, on the same corpus, in one run.

Prints wall time and articles/s for each (cluster start and model loading included) and the
ratio Dask ÷ local throughput (target ≥ 0.9), plus the peak memory of each worker.

    .venv/bin/python benchmarks/dask_vs_local.py --articles 200
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
from workers import timed_batch  # noqa: E402


def main(argv: list[str] | None = None) -> dict:
    corpus.print_load("before")
    args = corpus.batch_args(argv, __doc__)
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        data, n_words = corpus.prepare(Path(tmp), args.articles)
        local = timed_batch([str(data)], Path(tmp) / "out-local", workers=2, partition_size=args.partition_size)
        dask = timed_batch([str(data)], Path(tmp) / "out-dask", workers=2, engine="dask",
                           partition_size=args.partition_size)
        same = sorted((Path(tmp) / "out-local" / "jsonl").iterdir()) and all(
            a.read_bytes() == b.read_bytes() for a, b in zip(sorted((Path(tmp) / "out-local" / "jsonl").iterdir()),
                                                             sorted((Path(tmp) / "out-dask" / "jsonl").iterdir())))
    print(f"corpus: {args.articles} articles, {n_words:,} words; partitions of {args.partition_size}")
    for name, (t, r, m, s) in (("local, 2 processes", local), ("dask LocalCluster 2", dask)):
        print(f"{name:<20}: {t:7.1f} s  {r.items / t:6.1f} articles/s end to end, {s:6.1f} articles/s steady"
              f"  peak RSS per worker {m:4.0f} MB  ({r.records} records, {r.failed} failed)")
    ratio = local[0] / dask[0]
    print(f"dask / local throughput, end to end: {ratio:.2f}  (target >= 0.9: {'PASS' if ratio >= 0.9 else 'FAIL'})")
    if local[3]:
        print(f"dask / local throughput, steady state: {dask[3] / local[3]:.2f}")
    print(f"identical JSONL output: {'yes' if same else 'NO'}")
    return {"ratio": ratio}


if __name__ == "__main__":
    main()
    corpus.print_load("after")
