"""The seed article (../shared, read at run time) and the bundled demo article: actors and
coreference links must match their gold files; bylines never become actors."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from dateline.actors import find_actors
from dateline.ingest import SourceItem, make_document


def _analyze(nlp, text: str):
    document = make_document(SourceItem(name="t", text=text))
    return document, find_actors(nlp(document.text), document=document)


def _check_actors(index, gold_actors):
    by_name = {a.name: a for a in index.actors}
    for ga in gold_actors:
        a = by_name.get(ga["name"])
        assert a is not None, f"missing actor {ga['name']}"
        sector = a.sector if a.kind != "IGO" else (a.sector or "IGO")
        assert (a.country, sector) == (ga["country"], ga["sector"]), ga["name"]
        if "role" in ga:
            assert ga["role"] in [r.text for r in a.roles], (ga["name"], [r.text for r in a.roles])


def _check_coref(text, index, links):
    for link in links:
        ctx = text.index(link["context"])
        # the mention as a whole word inside the context
        import re

        m = re.compile(r"(?<!\w)" + re.escape(link["mention"]) + r"(?!\w)").search(text, ctx)
        span = (m.start(), m.end())
        owners = [a.name for a in index.actors for x in a.mentions if tuple(x.span) == span]
        assert owners == [link["refers_to"]], (link, owners)


@pytest.fixture(scope="module")
def seed(nlp, seed_text):
    return _analyze(nlp, seed_text)


@pytest.fixture(scope="module")
def demo(nlp):
    text = resources.files("dateline.data").joinpath("demo", "article.txt").read_text("utf-8")
    gold = json.loads(resources.files("dateline.data").joinpath("demo", "gold.json").read_text("utf-8"))
    return _analyze(nlp, text), gold


def test_seed_actors_match_gold(seed, seed_gold):
    _, index = seed
    assert len(seed_gold["actors"]) == 7
    _check_actors(index, seed_gold["actors"])


def test_seed_coreference_links_match_gold(seed, seed_gold):
    document, index = seed
    assert len(seed_gold["coreference"]) == 4
    _check_coref(document.text, index, seed_gold["coreference"])


def test_seed_byline_is_not_an_actor(seed):
    document, index = seed
    assert document.byline and document.byline[0].name == "Ryan Morgan"
    assert "Ryan Morgan" not in {a.name for a in index.actors}
    assert all(index.actor_at(*b.span) is None for b in document.byline)


@pytest.mark.parametrize("name, cameo", [("Pete Hegseth", "USAGOV"), ("NATO", "IGOWSTNAT"), ("Ukraine", "UKR"),
                                         ("Russian forces", "RUSMIL"), ("pro-Russian secessionists", "UKRREB")])
def test_seed_codes(seed, name, cameo):
    _, index = seed
    assert next(a for a in index.actors if a.name == name).codes["cameo"] == cameo


@pytest.mark.parametrize("mention, context, name", [
    ("Russian government", "with the Russian government", "Russian government"),
    ("Ukrainian government", "post-Yanukovych Ukrainian government", "Ukrainian government"),
    ("Ukrainian", "Ukrainian membership", "Ukraine"),
    ("Yanukovych", "just days after Yanukovych", "Viktor Yanukovych"),
    ("United States", "The United States does", "United States"),
])
def test_seed_demonyms_and_ner_fixes(seed, mention, context, name):
    document, index = seed
    start = document.text.index(mention, document.text.index(context))
    assert index.get(index.actor_at(start, start + len(mention))).name == name


def test_seed_ids_follow_first_mention(seed):
    _, index = seed
    firsts = [min(m.span[0] for m in a.mentions) for a in index.actors]
    assert firsts == sorted(firsts)
    assert [a.id for a in index.actors] == [f"A{i}" for i in range(1, len(index.actors) + 1)]


def test_seed_spans_are_exact(seed):
    document, index = seed
    for a in index.actors:
        for m in a.mentions:
            assert document.text[m.span[0]:m.span[1]] == m.text
        for r in a.roles:
            assert document.text[r.span[0]:r.span[1]] == r.text


def test_demo_actors_match_gold(demo):
    (document, index), gold = demo
    _check_actors(index, gold["actors"])


def test_demo_coreference_links_match_gold(demo):
    (document, index), gold = demo
    _check_coref(document.text, index, gold["coreference"])


def test_demo_bylines_and_dateline_city_are_not_actors(demo):
    (document, index), _ = demo
    names = {a.name for a in index.actors}
    assert not names & {"Jane Doe", "Omar Castillo", "HELSINKI", "Vilnius", "Crimea"}
