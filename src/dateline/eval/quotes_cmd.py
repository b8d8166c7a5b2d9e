"""`dateline eval quotes`: score quote extraction on PolNeAR (thin wrapper over `eval.quotes`)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from dateline.cli.main import eval_app, fail

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "polnear"


@eval_app.command("quotes")
def quotes(
    data: Annotated[Path, typer.Option("--data", help="PolNeAR folder (metadata.tsv, train/dev/test).")] = DEFAULT_DATA,
    split: Annotated[str, typer.Option("--split", help="train | dev | test (run test rarely).")] = "dev",
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N articles.")] = None,
    direct_only: Annotated[bool, typer.Option("--direct-only", help="Extract direct quotes only.")] = False,
    broad: Annotated[bool, typer.Option("--broad", help="Also extract attributed attitudes ('wants to run', "
                                                         "'opposed the deal'), as PolNeAR annotates them.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score quotes against PolNeAR: content P/R/F1, source and cue accuracy, attribution F1.

    Example: dateline eval quotes --data ../shared/data/polnear --split dev
    """
    from dateline.eval.brat import PolnearError
    from dateline.eval.quotes import evaluate_polnear

    if not (data / "metadata.tsv").exists():
        fail(f"PolNeAR data not found: {data} (pass --data)")
    try:
        report = evaluate_polnear(data, split, limit=limit, direct_only=direct_only, broad=broad)
    except PolnearError as exc:
        fail(str(exc))
    result = report.to_json()
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    _table(result)


def _table(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"PolNeAR {result['split']} ({result['mode']}): {result['articles']} articles, "
                        f"Jaccard >= {result['threshold']} ({result['seconds_per_article'] * 1000:.0f} ms/article)")
    cols = {"gold": "gold", "pred": "pred", "matched": "match", "precision": "P", "recall": "R", "f1": "F1",
            "source_accuracy": "src acc", "attribution_f1": "attr F1", "cue_accuracy": "cue acc",
            "speaker_linked": "linked"}
    table.add_column("slice", no_wrap=True)
    for label in cols.values():
        table.add_column(label, justify="right", no_wrap=True)
    for name, row in result["slices"].items():
        table.add_row(name, *(f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c]) for c in cols))
    console = Console(width=max(Console().width, 130))
    console.print(table)
    calib = Table(title="What a quote's confidence means: share of predictions right in content and source")
    calib.add_column("confidence", justify="right")
    calib.add_column("predictions", justify="right")
    calib.add_column("right", justify="right")
    for bucket, row in result.get("calibration", {}).items():
        calib.add_row(bucket, str(row["predictions"]), f"{row['right']:.2f}")
    console.print(calib)
