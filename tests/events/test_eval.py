"""Smoke runs of the event scorers (the full runs are `dateline eval events --data ...`)."""
from __future__ import annotations

from typer.testing import CliRunner

from conftest import shared_path
from dateline.cli.main import app
from dateline.eval.events import _f1, _match, detect, score_geo, score_petrarch, score_plover_gsr


def test_eval_plover_gsr_smoke():
    report = score_plover_gsr(shared_path("data", "plover-gsr"), limit=8)
    assert report["records"] == 8
    assert 0.0 <= report["category_accuracy"] <= 1.0
    lo, hi = report["category_accuracy_ci95"]
    assert lo <= report["category_accuracy"] <= hi
    assert set(report["src_country"]) >= {"p", "r", "f1"}


def test_eval_petrarch_smoke():
    report = score_petrarch(shared_path("data", "petrarch2-validation"), limit=6)
    assert report["records"] == 6 and "root" in report and "false_positive_rate" in report


def test_eval_geo_smoke():
    report = score_geo(shared_path("data", "mordecai3-geo-tests"))
    assert report["checks"] >= 20 and report["passed"] >= report["checks"] // 2


def test_eval_match_one_to_one():
    gold = [("USA", "RUS", "190"), ("USA", "RUS", "190")]
    assert _match(gold, [("USA", "RUS", "193")], 2) == 1
    assert _match(gold, [("USA", "RUS", "193")], 3) == 0
    assert _f1(1, 1, 1)["f1"] == 0.5


def test_eval_detect_and_cli():
    assert detect(shared_path("data", "plover-gsr")) == "plover-gsr"
    res = CliRunner().invoke(app, ["eval", "events", "--data", str(shared_path("data", "petrarch2-validation")),
                                   "--limit", "3"])
    assert res.exit_code == 0, res.output
    assert "root code" in res.output
    res = CliRunner().invoke(app, ["eval", "events", "--data", "/nonexistent/x"])
    assert res.exit_code == 1 and "evaluation data not found" in res.output
