"""Quote boundaries and precision (issue 3, second follow-up): what joins a split quote and what
stays out. Sentences written for these tests."""
from __future__ import annotations

import pytest

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes
from quote_helpers import contents as _contents, hand_doc


@pytest.mark.parametrize(
    "text, parts",
    [
        # a show's name inside the attribution does not end the quote
        ('\u201cWe are behind, but it is early,\u201d Ms. Ortiz said on CBS\u2019s \u201cFace the Nation\u201d on '
         'Sunday. \u201cI think the voters will come back to us in the fall.\u201d',
         ["We are behind, but it is early,", "I think the voters will come back to us in the fall."]),
        # a cue verb describing the speaker or setting is not a cue of its own
        ('"The bridge is like a new road," Mr. Hale said in a film that showed the repairs. '
         '"It is very much an extension of the town."',
         ["The bridge is like a new road,", "It is very much an extension of the town."]),
        # a bare participle hanging off the cue is not a statement of its own
        ('"It has been seven years," Hale said, asked about the delay in an interview. "Why should I wait?"',
         ["It has been seven years,", "Why should I wait?"]),
        # the period of an abbreviation in the attribution is not a sentence end
        ('"We cannot wait," said retired Army Lt. Gen. Mia Hale, who came from Grand Rapids, Mich., to speak. '
         '"The bottom line is that the plan has no bearing on our town."',
         ["We cannot wait,", "The bottom line is that the plan has no bearing on our town."]),
        # a clause of time in the attribution sets the scene; it is not a new cue
        ('"We are going to win a lot," Ms. Ortiz said at her party, an hour after the networks declared her '
         'the winner. "You will be happy."',
         ["We are going to win a lot,", "You will be happy."]),
        # a show's name in doubled single marks at the end of the attribution
        ("''Hale does not get along with Ortiz,'' he said on CBS's ''Face the Nation.'' "
         "''Ortiz cannot stand him and it is causing us trouble.''",
         ["Hale does not get along with Ortiz,", "Ortiz cannot stand him and it is causing us trouble."]),
        # a new sentence with its own cue after a closed quote does not stop the join
        ('\u201cJudge,\u201d Mr. Lind said, \u201cI have never seen that happen in thirty years.\u201d '
         'Later, Mr. Lind said he had come to accept it.',
         ["Judge,", "I have never seen that happen in thirty years."]),
    ],
)
def test_boundaries_quote_after_the_attribution_joins(nlp, text, parts):
    assert parts in _contents(nlp, text)


@pytest.mark.parametrize(
    "text, content",
    [
        # a second 'that' clause conjoined to the cue stays in the content
        ("The governor said the state needs to fix its roads, but that he would not raise the fuel tax.",
         "the state needs to fix its roads, but that he would not raise the fuel tax"),
        # a relative or 'while' clause inside the content is kept; one at its end is cut
        ("Mr. Hale said that the mayor's plan, which some have called a ploy, was an insult to the volunteers.",
         "the mayor's plan, which some have called a ploy, was an insult to the volunteers"),
        ("Mr. Hale said that the council, while it disagreed with the mayor at first, has now approved the new plan.",
         "the council, while it disagreed with the mayor at first, has now approved the new plan"),
        ("Ms. Lind said the tax would hurt farmers, who have already lost money this year.",
         "the tax would hurt farmers"),
        # the subject of a reported clause parsed as the cue's object is kept
        ("Union leaders hoped the meeting, requested by Ortiz, would be a moment of unity for the members.",
         "the meeting, requested by Ortiz, would be a moment of unity for the members"),
        # a semicolon starts a new clause that is the writer's, not the source's
        ("Analysts say the town has more voters; the county tallies 585 in the town to 260 in the city.",
         "the town has more voters"),
        # an aside opened in the content and never closed there is left out
        ("The mayor mentioned raising the minimum wage (with far less passion than Ms. Ortiz.",
         "raising the minimum wage"),
        # a second clause joined by "and" without a comma is more of what was said
        ("Ms. Ortiz said the mayor has no clothes and it is payback time.",
         "the mayor has no clothes and it is payback time"),
        # a comma-led "when" clause or a relative opened by "in which", "both of whom" ends the content
        ("Ms. Ortiz said she opposed the war, when there are radio clips of her supporting it.",
         "she opposed the war"),
        ("Ms. Ortiz slammed the tax loophole, in which a company moves its headquarters to a country with lower taxes.",
         "the tax loophole"),
        ("Mr. Hale hoped to emerge as the main rival to Ortiz and Lind, both of whom are viewed with suspicion.",
         "to emerge as the main rival to Ortiz and Lind"),
        # a comma inside the closing marks still opens the aside that follows the quotation
        ('Ms. Ortiz said the plan was "going to put farmers out of business," while trying to explain her own plan '
         'for the region.', 'the plan was "going to put farmers out of business,"'),
        ('Mr. Hale said the mayor is "a fine leader," and that the town agrees.',
         'the mayor is "a fine leader," and that the town agrees'),
        # a spaced hyphen is a dash and opens the aside too; a hyphen inside a word does not
        ("Ms. Ortiz said the road needs a well-known fix - which the council rejected.",
         "the road needs a well-known fix"),
        # ... but not one inside it, nor one without a comma
        ("Ms. Ortiz said the budget, when it was first announced, was a mistake for the town.",
         "the budget, when it was first announced, was a mistake for the town"),
        ("Ms. Ortiz said the plan would fail when the money runs out.", "the plan would fail when the money runs out"),
        # a noun phrase summing up the reported clause at its end is the writer's comment
        ("Mr. Hale complained that the vote had been rigged against him, a charge that party leaders strongly denied.",
         "the vote had been rigged against him"),
        ("Ms. Lind said she had met the mayor on Monday, the first time the two had spoken since the vote.",
         "she had met the mayor on Monday"),
        # "according to" inside parentheses attributes only what the parentheses hold
        ("Farm counties like Polk (most of them lost jobs last year, according to state records) voted for Ms. Ortiz.",
         "most of them lost jobs last year"),
        # an appositive right after a short object describes it; it is not what was sought
        ("President Hale has sought Republican suggestions, an offer the leaders rebuffed at a meeting this week.",
         "Republican suggestions"),
    ],
)
def test_boundaries_indirect_content_span(nlp, text, content):
    assert [content] in _contents(nlp, text)


