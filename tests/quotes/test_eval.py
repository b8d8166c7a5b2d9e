"""The PolNeAR reader and the quote scorer (protocol of issue 3), plus a small smoke run."""
from __future__ import annotations

import json

import pytest

from dateline.eval.brat import iter_articles, parse_ann
from dateline.eval.quotes import Item, char_set, content_kind, jaccard, match, score_article

ANN = (
    "T1\tSource 0 8\tThe mayor\n"
    "T2\tCue 9 13\tsaid\n"
    "T3\tContent 14 20;25 31\tfirst second\n"
    "T4\tAttribution 9 13\tsaid\n"
    "E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3\n"
    "#1\tAnnotatorNotes T3\tignored\n"
    "T5\tCue 40 45\tasked\n"
    "T6\tAttribution-no-source 40 45\tasked\n"
    "T7\tContent 46 50\tthis\n"
    "E2\tAttribution-no-source:T6 Content:T7 Cue:T5\n"
)


def test_eval_parse_ann_discontinuous_and_no_source():
    first, second = parse_ann(ANN)
    assert first.content == ((14, 20), (25, 31))
    assert first.source == ((0, 8),) and first.cue == ((9, 13),)
    assert second.source == () and second.content == ((46, 50),)


@pytest.mark.parametrize(
    "text, spans, expected",
    [("a, b.", [(0, 5)], {0, 3}), ("\u201cYes,\u201d", [(0, 6)], {1, 2, 3}), ("x y", [(1, 2)], set())],
)
def test_eval_char_set_drops_space_and_punctuation(text, spans, expected):
    assert char_set(text, spans) == expected


def _item(chars, source=(), cue=(), kind="indirect"):
    return Item(frozenset(chars), frozenset(source), frozenset(cue), kind=kind)


def test_eval_match_is_one_to_one_greedy_with_threshold():
    gold = [_item(range(0, 10)), _item(range(20, 30))]
    pred = [_item(range(0, 9)), _item(range(0, 10)), _item(range(25, 40))]
    assert match(gold, pred) == [(0, 1)]  # exact pair first; (20-30 vs 25-40) Jaccard 1/3 rejected
    assert jaccard(frozenset(range(0, 10)), frozenset(range(5, 15))) == pytest.approx(5 / 15)


def test_eval_score_article_source_and_attribution():
    gold = [_item(range(0, 10), source={50}, cue={60}), _item(range(20, 30), source={70})]
    pred = [_item(range(0, 10), source={50, 51}, cue={60}), _item(range(20, 30), source={99})]
    t = score_article(gold, pred)["all"].summary()
    assert (t["precision"], t["recall"], t["source_accuracy"], t["attribution_f1"]) == (1.0, 1.0, 0.5, 0.5)
    assert t["cue_accuracy"] == 1.0  # second pair: no cue on either side counts as agreement


def test_eval_speaker_linked_counts_right_speakers_that_resolve_to_an_actor():
    gold = [_item(range(0, 10), source={50}), _item(range(20, 30), source={70}), _item(range(40, 45), source={80})]
    pred = [Item(frozenset(range(0, 10)), frozenset({50}), frozenset(), linked=True),
            Item(frozenset(range(20, 30)), frozenset({70}), frozenset(), linked=False),
            Item(frozenset(range(40, 45)), frozenset({99}), frozenset(), linked=True)]  # wrong speaker: not counted
    assert score_article(gold, pred)["all"].summary()["speaker_linked"] == 0.5


def test_eval_content_kind():
    assert content_kind("\u201cWe will win,\u201d") == "direct"
    assert content_kind("the plan was \u201cdead\u201d") == "mixed"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the senator\u2019s plan isn\u2019t dead", "indirect"),  # apostrophes only
        ("the voters\u2019 mood had changed", "indirect"),  # plural possessive
        ("the \u201990s were different", "indirect"),  # elided year
        ("the plan was \u2018dead on arrival\u2019", "mixed"),  # single quotes used as quotes
        ("\u2018It\u2019s over\u2019", "direct"),
        ("she called it 'a joke' and left", "mixed"),
    ],
)
def test_eval_content_kind_apostrophes_are_not_quote_marks(text, expected):
    assert content_kind(text) == expected


def test_eval_polnear_smoke(shared_path_polnear):
    from dateline.eval.quotes import evaluate_polnear

    report = evaluate_polnear(shared_path_polnear, "dev", limit=2).to_json()
    assert report["articles"] == 2
    assert report["slices"]["all"]["gold"] > 0 and report["slices"]["all"]["f1"] > 0.3
    assert report["slices"]["all"]["speaker_linked"] > 0.5  # speakers resolve through the actors stage


def test_eval_polnear_reader_first_annotator(shared_path_polnear):
    (article,) = list(iter_articles(shared_path_polnear, "dev", limit=1))
    for a in article.attributions:
        for s, e in a.content + a.source + a.cue:
            assert 0 <= s < e <= len(article.text)


def test_eval_cli_quotes_json(shared_path_polnear):
    from typer.testing import CliRunner

    from dateline.cli.main import app

    result = CliRunner().invoke(app, ["eval", "quotes", "--data", str(shared_path_polnear), "--split", "dev",
                                      "--limit", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 1
    calib = report["calibration"]  # confidence bucket -> how many predictions, share right
    assert calib and all(0 <= row["right"] <= 1 and row["predictions"] > 0 for row in calib.values())


def test_eval_cli_quotes_missing_data(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli.main import app

    result = CliRunner().invoke(app, ["eval", "quotes", "--data", str(tmp_path)])
    assert result.exit_code == 1


@pytest.fixture
def shared_path_polnear():
    from tests.conftest import shared_path

    return shared_path("data", "polnear")
