"""Argument patterns added for the PETRARCH-2 GSR follow-up: split names in conjunctions,
subjectless gerunds, mishap and weapon agents, attacks launched from a place, claimed attacks
named by a noun, "seek to", "deepen ties", "give permission"."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.events import find_events
from dateline.record import Actor, Document, Mention
from dateline.timex import TimeResult


def _index(text, *names):
    actors = []
    for i, (name, kind, country) in enumerate(names, 1):
        spans, start = [], 0
        while (at := text.find(name, start)) >= 0:
            spans.append(Mention((at, at + len(name)), name, "name"))
            start = at + 1
        actors.append(Actor(f"A{i}", name, kind, country, mentions=tuple(spans)))
    return ActorIndex(tuple(actors))


def _events(nlp, text, *names):
    doc = nlp(text)
    return find_events(doc, document=Document("d", text), actors=_index(text, *names), times=TimeResult(), quotes=())


def _coded(events):
    return [(e.cameo[:2], e.source, e.target, e.status) for e in events]


def test_arguments_gerund_source_and_place_part_target(nlp):
    text = "Three farmers were killed in Ruritanian tank shelling in the north of Syria, doctors said."
    events = _events(nlp, text, ("Ruritanian", "COUNTRY", "RUR"), ("Syria", "COUNTRY", "SYR"))
    assert ("19", ("A1",), ("A2",), "reported") in _coded(events)


def test_arguments_mishap_agent_is_no_doer(nlp):
    text = "Rescuers counted the victims killed by the Acme Airways crash near Lyon."
    assert _events(nlp, text, ("Acme Airways", "ORG", "FRA")) == ()


def test_arguments_weapon_agent_is_who_fired_it(nlp):
    text = "The depot was destroyed by a rocket fired by Freedonia."
    events = _events(nlp, text, ("Freedonia", "COUNTRY", "FRE"))
    assert events and events[0].source == ("A1",)


def test_arguments_attack_from_place_and_claim(nlp):
    text = "Italy said a rocket was fired at it from Libya on Sunday."
    events = _events(nlp, text, ("Italy", "COUNTRY", "ITA"), ("Libya", "COUNTRY", "LBY"))
    coded = _coded(events)
    assert ("11", ("A1",), ("A2",), "asserted") in coded  # the claim is an accusation
    assert any(c[0] == "19" and c[1] == ("A2",) and "A2" not in c[2] for c in coded)


def test_arguments_noun_attack_in_claim_is_accusation(nlp):
    text = "The monitoring group said four people died in an air strike by the Dalmatian army."
    events = _events(nlp, text, ("monitoring group", "ORG", "GBR"), ("Dalmatian army", "ORG", "HRV"))
    assert ("11", ("A1",), ("A2",), "asserted") in _coded(events)


@pytest.mark.parametrize("text,names,expected", [
    ("Chile and Peru are seeking to deepen their partnership in mining.",
     [("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")], ("03", ("A1", "A2"), ())),
    ("Chile said it would not give permission to Peru to build the dam.",
     [("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")], ("12", ("A1",), ("A2",))),
    ("Chile will contribute a million dollars to Peru.",
     [("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")], ("03", ("A1",), ("A2",))),
    ("Chile abandoned diplomatic ties with Peru.",
     [("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")], ("16", ("A1",), ("A2",))),
    ("Chile signed a fisheries protocol with Peru.",
     [("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")], ("05", ("A1",), ("A2",))),
    ("Angela Merkel and Emmanuel Macron met in Berlin.",
     [("Merkel", "PERSON", "DEU"), ("Emmanuel Macron", "PERSON", "FRA")], ("04", ("A1", "A2"), ())),
])
def test_arguments_lexicon_and_conjunctions(nlp, text, names, expected):
    assert expected in [c[:3] for c in _coded(_events(nlp, text, *names))]


def test_arguments_seek_needs_a_coded_aim(nlp):
    assert _events(nlp, "Chile is seeking to avoid a recount.", ("Chile", "COUNTRY", "CHL")) == ()


@pytest.mark.parametrize("text,cameo", [
    ("The old embassy was demolished by Freedonian protesters.", "145"),
    ("Freedonian rioters destroyed the embassy.", "145"),
    ("Freedonian troops destroyed the embassy.", "1712"),
])
def test_arguments_protesters_wrecking_property_riot(nlp, text, cameo):
    events = _events(nlp, text, ("Freedonian", "COUNTRY", "FRE"))
    assert [e.cameo for e in events] == [cameo]


def test_arguments_coordinated_modifiers_are_compound_source(nlp):
    text = "Freedonian and Sylvanian troops attacked the town."
    events = _events(nlp, text, ("Sylvanian troops", "GROUP", "SYL"), ("Freedonian", "COUNTRY", "FRE"))
    assert events and set(events[0].source) == {"A1", "A2"}


def test_arguments_protest_outside_an_embassy_targets_it(nlp):
    text = "Hundreds of Freedonian students protested outside the Sylvanian embassy."
    events = _events(nlp, text, ("Freedonian students", "GROUP", "FRE"), ("Sylvanian embassy", "ORG", "SYL"))
    assert [(e.category, e.source, e.target) for e in events] == [("PROTEST", ("A1",), ("A2",))]
