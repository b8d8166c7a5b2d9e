"""`dateline batch`: analyse a corpus on all cores or a Dask cluster into Parquet and/or JSONL."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn, \
    TimeRemainingColumn
from rich.text import Text

from dateline.cli.main import app
from dateline.cli.options import Inputs, MaxBytes, Published
from dateline.ingest import DEFAULT_MAX_BYTES


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class Format(str, Enum):
    parquet = "parquet"
    jsonl = "jsonl"
    both = "both"


class Grain(str, Enum):
    day = "day"
    month = "month"
    year = "year"


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} articles/s" if speed else "– articles/s", style="progress.data.speed")


@app.command()
def batch(
    inputs: Inputs,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory (created; a rerun resumes it).")],
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes (local) or LocalCluster "
                                         "workers (dask without --scheduler).")] = 1,
    engine: Annotated[Engine, typer.Option("--engine", help="local processes or a Dask cluster.")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address, "
                                                     "tcp://HOST:PORT (with --engine dask).")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="parquet, jsonl or both.")] = Format.both,
    partition_size: Annotated[int, typer.Option("--partition-size", help="Articles per partition (the unit "
                                                "of work and of resuming).")] = 64,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Articles per nlp.pipe batch.")] = 16,
    date_grain: Annotated[Grain, typer.Option("--date-grain", help="Parquet date partitions: day, month "
                                              "or year.")] = Grain.month,
    time_limit: Annotated[float, typer.Option("--time-limit", help="Seconds per article before it is "
                                              "skipped as timed out (0: no limit).")] = 60.0,
    published: Published = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Discard a different earlier run in --out.")] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
) -> None:
    """Analyse a corpus into a Parquet dataset (records, actors, quotes, times, events; partitioned
    by date) and/or JSON Lines. Rerunning the same command after a crash skips finished partitions.

    Example: dateline batch wires/ --out wires-out --workers 2
    """
    from dateline.batch import BatchOptions, count_items, run_batch
    from dateline.errors import DatelineError

    if engine is Engine.local and scheduler:
        raise DatelineError("--scheduler needs --engine dask")
    if partition_size < 1 or batch_size < 1:
        raise DatelineError("--partition-size and --batch-size must be at least 1")
    formats = ("parquet", "jsonl") if format is Format.both else (format.value,)
    options = BatchOptions(
        partition_size=partition_size, batch_size=batch_size, workers=workers, engine=engine.value,
        scheduler=scheduler, formats=formats, date_grain=date_grain.value, published=published,
        max_bytes=max_bytes, time_limit=time_limit or None, overwrite=overwrite,
    )
    console = Console(stderr=True)
    bar = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                   console=console, disable=not progress, transient=False)

    with bar:
        task = bar.add_task("analysing", total=count_items(inputs))
        report = run_batch(
            inputs, out, options,
            on_error=lambda e: console.print(f"error: {e.message}", markup=False, highlight=False, soft_wrap=True),
            on_progress=lambda n: bar.advance(task, n),
        )
    resumed = f", {report.skipped} finished earlier" if report.skipped else ""
    console.print(f"{report.items:,} articles → {report.records:,} records, {report.failed:,} failed; "
                  f"{report.partitions} partitions run{resumed}; {report.seconds:,.1f} s → {out}",
                  markup=False, highlight=False, soft_wrap=True)
    if report.failed:
        raise typer.Exit(1)