def test_boundaries_cue_after_a_comma_a_few_words_on(nlp):
    text = "Leaders met on Monday.\n\n\u201cWe are extremely happy\u201d about the decision, said Rosa Diaz, a union leader."
    quotes = find_quotes(nlp(text), actors=ActorIndex())
    # the words after the quote make it one mixed content ("... happy" about the decision)
    assert [(q.cue.text, text[slice(*q.speaker_span)]) for q in quotes if q.kind != "indirect"] == [("said", "Rosa Diaz")]


@pytest.mark.parametrize("text", ["BYLINE: Amber Hale.\n\nThe council met on Monday.", "Via: The Town Journal.\n\nThe council met."])
def test_boundaries_metadata_label_is_not_a_speaker(nlp, text):
    assert _contents(nlp, text) == []


def test_boundaries_dash_list_item_without_cue_is_not_a_quote(nlp):
    text = "The winners were named.\n\n\u2014 Carol Hale of the Town Journal, winner of the Lind award for reporting."
    assert _contents(nlp, text) == []


@pytest.mark.parametrize(
    "text, content",
    [
        # a second conjunct of the object that the parse hung on the cue verb stays in the content
        ("Ms. Lind recalled details of a visit the governor made in 2006 and the rally he held with the mayor.",
         "details of a visit the governor made in 2006 and the rally he held with the mayor"),
        ('The pastor attacked the musical "Frozen" and the comic books for being too violent.',
         'the musical "Frozen" and the comic books for being too violent'),
        # bare verbs listed after an infinitive content continue it, even when the parse hung them on the cue
        ("Ms. Ortiz urged the council to triple the size of the program, grow the park and create a new reserve fund.",
         "the council to triple the size of the program, grow the park and create a new reserve fund"),
        ("Ms. Ortiz vowed to fix the roads and left the meeting early.", "to fix the roads"),
        # a second noun or wh-clause the parse hung on the cue continues a prepositional content
        ("Ms. Ortiz spoke about her charitable work overseas and what she learned by giving loans to farmers.",
         "her charitable work overseas and what she learned by giving loans to farmers"),
        ("Mr. Hale talked about the southern border and how many people can slip through.",
         "the southern border and how many people can slip through"),
        ("Ms. Ortiz spoke about the campus protests and whether she would support more of them.",
         "the campus protests and whether she would support more of them"),
        # a second verb after a prepositional content is a new act of the speaker, not more content
        ("Ms. Ortiz complained about the tone of the race but defended Mr. Hale as a fair rival.",
         "the tone of the race"),
        # a name in apposition to a common noun says who is meant; it stays in
        ("Mr. Hale sharply criticized his closest rival, Ms. Ortiz.", "his closest rival, Ms. Ortiz"),
        ("Mr. Hale has referred to his neighbor and his wife, Sarah.", "his neighbor and his wife, Sarah"),
        # a date after the object says when, not what; it stays in only when more of the object follows
        ("Ms. Ortiz endorsed Mr. Hale in early June.", "Mr. Hale"),
        # so does the medium or occasion of the report
        ("The senator defended Mr. Hale on cable news.", "Mr. Hale"),
        ("The mayor praised the volunteers in a speech that lasted an hour.", "the volunteers"),
        ("The mayor criticized Mr. Hale on Monday for his stance on the bridge.",
         "Mr. Hale on Monday for his stance on the bridge"),
        # a "by" phrase after the object says by how much or how it was named, still the object
        ("Ms. Ortiz criticized the mayor by name.", "the mayor by name"),
    ],
)
def test_boundaries_object_content_span(nlp, text, content):
    assert [content] in _contents(nlp, text)


