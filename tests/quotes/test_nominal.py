"""Nominal attributions (dateline.quotes.nominal): noun cues with a "that" clause, a
prepositional or to-infinitive content and a source, verbs reacting to a possessed nominal
attribution, and adjective cues. One case (or more) per rule; sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes


def _found(nlp, text, pos=("NOUN", "ADJ")):
    """(cue, contents, speaker) of the quotes whose cue is one token of a part of speech in ``pos``."""
    doc = nlp(text)
    out = []
    for q in find_quotes(doc, actors=ActorIndex()):
        cue = doc.char_span(*q.cue.span) if q.cue else None
        if cue is not None and len(cue) == 1 and cue[0].pos_ in pos:
            speaker = text[slice(*q.speaker_span)] if q.speaker_span else None
            out.append((q.cue.text, [c.text for c in q.content], speaker))
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Senator Ortiz's criticism of the tariff plan surprised his allies.",
                     ("criticism", ["the tariff plan"], "Senator Ortiz's"), id="prep-possessor"),
        pytest.param("The mayor's defense of the budget won praise.",
                     ("defense", ["the budget"], "The mayor's"), id="prep-possessor-defense"),
        pytest.param("The pastor made no mention of the scandal.",
                     ("mention", ["the scandal"], "The pastor"), id="source-verb-subject"),
        pytest.param("The council voted in favor of the new stadium.",
                     ("favor", ["the new stadium"], "The council"), id="source-in-phrase"),
        pytest.param("The union held a rally in support of the striking nurses.",
                     ("support", ["the striking nurses"], "The union"), id="in-support-of"),
        pytest.param("Ortiz stepped up his attacks on the mayor.",
                     ("attacks", ["the mayor"], "Ortiz"), id="pronoun-possessor-gives-way"),
        pytest.param("Democratic criticism of the nominee has grown sharper.",
                     ("criticism", ["the nominee"], "Democratic"), id="group-modifier-source"),
        pytest.param("Hill faced attacks on her record from the left.",
                     ("attacks", ["her record"], "the left"), id="receiving-verb-from-source"),
        pytest.param("Lind ended her speech with a call for the Senate to pass the bill.",
                     ("call", ["the Senate to pass the bill"], "Lind"), id="for-object-infinitive"),
        pytest.param("Anna Lind's decision to leave the race surprised voters.",
                     ("decision", ["to leave the race"], "Anna Lind's"), id="infinitive"),
        pytest.param("The board's decision to raise fees was unpopular.",
                     ("decision", ["to raise fees"], "The board's"), id="infinitive-board"),
        pytest.param("Calls for a recount grew louder after the vote.",
                     ("Calls", ["a recount"], None), id="speech-act-noun-no-source"),
        pytest.param("Talk of a merger spread through the office.",
                     ("Talk", ["a merger"], None), id="speech-act-noun-talk"),
        pytest.param("Critics made the case that the tax was unfair.",
                     ("case", ["the tax was unfair"], "Critics"), id="that-clause"),
        pytest.param("The judge issued a ruling that the map was unfair.",
                     ("ruling", ["the map was unfair"], "The judge"), id="that-clause-ruling"),
        pytest.param("Her argument was that the tax would hurt farmers.",
                     ("argument", ["the tax would hurt farmers"], "Her"), id="that-clause-after-copula"),
        pytest.param("The governor faced criticism that the delays were avoidable.",
                     ("criticism", ["the delays were avoidable"], None), id="that-clause-receiving-verb"),
        pytest.param("Senator Ortiz is eager to run again.",
                     ("eager", ["to run again"], "Senator Ortiz"), id="adjective-infinitive"),
        pytest.param("Lind was critical of the budget plan.",
                     ("critical", ["the budget plan"], "Lind"), id="adjective-of"),
        pytest.param("Union leaders remain confident in the new contract.",
                     ("confident", ["the new contract"], "Union leaders"), id="adjective-in"),
        pytest.param("Mayor Hill made clear on Monday that the bridge would reopen.",
                     ("clear", ["the bridge would reopen"], "Mayor Hill"), id="made-clear-that"),
        pytest.param("Many voters are nervous about the new tax.",
                     ("nervous", ["the new tax"], "Many voters"), id="adjective-of-feeling"),
        pytest.param("The senator left early, confident that the bill would pass.",
                     ("confident", ["the bill would pass"], "The senator"), id="adjective-aside"),
    ],
)
def test_nominal_finds(nlp, text, expected):
    assert _found(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The governor faced criticism over the delays.", id="receiving-verb-subject-is-target"),
        pytest.param("The union won the support of teachers.", id="the-support-of-names-supporters"),
        pytest.param("The debate over trade continued into the night.", id="no-holder-is-a-topic"),
        pytest.param("\u201cHer attacks on the council were unfair,\u201d Hill said.", id="inside-a-quotation"),
    ],
)
def test_nominal_not_reported(nlp, text):
    assert _found(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Senator Ortiz rejected the mayor's call for an audit.",
                     ("rejected", ["the mayor's call for an audit"], "Senator Ortiz"), id="rejected-call"),
        pytest.param("The governor defended her decision to close the bridge.",
                     ("defended", ["her decision to close the bridge"], "The governor"), id="defended-decision"),
        pytest.param("Lind embraced the mayor's argument that the tax was unfair.",
                     ("embraced", ["the mayor's argument that the tax was unfair"], "Lind"), id="embraced-that-clause"),
    ],
)
def test_nominal_verb_taking_a_possessed_attribution_is_the_cue(nlp, text, expected):
    assert _found(nlp, text, pos=("VERB",)) == [expected]
