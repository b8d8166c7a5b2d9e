"""The per-partition function every engine runs: analyse a slice of the input, in order.

A partition is a run of consecutive input items (`SourceItem`s, or the `InputError`s the reader
produced for inputs it could not read). `analyze_partition` parses them with ``nlp.pipe`` in
batches through `dateline.pipeline.analyze_sources`, so the pipeline code is the same as in
``dateline analyze``, under a per-article time limit: a batch that runs over its budget is
redone one article at a time, and an article that runs over the limit alone becomes a
`TimedOut` error. Results hold JSON strings and plain values only, so they pickle cheaply for
worker processes and Dask.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dateline.batch.limit import Expired, time_limit
from dateline.errors import InputError, TimedOut

DEFAULT_TIME_LIMIT = 60.0


@dataclass(frozen=True, slots=True)
class ItemError:
    """One input that failed: where it sits in the partition, its name, and why."""

    pos: int
    name: str | None
    kind: str  # the InputError subclass name, e.g. "NotEnglish", "TimedOut"
    reason: str

    @property
    def message(self) -> str:
        """The one line shown on stderr: ``name: reason``."""
        return f"{self.name}: {self.reason}" if self.name else self.reason


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input the reader already failed on (an `InputError` made picklable for workers)."""

    name: str | None
    kind: str
    reason: str

    @classmethod
    def from_error(cls, exc: InputError) -> "Unreadable":
        """Keep the name, class name and reason of a reader error.

        >>> from dateline.errors import EmptyInput
        >>> Unreadable.from_error(EmptyInput("empty input", path="a.txt"))
        Unreadable(name='a.txt', kind='EmptyInput', reason='empty input')
        """
        return cls(exc.path or exc.doc_id, type(exc).__name__, exc.reason)


def shippable(item):
    """Return ``item`` ready to send to a worker: reader errors become `Unreadable`.

    >>> from dateline.errors import BinaryInput
    >>> shippable(BinaryInput("binary data", path="x.bin")).kind
    'BinaryInput'
    """
    return Unreadable.from_error(item) if isinstance(item, InputError) else item


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What one partition produced: records (as JSON text) and errors, both in input order."""

    index: int
    n_items: int
    records: tuple[tuple[int, str], ...] = ()  # (position in partition, record JSON)
    errors: tuple[ItemError, ...] = field(default=())
    files: tuple[tuple[str, bytes], ...] = ()  # encoded output files (path under --out, bytes)
    n_records: int = -1  # number of records (``records`` is left empty once ``files`` holds them)

    @property
    def record_count(self) -> int:
        """How many records the partition produced."""
        return self.n_records if self.n_records >= 0 else len(self.records)


@dataclass(frozen=True, slots=True)
class PartitionOptions:
    """Settings every partition is analysed with (they are part of the run's identity)."""

    published: str | None = None
    max_chars: int | None = None
    batch_size: int = 16
    time_limit: float | None = DEFAULT_TIME_LIMIT
    formats: tuple[str, ...] = ()  # encode these outputs in the worker ("jsonl", "parquet")
    date_grain: str = "month"
    partition_size: int = 0  # partition i starts at item i * partition_size


def _error(pos: int, item, exc: InputError) -> ItemError:
    name = exc.path or getattr(item, "name", None) or exc.doc_id
    return ItemError(pos, name, type(exc).__name__, exc.reason)


def _analyze_chunk(chunk: Sequence, opts: PartitionOptions) -> list:
    from dateline.pipeline import analyze_sources

    todo = [item for item in chunk if not isinstance(item, Unreadable)]
    done = iter(analyze_sources(todo, published=opts.published, max_chars=opts.max_chars,
                                batch_size=max(1, len(todo))) if todo else ())
    return [item if isinstance(item, Unreadable) else next(done) for item in chunk]


def analyze_partition(
    index: int,
    items: Sequence,
    options: PartitionOptions = PartitionOptions(),
    *,
    on_progress: Callable[[int], None] | None = None,
) -> PartitionResult:
    """Analyse one partition of input items; never raises for a bad item.

    Args:
        index: the partition number (carried into the result).
        items: `SourceItem`s and `Unreadable`s (see `shippable`), in input order.
        options: publication date default, size limit, batch size, per-article time limit.
        on_progress: called with the number of items just finished (for progress bars).

    >>> from dateline.ingest import SourceItem
    >>> r = analyze_partition(0, [SourceItem("a.txt", text="PARIS — Talks began."), SourceItem("b.txt", text="")])
    >>> len(r.records), r.errors[0].message
    (1, 'b.txt: empty input')
    """
    records: list[tuple[int, str]] = []
    errors: list[ItemError] = []
    limit = options.time_limit
    size = max(1, options.batch_size)
    for first in range(0, len(items), size):
        chunk = items[first:first + size]
        try:
            with time_limit(limit * len(chunk) if limit else None):
                results = _analyze_chunk(chunk, options)
        except Expired:
            results = []
            for item in chunk:  # find the slow one(s): one article at a time
                if isinstance(item, Unreadable):
                    results.append(item)
                    continue
                try:
                    with time_limit(limit):
                        results.extend(_analyze_chunk([item], options))
                except Expired:
                    name = getattr(item, "name", None)
                    results.append(TimedOut(f"analysis took longer than the limit of {limit:g} s (skipped)",
                                            path=name))
        for offset, (item, result) in enumerate(zip(chunk, results)):
            pos = first + offset
            if isinstance(result, Unreadable):
                errors.append(ItemError(pos, result.name, result.kind, result.reason))
            elif isinstance(result, InputError):
                errors.append(_error(pos, item, result))
            else:
                records.append((pos, json.dumps(result.to_json(), ensure_ascii=False)))
        if on_progress is not None:
            on_progress(len(chunk))
    files = encode_outputs(records, index=index, start=index * options.partition_size, formats=options.formats,
                           date_grain=options.date_grain)
    # once encoded, the records travel back only inside the files (half the bytes to send)
    return PartitionResult(index=index, n_items=len(items), records=() if files else tuple(records),
                           errors=tuple(errors), files=tuple(files), n_records=len(records))


def encode_outputs(records: Sequence[tuple[int, str]], *, index: int, start: int, formats: Sequence[str],
                   date_grain: str = "month") -> list[tuple[str, bytes]]:
    """Encode a partition's records as output files, ``(path under --out, bytes)``: JSON Lines
    and/or the Parquet tables. Done in the worker, so the writing process only copies bytes.

    >>> encode_outputs([(0, '{"document": {"id": "d"}}')], index=2, start=10, formats=["jsonl"])
    [('jsonl/part-00002.jsonl', b'{"document": {"id": "d"}}\\n')]
    """
    files: list[tuple[str, bytes]] = []
    if "jsonl" in formats:
        files.append((f"jsonl/part-{index:05d}.jsonl", "".join(text + "\n" for _, text in records).encode("utf-8")))
    if "parquet" in formats:
        from dateline.export.parquet import encode_parquet

        raw = {start + pos: text for pos, text in records}
        parsed = [(start + pos, json.loads(text)) for pos, text in records]
        files += [(f"parquet/{rel}", data)
                  for rel, data in encode_parquet(parsed, part=index, date_grain=date_grain, raw=raw)]
    return files
