"""Find the speaker mention of a cue in the dependency parse, and link it to an actor.

The speaker is the cue's subject ("Hegseth said", inverted "said Hill"), the subject of the
verb a cue hangs from ("... and insisted", "..., saying"), the head noun of a participle or
relative clause ("sources familiar with the talks, who said"), the object of "according to",
or the possessor of a noun cue ("Hegseth's warning that"). In '"...," Hill said, according to
Lee' Hill still speaks: Lee relays Hill's words, and a record must not put them in Lee's mouth
(PolNeAR marks Lee). When the parser leaves a finite cue without a subject, the noun that a description
before it belongs to speaks ("Senator Hill, the minority leader, said"). Appositives are cut off
("Hugh Hill, a doctor, said" → "Hugh Hill"). Mentions inside quotation marks are never speakers.
A paper someone publishes speaks for its publisher ("the Post ran a piece that noted" → the Post),
and a cue inside a question put to someone has no holder ("Asked if she believed ...").
"""
from __future__ import annotations

from spacy.tokens import Token

from dateline.quotes.cues import load_cues, load_nominal
from dateline.types import Span

_SUBJECT_DEPS = ("nsubj", "csubj")
_INHERIT_DEPS = ("conj", "xcomp", "advcl", "ccomp", "parataxis", "pcomp", "prep", "dep", "acomp", "advmod")
_CONTROL_DEPS = ("xcomp", "oprd")
_EXPLETIVE_OBJECTS = {"it", "this", "that", "which", "what", "something", "nothing", "all"}
_NOUN_HEAD_DEPS = ("acl", "relcl")
_EXTRAPOSING_VERBS = {"mean", "take", "be", "seem"}  # "It means admitting", "It doesn't take a genius to see"
_PLACES = ("GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL")
_INSTRUMENT_VERBS = {"use", "take", "spend", "need", "make", "have", "get", "give", "find", "start", "launch",
                     "create", "sign", "file", "write", "issue", "release", "circulate", "draft"}  # tools and papers
_NOUN_CLIMB_DEPS = ("pobj", "dobj", "attr")  # "made a point of saying", "was the most aggressive in denouncing"
_PERSON_OBJECT_VERBS = {"give", "have", "keep", "make", "put", "send", "take"}  # "give the chair authority to"
_CUT_DEPS = {"appos", "relcl", "acl", "punct", "advmod", "parataxis"}
_PRONOUN_RELATIVE = {"who", "which", "that", "whom"}
_QUOTE_MARKS = {'"', "\u201c", "\u201d", "''", "``", "\u00ab", "\u00bb"}
_CUT_MARKS = {"\u2014", "\u2013", "--"} | _QUOTE_MARKS
_KEEP_RIGHT_DEPS = {"prep", "compound", "amod", "nummod", "case", "poss", "pobj", "npadvmod", "nmod", "cc", "conj"}


