"""Direct and mixed quotes, round 8 (issue 3): lead-ins, listed quotes and the quotes that are
not statements. Sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes
from quote_helpers import kinds_and_contents as _quotes


@pytest.mark.parametrize(
    "text, expected",
    [
        # an opening phrase set off by a comma before a lower-case quoted clause is part of the content
        ('After the storms of last winter, "there is a sense of urgency in town," Ms. Lee said.',
         ("mixed", ['After the storms of last winter, "there is a sense of urgency in town,'])),
        # a second quote joined to the first by "and" belongs to the same quote
        ('The crowd chanted, "Close the mill now," and "Save our jobs."',
         ("direct", ["Close the mill now,", "Save our jobs."])),
        # a cue after the quote that introduces the next quote ('and another said, "..."') is not its own
        ('One sign read, "Keep the trains running," and another said, "Fix the bridge first."',
         ("direct", ["Keep the trains running,"])),
        ('Ms. Lee was asked, "Will the mill close?" Mr. Hale answered, "Not this year."',
         ("direct", ["Will the mill close?"])),
        # a quote that opens its sentence carries a long clause on to the comma before the cue
        ('"We were tired and hungry" after the long march through the valley and over the hills to the old '
         'mill town, Ms. Lee said.',
         ("mixed", ['We were tired and hungry" after the long march through the valley and over the hills to the old '
                    'mill town'])),
        # a cue in a clause of time ('when asked', 'after hinting') between two quotes does not split them
        ('"It was a fine dinner," the builder told the paper in a rare interview when asked if he had met Lind. '
         '"He was very kind."',
         ("direct", ["It was a fine dinner,", "He was very kind."])),
        ('"Everything is open," Hale told the paper on Monday after hinting that "staff changes" could come. '
         '"Every single job is open."',
         ("direct", ["Everything is open,", "Every single job is open."])),
        # a colon clause inside an earlier cue's report: the content runs from that report's start
        ('Hale said that the mayor had learned her lesson: "We are ready for a longer fight now."',
         ("mixed", ['the mayor had learned her lesson: "We are ready for a longer fight now.'])),
        # "that" after the cue opens a reported clause that runs into the quote, whatever comes between
        ('Ms. Lee added that after the storm, as a family with two jobs and three children, "We were not living large."',
         ("mixed", ['after the storm, as a family with two jobs and three children, "We were not living large.'])),
        # a clause joined to the quote by "and" runs on to the sentence's cue after the comma
        ('"There is a sense of calm now," and donations began to pick up again last week, Ms. Lee said.',
         ("mixed", ['There is a sense of calm now," and donations began to pick up again last week'])),
        # the attribution and a conjunction between two quotes: one quote, two parts
        ('"You know, I like Lind," he said, but "when it comes to roads, Lind has a poor record."',
         ("direct", ["You know, I like Lind,", "when it comes to roads, Lind has a poor record."])),
        # a short quote ending a clause, its cue, and a new quoted sentence: one mixed quote
        ('The new road was a "good idea" that brought "plenty of trade," Ms. Lee said. "We should build another."',
         ("mixed", ['The new road was a "good idea" that brought "plenty of trade,', "We should build another."])),
        # a quote running on from the paragraph before goes on after its cue in its own paragraph
        ('Ms. Lee said: "The mill is closing.\n\n"We will not give up," she went on. "We will find a buyer."',
         ("direct", ["The mill is closing.", "We will not give up,", "We will find a buyer."])),
        # the stop after the attribution is missing: the next quoted sentence still goes on
        ('"The plan is dead and buried," she said "Nobody in this town will miss it at all."',
         ("direct", ["The plan is dead and buried,", "Nobody in this town will miss it at all."])),
        # a cue verb whose clause ends before the lower-case quote does not stop the lead-in
        ('When Lind spoke at the rally, he "grabbed the mood of the room," Hale said.',
         ("mixed", ['When Lind spoke at the rally, he "grabbed the mood of the room,'])),
    ],
)
def test_direct_leads_join(nlp, text, expected):
    assert expected in _quotes(nlp, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title in apposition after a comma is no clause: the words before it stay out
        ('In her new novel, "The Salt Road," Ms. Lee wrote about her town.', ("mixed", ['In her new novel, "The Salt Road,'])),
        # a quoted item right after a quoted item ending in a comma is part of a list, not a quote of its own
        ('Ms. Lee said the plan was "too costly," "badly timed" and unfair to renters.', ("direct", ["badly timed"])),
        # a cue verb right before the quote still keeps its words out
        ('Ms. Ortiz warned "we cannot wait any longer," Hale said.',
         ("mixed", ['Ms. Ortiz warned "we cannot wait any longer,'])),
        # words a reported clause says someone would say belong to that report, not a direct quote
        ('Ms. Lee says she would tell the board "no more delays" at the meeting.', ("direct", ["no more delays"])),
        ('Lind said the council met on Monday to discuss what he called "a slow disaster" in the valley.',
         ("direct", ["a slow disaster"])),
        # a short quote with a cue after it and no new quoted sentence stays with the indirect finder
        ('The host of the show "Open Roads," Ms. Lee listed "Harbour Lights" as her favourite.',
         ("mixed", ['The host of the show "Open Roads,', "Harbour Lights"])),
        # a title that opens with an article is a title too
        ('Before politics, Lind was a host on the radio show, "The Morning Harbour," for ten years.',
         ("direct", ["The Morning Harbour,"])),
        ('In her first book, "A Town By The River," Ms. Lee wrote about the mill.', ("direct", ["A Town By The River,"])),
        # a title set off by a comma after the noun it names is not a direct quote
        ('His first radio show, "Morning Harbour," ran for ten years, Ms. Lee said.', ("direct", ["Morning Harbour,"])),
    ],
)
def test_direct_leads_apart(nlp, text, expected):
    assert expected not in _quotes(nlp, text)


def test_direct_words_told_to_someone_are_not_a_title(nlp):
    assert ("direct", ["No Way."]) in _quotes(nlp, 'Ms. Lee told reporters, "No Way."')


@pytest.mark.parametrize(
    "text, expected",
    [
        # a cue that introduces the next quote ('as a heckler yelled:') ends the first quote
        ('"There is a young man here with some problems," Lind said as a heckler yelled: "Go home!"',
         [("There is a young man here with some problems,", "Lind"), ("Go home!", "a heckler")]),
        # a bare gerund cue ('adding') goes on with the speaker of the quote before it
        ('On Monday, Ms. Lee stated, "The dam is safe for now," adding, "The river is very low this year."',
         [("The dam is safe for now,", "Ms. Lee"), ("The river is very low this year.", "Ms. Lee")]),
        # a participle cue ('writing') speaks for the subject of the verb it hangs off
        ('At the final debate, he only hinted at Lind by mentioning the need for a wall on the southern border and '
         'adding, "I have got an idea of who should build it."',
         [("I have got an idea of who should build it.", "he")]),
        # a participle after a quote with a cue before it is an aside: the quote keeps the cue before
        ('Ms. Lee said on Monday, "It is time we change how we do it," promising the club will return to its roots.',
         [("It is time we change how we do it,", "Ms. Lee")]),
    ],
)
def test_direct_speakers(nlp, text, expected):
    quotes = find_quotes(nlp(text), actors=ActorIndex())
    assert [(q.content[0].text, q.speaker_span and text[slice(*q.speaker_span)]) for q in quotes
            if q.kind == "direct"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a teaser word before a headline colon is not a speaker
        "Revealed: What The Mayor Plans For The Old Mill Will Surprise You\n\nThe council met on Monday.",
        "Wow: The Mayor Just Answered Her Critics With One Short Line\n\nThe council met on Monday.",
        # a short line under a name in a list of each side's hopes is not a quote
        "Each campaign has its own hope.\n\nLind: Hold on.\n\nHale: A late surge.",
        # a lead-in opening with a determiner is no speaker's name
        "The race goes on.\n\nAnother problem for Lind: The voters in the north have never heard of him.",
        # a place followed by a list of names is a roster, not a quote
        "The panel is made up of these people.\n\nOhio: Ann Lee, Bob Hale, Cara Lind, Dan Moe, Eve Park, Fay Ross, "
        "Gus Tate, Hal Vance",
    ],
)
def test_direct_colon_lines_that_are_not_quotes(nlp, text):
    assert not [q for q in find_quotes(nlp(text), actors=ActorIndex()) if q.cue and q.cue.text == ":"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lind: The Mill Will Stay Open Through The Winter\n\nThe council met on Monday.",
         ("direct", ["The Mill Will Stay Open Through The Winter"])),
        ("The interview went on.\n\nHALE: Why not?\n\nLEE: We had no time.", ("direct", ["Why not?"])),
    ],
)
def test_direct_colon_lines_kept(nlp, text, expected):
    assert expected in _quotes(nlp, text)


def test_direct_signature_paragraph_names_the_speaker(nlp):
    # a paragraph-long quote signed in the next paragraph ('- Ann Lee.') is that person's
    text = 'The debate went on.\n\n"Big firms pay no taxes at all."\n\n- Ann Lee.\n\nThe next topic was trade.'
    quotes = [q for q in find_quotes(nlp(text), actors=ActorIndex()) if q.kind == "direct"]
    assert [(q.content[0].text, text[slice(*q.speaker_span)], q.cue.text) for q in quotes] == \
        [("Big firms pay no taxes at all.", "Ann Lee", "-")]
