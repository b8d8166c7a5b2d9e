"""Drive a batch run: split the input into partitions, skip the finished ones, run the rest on
an engine (local processes or Dask), and write each result as it arrives."""
from __future__ import annotations

import itertools
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dateline.batch.output import FORMATS, BatchOutput, entry_errors
from dateline.batch.partition import DEFAULT_TIME_LIMIT, ItemError, PartitionOptions, PartitionResult, shippable
from dateline.errors import DatelineError
from dateline.ingest import DEFAULT_MAX_BYTES, iter_sources
from dateline.ingest.sources import JSONL_SUFFIXES, KNOWN_SUFFIXES

DEFAULT_PARTITION_SIZE = 64
ENGINES = ("local", "dask")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch run splits, analyses and writes its input.

    ``partition_size``, ``batch_size``, ``published``, ``max_bytes``, ``time_limit``,
    ``formats`` and ``date_grain`` define the output; ``workers``, ``engine`` and ``scheduler``
    only say where it runs (a run may resume on another engine).
    """

    partition_size: int = DEFAULT_PARTITION_SIZE
    batch_size: int = 16
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    formats: tuple[str, ...] = FORMATS
    date_grain: str = "month"
    published: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    time_limit: float | None = DEFAULT_TIME_LIMIT
    overwrite: bool = False


@dataclass
class BatchReport:
    """What a run did: partitions run now and skipped (finished earlier), totals, failures."""

    partitions: int = 0
    skipped: int = 0
    items: int = 0
    records: int = 0
    errors: list[ItemError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        """Number of inputs that failed (in this run or in finished partitions of an earlier one)."""
        return len(self.errors)


def count_items(inputs: Sequence[str]) -> int | None:
    """Count the articles in ``inputs`` cheaply (files, JSONL lines), for the progress bar's
    ETA; None when unknown (stdin).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.jsonl").write_text('{"text": "x"}\\n\\n{"text": "y"}\\n')
    >>> count_items([str(d)])
    2
    """
    total = 0
    for raw in inputs:
        if str(raw) == "-":
            return None
        path = Path(raw)
        files = (sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)
                 if path.is_dir() else [path])
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with file.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def iter_partitions(inputs: Sequence[str], *, size: int, max_bytes: int) -> Iterator[tuple[int, int, list]]:
    """Split the input stream into ``(index, start, items)`` runs of ``size`` items.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for n in range(3): _ = (d / f"{n}.txt").write_text("Text.")
    >>> [(i, s, len(items)) for i, s, items in iter_partitions([str(d)], size=2, max_bytes=100)]
    [(0, 0, 2), (1, 2, 1)]
    """
    stream = iter_sources(inputs, max_bytes=max_bytes)
    for index in itertools.count():
        items = list(itertools.islice(stream, size))
        if not items:
            return
        yield index, index * size, items


def _identity(inputs: Sequence[str], options: BatchOptions) -> dict:
    keep = ("partition_size", "batch_size", "formats", "date_grain", "published", "max_bytes", "time_limit")
    opts = {k: v for k, v in asdict(options).items() if k in keep}
    return {"dateline_batch": 1, "inputs": [s if s == "-" else str(Path(s).resolve()) for s in map(str, inputs)],
            "options": opts}


def run_batch(
    inputs: Sequence[str],
    out: Path,
    options: BatchOptions = BatchOptions(),
    *,
    on_error: Callable[[ItemError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> BatchReport:
    """Analyse ``inputs`` into the output directory ``out``, resuming a run that stopped.

    Args:
        inputs: files, folders, or ``-`` (as for ``dateline analyze``).
        out: the output directory (created if needed).
        options: partitioning, formats, engine, limits.
        on_error: called once per failed input.
        on_progress: called with the number of inputs just finished (finished partitions of an
            earlier run count at the start).

    Raises:
        DatelineError: the output directory holds a different run, or the engine failed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("PARIS — Talks began on Monday.")
    >>> report = run_batch([str(d / "a.txt")], d / "out", BatchOptions(formats=("jsonl",), workers=0))
    >>> report.records, report.failed
    (1, 0)
    """
    if options.engine not in ENGINES:
        raise DatelineError(f"unknown engine {options.engine!r} (use local or dask)")
    unknown = set(options.formats) - set(FORMATS)
    if unknown or not options.formats:
        raise DatelineError(f"unknown output format(s) {sorted(unknown)} (use parquet and/or jsonl)")
    t0 = time.perf_counter()
    output = BatchOutput(Path(out), formats=options.formats, date_grain=options.date_grain)
    output.open(_identity(inputs, options), overwrite=options.overwrite)
    report = BatchReport()
    starts: dict[int, int] = {}
    n_partitions = 0

    def note_errors(errors: list[ItemError]) -> None:
        report.errors.extend(errors)
        if on_error:
            for e in errors:
                on_error(e)

    def todo() -> Iterator[tuple[int, list]]:
        nonlocal n_partitions
        for index, start, items in iter_partitions(inputs, size=options.partition_size, max_bytes=options.max_bytes):
            n_partitions = index + 1
            if output.is_done(index):
                entry = output.done_entry(index)
                report.skipped += 1
                report.items += entry["items"]
                report.records += entry["records"]
                note_errors(entry_errors(entry))
                if on_progress:
                    on_progress(entry["items"])
                continue
            starts[index] = start
            yield index, [shippable(item) for item in items]

    def on_result(result: PartitionResult) -> None:
        entry = output.write(result, start=starts.pop(result.index))
        report.partitions += 1
        report.items += entry["items"]
        report.records += entry["records"]
        note_errors(entry_errors(entry))

    popts = PartitionOptions(published=options.published, max_chars=options.max_bytes,
                             batch_size=options.batch_size, time_limit=options.time_limit,
                             formats=tuple(options.formats), date_grain=options.date_grain,
                             partition_size=options.partition_size)
    if options.engine == "dask":
        from dateline.batch.dask_engine import run_dask

        run_dask(todo(), popts, on_result=on_result, on_progress=on_progress, scheduler=options.scheduler,
                 workers=max(1, options.workers), run_id=uuid.uuid4().hex[:8])
    elif options.workers <= 0:  # in this process (tests, debugging)
        from dateline.batch.partition import analyze_partition

        for index, items in todo():
            on_result(analyze_partition(index, items, popts, on_progress=on_progress))
    else:
        from dateline.batch.local import LocalPool

        LocalPool(options.workers).run(todo(), popts, on_result=on_result, on_progress=on_progress)
    output.finish(n_partitions)
    report.seconds = time.perf_counter() - t0
    return report
