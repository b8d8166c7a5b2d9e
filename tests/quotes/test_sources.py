"""Who is the source (issue 3, item 4): speaker rules on sentences written for these tests.

Each row names the rule it checks; the sentences are our own, shaped after PolNeAR train
source errors, and their parse reproduces the error without the rule.
"""
from __future__ import annotations

import pytest

from quote_helpers import speakers_by_cue as _speakers


@pytest.mark.parametrize("text, cue, speaker", [
    # a trailing participle hung deep inside the reported clause belongs to the reporter
    ("Duarte said the mayor will have to choose whose side he is on, saying, \"He cannot wait much longer.\"",
     "saying", "Duarte"),
    ("Lind said her brother has been a champion of the harbour and would do the same as mayor, saying that he "
     "supports a new pier.", "saying", "Lind"),
    # ... also after a comma inside the closing quotation mark
    ('Okafor said the ferry reminds him of the old boat named "The Lark," explaining, "because it never sank."',
     "explaining", "Okafor"),
    # ... or inside a "that" clause completing the main verb's object
    ('Reached by phone, Okafor denied the notion that a harbour shakeup is coming, explaining that she was unaware '
     'of the report because she was "taking a day off."', "explaining", "Okafor"),
    # a past tense conjoined to a past tense is not a bare participle, though tagged as one
    ("Okafor said he first heard the sirens about midnight and suspected immediately that the pier was on fire.",
     "suspected", "Okafor"),
    # a participle deep in a chain of prepositions and adverbs still finds the clause's subject
    ('Instead, Okafor was back to boasting about "record crowds" and pledging to rebuild the old pier by May.',
     "boasting", "Okafor"),
    ("Okafor will likely be able to win over more captains and score a few endorsements by citing her harbour record.",
     "citing", "Okafor"),
    ("Okafor had to spend the weekend figuring out how to answer a friend without saying that the plan was absurd.",
     "saying", "Okafor"),
    # "X said, according to Y": X spoke the words; Y only relays them
    ('"We will win the harbour vote," Okafor said, according to Duarte.', "said", "Okafor"),
    ('According to the Harbour Gazette, ferry spokesman Ines Duarte said Friday that if the mayor were to win, '
     '"she would sign this bill."', "said", "ferry spokesman Ines Duarte"),
    ('Okafor told the radio station that "the ferry stopped, according to the captain."', "told", "Okafor"),
    ("Okafor said the vote would go ahead according to plan.", "said", "Okafor"),
    # a noun cue's pronoun possessor holds it in a prepositional phrase, the verb's subject as an object
    ("Okafor also angered the captains with his comments on the ferry schedule.", "comments", "his"),
    ("Okafor stepped up his attacks on the harbour board.", "attacks", "Okafor"),
    # the subject of a light verb in a relative clause on the noun cue holds it
    ("The most telling promise Okafor has made in clinching the nomination is that she will not overpromise.",
     "promise", "Okafor"),
    # a finite cue left without a subject by a description before it: the described noun speaks,
    # not the object of a preposition before it
    ("In a message to the mayor, Duarte, head of the harbour board, recounted a conversation she had with the "
     "captains.", "recounted", "Duarte"),
    ("In a call with reporters on Monday, Col. Ines Duarte, a harbour spokeswoman in Salem, said the pier would "
     "close.", "said", "Col. Ines Duarte"),
    # ... or when the parser took it into a fronted phrase: the noun phrase after its last comma
    ("At the town hall in Ho Chi Minh City, a young woman who had been an exchange student in Oregon asked the "
     "mayor what she thought of the pier.", "asked", "a young woman"),
    # an all-caps word at a paragraph start is a dateline only when the words before it are capitals too
    ("The FBI on Tuesday recommended that no charges be filed against the harbour master.", "recommended", "The FBI"),
    ("The harbour opened in May.\n\nEven an anti-ferry PAC on Monday revealed that its polling shows the mayor "
     "leading.", "revealed", "an anti-ferry PAC"),
    # a campaign someone mounts, an effort someone makes: the one who mounts or tries speaks
    ("Since Thursday, Okafor has mounted an extraordinary public campaign to condemn the mayor for the fees.",
     "condemn", "Okafor"),
    ("Okafor will try to blow past all that in an effort to galvanize the captains and paint the mayor as a relic.",
     "paint", "Okafor"),
    # ... but a person given the power to act acts
    ("Party rules give the chair of the board authority to call a special meeting.", "call",
     "the chair of the board authority"),
    # a conjoined cue without a subject takes the nearest earlier conjunct's, not the first one's
    ("In the days before the vote, a group of captains called for a boycott of the ferry, and the harbour league "
     "strongly denounced the fees and said it would sue the mayor.", "said", "the harbour league"),
    # a gerund in a phrase of an object or attribute noun: the clause's subject speaks
    ('And Okafor made a point of saying the pier "was a place of pride" for the whole town.', "saying", "Okafor"),
    ("At the same time, Okafor has been the most aggressive in the council in denouncing the harbour board.",
     "denouncing", "Okafor"),
    ("In responding Friday, Okafor's campaign took the unusual step of criticizing the harbour board.",
     "criticizing", "Okafor's campaign"),
    # a misparsed coordination "X offered ..., then says": the first clause's subject; a description
    # with commas inside it still ends at the comma before the cue
    ("Okafor jokingly offered the man a job as Secretary of the Harbour, then says she'll welcome advice for "
     "anyone who wants to talk to or yell at her if elected.", "says", "Okafor"),
    ('Ines Duarte, whose latest firm, Paradata, helps ferries find crews, said the mayor was a candidate in the '
     'spirit of the port: "She is a start-up kind of mayor."', "said", "Ines Duarte"),
    # ... or a parenthesis between the speaker and a subjectless cue
    ("Few captains would admit this, but Sen. Ines Duarte (a harbour Democrat so young she has been mistaken for an "
     "intern) says she was adrift after the vote.", "says", "Sen. Ines Duarte"),
    ("On Thursday at the harbour conference in Salem, Oregon, Republican, presidential candidate Sen. Ines Duarte "
     "(R-OR) called out her rival for alienating the captains.", "called out", "Sen. Ines Duarte"),
    # a participle right after "<reporting verb>," belongs to that verb's speaker
    ('The mayor complained that the vote had been "rigged" against her, a charge that harbour board leaders '
     'strongly denied, noting that they had used the same system since 2004.', "noting", "harbour board leaders"),
    # a finite cue conjoined inside a reported clause, in the reporting verb's tense, is the reporter's
    ('Okafor says she\'d sit the mayor down and tell her "no more delays" and tells the crowd she was the '
     '"first one" to say the pier needs to be rebuilt.', "tells", "Okafor"),
    # the object of "leave ... to wonder" wonders, even when it is not a person noun; a paper does not
    ("It also works closely with the harbour police to move cargo in some ports, leaving many to wonder whether "
     "the port has been infiltrated by smugglers.", "wonder", "many"),
    ("Harbour advocates started a petition to allow ferries to dock at the old pier.", "allow", "Harbour advocates"),
    # an extraposing "it" ("It means ...", "It doesn't take ... to see") is no one in particular
    ("Unity does not mean the captains give up. It means acknowledging that their message is the future of the "
     "harbour.", "acknowledging", None),
    ("It doesn't take a mathematician to see why those differences between the two ferry lines are a problem for "
     "the mayor.", "see", None),
    # a capitalised word after an inverted "said" that the parser took for an adverb is the name
    ('"Having access to the harbour file and two people who understand it is valuable," said Skelly, explaining '
     'he worked more closely with the captains.', "explaining", "Skelly"),
    ('"Having access to the harbour file and two people who understand it is valuable," said Skelly, explaining '
     'he worked more closely with the captains.', "said", "Skelly"),
    ('"We will win," said Monday, adding nothing more.', "said", None),
    # a capitalised modal inside a sentence is a name; at its start it asks a question
    ("With the storm season ahead, Will believes the harbour board has been presented with an opportunity to "
     "rebuild the pier.", "believes", "Will"),
    ("Will the board ever say that the pier is safe?", "say", "the board"),
    # a participle conjoined inside the clause of a trailing "saying" continues it
    ('She has pushed back against accusations of neglect against her father, saying he has been a pioneer in '
     'promoting women in his harbour crews and calling him "a feminist."', "calling", "She"),
    # "'s" before a participle with a personal subject is "has"; "it's assumed" stays passive
    ("And she\u2019s predicted big wins in the harbour races ahead.", "predicted", "she"),
    ("That effort has been championed by harbour committeeman Curly Hale, who\u2019s argued for years that captains "
     "can\u2019t be bound to any candidate.", "argued", "harbour committeeman Curly Hale, who"),
    ("It's assumed that the pier will close.", "assumed", None),
    ('"We have shown the world we can float like butterflies," Mr. Okafor said, not even needing to mention the '
     'author of that boast, the old captain, who died three months ago.', "mention", "Mr. Okafor"),
    # a participle hung on a noun with an object or a clause of its own is an active past tense
    ("Two engineers, Ana Lind and Curly Hale, found in 2019 that the pier is the weakest in the state.",
     "found", "Two engineers"),
    # a name the parser hung on the subject in apposition past the verb does not replace it
    ("At least four Democrat U.S. senators claim to object to the party\u2019s harbour plan: Sens. Bob Lind (D-WV), "
     "Tim Hale (D-PA) and Joe Ortiz (D-IN).", "claim", "At least four Democrat U.S. senators"),
    # a subjectless finite cue: the noun phrase the parser made the subject of a participle before it
    ("But many of the people interviewed for this article, including top harbour officials, privately worry about "
     "the hard questions, the ones about the pier.", "worry", "many of the people"),
    # a name hung in apposition on a fronted date, then an aside between commas, then the cue
    ("On Monday, Maine, leading a group of 12 states, asked the court to halt the ferry rules before the season.",
     "asked", "Maine"),
    ("Speaking in Salem, Clinton, without naming him, also accused Hale of being a latecomer to harbour issues.",
     "accused", "Clinton"),
    # ... or a description set off by dashes
    ("On his way out of the race, Mr. Hale - in a line that seemed squarely directed at Mr. Lind's divisive brand of "
     "politics - declared that a mayor must tend to all corners of the harbour.", "declared", "Mr. Hale"),
    # a paper the subject publishes speaks for it; a "from" phrase names another author
    ("The Harbour Gazette recently ran a piece that noted the pier would cost twice as much.", "noted",
     "The Harbour Gazette"),
    ("Mayor Lind is releasing a new 30-second ad that urges voters in Salem to save the pier.", "urges", "Mayor Lind"),
    ("Lind released a letter from her doctor on Friday that says she is in excellent health.", "says", "her doctor"),
    # a noun cue in an "under" phrase is held by the subject of the verb the phrase modifies
    ("But her crew has not been operating under the assumption that Lind will be a regular visitor, and his own "
     "team has been planning.", "assumption", "her crew"),
    # a noun cue listed under "including" is held by the listed noun's holder
    ("Lind has made several bold statements on the harbour \u2014 including a call for a new pier and a ban on "
     "ferries at night.", "call", "Lind"),
    ("Lind's hot wash of Hale at a meeting on Monday, including a suggestion that he did not read the pier report, "
     "drew cheers.", "suggestion", "Lind's"),
    # a capitalised word after a comma that the parser took for the cue's adverb is a name
    ("Told of the harbour board's anti-ferry lean, Early described it as \"news to me.\"", "described", "Early"),
    # a name the parser took for a verb ("to trump"), and the speech verb after it for its object noun
    ("Trump calls for closing the old pier in Salem.", "calls", "Trump"),
])
def test_source_of_cue(nlp, text, cue, speaker):
    speakers = _speakers(nlp, text)
    assert cue in speakers
    assert speakers[cue] == speaker


def test_the_one_asked_holds_nothing(nlp):
    # a cue inside an "if"/"whether" question put to someone holds no one's view: "she" is not its holder
    speakers = _speakers(nlp, "Asked if she believed the captains wanted Duarte to lose the vote, "
                              "Okafor said she would not guess.")
    assert speakers.get("believed") is None
    assert speakers["said"] == "Okafor"
