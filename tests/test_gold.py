"""End-to-end: the bundled demo article (written for dateline) and the seed article against
their gold files, through the same scorer `dateline eval gold` uses."""
from importlib import resources
from pathlib import Path

from conftest import shared_path

from dateline.eval.gold import load_gold, score_case


def _demo_case():
    path = Path(str(resources.files("dateline.data").joinpath("demo/gold.json")))
    return load_gold(path)[0]


def test_demo_article_against_its_gold(demo_record):
    s = score_case(_demo_case(), demo_record)
    assert s["published"].correct == 1                       # 2025-03-06, inferred
    assert s["byline"].correct == 2
    assert s["actors"].correct == s["actors"].required
    assert s["coreference"].correct == s["coreference"].required
    assert s["quotes"].found == s["quotes"].required and s["quotes"].correct >= 6
    assert s["quotes"].extra <= 2
    assert s["times"].correct >= s["times"].required - 1
    assert s["events"].correct >= 5 and s["event_dates"].correct >= 5
    assert s["events"].extra <= 4


def test_demo_record_keeps_byline_out_of_actors(demo_record):
    names = {a.name for a in demo_record.actors}
    assert not names & {"Jane Doe", "Omar Castillo"}


def test_seed_article_against_gold(seed_record):
    [case] = load_gold(shared_path("gold", "hegseth-udcg.json"))
    s = score_case(case, seed_record)
    for key in ("published", "byline", "actors", "coreference", "quotes", "times"):
        assert s[key].correct == s[key].required, (key, s[key].misses)
    assert s["quotes"].extra == 0
    assert s["events"].correct >= 8 and s["event_dates"].correct >= 7 and s["events"].extra <= 4
