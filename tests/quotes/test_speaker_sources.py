"""Speaker choice on sentences written for these tests (issue 3, item 4: source accuracy).

Each row names the rule it checks; the sentences are our own, shaped after the PolNeAR train
errors that the rule fixes (the parse of the test sentence reproduces the error without it).
"""
from __future__ import annotations

import pytest

from dateline.quotes.find import find_candidates
from quote_helpers import speakers_by_cue as _speakers


def _quote_speaker(nlp, text: str, *, last: bool = False) -> str | None:
    """The speaker mention of the candidate holding the first (or last) quotation of ``text``,
    whatever its kind (a quote after "told X," may be read as one mixed content)."""
    opens = [k for k, ch in enumerate(text) if ch in '"\u201c' and text[k + 1:k + 2].isalnum()]
    mark = opens[-1] if last else opens[0]
    [cand] = [c for c in find_candidates(nlp(text)) if any(s <= mark + 1 < e for s, e in c.parts)]
    return text[slice(*cand.speaker)] if cand.speaker else None


@pytest.mark.parametrize("text, cue, speaker", [
    # object control: the object of "led", "left" says or thinks the complement
    ("The flood led several economists to say that the dam had failed.", "say", "several economists"),
    ("The vote left the mayor's allies fearful that the budget would collapse.", "fearful", "the mayor's allies"),
    # an object that cannot speak is a tool, not a speaker
    ("The senator used her closing speech to demand that the mine be closed.", "demand", "The senator"),
    # "are likely to say": the subject of the copula the adjective hangs on
    ("Rural teachers are far more likely to say that the new exam is unfair.", "say", "Rural teachers"),
    # "made it clear that": the maker, not "it"
    ("Ortega made it clear that the harbour would stay open all winter.", "clear", "Ortega"),
    # a relative "that" and a demonstrative subject are sources; the relative's mention holds its noun
    ("Voters quoted a new poll that shows more residents view the mayor unfavorably than support her.", "shows",
     "a new poll that"),
    ("Ferry traffic fell by half. That suggests the new bridge is drawing commuters away.", "suggests", "That"),
    # a trailing participle the parser hangs on the reported clause belongs to the reporter
    ("Okafor said the ferry service is failing, pointing to the empty boats on the evening crossings.", "pointing",
     "Okafor"),
    # with two parsed subjects a relative pronoun yields to the other, and the nearest one speaks
    ("Okafor praised the ferry office, which he argued seeks to restore fairness to rural schools.", "argued", "he"),
    ("Speaking at a town hall event in Salem, New Hampshire, Okafor went after the mayor, calling him a total stiff.",
     "calling", "Okafor"),
    # a cue conjoined to a passive verb takes the passive subject
    ("Okafor was joined on stage by the mayor and joked that the bridge would outlast them both.", "joked", "Okafor"),
    # "he's said" is "has said"
    ("While he's said he'll fight all the way to the harbour vote, Okafor must decide what he wants.", "said", "he"),
    # after a dateline dash the first noun phrase speaks, not the city
    ("Boston (AFP) \u2013 Harbour Commissioner Ines Duarte on Monday toured the docks with the mayor for the first "
     "time, warning that the pier was unsafe.", "warning", "Harbour Commissioner Ines Duarte"),
    # active cognition raising verbs have their subject as source
    ("The two ferry companies expect to save millions by sharing one pier.", "expect", "The two ferry companies"),
    ("The harbour board expects the new pier to open in May.", "expects", "The harbour board"),
    # a purpose infinitive hung on an object: the verb's subject speaks
    ("Okafor on Friday held an impromptu press briefing to brag that the ferry was finally on time.", "brag",
     "Okafor"),
    # no speaker: an extraposed "it", a passive raising verb
    ("It is worth pointing out that the harbour stayed open all winter.", "pointing out", None),
    ("The new pier is expected to open in May.", "expected", None),
])
def test_cue_speaker(nlp, text, cue, speaker):
    assert _speakers(nlp, text).get(cue) == speaker


