"""Speech acts with a topic object, parenthetical cues before a quoted tail, and a "that" clause
hung on the medium of a speech verb (issue 3, third round). Sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes


def _contents(nlp, text):
    return [(q.kind, [c.text for c in q.content], q.cue.text if q.cue else None)
            for q in find_quotes(nlp(text), actors=ActorIndex())]


def test_topic_verb_of_named_actor_takes_its_object(nlp):
    found = _contents(nlp, "Governor Alvarez stressed the cost of the new bridge.")
    assert ("indirect", ["the cost of the new bridge"], "stressed") in found


def test_topic_verb_needs_an_actor_subject(nlp):
    assert _contents(nlp, "The report stressed the cost of the new bridge.") == []


def test_declaring_a_thing_is_an_act_not_a_quote(nlp):
    assert _contents(nlp, "The council declared a state of emergency in the valley.") == []


def test_parenthetical_cue_with_a_quoted_tail_is_mixed(nlp):
    found = _contents(nlp, "Even at best, the authors write, the new rules have ''produced nothing of value.''")
    assert found and found[0][0] == "mixed" and found[0][2] == "write"
    assert found[0][1][-1].endswith("value.''")


def test_parenthetical_cue_content_stops_at_an_aside(nlp):
    found = _contents(nlp, "Over the years, she said, the letters kept the two families close, although both moved abroad.")
    assert ("indirect", ["Over the years", "the letters kept the two families close"], "said") in found


def test_that_clause_on_the_medium_of_a_speech_verb(nlp):
    found = _contents(nlp, "The governor said in one of several radio messages that the convoy was carrying fuel.")
    assert any(c == ["the convoy was carrying fuel"] and cue == "said" for _, c, cue in found)


def test_raising_verb_with_an_empty_subject_keeps_only_the_complement(nlp):
    found = _contents(nlp, "It is expected to rise to three percent this year.")
    assert found == [("indirect", ["to rise to three percent this year"], "expected")]


def test_reported_clause_running_into_a_quote_is_one_mixed_content(nlp):
    found = _contents(nlp, 'The mayor said that because the vote is close, "every ballot counts."')
    assert found and found[0][0] == "mixed"
    assert found[0][1][0].startswith("because the vote is close")


def test_cue_with_its_own_object_before_a_quote_stays_direct(nlp):
    found = _contents(nlp, 'The mayor told reporters on Monday: "Every ballot counts."')
    assert found and found[0][0] == "direct" and found[0][1] == ["Every ballot counts."]


def test_offered_and_presented_objects_are_topics(nlp):
    found = _contents(nlp, "Senator Ortiz offered a sharp defense of the budget on Tuesday.")
    assert any(c[0].startswith("a sharp defense of the budget") for _, c, _ in found)


def test_colon_cuts_off_a_clause_before_the_cue(nlp):
    found = _contents(nlp, "The mayor is winning the argument because it is paying off: He said he has raised $100,000 since the storm.")
    assert any(cue == "said" and c == ["he has raised $100,000 since the storm"] for _, c, cue in found)


def test_discourse_though_does_not_cut_a_content(nlp):
    found = _contents(nlp, "In all, though, the judges are doing what they can to find common ground, Professor Ames said.")
    assert any(cue == "said" and c[0].startswith("In all, though, the judges") for _, c, cue in found)


def test_trailing_cue_parsed_as_a_conjunct(nlp):
    text = ("In nearby Decatur, the big steel plant is hanging on, but it is under intense pressure from imports, "
            "said the company's chief executive, John Ames.")
    found = _contents(nlp, text)
    assert any(cue == "said" and c[0].endswith("pressure from imports") for _, c, cue in found)


def test_quote_cited_before_a_cue_with_its_own_clause(nlp):
    text = 'Mr. Ames, citing "the unique magic of the place", said the town could be in a very strong position.'
    found = _contents(nlp, text)
    assert ("direct", ["the unique magic of the place"], "citing") in found
    assert any(cue == "said" and c == ["the town could be in a very strong position"] for _, c, cue in found)


def test_content_never_starts_in_the_dateline(nlp):
    from dateline.pipeline import analyze
    record = analyze("AMMAN, Jordan (AP) \u2014 The king met the president in Baghdad on Tuesday, officials said.",
                     published="1995-03-01")
    assert [q.content[0].text for q in record.quotes] == ["The king met the president in Baghdad on Tuesday"]


@pytest.mark.parametrize(
    "text, content",
    [
        pytest.param("Kasich, a governor who has refused to endorse the nominee, spoke on Monday.",
                     "to endorse the nominee", id="intention_of_a_relative_who_subject"),
        pytest.param("Senator Ortiz is looking to win back rural voters.",
                     "to win back rural voters", id="looking_to_is_an_intention_of_a_named_actor"),
        pytest.param("Fifty-two percent said the senator would be better, compared with 41 percent for the governor.",
                     "the senator would be better", id="comparison_after_a_poll_answer_is_not_content"),
        pytest.param("Lind said he was encouraged by the plan \u2014 a modest boost for the mayor since the vote.",
                     "he was encouraged by the plan", id="dash_led_aside_ends_a_content"),
        pytest.param("Many younger renters see the new tax as a burden on their families.",
                     "the new tax as a burden on their families", id="seeing_as_of_any_subject"),
    ],
)
def test_content_found(nlp, text, content):
    assert any(c == [content] for _, c, _ in _contents(nlp, text))
