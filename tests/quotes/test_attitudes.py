"""Default-mode attitude rules (issue 3 follow-up): intentions of named actors, raising verbs,
and quotes that open inside a reported clause. Sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes
from quote_helpers import kinds_and_contents as _contents


@pytest.mark.parametrize(
    "text, content",
    [
        ("Senator Ortiz wants to repeal the fuel tax next year.", ["to repeal the fuel tax next year"]),
        ("She refused to comment on the audit.", ["to comment on the audit"]),
        ("The union plans to strike on Friday.", None),  # common-noun subject: broad mode only
    ],
)
def test_attitudes_infinitive_of_named_actor(nlp, text, content):
    found = [c for _, c in _contents(nlp, text)]
    if content is None:
        assert found == []
    else:
        assert content in found


def test_attitudes_infinitive_common_noun_in_broad_mode(nlp):
    found = [c for _, c in _contents(nlp, "The union plans to strike on Friday.", broad=True)]
    assert ["to strike on Friday"] in found


def test_attitudes_object_of_attitude_verb_stays_broad_only(nlp):
    text = "Mayor Lind opposed the new stadium plan."
    assert _contents(nlp, text) == []
    assert _contents(nlp, text, broad=True)


def test_attitudes_raising_verb_is_default(nlp):
    found = _contents(nlp, "The council is expected to approve the budget on Monday.")
    assert any(len(c) == 2 and c[0] == "The council" for _, c in found)


def test_attitudes_quote_inside_reported_clause_is_mixed(nlp):
    text = ("Ortiz says that \u201cno city can borrow forever.\u201d And he added that the plan "
            "\u201cwill not survive the winter.\u201d")
    found = _contents(nlp, text)
    assert ("mixed", ["\u201cno city can borrow forever.\u201d"]) in found or any(
        k == "mixed" and "no city can borrow forever" in c[0] for k, c in found)
    assert not any(k == "direct" and c == ["no city can borrow forever."] for k, c in found)


def test_attitudes_content_running_into_a_quotation_keeps_the_whole_quotation(nlp):
    text = "The general told him the raid was \u201ca small step, compared to what comes next.\u201d"
    found = _contents(nlp, text)
    assert any(c[-1].endswith("comes next.\u201d") for _, c in found)


def test_attitudes_evidence_verb_takes_its_object(nlp):
    found = [c for _, c in _contents(nlp, "The county survey showed a sharp drop in rents.")]
    assert ["a sharp drop in rents"] in found


@pytest.mark.parametrize(
    "text, content, expected",
    [
        ("Senator Ortiz referred to the court ruling twice.", "the court ruling twice", True),
        ("The crowd talked about the weather.", "the weather", False),  # not a named actor
    ],
)
def test_attitudes_prepositional_cue_of_named_actor(nlp, text, content, expected):
    found = [c for _, c in _contents(nlp, text)]
    assert any(content in c[0] or c[0] in content for c in found) is expected


def test_attitudes_aspectual_and_need_verbs_are_broad_only(nlp):
    text = "Senator Ortiz needs to win Ohio, and she is set to campaign there."
    assert not any(c[0].startswith("to win") for _, c in _contents(nlp, text))


def test_attitudes_poll_in_phrase_is_the_source(nlp):
    text = "In the new county poll, Mayor Lind leads her rival by nine points."
    (q,) = [q for q in find_quotes(nlp(text), actors=ActorIndex()) if q.cue and q.cue.text == "In"]
    assert "Mayor Lind leads her rival by nine points" in [c.text for c in q.content]
    assert "poll" in text[slice(*q.speaker_span)]


def test_attitudes_content_stops_before_a_participle_aside(nlp):
    text = "The mayor said the budget had grown by a third, putting the city deeper in debt."
    found = [c for _, c in _contents(nlp, text)]
    assert ["the budget had grown by a third"] in found


def test_attitudes_quote_right_after_its_cue_stays_direct(nlp):
    text = "In a radio interview Ortiz declared \u201cThe port will stay open all winter.\u201d"
    found = _contents(nlp, text)
    assert ("direct", ["The port will stay open all winter."]) in found


def test_attitudes_adjective_of_named_actor(nlp):
    found = [c for _, c in _contents(nlp, "Senator Ortiz was critical of the new port tariffs.")]
    assert ["the new port tariffs"] in found


def test_attitudes_clause_misparsed_as_object_of_say(nlp):
    text = "Senator Lind says the movement that is sweeping the state appeals to the worst instincts of voters."
    found = [c[0] for _, c in _contents(nlp, text)]
    assert any(c.startswith("the movement") and c.endswith("voters") for c in found)


def test_attitudes_noun_object_of_speech_verb_is_not_a_clause(nlp):
    text = "Ortiz pushed back on the union's calls to join the strike."
    assert not any("calls to join" in c[0] for _, c in _contents(nlp, text))


def test_attitudes_say_takes_a_short_object(nlp):
    found = [c for _, c in _contents(nlp, "Asked about the tariffs, the mayor said the same of the toll.")]
    assert any(c[0].startswith("the same") for c in found)
