"""`dateline eval times` and `dateline eval dct`: thin commands over `dateline.eval.times` and
`dateline.eval.dct`."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from dateline.cli.main import eval_app, fail

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"

Data = Annotated[Optional[list[Path]], typer.Option("--data", help="A TE3 (gold/, input/) or MEANTIME folder; repeatable.")]
Limit = Annotated[Optional[int], typer.Option("--limit", help="Score only the first N documents.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the report as JSON.")]


def _pct(x: float) -> str:
    return f"{100 * x:.2f}"


@eval_app.command("times")
def times(
    data: Data = None,
    limit: Limit = None,
    as_json: AsJson = False,
    self_test: Annotated[bool, typer.Option("--self-test", help="Check the scorer: gold vs gold, and the published HeidelTime counts.")] = False,
    errors: Annotated[int, typer.Option("--errors", help="Print up to N missed, spurious and mismatched times.")] = 0,
) -> None:
    """Score TIMEX3 extraction and normalisation with the TempEval-3 entity scorer.

    Example: dateline eval times --data ../shared/data/te3-platinum
    """
    from dateline.eval.times import evaluate_times
    from dateline.eval.times import self_test as run_self_test

    paths = data or [SHARED_DATA / "te3-platinum"]
    for path in paths:
        if not path.exists():
            fail(f"{path}: evaluation data not found")
    if self_test:
        results = {str(p): run_self_test(p) for p in paths}
        typer.echo(json.dumps(results, indent=1))
        counts = next(iter(results.values()))["counts"]
        ok = counts == {"strict_f1": 81.34, "relaxed_f1": 90.3, "value_f1": 77.61} and all(
            r["gold_vs_gold"]["strict_f1"] == r["gold_vs_gold"]["value_f1"] == 100.0 for r in results.values())
        if not ok:
            fail("scorer self-test failed")
        return
    reports = [evaluate_times(p, limit=limit, keep_errors=errors > 0) for p in paths]
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in reports], indent=1))
    else:
        console = Console(width=160)
        table = Table(title="TIMEX3 (TempEval-3 entity scorer)")
        for col in ("corpus", "docs", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1", "type F1", "value F1",
                    "mod acc", "interval", "sec"):
            table.add_column(col)
        for r in reports:
            sp, sr, sf = r.strict_prf
            rp, rr, rf = r.relaxed_prf
            table.add_row(r.corpus, str(r.docs), str(r.gold), str(r.system),
                          f"{_pct(sp)} / {_pct(sr)} / {_pct(sf)}", f"{_pct(rp)} / {_pct(rr)} / {_pct(rf)}",
                          _pct(r.type_f1), _pct(r.value_f1), _pct(r.mod_accuracy), _pct(r.interval_overlap),
                          f"{r.seconds:.1f}")
        console.print(table)
    if errors:
        for r in reports:
            for e in r.errors[:errors]:
                typer.echo(f"{e['kind']:8} {e['doc']} | gold: {e['gold']} | system: {e['system']}")


@eval_app.command("dct")
def dct(
    data: Data = None,
    limit: Limit = None,
    as_json: AsJson = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List each document's gold and inferred date.")] = False,
    hide: Annotated[str, typer.Option("--hide", help="metadata: withhold the DCT input (text as published); dateline: also cut MEANTIME's dateline line.")] = "metadata",
) -> None:
    """Score publication-date inference with the date hidden (same day / month / year), on
    MEANTIME, TE3-Platinum or PolNeAR (train split; dates from its metadata.tsv).

    Example: dateline eval dct --data ../shared/data/meantime-en --data ../shared/data/te3-platinum
    """
    from dateline.eval.dct import evaluate_dct

    paths = data or [SHARED_DATA / "meantime-en", SHARED_DATA / "te3-platinum"]
    for path in paths:
        if not path.exists():
            fail(f"{path}: evaluation data not found")
    if hide not in ("metadata", "dateline"):
        fail(f"--hide must be metadata or dateline, not {hide!r}")
    reports = [evaluate_dct(p, limit=limit, hide=hide) for p in paths]
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in reports], indent=1))
    else:
        table = Table(title="Publication date inference (DCT hidden)")
        for col in ("corpus", "docs", "inferred", "same year", "same month", "same day", "sec"):
            table.add_column(col)
        for r in reports:
            table.add_row(r.corpus, str(r.docs), _pct(r.rate(r.inferred)), _pct(r.rate(r.same_year)),
                          _pct(r.rate(r.same_month)), _pct(r.rate(r.same_day)), f"{r.seconds:.1f}")
        Console(width=140).print(table)
    if verbose:
        for r in reports:
            for row in r.rows:
                typer.echo(f"{row['doc']}\tgold={row['gold']}\tinferred={row['inferred']}\t{'; '.join(row['evidence'])}")
