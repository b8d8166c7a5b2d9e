"""Store and API benchmarks (issue 6 targets), on synthetic-but-realistic records
(`dateline.store.synthetic`: wire stories with titled speakers, direct and indirect quotes, dated
news and background events; every span exact).

    # ingest rate, records prepared in advance (analysis excluded), SQLite and PostgreSQL
    .venv/bin/python benchmarks/store_bench.py ingest --n 2000 --backend both
    # the two side by side in alternating chunks (same background load for both)
    .venv/bin/python benchmarks/store_bench.py interleaved --n 1000
    # build a 100,000-record SQLite store, then time the API on it over HTTP
    .venv/bin/python benchmarks/store_bench.py build --n 100000 --db out/bench100k.db
    .venv/bin/python benchmarks/store_bench.py api --db out/bench100k.db --requests 300

Each figure is printed with the machine's load average: the machine is shared, and wall-clock
rates fall when other processes hold the two cores; the CPU-time rate (records per second of
this process's CPU) is printed beside the wall rate for that reason.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from dateline.store import open_store
from dateline.store.synthetic import cast, synthetic_record


def _load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def _rate(store, records) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    for r in records:
        store.add(r)
    return len(records) / (time.perf_counter() - wall), len(records) / (time.process_time() - cpu)


def ingest(args) -> None:
    """Time `Store.add` (one transaction per record) on an empty store after a warm-up of 500."""
    records = [synthetic_record(i, seed=args.seed) for i in range(args.n + 500)]
    warm, timed = records[:500], records[500:]
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    results = {}
    for backend in backends:
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                store = open_store(str(Path(tmp) / "bench.db"))
                store.add_many(warm)
                results[backend] = _rate(store, timed)
                again = _rate(store, timed)  # the same records again: replaced, not duplicated
                assert store.count_documents() == len(records), store.count_documents()
                store.close()
        else:
            from dateline.store.pgtemp import TempPostgres

            # durable like the SQLite store (fsync on), commits not waited for, like WAL + synchronous=NORMAL
            with TempPostgres(settings="-c synchronous_commit=off") as pg:
                store = open_store(pg.url)
                store.add_many(warm)
                results[backend] = _rate(store, timed)
                again = _rate(store, timed)
                assert store.count_documents() == len(records), store.count_documents()
                store.close()
        wall, cpu = results[backend]
        print(f"{backend:10s} ingest {args.n} records: {wall:6.0f} records/s wall, {cpu:6.0f} records/s CPU; "
              f"re-ingest (replace) {again[0]:6.0f} records/s wall; {_load()}", flush=True)
    if len(results) == 2:
        print(f"PostgreSQL / SQLite wall-time ratio: {results['sqlite'][0] / results['postgresql'][0]:.2f}x slower")


def interleaved(args) -> None:
    """SQLite and PostgreSQL side by side, alternating chunks of 50 records, so both see the same
    load from other processes; prints each one's rate and the ratio."""
    from dateline.store.pgtemp import TempPostgres

    records = [synthetic_record(i, seed=args.seed) for i in range(args.n + 500)]
    warm, timed = records[:500], records[500:]
    with tempfile.TemporaryDirectory() as tmp, TempPostgres(settings="-c synchronous_commit=off") as pg:
        stores = {"sqlite": open_store(str(Path(tmp) / "bench.db")), "postgresql": open_store(pg.url)}
        for store in stores.values():
            store.add_many(warm)
        spent = {name: 0.0 for name in stores}
        cpu = {name: 0.0 for name in stores}
        print(f"start: {_load()}", flush=True)
        for k in range(0, len(timed), 50):
            for name, store in stores.items():
                t, c = time.perf_counter(), time.process_time()
                store.add_many(timed[k:k + 50])
                spent[name] += time.perf_counter() - t
                cpu[name] += time.process_time() - c
        for name, store in stores.items():
            assert store.count_documents() == len(records)
            print(f"{name:10s} {len(timed)} records interleaved: {len(timed) / spent[name]:6.0f} records/s wall, "
                  f"{len(timed) / cpu[name]:6.0f} records/s CPU (this process; not the PostgreSQL server's)")
            store.close()
    print(f"PostgreSQL / SQLite: {spent['postgresql'] / spent['sqlite']:.2f}x the time; end: {_load()}")


def build(args) -> None:
    """Fill a SQLite store with ``n`` synthetic records (skips ids already there)."""
    store = open_store(args.db)
    have = store.count_documents()
    t0 = time.perf_counter()
    for i in range(have, args.n):
        store.add(synthetic_record(i, seed=args.seed))
        if (i + 1) % 5000 == 0:
            print(f"{i + 1} records, {(i + 1 - have) / (time.perf_counter() - t0):.0f}/s, {_load()}", flush=True)
    print(f"store {args.db}: {store.count_documents()} documents")


def _names() -> list[str]:
    people = [p["name"] for p in cast()["people"]]
    return people + [n.split()[-1] for n in people]


def _time(url: str) -> float:
    t = time.perf_counter()
    with urllib.request.urlopen(url) as r:
        r.read()
        assert r.status == 200
    return (time.perf_counter() - t) * 1000


def api(args) -> None:
    """Start `dateline serve` on the store and time /quotes?speaker= and /events?actor= over HTTP."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = str(Path(sys.executable).with_name("dateline"))
    proc = subprocess.Popen([exe, "serve", "--db", args.db, "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                _time(base + "/documents?limit=1")
                break
            except OSError:
                time.sleep(0.3)
        n_docs = open_store(args.db).count_documents()
        rnd = random.Random(1)
        names = _names()
        for path, param in (("/quotes", "speaker"), ("/events", "actor"), ("/timeline", "actor")):
            for name in names[:5]:  # warm-up
                _time(f"{base}{path}?{urllib.parse.urlencode({param: name})}")
            times = [_time(f"{base}{path}?{urllib.parse.urlencode({param: rnd.choice(names)})}")
                     for _ in range(args.requests)]
            times.sort()
            p95 = times[int(0.95 * (len(times) - 1))]
            print(f"GET {path}?{param}=NAME on {n_docs} documents: p50 {statistics.median(times):.1f} ms, "
                  f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms ({len(times)} requests); {_load()}", flush=True)
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("ingest")
    p.add_argument("--n", type=int, default=2000)
    p.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    p.add_argument("--seed", type=int, default=7)
    p = sub.add_parser("interleaved")
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--seed", type=int, default=7)
    p = sub.add_parser("build")
    p.add_argument("--n", type=int, default=100_000)
    p.add_argument("--db", default="out/bench100k.db")
    p.add_argument("--seed", type=int, default=0)
    p = sub.add_parser("api")
    p.add_argument("--db", default="out/bench100k.db")
    p.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    {"ingest": ingest, "interleaved": interleaved, "build": build, "api": api}[args.cmd](args)


if __name__ == "__main__":
    main()
