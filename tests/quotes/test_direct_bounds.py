"""Direct and mixed quote boundaries (issue 3): which quoted spans join one quote and which
unquoted lead-ins belong to it. Sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes
from quote_helpers import kinds_and_contents as _quotes


@pytest.mark.parametrize(
    "text, expected",
    [
        # a gerund aside on the cue does not split the quote from the next quoted sentence
        ('"The canal is older than the town," Ms. Ortiz said, noting that the locks were rebuilt twice. '
         '"Nobody here remembers it dry."',
         ("direct", ["The canal is older than the town,", "Nobody here remembers it dry."])),
        # the subject before a quote that opens with its verb is part of one mixed content
        ('The fair, visited by thousands of families each summer, "keeps the valley alive," said Mia Hale, '
         'its organiser.',
         ("mixed", ['The fair, visited by thousands of families each summer, "keeps the valley alive,'])),
        # words that carry the quote's clause on to a comma before the cue belong to the content
        ('"We are very pleased" with the new timetable, Ms. Ortiz said on Monday.',
         ("mixed", ['We are very pleased" with the new timetable'])),
        # the object of "called" / "described as" comes with what it is called
        ('The mayor called the new bridge "a gift to the next generation."',
         ("mixed", ['the new bridge "a gift to the next generation.'])),
        ('Ms. Ortiz described the budget as "a careful compromise."',
         ("mixed", ['the budget as "a careful compromise.'])),
        # an attribution set off by commas inside the sentence: the subject before it is content too
        ('The new ferry schedule, the mayor said, "makes the island a real suburb."',
         ("mixed", ["The new ferry schedule", "makes the island a real suburb."])),
        # a short opener of the next quoted sentence after the attribution joins with it
        ('"We did not like the toll at first," said Mia Hale, a commuter from the valley. '
         'Now, "most of the drivers here think it was worth it."',
         ("direct", ["We did not like the toll at first,", 'Now, "most of the drivers here think it was worth it.'])),
        # a verb deep in the attribution clause is not a cue of its own
        ('"The harbour was full again," Mr. Hale is quoted as saying in the book. '
         '"It felt like the old days."',
         ("direct", ["The harbour was full again,", "It felt like the old days."])),
        # a topic opened with "Of" before a mid-sentence attribution belongs to the quote
        ('Of the long delay at the bridge, Ms. Ortiz said, "It is a shame for the whole town."',
         ("mixed", ["Of the long delay at the bridge", "It is a shame for the whole town."])),
    ],
)
def test_direct_bounds_join(nlp, text, expected):
    assert expected in _quotes(nlp, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "adding" reports a clause of its own: the next quote stays apart
        ('"We will rebuild the pier," Hale said, adding that the council had agreed. "It will take a year."',
         ("direct", ["We will rebuild the pier,"])),
        # a capitalised quote after a comma starts its own sentence: no lead-in
        ('After the vote, "We won," said Hale.', ("direct", ["We won,"])),
        # the words after the quote are the speaker, not a continuation
        ('"We are ready to build," Mia Hale, the county engineer, said on Monday.', ("direct", ["We are ready to build,"])),
        # a quote that closed its sentence takes no tail
        ('"The road will open in May." Officials in the county, however, said on Monday that it may slip.',
         ("direct", ["The road will open in May."])),
        # an opening phrase before "X said," is the setting, not the content
        ('In an interview on Monday, Ms. Ortiz said, "We will finish the road."',
         ("direct", ["We will finish the road."])),
        # a cue inside a clause of condition after the quote does not take it
        ('Ms. Ortiz admitted on Monday "it will be very hard for us to finish" if the rain continues through May.',
         None),
    ],
)
def test_direct_bounds_apart(nlp, text, expected):
    found = _quotes(nlp, text)
    if expected is None:  # no quote cued by the verb of a subordinate clause
        assert not any(q.cue is not None and q.cue.text == "continues"
                       for q in find_quotes(nlp(text), actors=ActorIndex()))
    else:
        assert expected in found
