"""Smoke tests for `dateline eval actors` (small slices of ../shared data; the full run is the CLI)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline.eval.actors import read_phoenix, score_phrases, score_sentences

from conftest import shared_path


def test_score_sentences_small_slice():
    path = shared_path("data", "petrarch2-validation", "petr2_gsr_validation.jsonl")
    score = score_sentences(path, limit=8)
    assert score.total > 0 and 0.5 <= score.country_rate <= 1.0


def test_score_phrases():
    score = score_phrases(shared_path("data", "petrarch2-validation", "petrarch2_actor_phrase_tests.jsonl"))
    assert score.total >= 9 and score.country_rate >= 0.8


def test_read_phoenix_format(tmp_path):
    f = tmp_path / "Phoenix.Test.actors.txt"
    f.write_text("JANE_EXAMPLE_  # note\n+EXAMPLE_\n\t[FRAGOV 100101-120101]\n\t[FRAELI]\nACME_ [IGOXYZ]\n", "utf-8")
    table = read_phoenix([f])
    assert table["JANE EXAMPLE"] == {"FRAGOV", "FRAELI"} and table["EXAMPLE"] == {"FRAGOV", "FRAELI"}
    assert table["ACME"] == {"IGOXYZ"}


def test_eval_actors_cli_json():
    from dateline.cli.main import app

    data = shared_path("data")
    result = CliRunner().invoke(app, ["eval", "actors", "--data", str(data), "--limit", "2", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert "gsr sentences" in report and report["gsr sentences"]["total"] > 0
