"""Cue coverage and false alarms: one row per lexicon or cue rule, each with a sentence written
for this test. ``present`` rows name a content the finder must report for the cue; ``absent``
rows name a cue word that must not carry any quote."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes


def _quotes(nlp, text):
    return find_quotes(nlp(text), actors=ActorIndex())


# (sentence, cue word, its content): the cue now yields this content
PRESENT = [
    # accepting something is a stance of the subject, annotated like "endorsed" (train 12/25, dev 3/3)
    ("Senator Lopez accepted the party's nomination for governor.", "accepted", "the party's nomination for governor"),
]

# (sentence, cue word): the cue yields no quote
ABSENT = [
    # "is supposed to": an obligation or plan, not anyone's report (0 of 13 matched on PolNeAR train)
    ("The new bridge was supposed to open to traffic in the spring.", "supposed"),
    # an invitation names a guest and an occasion, not a statement (3 of 12 matched on train, 0 of 2 on dev)
    ("The museum invited local painters to show their work in the east wing.", "invited"),
]


@pytest.mark.parametrize("text, cue, content", PRESENT)
def test_cue_reports_its_content(nlp, text, cue, content):
    found = {(q.cue.text if q.cue else None, " || ".join(c.text for c in q.content)) for q in _quotes(nlp, text)}
    assert (cue, content) in found, found


@pytest.mark.parametrize("text, cue", ABSENT)
def test_cue_reports_nothing(nlp, text, cue):
    quotes = _quotes(nlp, text)
    assert all(q.cue is None or q.cue.text != cue for q in quotes), [(q.cue, q.content) for q in quotes]