@pytest.mark.parametrize(
    "spec, content",
    [
        # a medium phrase hung on the cue after its clause is not part of what was said
        ('Ortiz/1/nsubj/PROPN/NNP/Ortiz said/1/ROOT/VERB/VBD/say taxes/4/nsubj/NOUN/NNS/tax '
         'will/4/aux/AUX/MD/will rise/1/ccomp/VERB/VB/rise in/1/prep/ADP/IN/in an/7/det/DET/DT/an '
         'interview/5/pobj/NOUN/NN/interview ./1/punct/PUNCT/./.',
         "taxes will rise"),
        # an "at" phrase the parse hung on the cue still places the object ("her work at the library")
        ('Ortiz/1/nsubj/PROPN/NNP/Ortiz praised/1/ROOT/VERB/VBD/praise the/3/det/DET/DT/the '
         'staff/1/dobj/NOUN/NNS/staff at/1/prep/ADP/IN/at the/6/det/DET/DT/the library/4/pobj/NOUN/NN/library '
         './1/punct/PUNCT/./.',
         "the staff at the library"),
        # a coordinating word left at the end of a cut clause is not content
        ('Ortiz/1/nsubj/PROPN/NNP/Ortiz said/1/ROOT/VERB/VBD/say taxes/4/nsubj/NOUN/NNS/tax '
         'will/4/aux/AUX/MD/will rise/1/ccomp/VERB/VB/rise ,/4/punct/PUNCT/,/, and/4/cc/CCONJ/CC/and '
         './1/punct/PUNCT/./.',
         "taxes will rise"),
        # bare verbs the parse hung on the cue continue an infinitive inside the object
        ('Ortiz/1/nsubj/PROPN/NNP/Ortiz touted/1/ROOT/VERB/VBD/tout her/3/poss/PRON/PRP$/her '
         'plans/1/dobj/NOUN/NNS/plan to/5/aux/PART/TO/to invest/3/acl/VERB/VB/invest ,/1/punct/PUNCT/,/, '
         'expand/1/conj/VERB/VB/expand parks/7/dobj/NOUN/NNS/park and/7/cc/CCONJ/CC/and '
         'enable/7/conj/VERB/VB/enable transit/10/dobj/NOUN/NN/transit ./1/punct/PUNCT/./.',
         "her plans to invest, expand parks and enable transit"),
        # a second clause the parse hung on the cue after a comma is more of the same content
        ('Polls/1/nsubj/NOUN/NNS/poll showed/1/ROOT/VERB/VBD/show that/5/mark/SCONJ/IN/that '
         'young/4/amod/ADJ/JJ/young voters/5/nsubj/NOUN/NNS/voter liked/1/ccomp/VERB/VBD/like '
         'Ortiz/5/dobj/PROPN/NNP/Ortiz ,/1/punct/PUNCT/,/, older/9/amod/ADJ/JJR/old '
         'voters/10/nsubj/NOUN/NNS/voter backed/1/ccomp/VERB/VBD/back Hale/10/dobj/PROPN/NNP/Hale '
         './1/punct/PUNCT/./.',
         "young voters liked Ortiz, older voters backed Hale"),
        # a closing quote mark the parse hung on the cue does not end the object before its second conjunct
        ('Ortiz/1/nsubj/PROPN/NNP/Ortiz questioned/1/ROOT/VERB/VBD/question his/4/poss/PRON/PRP$/his '
         '"/4/punct/PUNCT/``/" values/1/dobj/NOUN/NNS/value "/1/punct/PUNCT/\'\'/" and/1/cc/CCONJ/CC/and '
         'his/8/poss/PRON/PRP$/his readiness/1/conj/NOUN/NN/readiness ./1/punct/PUNCT/./.',
         'his "values" and his readiness'),
        # a pronoun conjoined to the object is a clause the parse cut short, not a second object
        ('Cruz/1/nsubj/PROPN/NNP/Cruz endorses/1/ROOT/VERB/VBZ/endorse Trump/1/dobj/PROPN/NNP/Trump '
         'and/1/cc/CCONJ/CC/and whom/1/conj/PRON/WP/whom ./1/punct/PUNCT/./.',
         "Trump"),
    ],
)
def test_boundaries_clause_content_span_on_hand_parse(nlp, spec, content):
    doc = hand_doc(nlp, [token.split("/") for token in spec.split()])
    assert [[c.text for c in q.content] for q in find_quotes(doc, actors=ActorIndex())] == [[content]]
