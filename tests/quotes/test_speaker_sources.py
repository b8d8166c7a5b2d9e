"""Speaker choice on sentences written for these tests (issue 3, item 4: source accuracy)."""
from __future__ import annotations

import pytest

from dateline.quotes.find import find_candidates


def _speakers(nlp, text: str) -> dict[str, str | None]:
    """Map each candidate's cue text to its speaker mention text."""
    doc = nlp(text)
    return {text[slice(*c.cue)]: (text[slice(*c.speaker)] if c.speaker else None) for c in find_candidates(doc) if c.cue}


@pytest.mark.parametrize("text, cue, speaker", [
    # object control: the object of "led", "left", "prompted" says or thinks the complement
    ("The flood led several economists to say that the dam had failed.", "say", "several economists"),
    ("The vote left the mayor's allies fearful that the budget would collapse.", "fearful", "the mayor's allies"),
    # an object that cannot speak is a tool, not a speaker
    ("The senator used her closing speech to demand that the mine be closed.", "demand", "The senator"),
])
def test_object_controls_the_complement(nlp, text, cue, speaker):
    assert _speakers(nlp, text)[cue] == speaker


def test_adjective_raising_reaches_the_subject(nlp):
    # "are likely to say": the speaker is the subject of the copula the adjective hangs on
    got = _speakers(nlp, "Rural teachers are far more likely to say that the new exam is unfair.")
    assert got["say"] == "Rural teachers"


def test_made_it_clear_takes_the_maker(nlp):
    got = _speakers(nlp, "Ortega made it clear that the harbour would stay open all winter.")
    assert got["clear"] == "Ortega"


def test_extraposed_it_is_no_speaker(nlp):
    got = _speakers(nlp, "It is worth pointing out that the harbour stayed open all winter.")
    assert got.get("pointing out") is None


@pytest.mark.parametrize("text", [
    "Asked whether the ferry would run in winter, Okafor shrugged.",
    "Okafor, when asked whether the ferry would run in winter, shrugged.",
])
def test_bare_asked_has_no_speaker(nlp, text):
    # the one asked is the clause's subject; who asked is not named
    got = _speakers(nlp, text)
    assert "Okafor" not in {v for k, v in got.items() if k.lower() == "asked"}


def test_weekday_after_cue_is_no_speaker(nlp):
    # the parse leaves "said" without a subject; the fallback must not take the day for the speaker
    text = '"The ferries will run again soon," said Monday a port official.'
    speakers = {c.kind: text[slice(*c.speaker)] if c.speaker else None for c in find_candidates(nlp(text))}
    assert speakers["direct"] != "Monday"


def test_free_quote_takes_the_subject_of_the_sentence_before_it(nlp):
    text = ('"We will not sign anything this week," Mayor Lund said.\n\n'
            'Councillor Okafor disagreed with the delay. "The bridge has to be rebuilt before the winter comes."')
    doc = nlp(text)
    last = [c for c in find_candidates(doc) if c.kind == "direct"][-1]
    assert text[slice(*last.speaker)] == "Councillor Okafor"


@pytest.mark.parametrize("text, speaker", [
    ('As Professor Amara Diallo put it: "The river does not care about borders."', "Professor Amara Diallo"),
    ('Councillor Okafor delivered a blunt reply: "The bridge will be rebuilt, and soon."', "Councillor Okafor"),
    ('The harbour was quiet all week - Ines Duarte: "Nobody wants to sail in this weather."', "Ines Duarte"),
])
def test_colon_clause_names_the_speaker(nlp, text, speaker):
    direct = [c for c in find_candidates(nlp(text)) if c.kind == "direct"]
    assert [text[slice(*c.speaker)] for c in direct] == [speaker]


def test_cue_before_comma_keeps_its_quote_from_the_next_sentence(nlp):
    text = 'Okafor nodded and said, "The bridge will be rebuilt." The mayor later recalled the vote.'
    direct = [c for c in find_candidates(nlp(text)) if c.kind == "direct"]
    assert text[slice(*direct[0].speaker)] == "Okafor"


@pytest.mark.parametrize("text, cue, speaker", [
    ("Voters quoted a new poll that shows more residents view the mayor unfavorably than support her.", "shows", "a new poll that"),
    ("Ferry traffic fell by half. That suggests the new bridge is drawing commuters away.", "suggests", "That"),
])
def test_relative_and_demonstrative_subjects_speak(nlp, text, cue, speaker):
    assert _speakers(nlp, text)[cue] == speaker


def test_that_said_stays_without_speaker(nlp):
    got = _speakers(nlp, "That said, residents say the tower will block the view of the harbour.")
    assert "That" not in got.values()


def test_trailing_participle_belongs_to_the_reporter(nlp):
    # the parser hangs "pointing" on "is failing"; the one who said it points
    text = "Okafor said the ferry service is failing, pointing to the empty boats on the evening crossings."
    assert _speakers(nlp, text)["pointing"] == "Okafor"


def test_relative_pronoun_yields_to_the_real_subject(nlp):
    text = "Okafor praised the ferry office, which he argued seeks to restore fairness to rural schools."
    assert _speakers(nlp, text)["argued"] == "he"


