"""`dateline export`: records on disk (JSON Lines) or in the store → JSONL, PLOVER, GDELT or Parquet."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from dateline.cli.main import app, fail
from dateline.errors import DatelineError
from dateline.record import Record


class ExportFormat(str, Enum):
    plover = "plover"
    gdelt = "gdelt"
    jsonl = "jsonl"
    parquet = "parquet"


class ExportError(DatelineError):
    """A records file could not be read for export."""


def read_records(paths: list[str]) -> Iterator[Record]:
    """Yield records from JSON Lines files (``-`` is stdin); a JSON array file also works."""
    for name in paths:
        fh = sys.stdin if name == "-" else None
        path = Path(name)
        if fh is None and not path.is_file():
            raise ExportError(f"{name}: no such file")
        stream = fh or path.open(encoding="utf-8")
        try:
            head = stream.read(1)
            rest = stream.read() if head == "[" else None
            if rest is not None:
                for data in json.loads(head + rest):
                    yield Record.from_json(data)
                continue
            for n, line in enumerate(_lines(head, stream), 1):
                if not line.strip():
                    continue
                try:
                    yield Record.from_json(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    raise ExportError(f"{name}:{n}: not a dateline record ({type(exc).__name__}: {exc})") from exc
        finally:
            if fh is None:
                stream.close()


def _lines(head: str, stream) -> Iterator[str]:
    first = head + stream.readline()
    yield first
    yield from stream


def _store_records(url: str) -> Iterator[Record]:
    try:
        from dateline.store import open_store
    except ModuleNotFoundError as exc:  # the store stage is optional
        raise ExportError(f"--db needs the store module ({exc.name} is missing)") from exc
    store = open_store(url)
    try:
        yield from store.iter_records()
    finally:
        close = getattr(store, "close", None)
        if close:
            close()


def mentions_path(out: Path) -> Path:
    """Where the GDELT mention table goes next to ``out`` (``events.tsv`` → ``events.mentions.tsv``).

    >>> mentions_path(Path("x/events.tsv")).as_posix()
    'x/events.mentions.tsv'
    """
    return out.with_name(f"{out.stem}.mentions{out.suffix or '.tsv'}")


@app.command("export")
def export(
    inputs: Annotated[Optional[list[str]], typer.Argument(help="Record files (.jsonl from `dateline analyze -f jsonl`), or - for stdin.")] = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="plover, gdelt, jsonl or parquet (a dataset folder).")] = ExportFormat.plover,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file (stdout when omitted; gdelt needs a file; parquet a folder).")] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="Read records from this store (SQLite file or postgresql:// URL).")] = None,
    mentions: Annotated[Optional[Path], typer.Option("--mentions", help="GDELT mention table path (default: OUT with .mentions).")] = None,
) -> None:
    """Export events (PLOVER JSON Lines, GDELT 2.0 event + mention tables) or whole records
    (JSON Lines, or a Parquet dataset of records, actors, quotes, times and events tables).

    Example: dateline export records.jsonl --format gdelt --out events.tsv
    """
    from dateline.export import write_gdelt, write_jsonl, write_plover

    if not inputs and not db:
        fail("give record files or --db URL")
    if inputs and db:
        fail("give record files or --db, not both")
    records = _store_records(db) if db else read_records(inputs or [])
    target = out if out is not None else sys.stdout
    try:
        if format is ExportFormat.gdelt:
            if out is None and mentions is None:
                n = write_gdelt(records, target)
            else:
                n = write_gdelt(records, target, mentions=mentions or mentions_path(out))
        elif format is ExportFormat.parquet:
            if out is None:
                fail("--format parquet needs --out FOLDER")
            n = _write_parquet_dataset(records, out)
        elif format is ExportFormat.plover:
            n = write_plover(records, target)
        else:
            n = write_jsonl(records, target)
    except ExportError as exc:
        fail(exc.message)
        return
    whole = format in (ExportFormat.jsonl, ExportFormat.parquet)
    typer.echo(f"exported {n} {'records' if whole else 'events'}", err=True)


def _write_parquet_dataset(records, out: Path, *, part_size: int = 1000) -> int:
    """Write records as the same Parquet dataset `dateline batch` writes, ``part_size`` a file."""
    from itertools import islice

    from dateline.export.parquet import write_parquet

    it = enumerate(r.to_json() for r in records)
    n = part = 0
    while chunk := list(islice(it, part_size)):
        write_parquet(chunk, out, part=part)
        n += len(chunk)
        part += 1
    return n