def subject_of(cue: Token, *, max_hops: int = 6) -> Token | None:
    """Return the token naming who says/thinks ``cue``, or None.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Officials met and later insisted that talks would go on.")
    >>> subject_of(doc[4]).text
    'Officials'
    """
    if any(c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s") for c in cue.children):
        # "he's said he will fight": "has", which the parser took for a passive "is"
        perfect = next((c for c in cue.children if c.dep_ in ("nsubjpass", "nsubj") and c.pos_ in ("PRON", "PROPN")
                        and c.lower_ != "it"), None)  # "he's predicted big wins"; "it's assumed" is passive
        if perfect is not None and _agent(cue) is None:
            return perfect
    if any(c.dep_ == "auxpass" for c in cue.children) or (cue.tag_ == "VBN" and _agent(cue) is not None):
        return _agent(cue)  # "(when) asked by a reporter": the agent speaks
    if _bare_participle(cue):
        return None  # "Asked whether ..., Lind said": the one asked answers; the asker is unnamed
    if asked_about(cue):
        return None  # "Asked if she believed ...": a question put to her, not her belief
    parallel = _parallel_participle(cue)
    if parallel is not None:
        return subject_of(parallel, max_hops=max_hops)
    reporter = _reporting_verb(cue)
    if reporter is not None:
        return subject_of(reporter, max_hops=max_hops)
    tok = cue
    for _ in range(max_hops + 1):
        found = _own_subject(tok) or _trailing_reporter(tok)
        if found is not None:
            if found.lower_ == "it" and tok.i != cue.i and (any(c.dep_ == "acomp" for c in tok.children)
                                                            or tok.lemma_.lower() in _EXTRAPOSING_VERBS):
                return None  # "it is worth pointing out that ...", "It means admitting ...": no one in particular
            return found
        if tok.dep_ == "agent" or tok.dep_ == "nsubjpass":
            return None
        sibling = _sibling_subject(tok) if tok.dep_ == "conj" else None
        if sibling is not None:
            return sibling
        if tok.i != cue.i:  # "Lind was joined by Hale and joked": the passive verb's subject jokes
            passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                return passive
        controller = _object_controller(tok) if tok.i == cue.i else None
        if controller is not None:
            return controller
        if tok.dep_ in _NOUN_HEAD_DEPS and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _noun_speaker(tok, tok.head)
        if tok.dep_ in _NOUN_CLIMB_DEPS and tok.head.i != tok.i and tok.i != cue.i:
            tok = tok.head
            continue
        if tok.dep_ in _INHERIT_DEPS and tok.head.i != tok.i:
            if tok.dep_ == "ccomp" and tok.i > tok.head.i:
                return None  # a clause reported by someone else: not this cue's subject
            tok = tok.head
            continue
        break
    return (_agent(cue) or _described_subject(cue) or _inverted_name(cue) or _modal_name(cue)
            or _participle_subject(cue) or _adverb_name(cue))


def _adverb_name(cue: Token) -> Token | None:
    """ "Informed of the result, Early described it as news": a capitalised word inside a sentence
    that the parser took for an adverb of a subjectless finite cue right after it is a name."""
    doc = cue.doc
    k = cue.i - 1
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or k <= cue.sent.start:
        return None
    name = doc[k]
    if (name.dep_ != "advmod" or not name.is_alpha or not name.text[0].isupper() or name.is_sent_start
            or doc[k - 1].text != "," or name.lower_ in _WEEKDAYS):
        return None
    return name


def _participle_subject(cue: Token) -> Token | None:
    """ "many of the people interviewed for this article privately worry": a finite cue the parser
    left without a subject, and a participle before it holding the noun phrase as its own subject
    (a bare participle has none): that noun phrase speaks."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for clause in cue.lefts:
        if clause.tag_ not in ("VBN", "VBG") or clause.dep_ not in ("advcl", "csubj", "ccomp"):
            continue
        if any(c.dep_ in ("aux", "auxpass") for c in clause.children):
            continue
        subj = next((c for c in clause.lefts if c.dep_ == "nsubj" and c.lower_ not in _PRONOUN_RELATIVE), None)
        if subj is not None:
            return subj
    return None


_QUESTION_MARKS = {"if", "whether"}


def asked_about(cue: Token) -> bool:
    """True for a cue inside an "if"/"whether" question put to someone ("Asked if she believed
    that ...", "when asked whether he thought ..."): the question holds no one's view.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Asked if she believed the captains wanted Hale to lose, Lind said no.")
    >>> asked_about(doc[3])
    True
    """
    return (cue.dep_ in ("ccomp", "advcl") and cue.head.lemma_.lower() == "ask"
            and any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in cue.children))


def _modal_name(cue: Token) -> Token | None:
    """ "..., Will believes that ...": a capitalised modal inside a sentence is a name (George
    Will), not an auxiliary."""
    return next((c for c in cue.lefts if c.dep_ == "aux" and c.tag_ == "MD" and c.text[:1].isupper()
                 and c.i != cue.sent.start and c.i == cue.i - 1), None)


_TRAILING_DEPS = ("advcl", "xcomp", "conj", "ROOT")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _inverted_name(cue: Token) -> Token | None:
    """ '"...," said Skelly, explaining': a capitalised word right after an inverted speech verb
    that the parser took for an adverb is the speaker's name (never a weekday or a date)."""
    doc = cue.doc
    if cue.i + 2 >= len(doc) or cue.lemma_.lower() not in load_cues().speech:
        return None
    name = doc[cue.i + 1]
    if (not name.is_alpha or not name.text[0].isupper() or name.lower_ in _WEEKDAYS or name.ent_type_ in _PLACES
            or name.dep_ not in ("advmod", "npadvmod") or not doc[cue.i + 2].is_punct):
        return None
    return name


_REPORT_HOPS = 4
_REPORT_INNER_DEPS = ("ccomp", "xcomp", "advcl", "acl", "relcl", "conj", "pobj", "prep", "dobj", "attr")
_PARTICIPLE_LEADS = {"when", "if", "once", "after", "before", "while", "as", ","}


def _bare_participle(verb: Token) -> bool:
    """A participle opening a clause with no subject or auxiliary of its own, at the sentence
    start or after "when"/a comma ("Asked about X, ...", "Lind, when asked whether ..."): passive,
    so the subject of the clause it hangs on is the one addressed, not the speaker."""
    if verb.tag_ not in ("VBN", "VBD") or not (verb.dep_ == "advcl" and verb.i < verb.head.i
                                                or verb.dep_ in _NOUN_HEAD_DEPS and verb.i > verb.head.i):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent", "expl") for c in verb.children):
        return False
    doc = verb.doc
    if verb.i == verb.sent.start:
        return True
    lead = doc[verb.i - 1].lower_  # "Lind, tweeted Sunday": a misparsed main verb after a comma
    return lead in _PARTICIPLE_LEADS and (lead != "," or verb.dep_ == "advcl")


_DESCRIPTION_DEPS = {"appos", "relcl", "acl", "prep", "pobj", "amod", "compound", "poss", "case", "nummod", "det",
                     "conj", "cc", "punct", "dobj", "advmod", "npadvmod", "nsubj", "aux", "auxpass", "nsubjpass"}


def _described_subject(cue: Token) -> Token | None:
    """The subject of a finite cue that the parser hung elsewhere because a description sits
    between them ("Senator Hill, the minority leader, said"; "Hill, whose firm builds piers,
    said"; "Sen. Hill (D-OR) said"): the noun that the description before the cue belongs to,
    or the subject of a clause misparsed as the cue's complement ("Hill offered a job, then says")."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.dep_ != "ROOT":
        return None
    doc = cue.doc
    k = cue.i - 1
    while k > cue.sent.start and (doc[k].dep_ in ("advmod", "neg", "aux") or doc[k].pos_ == "ADV"):
        k -= 1  # "..., also said"
    if doc[k].text == ")":  # "Sen. Chris Murphy (a Connecticut Democrat) says"
        opened = next((j for j in range(k - 1, cue.sent.start, -1) if doc[j].text == "("), None)
        before = doc[opened - 1] if opened is not None and opened > cue.sent.start else None
        if before is not None and before.pos_ in ("PROPN", "NOUN") and before.dep_ not in ("pobj", "dobj"):
            return before
        return None
    if doc[k].text in _DASHES + ("-",):  # "Mr. Bush - in a line aimed at Trump - declared"
        return _dashed_description(cue, k)
    if doc[k].text != ",":
        return _fronted_subject(cue, k)
    for left in cue.lefts:  # "Kasich offered the man a job, then says ...": a misparsed coordination
        if left.dep_ == "ccomp" and left.right_edge.i == k - 1 and left.pos_ in ("VERB", "AUX"):
            subj = next((c for c in left.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN") and subj.lower_ != "it":
                return subj
    named = _name_before_aside(cue, k)
    if named is not None:
        return named
    tok = doc[k - 1] if k > cue.sent.start else None
    while tok is not None and tok.i > cue.sent.start and tok.head.i < tok.i and tok.dep_ in _DESCRIPTION_DEPS:
        if tok.dep_ in ("appos", "relcl", "acl") and tok.head.pos_ in ("PROPN", "NOUN"):
            if doc[tok.left_edge.i - 1].text != "," or tok.head.dep_ in ("pobj", "dobj"):
                return None  # "In a message to Clinton, Tanden, head of ..., recounted": not Clinton
            return _named_appositive(tok.head)
        tok = tok.head
    return None


_NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP")


def _dashed_description(cue: Token, k: int) -> Token | None:
    """The noun before a description set off by dashes right before a subjectless cue ("A spokesman
    for the brand - a small business - noted"), climbing out of its prepositional phrases."""
    doc = cue.doc
    opened = next((j for j in range(k - 1, cue.sent.start, -1) if doc[j].text == doc[k].text), None)
    if opened is None or opened - 1 <= cue.sent.start:
        return None
    before = doc[opened - 1]
    while before.dep_ in ("pobj", "prep") and before.head.i < before.i:
        before = before.head
    if before.pos_ not in ("PROPN", "NOUN") or before.dep_ in ("pobj", "dobj") or before.ent_type_ in ("DATE", "TIME"):
        return None
    return before


def _name_before_aside(cue: Token, comma: int) -> Token | None:
    """ "Friday, Texas, leading a coalition of 13 states, asked", "Speaking in Harlem, Clinton,
    without naming him, accused": a name the parser put in apposition to a fronted date or place,
    then an aside between commas, then the subjectless cue: the name speaks."""
    doc = cue.doc
    asides = [t for t in cue.sent if t.i < comma and t.right_edge.i == comma - 1 and t.dep_ in ("advcl", "prep")
              and t.head.i != t.i and doc[t.left_edge.i - 1].text == ","]
    for aside in asides[:1]:  # "Speaking in Harlem, Clinton, without naming him, accused": the aside hangs deeper
        j = aside.left_edge.i - 1
        if j - 1 <= cue.sent.start or doc[j].text != ",":
            return None
        name = doc[j - 1]
        if name.dep_ == "appos" and name.ent_type_ in _NAME_ENTS and name.head.i < name.i:
            return name
    return None


def _fronted_subject(cue: Token, last: int) -> Token | None:
    """ "At a rally in Salem, Ohio, 62-year-old Ann Hale railed against ...": the parser took the
    subject into the fronted phrase; the noun phrase between its last comma and the cue speaks."""
    doc = cue.doc
    comma = next((k for k in range(last, cue.sent.start, -1) if doc[k].text == ","), None)
    if comma is None or comma + 1 > last:
        return None
    span = doc[comma + 1:last + 1]
    roots = [t for t in span if not comma < t.head.i <= last or t.head.i == t.i]
    if len(roots) != 1 or roots[0].pos_ not in ("PROPN", "NOUN") or roots[0].ent_type_ in ("DATE", "TIME"):
        return None
    return roots[0]


def _sibling_subject(verb: Token) -> Token | None:
    """The subject of the nearest earlier conjunct with one of its own: in "A group called for a
    boycott, and the League denounced him and said ..." the parser hangs "said" on "called", but
    the League, nearer, says it."""
    for sib in sorted((c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i), key=lambda c: -c.i):
        subj = next((c for c in sib.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj if subj.dep_ == "nsubj" else None
    return None


def _parallel_participle(cue: Token) -> Token | None:
    """The trailing participle a conjoined participle continues: in "She pushed back, saying he
    has been a pioneer in promoting women and calling him a feminist" the parser conjoins
    "calling" to "promoting", but it continues "saying"."""
    if cue.tag_ != "VBG" or cue.dep_ != "conj" or cue.head.tag_ != "VBG" or cue.head.dep_ == "advcl":
        return None
    for anc in list(cue.head.ancestors)[:6]:
        if anc.tag_ == "VBG" and anc.dep_ == "advcl" and anc.lemma_.lower() in load_cues().speech:
            return anc
    return None


def _trailing_reporter(verb: Token) -> Token | None:
    """The speaker of a reporting verb right before the comma of a trailing participle: in
    '"...," Lind said, going on to say ...' or '..., said Lind, adding ...' the parser may hang
    the participle inside the quotation, but Lind goes on."""
    doc = verb.doc
    comma = verb.i - 1
    while comma > 0 and doc[comma].dep_ in ("neg", "advmod") and doc[comma].head.i == verb.i:
        comma -= 1  # '..., not even needing to mention'
    if verb.tag_ != "VBG" or verb.dep_ not in _TRAILING_DEPS or comma < 1 or doc[comma].text != ",":
        return None
    before = doc[comma - 1]
    if before.pos_ == "VERB" and before.lemma_.lower() in load_cues().speech:
        return next((c for c in before.children if c.dep_ == "nsubj"), None)
    if before.dep_ == "nsubj" and before.head.i < before.i and before.head.lemma_.lower() in load_cues().speech:
        return before  # "..., said Lind, adding"
    name = _inverted_name(before.head) if before.head.i == before.i - 1 else None
    if name is not None and name.i == before.i:
        return name  # "..., said Skelly, explaining": the name taken for an adverb
    return None


def _reporting_verb(cue: Token) -> Token | None:
    """The cue verb whose reported clause a trailing participle hangs on: in "Lind said the
    plan is failing, pointing to the polls" the parser attaches "pointing" to "failing", or
    deeper in the clause ("said the mayor will have to choose a side, saying ..."), but Lind
    points. Returns "said" there, else None."""
    doc = cue.doc
    before = cue.i - 1
    while before > 0 and doc[before].text in _CUT_MARKS and doc[before].text not in _DASHES:
        before -= 1  # '..., "the Lark," explaining': the comma before the closing mark
    trailing = cue.tag_ == "VBG" and cue.dep_ == "advcl" and before >= 0 and doc[before].text in (",", "-", "\u2014")
    conjoined = (cue.dep_ == "conj" and cue.lemma_.lower() in load_cues().speech  # "Lind said it was early but added"
                 and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children))
    if not (trailing or conjoined):
        return None
    clause = cue.head
    # "Kasich says he'd sit Putin down and tell him ... and tells the crowd": a finite cue conjoined
    # inside the clause, in the reporting verb's tense and not the clause's, climbs the conjuncts
    tensed = conjoined and cue.tag_ in ("VBD", "VBZ", "VBP") and clause.tag_ != cue.tag_
    for _ in range(_REPORT_HOPS if trailing or tensed else 1):
        verb = clause.head
        if verb.i == clause.i:
            return None
        if clause.dep_ == "ccomp" and verb.i < clause.i and verb.lemma_.lower() in load_cues().verbs:
            return verb if not tensed or verb.tag_ == cue.tag_ or clause.i == cue.head.i else None
        if (trailing and clause.dep_ == "acl" and verb.dep_ == "dobj" and verb.head.pos_ == "VERB"
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)):
            return verb.head  # "Bennett denied the notion that a shakeup is coming, explaining ..."
        if clause.dep_ not in (_REPORT_INNER_DEPS if trailing else ("conj",)):
            return None
        clause = verb
    return None


def _object_controller(tok: Token) -> Token | None:
    """The object of the verb a complement hangs from ("led Republicans to say", "left voters
    fearful that"): the object, not the verb's subject, says or thinks the complement ("leaving
    many to wonder"). A tool or a paper does not ("used the speech to call for ...", "started a
    petition to allow ..." keep the user), nor a place, a date or a number."""
    if tok.dep_ not in _CONTROL_DEPS or tok.head.i == tok.i:
        return None
    obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
    if obj is None or obj.lower_ in _EXPLETIVE_OBJECTS:
        return None
    if not _animate(obj) and (tok.head.lemma_.lower() in _INSTRUMENT_VERBS or obj.ent_type_ in _PLACES):
        return None  # "used the speech to call for ...": a tool; "leaving many to wonder": the many
    return obj


def _own_subject(tok: Token) -> Token | None:
    """The nominal subject of ``tok`` (preferred over a clausal one), datelines skipped."""
    subjects = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS]
    # "DENVER, Aug. 24 — A spokesman"; "the plan, which he argued fails": "which" is the clause's, "he" argues
    # "Speaking in Salem, New Hampshire, Trump went": of two parsed subjects, the one next to the verb
    subjects.sort(key=lambda c: (c.dep_ != "nsubj", _is_dateline(c), c.lower_ in _PRONOUN_RELATIVE, abs(tok.i - c.i)))
    for child in subjects:
        if child.lower_ in ("'s", "\u2019s"):  # "let's say"
            continue
        if _is_dateline(child):
            after = _after_dateline_dash(child, tok)
            if after is not None:
                return after
            return next((g for g in child.children if g.dep_ == "appos" and not _date_like(g)), None)
        after = _after_dateline_dash(child, tok)
        return after if after is not None else _named_appositive(child)
    return None


def _named_appositive(subj: Token) -> Token:
    """ "The head of the PAC, Mike Murphy, praised ...": a common-noun subject with a name in
    apposition speaks under that name."""
    if subj.pos_ != "NOUN":
        return subj
    for child in subj.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ in ("PERSON", "ORG") and (
                child.i < subj.head.i or subj.head.i < subj.i):  # not a name the parser hung on it past the verb
            return child
    return subj


def _date_like(tok: Token) -> bool:
    """A date in a dateline ("Aug. 24"), which is never a speaker."""
    return tok.ent_type_ in ("DATE", "TIME") or any(c.like_num for c in tok.children)


_DASHES = ("\u2014", "\u2013", "--")


def _after_dateline_dash(subj: Token, verb: Token) -> Token | None:
    """ "WASHINGTON, Aug. 24 (UPI) — A spokesman ... called": a subject inside the dateline
    before the dash is misparsed; the speaker is the noun phrase between the dash and the verb."""
    doc = subj.doc
    start = subj.sent.start
    dash = next((t for t in doc[subj.i + 1:verb.i] if t.text in _DASHES), None)
    if dash is None or dash.i - start > 12 or dash.i + 1 >= verb.i:
        return None
    span = doc[dash.i + 1:verb.i]
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN", "PRON"):  # "— Joe Biden on Monday hit": the noun, not "on"
        root = next((t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")
                     and not span.start <= t.head.i < span.end), root)
    return root if root.pos_ in ("NOUN", "PROPN", "PRON") else None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:  # passive: "was quoted by X", "was told by X"
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _noun_speaker(clause: Token, noun: Token) -> Token:
    """Who speaks in a participle or relative clause hanging off ``noun``."""
    governor = noun.head
    if noun.dep_ == "attr" and governor.i != noun.i:  # "Cruz is the only contender to have pledged"
        found = _own_subject(governor)
        if found is not None:
            return found
    if (clause.dep_ == "acl" and noun.dep_ == "dobj" and governor.pos_ == "VERB" and governor.i != noun.i
            and governor.lemma_.lower() in load_cues().speech):
        # "emailed supporters saying ...": the sender speaks, not the addressees
        found = _own_subject(governor)
        if found is not None:
            return found
    infinitive = clause.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    activity = (noun.dep_ == "dobj" and governor.lemma_.lower() in load_nominal().light_verbs
                and governor.lemma_.lower() not in _PERSON_OBJECT_VERBS)
    if (clause.dep_ == "acl" or infinitive) and noun.dep_ in ("dobj", "pobj") and (activity or not _animate(noun)):
        # "held a briefing to brag that ...": the parser's relative clause is a purpose infinitive
        # "issued a statement saying ...", "shot back in an article stating ...": the author speaks
        # "mounted a campaign to condemn ...": a campaign someone wages is no speaker
        verb = governor.head if noun.dep_ == "pobj" and governor.dep_ == "prep" else governor
        if verb.pos_ in ("VERB", "AUX") and verb.i != noun.i:
            found = _own_subject(verb) or subject_of(verb)  # "launching attacks designed to ..."
            if found is not None:
                return found
    return noun


def _animate(noun: Token) -> bool:
    """True for a noun that can speak: a person, an organisation, a people noun, a pronoun."""
    return (noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.pos_ in ("PROPN", "PRON")
            or noun.lemma_.lower() in load_cues().people)


def _is_dateline(tok: Token) -> bool:
    """An all-caps place at a paragraph start ("CLEVELAND (AP) —") that the parser took as subject."""
    if not (tok.text.isupper() and len(tok.text) > 2):
        return False
    doc = tok.doc
    first = tok.left_edge.i
    if any(not (t.is_punct or t.text.isupper()) for t in doc[first:tok.i]):
        return False  # "Even an anti-Trump PAC revealed": a subject, not a place
    return first == 0 or "\n" in doc[first - 1].text_with_ws or doc[first - 1].is_space


def resolve_relative(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("Hill, who said" → Hill), else the token itself.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Anna Lind, who said no, left.")
    >>> resolve_relative(doc[3]).text
    'Lind'
    """
    if tok.lower_ in _PRONOUN_RELATIVE and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        return tok.head.head
    return tok


_PUBLISH_VERBS = {"release", "run", "post", "publish", "air", "launch", "issue", "unveil", "hoist", "tweet",
                  "send", "circulate", "distribute", "produce", "write", "pen", "file"}


def publisher(tok: Token) -> Token | None:
    """The subject of a verb of publishing whose object a relative pronoun stands for ("Sanders is
    releasing an ad that urges ...", "the Post ran a piece that noted ..."): the author speaks
    through the paper, as PolNeAR marks it; else None.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("The mayor released a letter that urges calm.")
    >>> publisher(doc[5]).text
    'mayor'
    """
    if tok.lower_ not in ("that", "which") or tok.head.dep_ != "relcl":
        return None
    noun = tok.head.head
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _PUBLISH_VERBS:
        return None
    for prep in noun.rights:  # "released a letter from his doctor that says": the doctor wrote it
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by") and prep.i < tok.i:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.lower_ not in _PRONOUN_RELATIVE | {"it"} else None


def mention_span(token: Token) -> Span:
    """Return the character span of the noun phrase headed by ``token`` (appositives cut off).

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Hugh Hill, a doctor, said no.")
    >>> start, end = mention_span(doc[1])
    >>> doc.text[start:end]
    'Hugh Hill'

    A relative pronoun is reported with the noun phrase it stands for ("the report, which"):
    the span holds both the mention as written and what it refers to.
    """
    if token.pos_ == "PRON":
        antecedent = resolve_relative(token)
        if (antecedent.i != token.i and antecedent.i < token.i and token.sent.start <= antecedent.i
                and not any(t.text in _CUT_MARKS for t in token.doc[antecedent.i + 1:token.i])):
            return mention_span(antecedent)[0], token.idx + len(token.text)
        return token.idx, token.idx + len(token.text)
    left = token.i
    for child in token.lefts:
        if child.dep_ not in _CUT_DEPS:
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in _CUT_DEPS:
            break
        if child.dep_ in _KEEP_RIGHT_DEPS:
            right = max(right, child.right_edge.i)
        else:
            break
    doc = token.doc
    for k in range(token.i - 1, left - 1, -1):  # "HELSINKI, Finland — Defense ministers": drop the dateline
        if doc[k].text in _CUT_MARKS:  # '... in town," writer Cole Haddon': nor the quote before it
            left = k + 1
            break
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def head_span(token: Token) -> Span:
    """Return the character span of the single token (for actor lookup by the head word).

    >>> from dateline.parse import load_nlp
    >>> head_span(load_nlp()("Officials said so.")[0])
    (0, 9)
    """
    return token.idx, token.idx + len(token.text)
