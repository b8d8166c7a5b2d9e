"""Unit rules: NER corrections, lexicon lookups, CAMEO codes and `ActorIndex.actor_at`."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.actors.codes import cameo_code
from dateline.actors.context import DocContext
from dateline.actors.lexicon import load_lexicon
from dateline.actors.ner import classify
from dateline.record import Actor, Mention


@pytest.mark.parametrize("text, label, surnames, kind", [
    ("Yanukovych", "GPE", {"Yanukovych"}, "PERSON"),     # a person's surname tagged GPE
    ("Kowal", "LOC", {"Kowal"}, "PERSON"),               # a named person's surname tagged LOC later on
    ("Zelensky", "ORG", set(), "PERSON"),                # a known leader's surname tagged ORG
    ("Ukrainian", "GPE", set(), "DEMONYM"),              # a demonym tagged GPE
    ("The United States", "GPE", set(), "COUNTRY"),
    ("Crimea", "ORG", set(), "PLACE"),                    # a region tagged ORG: stands for Ukraine
    ("Vilnius", "ORG", set(), "CAPITAL"),                 # a capital tagged ORG
    ("Defense", "ORG", set(), "SKIP"),                    # a title word tagged ORG
    ("NATO", "ORG", set(), "IGO"),
    ("Hamas", "PERSON", set(), "GROUP"),
])
def test_classify_corrects_ner(nlp, text, label, surnames, kind):
    assert classify(DocContext(nlp("x")), text, label, surnames)[0] == kind


@pytest.mark.parametrize("word, iso", [("Russian", "RUS"), ("U.S.", "USA"), ("Ukrainians", "UKR"), ("British", "GBR"),
                                       ("Saudi", "SAU"), ("Finnish", "FIN")])
def test_demonyms(word, iso):
    assert load_lexicon().demonym(word) == iso


@pytest.mark.parametrize("name, iso", [("Russia", "RUS"), ("the United States", "USA"), ("Britain", "GBR"),
                                       ("Iran", "IRN"), ("Turkey", "TUR"), ("Côte d'Ivoire", "CIV"), ("Germany", "DEU")])
def test_country_names(name, iso):
    assert load_lexicon().country(name) == iso


def test_canonical_country_names():
    lex = load_lexicon()
    assert [lex.canonical[c] for c in ("RUS", "USA", "KOR", "IRN")] == ["Russia", "United States", "South Korea", "Iran"]


@pytest.mark.parametrize("kind, country, sector, fixed, code", [
    ("PERSON", "USA", "GOV", None, "USAGOV"), ("GROUP", "RUS", "MIL", None, "RUSMIL"),
    ("COUNTRY", "UKR", None, None, "UKR"), ("IGO", None, "IGO", None, "IGO"),
    ("IGO", None, "IGO", "IGOWSTNAT", "IGOWSTNAT"), ("PERSON", "FRA", "JRN", None, "FRAMED"),
    ("PERSON", None, None, None, None),
])
def test_cameo_code(kind, country, sector, fixed, code):
    assert cameo_code(kind, country, sector, fixed) == code


def _index():
    person = Actor("A1", "Pål Jonson", "PERSON", mentions=(Mention((10, 13), "his", "pronoun"),
                                                           Mention((30, 40), "Pål Jonson", "name")))
    country = Actor("A2", "Sweden", "COUNTRY", mentions=(Mention((10, 21), "his country", "role"),))
    return ActorIndex((person, country))


@pytest.mark.parametrize("span, expected", [((10, 21), "A2"), ((10, 13), "A1"), ((11, 12), "A1"),
                                            ((30, 40), "A1"), ((25, 45), "A1"), ((0, 5), None)])
def test_actor_at_prefers_exact_then_containing(span, expected):
    assert _index().actor_at(*span) == expected


def test_mentions_in():
    assert [aid for _, aid in _index().mentions_in(0, 25)] == ["A1", "A2"]


@pytest.mark.parametrize("name, year, sector", [
    ("Donald Trump", 2016, None), ("Donald Trump", 2019, "GOV"), ("Donald Trump", 2023, "ELI"),
    ("Donald Trump", 2025, "GOV"), ("Viktor Yanukovych", 2013, "GOV"), ("Viktor Yanukovych", 2020, "ELI"),
    ("Vladimir Putin", None, "GOV"), ("NATO", 2020, "IGO"),
])
def test_sector_at_publication_year(name, year, sector):
    from dateline.actors.find import sector_at

    assert sector_at(load_lexicon().known_actor(name), year) == sector


@pytest.mark.parametrize("text, published, name, sector", [
    ("Joe Biden spoke in Ohio on Monday.", "2023-05-01", "Joe Biden", "GOV"),
    ("Joe Biden spoke in Ohio on Monday.", "2026-05-01", "Joe Biden", "ELI"),
    ("Former Chancellor Angela Merkel spoke in Berlin.", None, "Angela Merkel", "ELI"),
])
def test_known_sector_follows_date_and_title(nlp, text, published, name, sector):
    from dateline.actors import find_actors
    from dateline.record import Document, Published

    pub = Published(published, "day", "given") if published else None
    index = find_actors(nlp(text), document=Document(id="t", text=text, published=pub))
    assert next(a for a in index.actors if a.name == name).sector == sector


@pytest.mark.parametrize("text, alias, name", [
    ("Charles de Gaulle arrived. Later de Gaulle spoke.", "de Gaulle", "Charles de Gaulle"),
    ("Donald J. Trump arrived in Florida.", "Donald J. Trump", "Donald Trump"),
])
def test_person_name_forms(nlp, text, alias, name):
    from dateline.actors import find_actors
    from dateline.record import Document

    index = find_actors(nlp(text), document=Document(id="t", text=text))
    start = text.rindex(alias)
    assert index.get(index.actor_at(start, start + len(alias))).name == name


@pytest.mark.parametrize("published, name", [
    ("2008-08-06", "George W. Bush"),   # the namesake in office in the article's year
    ("1990-05-01", "George H. W. Bush"),
])
def test_actors_titled_surname_in_office(nlp, published, name):
    from dateline.actors import find_actors
    from dateline.record import Document, Published

    text = "President Bush flew to the summit."
    doc = Document(id="t", text=text, published=Published(published, "day", "given"))
    actor = next(a for a in find_actors(nlp(text), document=doc).actors if a.kind == "PERSON")
    assert (actor.name, actor.country) == (name, "USA")
