"""find_quotes on small sentences written for these tests, and on the seed article."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes


def _quotes(nlp, text, actors=None):
    return find_quotes(nlp(text), actors=actors or ActorIndex())


def _summary(text, q):
    speaker = text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None
    return q.kind, q.cue.text if q.cue else None, speaker, [c.text for c in q.content]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\u201cThe bridge will reopen in May,\u201d the mayor said.",
         ("direct", "said", "the mayor", ["The bridge will reopen in May,"])),
        ("\u201cWe are ready,\u201d said Anna Lind, the port director.",
         ("direct", "said", "Anna Lind", ["We are ready,"])),
        ("The minister told reporters: \u201cThe border stays closed until further notice.\u201d",
         ("direct", "told", "The minister", ["The border stays closed until further notice."])),
        ("The governor warned that the dam could fail within days.",
         ("indirect", "warned", "The governor", ["the dam could fail within days"])),
        ("Hugh Hill, a doctor, said the clinic had run out of insulin.",
         ("indirect", "said", "Hugh Hill", ["the clinic had run out of insulin"])),
        ("The harvest was the worst in a decade, farmers said.",
         ("indirect", "said", "farmers", ["The harvest was the worst in a decade"])),
        ("According to the ministry, the convoy reached the city on Monday.",
         ("indirect", "According to", "the ministry", ["the convoy reached the city on Monday"])),
        ("The coach said the team had been \u201ccompletely outplayed\u201d in the final.",
         ("mixed", "said", "The coach", ["the team had been \u201ccompletely outplayed\u201d in the final"])),
    ],
)
def test_find_quote_kinds_cues_speakers(nlp, text, expected):
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1
    assert _summary(text, quotes[0]) == expected


def test_find_split_quote_is_one_quote_with_two_parts(nlp):
    text = "\u201cWe tried everything,\u201d the captain said. \u201cThe engine simply stopped.\u201d"
    (q,) = _quotes(nlp, text)
    assert [c.text for c in q.content] == ["We tried everything,", "The engine simply stopped."]
    assert text[slice(*q.speaker_span)] == "the captain"


def test_find_multi_paragraph_quote_is_one_quote(nlp):
    text = ("The senator spoke for an hour.\n\u201cThis bill is a disaster for farmers.\n"
            "\u201cIt will raise prices and close markets,\u201d she said.")
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert len(quotes) == 1
    assert len(quotes[0].content) == 2
    assert quotes[0].paragraphs == (1, 2)


def test_find_pronoun_inside_quote_is_not_the_speaker(nlp):
    text = "\u201cHe wants to end this war soon,\u201d the envoy said."
    (q,) = _quotes(nlp, text)
    assert text[slice(*q.speaker_span)] == "the envoy"


def test_find_unattributed_quote_has_no_speaker_and_low_confidence(nlp):
    text = "The hall fell silent.\n\u201cNobody expected the vote to go this way at all.\u201d"
    (q,) = _quotes(nlp, text)
    assert q.speaker is None and q.speaker_span is None
    assert q.confidence < 0.5


def test_find_byline_is_never_a_speaker(nlp):
    text = "Maria Stone said the port had reopened."
    quotes = find_quotes(nlp(text), actors=ActorIndex(excluded=((0, 11),)))
    assert quotes and all(q.speaker_span is None for q in quotes)


def test_find_links_speaker_to_actor(nlp):
    from dateline.record import Actor, Mention

    text = "Lind said the port would reopen next week."
    actor = Actor("A1", "Anna Lind", "PERSON", mentions=(Mention((0, 4), "Lind", "name"),))
    (q,) = _quotes(nlp, text, ActorIndex((actor,)))
    assert q.speaker == "A1"


def test_find_ids_in_text_order_and_offsets_match(nlp):
    text = "Officials said the talks failed. \u201cIt is over,\u201d one diplomat said. Others believe a deal is near."
    quotes = _quotes(nlp, text)
    assert [q.id for q in quotes] == [f"Q{i}" for i in range(1, len(quotes) + 1)]
    starts = [q.content[0].span[0] for q in quotes]
    assert starts == sorted(starts)
    for q in quotes:
        for part in q.content:
            assert text[part.span[0]:part.span[1]] == part.text
        if q.cue:
            assert text[q.cue.span[0]:q.cue.span[1]] == q.cue.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bernie Sanders: The system is rigged against working families",
         ("direct", ":", "Bernie Sanders", ["The system is rigged against working families"])),
        ("The senator continued:\n\u201cWe will not stop until every vote is counted.\u201d",
         ("direct", "continued", "The senator", ["We will not stop until every vote is counted."])),
        ("\u201dWe are not afraid of anybody at all.\u201d \u2015 Maria Lopez",
         ("direct", "\u2015", "Maria Lopez", ["We are not afraid of anybody at all."])),
        ("''It is a fine result for the city,'' the mayor said.",
         ("direct", "said", "the mayor", ["It is a fine result for the city,"])),
        ("The senator emailed supporters saying the fight would go on.",
         ("indirect", "saying", "The senator", ["the fight would go on"])),
        ("The governor vowed to rebuild every bridge in the county.",
         ("indirect", "vowed", "The governor", ["to rebuild every bridge in the county"])),
        ("The governor made it clear that the plant would close.",
         ("indirect", "clear", "The governor", ["the plant would close"])),
        ("The ministry said in a statement that the report was false.",
         ("indirect", "said", "The ministry", ["the report was false"])),
        ("In a statement, the ministry rejected the report as baseless.",
         ("indirect", "rejected", "the ministry", ["the report as baseless"])),
        ("Any attempt to stop the vote, he said, would fail.",
         ("indirect", "said", "he", ["Any attempt to stop the vote", "would fail"])),
    ],
)
def test_find_verbless_and_less_common_forms(nlp, text, expected):
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1
    assert _summary(text, quotes[0]) == expected


def test_find_passive_cue_speaker_is_the_agent(nlp):
    text = "When asked by a reporter whether he would run, Smith said he would decide soon."
    summaries = [_summary(text, q) for q in _quotes(nlp, text)]
    assert ("indirect", "asked", "a reporter", ["whether he would run"]) in summaries
    assert ("indirect", "said", "Smith", ["he would decide soon"]) in summaries


def test_find_conjoined_cues_split_content_and_share_speaker(nlp):
    text = "The minister warned that prices would rise and insisted that wages must follow."
    summaries = [_summary(text, q) for q in _quotes(nlp, text)]
    assert summaries == [
        ("indirect", "warned", "The minister", ["prices would rise"]),
        ("indirect", "insisted", "The minister", ["wages must follow"]),
    ]


def test_find_attitudes_only_in_broad_mode(nlp):
    text = "The rebels opposed the new constitution drafted by the council."
    assert _quotes(nlp, text) == ()
    broad = find_quotes(nlp(text), actors=ActorIndex(), broad=True)
    assert [q.content[0].text for q in broad] == ["the new constitution drafted by the council"]


def test_find_title_case_headline(nlp):
    text = "Port Director Anna Lind Warns Harbour Will Close Within Weeks.\nThe harbour serves the whole region."
    quotes = _quotes(nlp, text)
    assert [_summary(text, q) for q in quotes][:1] == [
        ("indirect", "Warns", "Port Director Anna Lind", ["Harbour Will Close Within Weeks"])]
