"""Rules added in the issue 3 follow-up: stances toward named actors, passive cues without a
speaker, comma-led appositives cut from a content's end, and a conjoined cue reporting its own
clause after a quote. Sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes


def _quotes(nlp, text, **kw):
    return find_quotes(nlp(text), actors=ActorIndex(), **kw)


def _contents(nlp, text, **kw):
    return [[c.text for c in q.content] for q in _quotes(nlp, text, **kw)]


@pytest.mark.parametrize(
    "text, content",
    [
        ("Senator Ortiz endorsed Hollis.", ["Hollis"]),
        ("The mayor criticized Ms. Varga for the delay.", ["Ms. Varga for the delay"]),
        ("Governor Lind praised them after the vote.", ["them"]),
    ],
)
def test_rules_stance_toward_a_named_actor_is_default(nlp, text, content):
    assert content in _contents(nlp, text)


@pytest.mark.parametrize(
    "text",
    ["Governor Lind backed the plan.", "The minister condemned the meeting."],
)
def test_rules_stance_toward_a_thing_stays_broad_only(nlp, text):
    assert _contents(nlp, text) == []


def test_rules_passive_cue_has_no_speaker(nlp):
    quotes = _quotes(nlp, "Several airlines have been criticized for the late refunds.", broad=True)
    assert quotes and all(q.speaker_span is None for q in quotes)


def test_rules_trailing_appositive_is_not_content(nlp):
    text = "Mayor Dunn said she would dismiss Kent Olsen, a deputy who ran the housing office for years."
    assert ["she would dismiss Kent Olsen"] in _contents(nlp, text)


def test_rules_list_after_comma_stays_in_content(nlp):
    text = "The senator said the bill funds roads, the new rail line to the airport and two bridges."
    (found,) = [c for c in _contents(nlp, text) if c[0].startswith("the bill")]
    assert found[0].endswith("two bridges")


def test_rules_conjoined_cue_with_its_own_clause_is_not_the_quote_cue(nlp):
    text = ("Cole greeted the crowd with \u201ca great night for the party\u201d and said the count "
            "would take two more days.")
    quotes = _quotes(nlp, text)
    assert any(q.kind == "indirect" and q.content[0].text.startswith("the count would take") for q in quotes)