@pytest.mark.parametrize("text, speaker", [
    # a clause ending in a colon introduces the quote: its verb's subject, or a name after a dash
    ('As Professor Amara Diallo put it: "The river does not care about borders."', "Professor Amara Diallo"),
    ('Councillor Okafor delivered a blunt reply: "The bridge will be rebuilt, and soon."', "Councillor Okafor"),
    ('The harbour was quiet all week - Ines Duarte: "Nobody wants to sail in this weather."', "Ines Duarte"),
    # ... and so does a clause with its own verb and a comma
    ('As the harbour master Ines Duarte put it, "Nobody sails in this weather unless they must."',
     "the harbour master Ines Duarte"),
    # a cue with a comma before the quote keeps it from the next sentence's cue
    ('Okafor nodded and said, "The bridge will be rebuilt." The mayor later recalled the vote.', "Okafor"),
    ('Okafor, tired, finally answered: "What difference does a new pier make?" Her critics cited it as proof that '
     'she had given up.', "Okafor"),
    # a speech verb conjoined inside a reported clause belongs to the reporter
    ('Okafor said it was too early to count the votes but added, "I think we have won the harbour seat."', "Okafor"),
    # a cue a few words after a quote that opens its sentence
    ('Ortega took questions.\n\n"The evidence is strong that the ferry logs are accurate" rather than the rival '
     'account, Okafor said.', "Okafor"),
    # an adjectival participle ("a written statement") is no cue of its own
    ('Okafor told the Harbour Gazette in a written statement, "I really do not want the mayor\'s endorsement."',
     "Okafor"),
    # a speaker mention stops at the closing mark of the quote before it
    ('"Just saw the harbour plan. I am impressed by its ability to annoy every fisherman in town," screenwriter '
     'Cole Haddon wrote on Twitter.', "screenwriter Cole Haddon"),
    # inverted cue with no parsed subject: the noun phrase right after it
    ('"How deep is that harbour?" asked the boy, who was wearing a red hat and said his name was Tom.', "the boy"),
    ('"The ferry will not run tonight," begins a recorded message that plays at every pier.', "a recorded message"),
])
def test_direct_quote_speaker(nlp, text, speaker):
    assert _quote_speaker(nlp, text) == speaker


@pytest.mark.parametrize("text, speaker", [
    # a quote with no cue takes the subject of the sentence before it in its own paragraph
    ('"We will not sign anything this week," Mayor Lund said.\n\nCouncillor Okafor disagreed with the delay. '
     '"The bridge has to be rebuilt before the winter comes."', "Councillor Okafor"),
    ('The harbour is quiet this winter.\n\nThe veteran official later added that the nets were empty. '
     '"I have never seen a season like this one."', "The veteran official"),
])
def test_free_quote_speaker(nlp, text, speaker):
    assert _quote_speaker(nlp, text, last=True) == speaker


@pytest.mark.parametrize("text", [
    "Asked whether the ferry would run in winter, Okafor shrugged.",
    "Okafor, when asked whether the ferry would run in winter, shrugged.",
])
def test_bare_asked_has_no_speaker(nlp, text):
    # the one asked is the clause's subject; who asked is not named
    got = _speakers(nlp, text)
    assert "Okafor" not in {v for k, v in got.items() if k.lower() == "asked"}


def test_that_said_stays_without_speaker(nlp):
    got = _speakers(nlp, "That said, residents say the tower will block the view of the harbour.")
    assert "That" not in got.values()


def test_weekday_after_cue_is_no_speaker(nlp):
    # the parse leaves "said" without a subject; the fallback must not take the day for the speaker
    assert _quote_speaker(nlp, '"The ferries will run again soon," said Monday a port official.') != "Monday"


def test_attitude_holder_is_not_inside_its_content(nlp):
    text = "The two ferry companies expect to save millions by sharing one pier."
    [cand] = [c for c in find_candidates(nlp(text)) if text[slice(*c.cue)] == "expect"]
    assert [text[s:e] for s, e in cand.parts] == ["to save millions by sharing one pier"]


def test_relative_pronoun_mention_holds_its_noun(nlp):
    from dateline.quotes.speaker import mention_span

    doc = nlp("The harbour master, who has argued for a new pier, left early.")
    who = next(t for t in doc if t.lower_ == "who")
    assert doc.text[slice(*mention_span(who))] == "The harbour master, who"


def test_cue_inside_a_relative_clause_does_not_introduce_the_quote(nlp):
    text = 'Okafor told the councillors who gathered at the pier, "The bridge will be rebuilt before winter."'
    assert _quote_speaker(nlp, text) == "Okafor"


@pytest.mark.parametrize("text", [
    "The two ferry companies expect to save millions by sharing one pier.",
    "Law professor Ines Duarte, who is challenging the mayor, received more than $250,000 from small donors.",
    '"We will rebuild the pier before the summer," - Harbour master Okafor (D-S.C.):"I have never seen this."',
])
def test_speaker_never_overlaps_its_content(nlp, text):
    for c in find_candidates(nlp(text)):
        if c.speaker is not None:
            assert not any(s < c.speaker[1] and c.speaker[0] < e for s, e in c.parts), text[slice(*c.speaker)]
