"""Throughput: the full dateline pipeline against bare spaCy parsing of the same articles.

Both phases run in their own fresh process (so each peak memory figure is its own), load the
model, warm up on a few articles, then time the same ``N`` articles with ``nlp.pipe``. Prints
words/s for each, the ratio pipeline ÷ spaCy (target ≥ 0.8), peak RSS, and with ``--profile``
the share of pipeline time spent in each stage (cProfile cumulative times).

    .venv/bin/python benchmarks/throughput.py --articles 200 --profile
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

STAGES = {
    "parse (spaCy nlp.pipe)": ("language.py", "pipe"),
    "ingest make_document": ("document.py", "make_document"),
    "actors find_actors": (None, "find_actors"),
    "times find_times": (None, "find_times"),
    "quotes find_quotes": (None, "find_quotes"),
    "events find_events": (None, "find_events"),
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare(texts: list[str], batch_size: int, out) -> None:
    import spacy

    from dateline.parse.nlp import MODEL_NAME

    w0 = time.perf_counter()
    nlp = spacy.load(MODEL_NAME)
    for _ in nlp.pipe(corpus.source_texts()[-40:], batch_size=batch_size):
        pass
    warmup = time.perf_counter() - w0
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    out.send({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "warmup": warmup,
              "peak_mb": _peak_mb()})


def _pipeline(texts: list[str], batch_size: int, profile: bool, out) -> None:
    from dateline.ingest import SourceItem
    from dateline.parse import load_nlp
    from dateline.pipeline import analyze_sources

    w0 = time.perf_counter()
    load_nlp()
    items = [SourceItem(name=f"bench:{i}", text=t, published="2020-01-01") for i, t in enumerate(texts)]
    # warm up on other articles: lexicons and the gazetteer's indexes load lazily, once per process
    # (several seconds: reported as "load+warm-up", not as throughput)
    warm = [SourceItem(name=f"warm:{i}", text=t) for i, t in enumerate(corpus.source_texts()[-40:])]
    for _ in analyze_sources(warm, batch_size=batch_size):
        pass
    warmup = time.perf_counter() - w0
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    t0, c0 = time.perf_counter(), time.process_time()
    failed = sum(1 for r in analyze_sources(items, batch_size=batch_size) if isinstance(r, Exception))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    stages = {}
    if prof is not None:
        import pstats

        prof.disable()
        stats = pstats.Stats(prof).stats  # (file, line, func) -> (cc, nc, tt, ct, callers)
        for label, (file, func) in STAGES.items():
            stages[label] = sum(v[3] for (f, _, fn), v in stats.items()
                                if fn == func and (file is None or f.endswith(file)))
    out.send({"seconds": seconds, "cpu": cpu, "warmup": warmup, "peak_mb": _peak_mb(), "failed": failed,
              "stages": stages})


def _run(target, *args) -> dict:
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=target, args=(*args, child))
    proc.start()
    result = parent.recv()
    proc.join()
    return result


def main(argv: list[str] | None = None) -> dict:
    corpus.print_load("before")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--profile", action="store_true", help="add a per-stage time breakdown (slows the run a little)")
    args = ap.parse_args(argv)
    texts = corpus.articles(args.articles)
    n_words = sum(corpus.words(t) for t in texts)
    bare = _run(_bare, texts, args.batch_size)
    full = _run(_pipeline, texts, args.batch_size, False)
    prof = _run(_pipeline, texts, args.batch_size, True) if args.profile else None
    bare_wps = n_words / bare["seconds"]
    full_wps = n_words / full["seconds"]
    ratio = full_wps / bare_wps
    print(f"corpus: {args.articles} articles, {n_words:,} words (PolNeAR + MEANTIME + TE3, repeated as needed)")
    cpu_ratio = bare["cpu"] / full["cpu"]
    for name, r in (("bare spaCy", bare), ("pipeline", full)):
        print(f"{name:<11}: {n_words / r['seconds']:8,.0f} words/s wall  {r['seconds']:7.1f} s wall  "
              f"{r['cpu']:7.1f} s CPU  ({n_words / r['cpu']:,.0f} words per CPU-second)  "
              f"peak RSS {r['peak_mb']:5.0f} MB  load+warm-up {r['warmup']:5.1f} s")
    print(f"pipeline articles failed: {full['failed']}")
    print(f"ratio pipeline/spaCy (wall):     {ratio:.2f}  (target >= 0.80: {'PASS' if ratio >= 0.8 else 'FAIL'})")
    print(f"ratio pipeline/spaCy (CPU time): {cpu_ratio:.2f}  (the same ratio, insensitive to other jobs' load)")
    if prof:
        total = prof["seconds"]
        print(f"stage breakdown (separate cProfile run, {total:.1f} s under the profiler; share of that run):")
        for label, secs in prof["stages"].items():
            print(f"  {label:<24} {secs:7.2f} s  {100 * secs / total:5.1f}%")
        rest = total - sum(prof["stages"].values())
        print(f"  {'other (glue, batching)':<24} {rest:7.2f} s  {100 * rest / total:5.1f}%")
    return {"ratio": ratio, "cpu_ratio": cpu_ratio, "bare_wps": bare_wps, "pipeline_wps": full_wps, **full}


if __name__ == "__main__":
    main()
    corpus.print_load("after")
