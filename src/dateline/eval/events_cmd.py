"""`dateline eval events`: score event coding and places (logic in `dateline.eval.events`)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from dateline.cli.main import eval_app, fail


def _default_data() -> Path:
    from dateline.eval.events import SHARED

    return SHARED / "gold"


@eval_app.command("events")
def events(
    data: Annotated[Optional[Path], typer.Option("--data", help="plover-gsr, petrarch2-validation, mordecai3-geo-tests or a gold folder.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Score only the first N records.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses.")] = False,
    speed: Annotated[Optional[int], typer.Option("--speed", help="Instead: time event coding on N PolNeAR articles.")] = None,
) -> None:
    """Score events (PLOVER GSR, PETRARCH-2 GSR, seed gold) or places (Mordecai-3 cases).

    Example: dateline eval events --data ../shared/data/plover-gsr
    """
    from dateline.eval.events import evaluate, measure_speed, summary

    if speed:
        report = measure_speed(speed)
        typer.echo(json.dumps(report) if as_json else
                   f"{report['articles']} articles: parse {report['parse_s']} s, actors+times+quotes "
                   f"{report['other_stages_s']} s, events {report['events_s']} s = +{report['events_share_pct']}% "
                   f"({report['events_ms_per_article']} ms/article; one-time warm-up {report['warmup_s']} s)")
        return
    path = data or _default_data()
    if not path.exists():
        fail(f"{path}: evaluation data not found")
    kind, report = evaluate(path, limit=limit)
    if as_json:
        typer.echo(json.dumps(report, indent=1, ensure_ascii=False))
        return
    console = Console(width=200)
    table = Table(title=f"events: {kind} ({path})")
    table.add_column("measure")
    table.add_column("value")
    for name, value in summary(kind, report):
        table.add_row(name, value)
    console.print(table)
    if verbose:
        for key in ("misses", "lines"):
            for line in report.get(key, []):
                console.print(line, markup=False, highlight=False)
        for name, r in report.items():
            if isinstance(r, dict) and "misses" in r:
                for line in r["misses"]:
                    console.print(f"[{name}] {line}", markup=False, highlight=False)
