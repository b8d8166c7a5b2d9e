"""The TIMEX3 scorer (TE3 protocol) and the DCT evaluation: self-tests and small smoke runs."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.conftest import shared_path
from dateline.eval.dct import compare, evaluate_dct
from dateline.eval.times import (
    GoldTime, TimesReport, evaluate_times, load_corpus, pair, report_from_counts, score_doc, self_test,
)


def test_eval_counts_reproduce_heideltime_figures():
    r = report_from_counts(system=130, gold=138, relaxed=121, strict=109, value=104)
    assert [round(100 * x, 2) for x in (r.strict_prf[2], r.relaxed_prf[2], r.value_f1)] == [81.34, 90.3, 77.61]


def test_eval_pairs_are_one_to_one_in_gold_order():
    gold = [GoldTime(0, 10, "DATE", "a"), GoldTime(5, 12, "DATE", "b")]
    system = [GoldTime(4, 8, "DATE", "a")]
    assert [(g.value, s.value) for g, s in pair(gold, system)] == [("a", "a")]


def test_eval_gold_against_gold_is_perfect():
    out = self_test(shared_path("data", "te3-platinum"))
    assert out["gold_vs_gold"]["gold"] == 138
    assert all(v == 100.0 for k, v in out["gold_vs_gold"].items() if k != "gold")


def test_eval_te3_pairs_sarkozy_by_docid():
    _, docs = load_corpus(shared_path("data", "te3-platinum"))
    assert len(docs) == 20 and sum(len(d.times) for d in docs) == 138
    assert any("sarcozy" in d.id or "sarkozy" in d.id for d in docs)


def test_eval_meantime_smoke():
    r = evaluate_times(shared_path("data", "meantime-en"), limit=3)
    assert r.docs == 3 and r.gold > 0 and r.relaxed_prf[2] > 0.5


def test_eval_score_doc_counts_mods_and_intervals():
    from dateline.eval.times import EvalDoc

    doc = EvalDoc("d", "x" * 40, "2013-03-22", (GoldTime(0, 9, "DATE", "2013", "END"),))
    r = TimesReport("t")
    score_doc(r, doc, [GoldTime(0, 9, "DATE", "2013", "END")])
    assert (r.relaxed, r.strict, r.value_correct, r.mod_correct) == (1, 1, 1, 1)
    assert r.interval_overlap == 1.0


def test_eval_dct_compare_and_smoke():
    assert compare("2008-03-01", "2008-03-01") == (True, True, True)
    r = evaluate_dct(shared_path("data", "meantime-en"), limit=3)
    assert r.docs == 3 and r.same_year == 3


def test_eval_cli_self_test():
    from dateline.cli.main import app

    result = CliRunner().invoke(app, ["eval", "times", "--self-test", "--data", str(shared_path("data", "te3-platinum"))])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[str(shared_path("data", "te3-platinum"))]["counts"]["value_f1"] == 77.61
