"""Event locations: from the trigger's prepositions, else the sentence, else the dateline."""
from __future__ import annotations

import pytest

from dateline.geo import event_location, find_places
from dateline.record import Dateline


def _token(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text,word,name,country", [
    ("Soldiers clashed with rebels in eastern Ukraine on Sunday.", "clashed", "eastern Ukraine", "UKR"),
    ("Ministers met in Belgium to discuss aid.", "met", "Belgium", "BEL"),
    ("Jets flew over the Crimean Peninsula.", "flew", "Crimean Peninsula", "UKR"),
])
def test_locate_from_preposition(nlp, text, word, name, country):
    doc = nlp(text)
    loc = event_location(_token(doc, word))
    assert loc.name == name and loc.country == country
    assert text[loc.span[0]:loc.span[1]] == loc.name


def test_locate_dateline_fallback(nlp):
    doc = nlp("Officials criticized the plan.")
    loc = event_location(_token(doc, "criticized"), dateline=Dateline("KYIV", (0, 4)))
    assert loc.name == "KYIV" and loc.country == "UKR"


def test_locate_none(nlp):
    doc = nlp("Officials criticized the plan.")
    assert event_location(_token(doc, "criticized")) is None


def test_locate_find_places_context(nlp):
    doc = nlp("Settlers in Oklahoma named their new town Prague.")
    places = [(s.text, p.admin1) for s, p in find_places(doc)]
    assert ("Prague", "Oklahoma") in places
