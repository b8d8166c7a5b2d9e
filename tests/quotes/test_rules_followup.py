"""Rules added in the issue 3 follow-up: stances toward named actors, passive cues without a
speaker, comma-led appositives cut from a content's end, and a conjoined cue reporting its own
clause after a quote. Sentences written for these tests."""
from __future__ import annotations

import pytest

from quote_helpers import contents as _contents, quotes_in as _quotes


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


def _speakers(nlp, text, **kw):
    return [(q.kind, text[slice(*q.speaker_span)] if q.speaker_span else None, [c.text for c in q.content])
            for q in _quotes(nlp, text, **kw)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("\u201cThis is a great day!\u201d beamed Dana Ruiz of Tulsa, who drove in from the coast.", "Dana Ruiz"),
        ("\u201cThe mayor should come to the flooded towns and see them,\u201d the editorial read.",
         "editorial"),
    ],
)
def test_rules_direct_quote_cue_of_manner_or_mistagged(nlp, text, speaker):
    assert any(k == "direct" and s and s.startswith(speaker) for k, s, _ in _speakers(nlp, text))


def test_rules_two_apostrophe_closer_after_a_space(nlp):
    text = "''We built a coalition across the aisle, '' said Ms. Amani. ''It held for years.''"
    found = _speakers(nlp, text)
    assert found[0][0] == "direct" and found[0][1] == "Ms. Amani"
    assert found[0][2][0].startswith("We built a coalition")


def test_rules_named_appositive_speaks(nlp):
    text = "The head of the largest union, Mara Olsen, praised the deal as a fair compromise."
    assert any(s == "Mara Olsen" for _, s, _ in _speakers(nlp, text, broad=True))


def test_rules_subject_after_a_dateline_dash(nlp):
    text = "DENVER, Aug. 24 (UPI) \u2014 A spokesman for the governor called the report \u201coutrageous.\u201d"
    found = _speakers(nlp, text)
    assert found and all(s is None or "Aug" not in s for _, s, _ in found)


def test_rules_quote_opening_mid_sentence_is_one_mixed_content(nlp):
    text = "The club\u2019s costly new course \u201cis a perfect example of adapting,\u201d he said."
    found = _speakers(nlp, text)
    assert found[0][0] == "mixed" and found[0][2][0].startswith("The club")


@pytest.mark.parametrize(
    "text, parts",
    [
        ("The answer, the mayor told them, was simple.", ["The answer", "was simple"]),
        ("And yet, her aides say, the budget remains a priority for her.",
         ["the budget remains a priority for her"]),
    ],
)
def test_rules_parenthetical_cue_with_short_or_connective_lead(nlp, text, parts):
    assert parts in _contents(nlp, text)


def test_rules_next_sentence_cue_with_its_own_clause_is_not_the_quote_cue(nlp):
    text = ("Lind says the league \u201chas gone soft.\u201d He says referees are throwing flags "
            "so their families can see them on TV.")
    found = _speakers(nlp, text)
    assert any(k == "indirect" and c[0].startswith("referees are throwing") for k, _, c in found)


@pytest.mark.parametrize(
    "text, content",
    [
        ("Officials plan to reopen the bridge in May.", ["to reopen the bridge in May"]),
        ("The campaign refused to release the tax returns.", ["to release the tax returns"]),
    ],
)
def test_rules_intention_of_people_nouns_is_default(nlp, text, content):
    assert content in _contents(nlp, text)


def test_rules_intention_of_a_thing_stays_broad_only(nlp):
    assert _contents(nlp, "The bill seeks to cap rents in the old town.") == []


def test_rules_quote_inside_an_earlier_cues_clause_is_mixed(nlp):
    text = "Paul Hill, a delegate from Ohio, said he wanted \u201csensible rules for the new district maps.\u201d"
    found = _speakers(nlp, text)
    assert any(k == "mixed" and c[0].startswith("he wanted") for k, _, c in found)


def test_rules_cue_right_after_the_quote_beats_a_colon_introduction(nlp):
    text = "Lind argued that the town had changed: \u201cThis is no longer our town,\u201d she said."
    found = _speakers(nlp, text)
    assert ("direct", "she", ["This is no longer our town,"]) in found


