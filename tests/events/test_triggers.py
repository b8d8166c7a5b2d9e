"""Trigger finding on hand-written sentences (verbal, nominal, particles, control verbs)."""
from __future__ import annotations

import pytest

from dateline.events.lexicon import load_lexicon
from dateline.events.triggers import find_triggers


def _codes(nlp, text):
    return [(t.cameo, text[t.start:t.end]) for s in nlp(text).sents for t in find_triggers(s)]


@pytest.mark.parametrize("text,expected", [
    ("Rebel fighters seized control over the northern valley.", ("192", "seized control")),
    ("Army units entered Moldova in force on Monday.", ("190", "entered Moldova in force")),
    ("The minister pushed back on the plan.", ("120", "pushed back on")),
    ("There were large street demonstrations in the capital.", ("141", "street demonstrations")),
    # "join" an alliance is itself an act (057), so the call to do it is the appeal for diplomatic
    # cooperation (022) rather than an unspecified appeal (020)
    ("Georgia renewed its calls to join the alliance.", ("022", "calls to join")),
    ("Parliament approved the annexation of the island.", ("192", "annexation")),
    ("Chile agreed to withdraw its troops.", ("0356", "agreed to withdraw")),
    ("Peru threatened to attack the border posts.", ("1384", "threatened to attack")),
    ("Bolivia refused to meet the envoy.", ("125", "refused to meet")),
    ("Ecuador will visit Colombia next week.", ("036", "visit")),
])
def test_triggers_found(nlp, text, expected):
    assert expected in _codes(nlp, text)


@pytest.mark.parametrize("text", [
    "The minister warned that the plan is an unrealistic goal.",  # a warning, not a threat
    "We must start by recognizing that the borders changed.",  # nobody is recognised
    # a warning *about* what another side did or is doing is a statement
    "She warned that the militia was massing its forces along the river.",
])
def test_triggers_warning_without_threat(nlp, text):
    assert not [c for c, _ in _codes(nlp, text) if c.startswith("13")]


@pytest.mark.parametrize("text", [
    "The president warned that the move would start a war.",
    "The police chief warned that officers will no longer tolerate the rallies.",
])
def test_triggers_warning_with_threat(nlp, text):
    assert any(c.startswith("13") for c, _ in _codes(nlp, text))


def test_triggers_lexicon_rows_are_well_formed():
    lex = load_lexicon()
    entries = [e for rows in list(lex.by_lemma.values()) + list(lex.multiword.values()) for e in rows]
    assert len(entries) > 250
    assert all(e.pos in ("V", "N") and e.cameo.isdigit() and 2 <= len(e.cameo) <= 4 for e in entries)


@pytest.mark.parametrize("text,expected", [
    ("The union may halt the talks if the offer is withdrawn.", "134"),  # conditional harm is a threat
    ("Farmers said they would boycott the ministry.", "133"),
    ("Nigeria announced that it will withdraw its peacekeeping force from Chad.", "136"),
])
def test_triggers_announced_or_conditional_harm_is_threat(nlp, text, expected):
    assert expected in [c for c, _ in _codes(nlp, text)]


def test_triggers_fail_without_action(nlp):
    assert not [c for c, _ in _codes(nlp, "The plan failed.") if c.startswith("12")]


def test_endorsing_a_plan_and_joining_an_alliance(nlp):
    """Endorsing a proposal is SUPPORT with no invented target; joining an alliance is SUPPORT
    (PLOVER 0.8: signing or ratifying a treaty is SUPPORT) with the alliance as target."""
    from dateline import analyze

    r = analyze("Portugal backed the proposal on Monday. NATO leaders met in Brussels. Montenegro joined the alliance "
                "in 2017.", published="2025-05-06")
    names = {a.id: a.name for a in r.actors}
    got = [(e.category, e.cameo, [names[s] for s in e.source], [names[t] for t in e.target]) for e in r.events]
    assert ("SUPPORT", "051", ["Portugal"], []) in got
    assert ("SUPPORT", "057", ["Montenegro"], ["NATO"]) in got