def test_relative_pronoun_mention_holds_its_noun(nlp):
    from dateline.quotes.speaker import mention_span

    doc = nlp("The harbour master, who has argued for a new pier, left early.")
    who = next(t for t in doc if t.lower_ == "who")
    assert doc.text[slice(*mention_span(who))] == "The harbour master, who"


def test_conjoined_cue_takes_the_passive_subject(nlp):
    text = "Okafor was joined on stage by the mayor and joked that the bridge would outlast them both."
    assert _speakers(nlp, text)["joked"] == "Okafor"


def test_cue_inside_a_relative_clause_does_not_introduce_the_quote(nlp):
    text = 'Okafor told the councillors who gathered at the pier, "The bridge will be rebuilt before winter."'
    mark = text.index('"The bridge')
    holding = [c for c in find_candidates(nlp(text)) if any(s <= mark + 1 < e for s, e in c.parts)]
    assert [text[slice(*c.speaker)] for c in holding] == ["Okafor"]


def test_conjoined_speech_verb_in_a_reported_clause_belongs_to_the_reporter(nlp):
    text = 'Okafor said it was too early to count the votes but added, "I think we have won the harbour seat."'
    direct = [c for c in find_candidates(nlp(text)) if c.kind == "direct"]
    assert text[slice(*direct[0].speaker)] == "Okafor"


def test_cue_after_trailing_words_attributes_the_quote(nlp):
    text = ('Ortega took questions.\n\n"The evidence is strong that the ferry logs are accurate" '
            'rather than the rival account, Okafor said.')
    direct = [c for c in find_candidates(nlp(text)) if c.kind == "direct"]
    assert text[slice(*direct[0].speaker)] == "Okafor"


@pytest.mark.parametrize("text, speaker", [
    ('"How deep is that harbour?" asked the boy, who was wearing a red hat and said his name was Tom.', "the boy"),
    ('"The ferry will not run tonight," begins a recorded message that plays at every pier.', "a recorded message"),
])
def test_inverted_speaker_after_the_cue(nlp, text, speaker):
    # the parser leaves the cue without a subject; the noun right after a cue hugging the quote speaks
    direct = [c for c in find_candidates(nlp(text)) if c.kind == "direct"]
    assert text[slice(*direct[0].speaker)] == speaker


def test_free_quote_after_a_common_noun_speaker(nlp):
    text = ('The harbour is quiet this winter.\n\n'
            'The veteran official later added that the nets were empty. "I have never seen a season like this one."')
    last = [c for c in find_candidates(nlp(text)) if c.kind == "direct"][-1]
    assert text[slice(*last.speaker)] == "The veteran official"


def test_contracted_has_is_not_a_passive(nlp):
    text = "While he's said he'll fight all the way to the harbour vote, Okafor must decide what he wants."
    assert _speakers(nlp, text)["said"] == "he"


def test_dateline_city_is_not_the_speaker(nlp):
    text = ("Boston (AFP) \u2013 Harbour Commissioner Ines Duarte on Monday toured the docks with the mayor "
            "for the first time, warning that the pier was unsafe.")
    assert _speakers(nlp, text)["warning"] == "Harbour Commissioner Ines Duarte"


def test_nearest_of_two_parsed_subjects_speaks(nlp):
    text = ("Speaking at a town hall event in Salem, New Hampshire, Okafor went after the mayor, "
            "calling him a total stiff.")
    assert _speakers(nlp, text)["calling"] == "Okafor"


@pytest.mark.parametrize("text, cue, speaker", [
    ("The two ferry companies expect to save millions by sharing one pier.", "expect", "The two ferry companies"),
    ("The harbour board expects the new pier to open in May.", "expects", "The harbour board"),
])
def test_active_cognition_raising_verb_has_its_subject_as_source(nlp, text, cue, speaker):
    assert _speakers(nlp, text).get(cue) == speaker


def test_passive_raising_verb_has_no_source(nlp):
    got = _speakers(nlp, "The new pier is expected to open in May.")
    assert got.get("expected") is None


def test_cue_opening_the_next_sentence_does_not_take_the_quote(nlp):
    text = ('Okafor, tired, finally answered: "What difference does a new pier make?" '
            'Her critics cited it as proof that she had given up.')
    direct = [c for c in find_candidates(nlp(text)) if c.kind == "direct"]
    assert text[slice(*direct[0].speaker)] == "Okafor"


def test_clause_and_comma_before_a_quote_introduce_it(nlp):
    text = 'As the harbour master Ines Duarte put it, "Nobody sails in this weather unless they must."'
    direct = [c for c in find_candidates(nlp(text)) if c.kind == "direct"]
    assert text[slice(*direct[0].speaker)] == "the harbour master Ines Duarte"


def test_purpose_infinitive_on_an_object_takes_the_verb_subject(nlp):
    text = "Okafor on Friday held an impromptu press briefing to brag that the ferry was finally on time."
    assert _speakers(nlp, text)["brag"] == "Okafor"
