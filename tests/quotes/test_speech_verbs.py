"""Core speech verbs the parse hides (issue 3): cue clauses set off by commas, naming verbs,
"call for", one-word answers, questions of "ask", elliptic reports, "as reported by", and cues
the tagger took for nouns. Sentences written for these tests."""
from __future__ import annotations

import pytest

from quote_helpers import hand_doc as _hand_doc, quotes_in


def _contents(nlp, text, cue):
    return [[c.text for c in q.content] for q in quotes_in(nlp, text) if q.cue is not None and q.cue.text == cue]


# "called" parsed as a participle on the person who calls
_CALLED_ON_PERSON = [
    ("The", 1, "det", "DET", "DT", "the"), ("plan", 2, "nsubj", "NOUN", "NN", "plan"),
    ("drew", 2, "ROOT", "VERB", "VBD", "draw"), ("fire", 2, "dobj", "NOUN", "NN", "fire"),
    (",", 2, "punct", "PUNCT", ",", ","), ("with", 2, "prep", "ADP", "IN", "with"),
    ("one", 7, "nummod", "NUM", "CD", "one"), ("senator", 5, "pobj", "NOUN", "NN", "senator"),
    ("called", 7, "acl", "VERB", "VBN", "call"), ("Lind", 12, "nmod", "PROPN", "NNP", "Lind"),
    ("the", 12, "det", "DET", "DT", "the"), ("silver", 12, "amod", "ADJ", "JJ", "silver"),
    ("prince", 8, "oprd", "NOUN", "NN", "prince"), (".", 2, "punct", "PUNCT", ".", "."),
]
# "claims" tagged a plural noun, yet with a subject and a clause of its own
_CLAIMS_AS_NOUN = [
    ("Lind", 1, "nsubj", "PROPN", "NNP", "Lind"), ("claims", 1, "ROOT", "NOUN", "NNS", "claim"),
    ("he", 3, "nsubj", "PRON", "PRP", "he"), ("owns", 1, "ccomp", "VERB", "VBZ", "own"),
    ("ten", 5, "nummod", "NUM", "CD", "ten"), ("farms", 3, "dobj", "NOUN", "NNS", "farm"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(
    "text, cue, parts",
    [
        # a fronted phrase the parser hangs on the cue is part of what was said
        ("At times last spring, people close to the governor said, the mere mention of the budget could make "
         "him shout.", "said", ["At times last spring", "the mere mention of the budget could make him shout"]),
        # a clause conjoined to the cue after its comma goes on with the report
        ("She also gave the mayor notes on his speeches, Lind says, and she felt free to challenge him.", "says",
         ["She also gave the mayor notes on his speeches", "and she felt free to challenge him"]),
        # the cue's own object stays in the cue clause ("told them")
        ("The answer, the coach told them, was patience.", "told", ["The answer", "was patience"]),
        # the opening mark of the next quotation is not content
        ("In any event, Ms. Ortiz said, the bridge was too narrow for buses. ''We knew it,'' she said.",
         "said", ["In any event", "the bridge was too narrow for buses"]),
        # the one told ("the Gazette") stays in the cue clause at the sentence's end
        ("Despite two defeats on Tuesday, the senator remains committed to the race, his top aide, Tom Lind, "
         "told the Gazette.", "told", ["Despite two defeats on Tuesday, the senator remains committed to the race"]),
        # a cue clause after the sentence's last comma reports the clause before it
        ("The ferry company stopped the night service in 2011, the Gazette reported in 2014.", "reported",
         ["The ferry company stopped the night service in 2011"]),
        # a verb of naming reports its object with the name, however short
        ("Graham called him divisive.", "called", ["him divisive"]),
        # "for" read as the subordinator of an infinitive clause still opens the content
        ("Ortiz is calling for the state to close the bridge.", "calling", ["the state to close the bridge"]),
        ("Lind has called for the council to resign.", "called", ["the council to resign"]),
        # a one-word answer is all that was said; a refusal keeps what it refuses
        ("Asked about the plan, most voters said yes.", "said", ["yes"]),
        ("He said no to the war in Iraq.", "said", ["no to the war in Iraq"]),
        # the question of "ask" parsed as an adverbial clause, "if" and all
        ("Asked if he was ever bullied, the candidate said no.", "Asked", ["if he was ever bullied"]),
        # a report cut down to its subject and a modal is still a report
        ("The mayor said she would.", "said", ["she would"]),
        # a passive "as" clause with its agent reports the clause it modifies
        ("As reported by the Gazette, the bridge is unsafe.", "reported", ["the bridge is unsafe"]),
        # parse errors written down: a naming verb hung on its speaker, a cue tagged as a noun
        (_CALLED_ON_PERSON, "called", ["Lind the silver prince"]),
        (_CLAIMS_AS_NOUN, "claims", ["he owns ten farms"]),
    ],
)
def test_speech_verbs_content(nlp, text, cue, parts):
    if isinstance(text, list):
        text = _hand_doc(nlp, text)
    assert parts in _contents(nlp, text, cue)


@pytest.mark.parametrize(
    "text, cue",
    [
        # a fronted adverbial clause before the speaker's own verb is not reported
        ("As the vote got under way in Reno, Ortiz weighed in on the plan.", "weighed"),
        # a relative clause after a comma describes its noun
        ("The mayor thanked the crowd, which cheered loudly.", "cheered"),
        # an act toward someone at the sentence's end is not a report of what precedes
        ("After the results came in, Ortiz called him.", "called"),
    ],
)
def test_speech_verbs_parenthetical_not_fronted(nlp, text, cue):
    assert not any(len(parts) == 1 and parts[0].startswith(text[:10]) for parts in _contents(nlp, text, cue))


@pytest.mark.parametrize(
    "text, cue",
    [
        # a name given in a participle after a noun is not a report
        ("The mayor joined a group called Better Roads last year.", "called"),
        # the noun "calls" the parser reads as a verb with a determiner for subject
        ("These calls for more buses have come even as the council said it has no money.", "calls"),
    ],
)
def test_speech_verbs_call_not_named(nlp, text, cue):
    assert _contents(nlp, text, cue) == []
