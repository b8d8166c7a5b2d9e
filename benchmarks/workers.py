"""Scaling: `dateline batch` with 1 worker process against 2, on the same corpus, in one run.

Prints wall time and articles/s for each (end to end, model loading included), the speed-up
(target ≥ 1.8× on 2 cores) and the peak resident memory of each worker process (target
≤ 700 MB).

    .venv/bin/python benchmarks/workers.py --articles 200
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def timed_batch(inputs: list[str], out: Path, **options) -> tuple[float, object, float]:
    """Run one batch; return (seconds, report, peak worker RSS in MB)."""
    from dateline.batch import BatchOptions, run_batch

    with corpus.RssMonitor() as mon:
        t0 = time.perf_counter()
        report = run_batch(inputs, out, BatchOptions(**options))
        seconds = time.perf_counter() - t0
    return seconds, report, mon.worker_peak()


def main(argv: list[str] | None = None) -> dict:
    corpus.print_load("before")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--partition-size", type=int, default=16)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        data = corpus.write_jsonl(Path(tmp) / "corpus.jsonl", args.articles)
        n_words = sum(corpus.words(t) for t in corpus.articles(args.articles))
        runs = {}
        for workers in (1, 2):
            runs[workers] = timed_batch([str(data)], Path(tmp) / f"out-{workers}", workers=workers,
                                        partition_size=args.partition_size)
    (t1, r1, m1), (t2, r2, m2) = runs[1], runs[2]
    speedup = t1 / t2
    print(f"corpus: {args.articles} articles, {n_words:,} words; partitions of {args.partition_size}")
    for w, (t, r, m) in runs.items():
        print(f"{w} worker{'s' if w > 1 else ' '}: {t:7.1f} s  {r.items / t:6.1f} articles/s  {n_words / t:7,.0f} words/s"
              f"  peak RSS per worker {m:4.0f} MB  ({r.records} records, {r.failed} failed)")
    print(f"speed-up 2 vs 1 workers: {speedup:.2f}x  (target >= 1.8: {'PASS' if speedup >= 1.8 else 'FAIL'})")
    peak = max(m1, m2)
    print(f"peak memory per worker: {peak:.0f} MB  (target <= 700: {'PASS' if peak <= 700 else 'FAIL'})")
    return {"speedup": speedup, "peak_mb": peak, "t1": t1, "t2": t2}


if __name__ == "__main__":
    main()
    corpus.print_load("after")
