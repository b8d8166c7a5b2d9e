"""Nominal attributions (dateline.quotes.nominal): a noun cue with a prepositional or
to-infinitive content and a source, and adjective cues. Sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes


def _nominal(nlp, text):
    """(cue, contents, speaker) of the quotes whose cue is a noun or an adjective."""
    doc = nlp(text)
    out = []
    for q in find_quotes(doc, actors=ActorIndex()):
        cue = doc.char_span(*q.cue.span) if q.cue else None
        if cue is not None and len(cue) == 1 and cue[0].pos_ in ("NOUN", "ADJ"):
            speaker = text[slice(*q.speaker_span)] if q.speaker_span else None
            out.append((q.cue.text, [c.text for c in q.content], speaker))
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senator Ortiz's criticism of the tariff plan surprised his allies.",
         ("criticism", ["the tariff plan"], "Senator Ortiz's")),
        ("The mayor's defense of the budget won praise.", ("defense", ["the budget"], "The mayor's")),
    ],
)
def test_nominal_prep_content_with_possessor(nlp, text, expected):
    assert _nominal(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The pastor made no mention of the scandal.", ("mention", ["the scandal"], "The pastor")),
        ("The council voted in favor of the new stadium.", ("favor", ["the new stadium"], "The council")),
        ("The union held a rally in support of the striking nurses.",
         ("support", ["the striking nurses"], "The union")),
    ],
)
def test_nominal_source_is_the_governing_verbs_subject(nlp, text, expected):
    assert _nominal(nlp, text) == [expected]


def test_nominal_pronoun_possessor_gives_way_to_the_subject(nlp):
    assert _nominal(nlp, "Ortiz stepped up his attacks on the mayor.") == [("attacks", ["the mayor"], "Ortiz")]


def test_nominal_group_modifier_is_the_source(nlp):
    text = "Democratic criticism of the nominee has grown sharper."
    assert _nominal(nlp, text) == [("criticism", ["the nominee"], "Democratic")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Anna Lind's decision to leave the race surprised voters.",
         ("decision", ["to leave the race"], "Anna Lind's")),
        ("The board's decision to raise fees was unpopular.", ("decision", ["to raise fees"], "The board's")),
    ],
)
def test_nominal_infinitive_content(nlp, text, expected):
    assert _nominal(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The governor faced criticism over the delays.",  # a verb of receiving: the subject is the target
        "The union won the support of teachers.",  # "the support of X" names the supporters
        "The debate over trade continued into the night.",  # no holder: a topic, not an attribution
    ],
)
def test_nominal_without_a_holder_is_not_reported(nlp, text):
    assert _nominal(nlp, text) == []


def test_nominal_cue_inside_a_quotation_is_skipped(nlp):
    text = "\u201cHer attacks on the council were unfair,\u201d Hill said."
    assert _nominal(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senator Ortiz is eager to run again.", ("eager", ["to run again"], "Senator Ortiz")),
        ("Lind was critical of the budget plan.", ("critical", ["the budget plan"], "Lind")),
        ("Union leaders remain confident in the new contract.", ("confident", ["the new contract"], "Union leaders")),
    ],
)
def test_nominal_adjective_after_a_copula(nlp, text, expected):
    assert _nominal(nlp, text) == [expected]


def test_nominal_adjective_aside_takes_the_clause_subject(nlp):
    text = "The senator left early, confident that the bill would pass."
    assert _nominal(nlp, text) == [("confident", ["the bill would pass"], "The senator")]


def test_nominal_that_clause_of_a_noun_cue(nlp):
    text = "Critics made the case that the tax was unfair."
    assert _nominal(nlp, text) == [("case", ["the tax was unfair"], "Critics")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senator Ortiz rejected the mayor's call for an audit.",
         ("rejected", ["the mayor's call for an audit"], "Senator Ortiz")),
        ("The governor defended her decision to close the bridge.",
         ("defended", ["her decision to close the bridge"], "The governor")),
    ],
)
def test_nominal_verb_taking_a_possessed_attribution_is_the_cue(nlp, text, expected):
    doc = nlp(text)
    found = [(q.cue.text, [c.text for c in q.content], text[slice(*q.speaker_span)])
             for q in find_quotes(doc, actors=ActorIndex())]
    assert found == [expected]


def test_nominal_that_clause_after_a_verb_of_receiving_has_no_speaker(nlp):
    text = "The governor faced criticism that the delays were avoidable."
    assert _nominal(nlp, text) == [("criticism", ["the delays were avoidable"], None)]


def test_nominal_source_after_a_verb_of_receiving_follows_from(nlp):
    text = "Hill faced attacks on her record from the left."
    assert _nominal(nlp, text) == [("attacks", ["her record"], "the left")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Calls for a recount grew louder after the vote.", ("Calls", ["a recount"], None)),
        ("Talk of a merger spread through the office.", ("Talk", ["a merger"], None)),
    ],
)
def test_nominal_speech_act_noun_without_a_source(nlp, text, expected):
    assert _nominal(nlp, text) == [expected]


def test_nominal_that_clause_after_a_copula(nlp):
    text = "Her argument was that the tax would hurt farmers."
    assert _nominal(nlp, text) == [("argument", ["the tax would hurt farmers"], "Her")]


def test_nominal_for_object_keeps_its_infinitive(nlp):
    text = "Lind ended her speech with a call for the Senate to pass the bill."
    assert _nominal(nlp, text) == [("call", ["the Senate to pass the bill"], "Lind")]
