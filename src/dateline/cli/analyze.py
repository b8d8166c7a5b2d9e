"""`dateline analyze`, `dateline schema` and `dateline demo`."""
from __future__ import annotations

import json
import sys
from importlib import resources

import typer
from rich.console import Console

from dateline.cli.main import app
from dateline.cli.options import Inputs, MaxBytes, Out, OutputFormat, Published
from dateline.cli.report import render_record
from dateline.errors import InputError
from dateline.ingest import DEFAULT_MAX_BYTES, iter_sources


@app.command()
def analyze(
    inputs: Inputs,
    published: Published = None,
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json, jsonl or table."),
    out: Out = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Analyse articles and write one record per article, in input order.

    Example: dateline analyze story.txt --published 2025-02-12 --format table
    """
    from dateline.pipeline import analyze_sources

    stream = out.open("w", encoding="utf-8") if out else sys.stdout
    console = Console(file=stream, width=160) if format is OutputFormat.table else None
    failed = 0
    first = True
    try:
        if format is OutputFormat.json:
            stream.write("[\n")
        for result in analyze_sources(iter_sources(inputs, max_bytes=max_bytes), published=published, max_chars=max_bytes):
            if isinstance(result, InputError):
                failed += 1
                typer.echo(f"error: {result.message}", err=True)
                continue
            if format is OutputFormat.table:
                render_record(result, console)
            elif format is OutputFormat.jsonl:
                stream.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            else:
                stream.write(("" if first else ",\n") + json.dumps(result.to_json(), ensure_ascii=False, indent=1))
                first = False
            stream.flush()
        if format is OutputFormat.json:
            stream.write("\n]\n")
    finally:
        if out:
            stream.close()
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a dateline record (`dateline/1`).

    Example: dateline schema > dateline-1.schema.json
    """
    from dateline.record import load_schema

    typer.echo(json.dumps(load_schema(), indent=1))


def demo_text() -> str:
    """Return the bundled demo article (written for dateline)."""
    return resources.files("dateline.data").joinpath("demo/article.txt").read_text("utf-8")


@app.command()
def demo(format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f")) -> None:
    """Analyse the bundled demo article and print the report.

    Example: dateline demo
    """
    from dateline import analyze as run

    record = run(demo_text(), metadata={"id": "dateline-demo"})
    if format is OutputFormat.table:
        render_record(record, Console(width=160))
    else:
        typer.echo(json.dumps(record.to_json(), ensure_ascii=False, indent=1))
