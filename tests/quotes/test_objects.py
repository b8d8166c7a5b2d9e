"""Outer attributions with noun-phrase contents: an evidence or cognition verb whose object is a
nominal attribution, and passives with an agent (issue 3). Sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes


def _quotes(nlp, text):
    return [(q.kind, [c.text for c in q.content], q.cue.text if q.cue else None, q.speaker_span)
            for q in find_quotes(nlp(text), actors=ActorIndex())]


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("The survey found growing criticism of the plan among voters.",
     "growing criticism of the plan among voters", "found"),
])
def test_objects_evidence_verb_reports_a_nominal_attribution(nlp, text, content, cue):
    found = _quotes(nlp, text)
    assert [(k, c, q) for k, c, q, _ in found] == [("indirect", [content], cue)]


@pytest.mark.parametrize("text", [
    "The hikers found a narrow path along the river.",
])
def test_objects_evidence_verb_with_a_plain_object_is_no_quote(nlp, text):
    assert _quotes(nlp, text) == []


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("The senator was criticized by several Democrats for her vote.", "The senator", "criticized",
     "several Democrats"),
    ("The mayor was endorsed by the teachers union on Friday.", "The mayor", "endorsed", "the teachers union"),
])
def test_objects_passive_with_agent_names_its_speaker(nlp, text, content, cue, speaker):
    found = _quotes(nlp, text)
    assert len(found) == 1
    kind, contents, got_cue, span = found[0]
    assert (kind, contents, got_cue) == ("indirect", [content], cue)
    assert span is not None and text[span[0]:span[1]].endswith(speaker.split()[-1])


_FOUND = [
    # agentive_infinitive_verbs: the to-infinitive whatever the subject
    ("The website refused to sell the old pistol.", "to sell the old pistol", "refused"),
    ("Most of the class wanted to visit the museum first.", "to visit the museum first", "wanted"),
    # topic_verbs: the object of a named actor
    ("Senator Ortiz noted the steep cost of the new tunnel.", "the steep cost of the new tunnel", "noted"),
    ("The mayor ignored the warnings of the city engineers.", "the warnings of the city engineers", "ignored"),
    ("Senator Ortiz laid out her vision for the harbour.", "her vision for the harbour", "laid out"),
    # prep_cues of a named actor
    ("Governor Reyes doubled down on her pledge to close the plant.", "her pledge to close the plant", "doubled down"),
    ("The two senators agreed on a plan for the border.", "a plan for the border", "agreed"),
    # agentive_prep_cues: whatever the subject
    ("The report had advocated for stricter rules on mining.", "stricter rules on mining", "advocated"),
    ("The letter referred to the ruling of the appeals court.", "the ruling of the appeals court", "referred"),
    # an infinitive verb without a to-infinitive falls back to its prepositional cue
    ("Senator Ortiz voted against the new pipeline.", "the new pipeline", "voted"),
]


@pytest.mark.parametrize(("text", "content", "cue"), _FOUND)
def test_objects_verb_content_is_found(nlp, text, content, cue):
    assert ("indirect", [content], cue) in [(k, c, q) for k, c, q, _ in _quotes(nlp, text)]


@pytest.mark.parametrize("text", [
    "The bridge was built by a local firm in 1990.",  # a passive of a verb that is no cue
    "The new rule seeks to settle the question of fees.",  # other infinitive verbs need an actor
    "The new road points to the old harbour.",  # other prepositional cues need an actor
])
def test_objects_no_quote(nlp, text):
    assert _quotes(nlp, text) == []


def test_objects_raising_verb_with_a_like_phrase(nlp):
    found = _quotes(nlp, "The primary seemed like a rout for the governor.")
    assert [(k, c, q) for k, c, q, _ in found] == [("indirect", ["The primary", "like a rout for the governor"], "seemed")]
