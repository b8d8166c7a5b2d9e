"""`dateline eval gold PATH`: score the pipeline on seed-format gold files."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dateline.cli.main import eval_app, fail


@eval_app.command("gold")
def gold(
    path: Annotated[Path, typer.Argument(help="A gold file or a folder of them (e.g. ../shared/gold/).")] = Path("../shared/gold"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
) -> None:
    """Score quotes, times, actors, coreference and events against seed-format gold files.

    Example: dateline eval gold ../shared/gold/
    """
    from dateline.eval.gold import evaluate_gold

    if not path.exists():
        fail(f"{path}: gold data not found")
    report = evaluate_gold(path)
    if as_json:
        typer.echo(json.dumps({name: {k: dataclasses.asdict(v) for k, v in secs.items()}
                               for name, secs in report.items()}, indent=1, ensure_ascii=False))
        return
    console = Console()
    for name, sections in report.items():
        table = Table(title=f"gold: {name}")
        for col in ("section", "required", "found", "correct", "extra"):
            table.add_column(col)
        for key, sec in sections.items():
            table.add_row(key, str(sec.required), str(sec.found), str(sec.correct), str(sec.extra))
        console.print(table)
        if verbose:
            for key, sec in sections.items():
                for miss in sec.misses:
                    console.print(f"  [{key}] {miss}")
