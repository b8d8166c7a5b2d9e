"""`dateline eval actors`: score actor codes on PETRARCH-2 sentences and check the known-actor file."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from dateline.cli.main import eval_app, fail


@eval_app.command("actors")
def actors(
    data: Annotated[Optional[Path], typer.Option("--data", help="The ../shared/data folder.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Score only the first N sentences.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses.")] = False,
) -> None:
    """Score actors: codes on PETRARCH-2 sentences, PLOVER GSR actors, PolNeAR sources, LitBank pronouns.

    strict = exact code / correct answer; loose = right country (code sets) or resolved at all
    (coverage sets). "known vs Phoenix" checks our own known-actor file against the dictionaries.

    Example: dateline eval actors --data ../shared/data
    """
    from dateline.eval.actors import DEFAULT_DATA, evaluate_actors

    path = data or DEFAULT_DATA
    if not path.exists():
        fail(f"{path}: evaluation data not found")
    report = evaluate_actors(path, limit=limit)
    if as_json:
        typer.echo(json.dumps({k: {"total": s.total, "exact": s.hits, "country": s.country_hits,
                                   "misses": s.misses} for k, s in report.items()}, indent=1))
        return
    table = Table(title="actors")
    for col in ("set", "items", "strict", "loose"):
        table.add_column(col)
    for name, s in report.items():
        table.add_row(name, str(s.total), f"{s.rate:.1%}", f"{s.country_rate:.1%}")
    console = Console()
    console.print(table)
    if verbose:
        for name, s in report.items():
            for miss in s.misses:
                console.print(f"  [{name}] {miss}", markup=False)
