"""Article length: time to analyse one article of 200 to 20,000 words, in one process.

Each length is analysed ``--repeat`` times (best time kept) after a warm-up. Prints seconds,
ms per 100 words, and for each 10× step (200→2,000, 2,000→20,000) the time ratio (target
≤ 11: linear). With ``--profile`` prints the stages' cumulative time at the longest length.

    .venv/bin/python benchmarks/length.py
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

LENGTHS = (200, 500, 1000, 2000, 5000, 10000, 20000)


def main(argv: list[str] | None = None) -> dict:
    corpus.print_load("before")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    from dateline import analyze

    # warm up on the longest article: model, lexicons and gazetteer indexes load once per process
    analyze(corpus.article_of_length(LENGTHS[-1]), published="2020-01-01")
    times = {}
    for n in LENGTHS:
        text = corpus.article_of_length(n)
        best = best_wall = float("inf")
        for _ in range(args.repeat):  # CPU time of this process: robust to other jobs on the machine
            t0, c0 = time.perf_counter(), time.process_time()
            analyze(text, published="2020-01-01")
            best = min(best, time.process_time() - c0)
            best_wall = min(best_wall, time.perf_counter() - t0)
        times[n] = (corpus.words(text), best)
        print(f"{corpus.words(text):6,} words: {best:7.2f} s CPU ({best_wall:6.2f} s wall)  "
              f"{100_000 * best / corpus.words(text):6.1f} CPU ms/100 words", flush=True)
    ratios = {}
    for a, b in ((200, 2000), (2000, 20000)):
        (wa, ta), (wb, tb) = times[a], times[b]
        ratios[(a, b)] = (tb / ta) / (wb / wa) * 10  # normalised to an exact 10x length step
        print(f"{a:,} -> {b:,} words (10x): {ratios[(a, b)]:.1f}x CPU time  "
              f"(target <= 11: {'PASS' if ratios[(a, b)] <= 11 else 'FAIL'})")
    if args.profile:
        import cProfile
        import pstats

        text = corpus.article_of_length(LENGTHS[-1])
        prof = cProfile.Profile()
        prof.runcall(analyze, text, published="2020-01-01")
        print(f"profile at {corpus.words(text):,} words (top 15 by cumulative time):")
        pstats.Stats(prof).sort_stats("cumulative").print_stats(15)
    return {"times": times, "ratios": ratios}


if __name__ == "__main__":
    main()
    corpus.print_load("after")