@pytest.mark.parametrize(
    "text, speaker, only",
    [
        ("That said, farmers say they want a longer season.", "farmers", True),  # a connective, not a cue
        ("About 4 in 10 say they want lower taxes next year.", "About 4 in 10", True),  # numbers speak
        ("The governor's office issued a statement saying the bridge would reopen in May.",
         "The governor's office", False),  # the author of a statement speaks, not the statement
        ("Ortiz shot back in an article stating that the city had never paid its debts.", "Ortiz", False),
    ],
)
def test_rules_speaker_of_connectives_numbers_and_statements(nlp, text, speaker, only):
    speakers = [s for _, s, _ in _speakers(nlp, text)]
    assert speakers == [speaker] if only else speaker in speakers


def test_rules_seem_has_no_source(nlp):
    quotes = _quotes(nlp, "Senator Ortiz seemed to take hope from the early returns.")
    assert quotes and all(q.speaker_span is None for q in quotes)


def test_rules_subjectless_conjoined_verb_after_the_clause_stays_in_content(nlp):
    text = "The clerk said the count was fair, but left the final tally to the county board."
    found = _contents(nlp, text)
    assert any(c[-1].endswith("to the county board") for c in found)


def test_rules_two_word_infinitive_content(nlp):
    assert ["to comment"] in _contents(nlp, "A spokesman for the mayor declined to comment.")


def test_rules_one_word_prepositional_content(nlp):
    assert ["immigration"] in _contents(nlp, "Senator Ortiz talked about immigration.")


def test_rules_seeing_x_as_y(nlp):
    assert ["the mayor as a spoiler in the race"] in _contents(nlp, "Many voters see the mayor as a spoiler in the race.")


def test_rules_quote_after_a_second_cue_is_not_joined(nlp):
    text = ("\u201cHe did not fight for the bill,\u201d Ortiz said, adding that she had fought for hers "
            "as mayor. \u201cA leader must fight for the votes.\u201d")
    first = _speakers(nlp, text)[0]
    assert first[0] == "direct" and len(first[2]) == 1


def test_rules_no_break_space_before_an_introduced_quote(nlp):
    text = "Lind answered on Facebook, writing,\u00a0\u201cYes, I will. That was a poor choice of words.\u201d"
    assert any(k == "direct" and c[0].startswith("Yes, I will. That was") for k, _, c in _speakers(nlp, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We must bomb them," the senator told "Fox and Friends" on Monday.', ["We must bomb them,"]),
        ('About 200 protesters gathered, chanting "Dump the Mayor."', ["Dump the Mayor."]),
    ],
)
def test_rules_titles_are_not_quotes_but_chanted_slogans_are(nlp, text, expected):
    assert [c for k, _, c in _speakers(nlp, text) if k == "direct"] == [expected]


def test_rules_according_to_ends_a_content(nlp):
    from dateline.quotes.indirect import _trailing_aside

    doc = nlp("The gap can still close, according to a report from the state party.")
    comma = next(t.i for t in doc if t.text == ",")
    assert _trailing_aside(doc, comma + 1)


def test_rules_stance_toward_people_nouns(nlp):
    assert any(c[0].startswith("state officials") for c in _contents(nlp, "Senator Ortiz blamed state officials for the delay."))


def test_rules_wanting_a_thing(nlp):
    assert ["a vast expansion of the rail network"] in _contents(nlp, "Governor Lind wants a vast expansion of the rail network.")


def test_rules_asked_about_has_no_named_asker(nlp):
    quotes = _quotes(nlp, "Asked about the new budget, Mayor Lind said the city could not afford it.")
    asked = [q for q in quotes if q.cue and q.cue.text == "Asked"]
    assert asked and asked[0].speaker_span is None


def test_rules_passive_regarding_takes_subject_and_as_phrase(nlp):
    found = _contents(nlp, "Ortiz could be seen as the more electable choice in the fall.")
    assert any(len(c) == 2 and c[0] == "Ortiz" and c[1].startswith("as the more electable") for c in found)


def test_rules_relative_object_and_the_name_given_to_it(nlp):
    assert ["what", "spending"] in _contents(nlp, "It would shift taxes toward what economists call spending.")


def test_rules_small_clause_of_regarding(nlp):
    assert ["the bridge unsafe for traffic"] in _contents(nlp, "Officials deemed the bridge unsafe for traffic.")
