"""Scaling: `dateline batch` with 1 worker process against 2, on the same corpus, in one run.

Prints wall time and articles/s for each (end to end, model loading included), the speed-up
(target ≥ 1.8× on 2 cores) and the peak resident memory of each worker process (target
≤ 700 MB).

    .venv/bin/python benchmarks/workers.py --articles 200
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


class Ticks:
    """Progress callback recording (time, articles done), for the steady-state rate."""

    def __init__(self) -> None:
        self.done = 0
        self.marks: list[tuple[float, int]] = []

    def __call__(self, n: int) -> None:
        self.done += n
        self.marks.append((time.perf_counter(), self.done))

    def steady_rate(self, skip: float = 0.2) -> float:
        """Articles/s after the first ``skip`` share of the corpus (start-up excluded)."""
        if len(self.marks) < 2:
            return 0.0
        total = self.marks[-1][1]
        start = next(m for m in self.marks if m[1] >= skip * total)
        end = self.marks[-1]
        return (end[1] - start[1]) / (end[0] - start[0]) if end[0] > start[0] else 0.0


CPU: dict[str, dict] = {}


def timed_batch(inputs: list[str], out: Path, **options) -> tuple[float, object, float, float]:
    """Run one batch; return (seconds, report, peak worker RSS in MB, steady articles/s). CPU
    seconds of the workers and of this (driver) process are kept in ``CPU[str(out)]``."""
    from dateline.batch import BatchOptions, run_batch

    ticks = Ticks()
    with corpus.RssMonitor(interval=0.1) as mon:
        t0, c0 = time.perf_counter(), time.process_time()
        report = run_batch(inputs, out, BatchOptions(**options), on_progress=ticks)
        seconds, driver = time.perf_counter() - t0, time.process_time() - c0
    CPU[str(out)] = {"workers": mon.worker_cpu(), "driver": driver}
    return seconds, report, mon.worker_peak(), ticks.steady_rate()


def main(argv: list[str] | None = None) -> dict:
    corpus.print_load("before")
    args = corpus.batch_args(argv, __doc__)
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        data, n_words = corpus.prepare(Path(tmp), args.articles)
        runs = {}
        cpu = {}
        for workers in (1, 2):
            out = Path(tmp) / f"out-{workers}"
            runs[workers] = timed_batch([str(data)], out, workers=workers, partition_size=args.partition_size)
            cpu[workers] = CPU[str(out)]
    (t1, r1, m1, s1), (t2, r2, m2, s2) = runs[1], runs[2]
    speedup = t1 / t2
    print(f"corpus: {args.articles} articles, {n_words:,} words; partitions of {args.partition_size}")
    for w, (t, r, m, s) in runs.items():
        print(f"{w} worker{'s' if w > 1 else ' '}: {t:7.1f} s  {r.items / t:6.1f} articles/s end to end, "
              f"{s:6.1f} articles/s steady  peak RSS per worker {m:4.0f} MB  ({r.records} records, {r.failed} failed)")
    print(f"speed-up 2 vs 1 workers, end to end: {speedup:.2f}x  (target >= 1.8: {'PASS' if speedup >= 1.8 else 'FAIL'})")
    if s1:
        print(f"speed-up 2 vs 1 workers, steady state (start-up excluded): {s2 / s1:.2f}x")
    for w in (1, 2):
        print(f"CPU with {w} worker{'s' if w > 1 else ''}: workers {cpu[w]['workers']:6.1f} s "
              f"({cpu[w]['workers'] / r1.items:.3f} s/article), driver {cpu[w]['driver']:5.1f} s")
    # On idle cores the run takes max(work per worker, driver work): what the code allows when
    # no other job competes for the two cores (the measured wall figures include that contention).
    projected = cpu[1]["workers"] / max(cpu[2]["workers"] / 2, cpu[2]["driver"], 1e-9)
    print(f"projected speed-up on 2 idle cores (from CPU seconds): {projected:.2f}x")
    peak = max(m1, m2)
    print(f"peak memory per worker: {peak:.0f} MB  (target <= 700: {'PASS' if peak <= 700 else 'FAIL'})")
    return {"speedup": speedup, "peak_mb": peak, "t1": t1, "t2": t2}


if __name__ == "__main__":
    main()
    corpus.print_load("after")
