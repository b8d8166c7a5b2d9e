"""Nominal attributions: a noun or adjective cue and the phrase it governs ("his attack on Cruz").

PolNeAR annotates attributions whose cue is a noun: the content is a "that" clause ("his
warning that ..."), the object of the preposition the noun takes ("criticism of the plan",
"support for Cruz", "a call for a recount") or its to-infinitive ("her plan to run", "the
decision to withdraw"). The source is the possessor ("Trump's attacks"), a "from"/"by" phrase
("criticism from Democrats"), a group adjective ("Republican calls for ..."), or the subject of
the verb the noun completes ("Cruz launched an attack on ...", "he voted in favor of ..."), except
verbs of receiving ("Trump faced criticism"). A noun cue with no source is left out: without a
holder such nouns mostly name a topic ("the debate over trade"), except a few that name a speech
act ("calls for a boycott grew"). A verb taking someone's nominal attribution as its object is
the cue of the whole noun phrase ("Clinton bashed Trump's proposal to ..."), unless it is a light
verb that leaves the noun the cue ("stepped up his attacks on"). Adjective cues take a clause,
a to-infinitive or a prepositional phrase ("confident that", "eager to", "critical of").

The word lists are data (``data/quotes/cues.json``): ``noun_cues`` and ``adjective_cues`` (shared
with the cue lexicon), ``noun_prep_cues``, ``noun_infinitive_cues``, ``adjective_infinitive_cues``,
``nominal_receive_verbs``, ``nominal_source_preps``, ``nominal_light_verbs`` and
``nominal_sourceless_nouns``; each noun list keeps only cues measured above .5 precision on
PolNeAR train.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.quotes import indirect as _ind
from dateline.quotes.context import Candidate, QuoteContext, to_infinitive
from dateline.quotes.cues import NominalLexicon, load_nominal
from dateline.quotes.speaker import subject_of
from dateline.types import Span


_GROUP_ENTS = ("NORP", "ORG", "GPE", "PERSON")


def nominal_source(noun: Token) -> Token | None:
    """Return the token naming who holds the attitude a noun cue names, or None.

    The possessor ("Trump's attacks"), the object of a source preposition ("criticism from
    Democrats"), a group modifier ("Republican calls"), the subject of a light verb in a relative
    clause on the noun ("the promise she has made"), or the subject of the verb the noun is
    the object of ("Cruz launched an attack") or that its "in"/"with" phrase modifies ("voted
    in favor of"). A pronoun possessor gives way to the subject of a verb taking the noun as its
    object ("Cruz stepped up his attacks"), not of one it is a prepositional object of ("angered
    voters with his comments on": "his", as PolNeAR marks it).

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("The senator voiced strong support for the bill.")
    >>> nominal_source(doc[4]).text
    'senator'
    """
    lex = load_nominal()
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        if poss.pos_ == "PRON" and noun.dep_ != "pobj":  # "Cruz stepped up his attacks on": the subject
            return _governing_subject(noun, lex) or poss
        return poss
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in lex.source_preps:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    for c in noun.lefts:
        if c.dep_ in ("amod", "compound") and c.ent_type_ in _GROUP_ENTS:
            return c
    return _relative_holder(noun, lex) or _governing_subject(noun, lex) or _listed_holder(noun)


def _listed_holder(noun: Token) -> Token | None:
    """The holder of the noun an "including" phrase lists the cue under ("Trump has made several
    statements, including a call for ...", "Trump's attack on Bush, including a suggestion that ..."):
    that noun's possessor, or the subject of the verb it is the object of."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "including" or prep.head.pos_ not in ("NOUN", "PROPN"):
        return None
    listed = prep.head
    poss = next((c for c in listed.children if c.dep_ == "poss"), None)
    if poss is not None:  # "Trump's attack"; not "his own life, including allegations that"
        return poss if poss.pos_ != "PRON" else None
    light = load_nominal().light_verbs
    if listed.dep_ == "dobj" and listed.head.pos_ in ("VERB", "AUX") and listed.head.lemma_.lower() in light:
        return subject_of(listed.head)
    return None


def _relative_holder(noun: Token, lex: NominalLexicon) -> Token | None:
    """The subject of a light verb in a relative clause on the noun ("the promise she has made",
    "the case he would make"): she makes the promise, she holds it."""
    for clause in noun.rights:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in lex.light_verbs:
            continue
        if any(c.dep_ == "dobj" and c.lower_ not in ("that", "which") for c in clause.children):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in ("that", "which", "who"):
            return subj
    return None


def _governing_subject(noun: Token, lex: NominalLexicon) -> Token | None:
    """The subject of the verb governing the noun ("Cruz launched an attack", "voted in favor of",
    "operating under the assumption that"),
    unless it is a verb of receiving, whose subject is the target ("Cruz faced criticism")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "with", "under"):
        head = head.head  # "was unsparing in her criticism of", "with plans to return"
    elif noun.dep_ == "dobj" and head.lemma_.lower() in lex.receive_verbs:
        # "Cruz faced criticism from Democrats": the subject is the target; the critics follow "from"
        for c in head.rights:
            if c.i > noun.i and c.dep_ == "prep" and c.lower_ in lex.source_preps:
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None
    elif noun.dep_ not in ("dobj", "conj"):
        return None
    if (noun.dep_ == "dobj" and head.i == noun.i - 1 and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")
            and head.text[:1].isupper() and noun.tag_ == "NNS"):
        return head  # "Trump charges that ...": a name taken for a verb, and its verb for a noun
    if head.i == noun.i or head.pos_ not in ("VERB", "AUX"):
        return None
    return subject_of(head)


def _prep_content(ctx: QuoteContext, noun: Token) -> Span | None:
    """The object of the preposition a noun cue takes ("attack on X"), with the infinitive that
    follows a "for" object ("a call for the party to act"), or None."""
    lex = load_nominal()
    lemma = noun.lemma_.lower()
    for c in noun.rights:
        if c.dep_ != "prep" or (lemma, c.lower_) not in lex.preps:
            continue
        need = lex.preps[(lemma, c.lower_)]
        if need and not (noun.dep_ == "pobj" and noun.head.lower_ == need):
            continue  # "the support of voters" names the supporters; "in support of X" names X
        obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            continue
        right = obj.right_edge.i
        nxt = right + 1
        if c.lower_ == "for" and nxt < len(noun.doc) and noun.doc[nxt].lower_ == "to" and noun.doc[nxt].dep_ == "aux":
            verb = noun.doc[nxt].head  # "a call for the party to embrace him": the parse hangs the infinitive elsewhere
            if verb.left_edge.i == nxt:
                right = verb.right_edge.i
        return _ind._content(ctx, obj, noun, right_edge=right, min_tokens=1)
    return None


def _infinitive_content(ctx: QuoteContext, noun: Token) -> Span | None:
    """The to-infinitive of a noun cue ("her plan to run"), "to" included, or None."""
    if noun.lemma_.lower() not in load_nominal().infinitive:
        return None
    for c in noun.rights:
        if c.dep_ in ("acl", "xcomp") and c.pos_ in ("VERB", "AUX") and to_infinitive(c):
            return _ind._content(ctx, c, noun, right_edge=c.right_edge.i, min_tokens=2)
    return None


def find_nominal(ctx: QuoteContext, blocked: Callable[[int], bool], broad: bool = False) -> list[Candidate]:
    """Return the candidates cued by a noun or an adjective.

    Noun cues take a "that" clause ("his warning that ..."), or, with a source, a prepositional
    or to-infinitive content ("her attack on ...", "his plan to ..."); adjective cues after a
    copula take a clause or an of/about phrase ("confident that", "critical of").
    ``blocked(char)`` tells whether a cue position is inside a quotation or a taken quote;
    ``broad`` is `find_indirect`'s broad mode.

    >>> from dateline.parse import load_nlp
    >>> ctx = QuoteContext.build(load_nlp()("Mayor Hill renewed her attacks on the council."))
    >>> [ctx.text[slice(*c.parts[0])] for c in find_nominal(ctx, lambda pos: False)]
    ['the council']
    """
    out = _that_candidates(ctx, blocked)
    for noun in (ctx.doc[i] for i in ctx.nominal_idx):
        if blocked(noun.idx):
            continue
        content = _prep_content(ctx, noun) or _infinitive_content(ctx, noun)
        if content is None:
            continue
        reaction = _reaction(ctx, noun, blocked)
        if reaction is not None:
            out.append(reaction)
        spk, head = _ind._speaker(ctx, nominal_source(noun), content)
        if spk is None and noun.lemma_.lower() not in load_nominal().sourceless:
            continue  # without a holder, most such nouns name a topic, not an attribution
        out.append(Candidate(_ind._kind(ctx, content), (content,), (noun.idx, noun.idx + len(noun.text)), spk, head,
                             0.45 if spk is not None else 0.25, noun.i))
    return out + _adjective_candidates(ctx, blocked, broad)


def _reaction(ctx: QuoteContext, noun: Token, blocked: Callable[[int], bool]) -> Candidate | None:
    """ "Clinton bashed Trump's proposal to ban ...": a verb taking someone's nominal attribution as
    its object is an attribution of its own, with the whole noun phrase as content.

    Light verbs ("stepped up his attacks on", "voiced her support for") leave the noun as the
    cue, and verbs of receiving ("faced Trump's criticism") report no stance of their subject.
    """
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or blocked(verb.idx):
        return None
    lex = load_nominal()
    lemma = verb.lemma_.lower()
    if lemma in lex.light_verbs or lemma in lex.receive_verbs or not any(c.dep_ == "poss" for c in noun.children):
        return None
    subj = subject_of(verb)
    if subj is None:
        return None
    content = _ind._content(ctx, noun, verb, right_edge=noun.right_edge.i, min_tokens=2)
    if content is None:
        return None
    spk, head = _ind._speaker(ctx, subj, content)
    if spk is None:
        return None
    return Candidate(_ind._kind(ctx, content), (content,), (verb.idx, verb.idx + len(verb.text)), spk, head, 0.45,
                     verb.i)


_ADJ_ASIDE_DEPS = ("amod", "advcl", "conj")
_ADJ_DEPS = ("acomp", "oprd", "ccomp") + _ADJ_ASIDE_DEPS
_ADJ_PREPS = ("of", "about", "in", "with", "over", "at", "toward", "towards", "on")


def _adjective_candidates(ctx: QuoteContext, blocked: Callable[[int], bool], broad: bool) -> list[Candidate]:
    """ "He is confident that ...", "critical of the plan", "eager to run": an adjective cue after a
    copula, modifying a noun ("a senator eager to ...") or heading an aside ("..., confident that ...")."""
    infinitive = load_nominal().adjective_infinitive
    out = []
    for tok in (ctx.doc[i] for i in ctx.adj_idx):
        if tok.pos_ != "ADJ" or tok.lemma_.lower() not in ctx.lex.adjectives or tok.dep_ not in _ADJ_DEPS:
            continue
        if blocked(tok.idx):
            continue
        if tok.dep_ == "amod":
            subj = tok.head  # "voters confident that ...", "a senator eager to ..."
        elif tok.dep_ in _ADJ_ASIDE_DEPS:
            subj = subject_of(tok)  # "..., confident that ...", "thrilled and confident that ..."
        else:
            subj = subject_of(tok)  # "left voters fearful that": the object holds the attitude
            if subj is None or subj.lower_ == "it":  # "made it clear that": the maker
                subj = subject_of(tok.head)
        content = None
        for c in tok.rights:
            that_clause = c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            if c.dep_ == "ccomp" or that_clause:  # "made it clear that ..." parses the clause as advcl
                content = _ind._content(ctx, c, tok)
                break
            if (c.dep_ == "xcomp" and tok.lemma_.lower() in infinitive
                    and to_infinitive(c)):
                content = _ind._content(ctx, c, tok, right_edge=c.right_edge.i, min_tokens=2)  # "eager to run"
                break
            if c.dep_ == "prep" and c.lower_ in _ADJ_PREPS and (broad or _ind._actor_subject(ctx, tok.head)
                                                           or (tok.dep_ != "acomp" and _actor(ctx, subj))):
                target = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if target is not None:
                    content = _ind._content(ctx, target, tok, min_tokens=2)  # "critical of the plan"
                break
        if content is None and tok.dep_ in ("oprd", "ccomp") and tok.head.lemma_.lower() == "make":
            # "Obama made clear over the weekend that ...": the clause hangs on "make"
            comp = next((c for c in tok.head.rights if c.i > tok.i and (c.dep_ == "ccomp" or (c.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children)))), None)
            if comp is not None:
                content = _ind._content(ctx, comp, tok.head)
        if content is None:
            continue
        if subj is not None and subj.lower_ == "it":  # "it is clear that ...": no one in particular
            subj = None
        spk, head = _ind._speaker(ctx, subj, content)
        conf = 0.5 if spk is not None else 0.2
        out.append(Candidate(_ind._kind(ctx, content), (content,), (tok.idx, tok.idx + len(tok.text)), spk, head, conf,
                             tok.i))
    return out


def _actor(ctx: QuoteContext, tok: Token | None) -> bool:
    """True when ``tok`` names a person or organisation ("Cruz", "she", "officials")."""
    return tok is not None and (tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ in ("PROPN", "PRON")
                                or tok.lemma_.lower() in ctx.lex.people)


def _that_candidates(ctx: QuoteContext, blocked: Callable[[int], bool]) -> list[Candidate]:
    """ "Hegseth's warning that ...", "his view is that ...": a noun cue (``noun_cues``) with a "that"
    clause, its own or its copula's; the source as for the other noun cues (`nominal_source`),
    or the subject of "said in a statement that"."""
    out = []
    for tok in (ctx.doc[i] for i in ctx.noun_idx):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ctx.lex.nouns or blocked(tok.idx):
            continue
        comp = next((c for c in tok.children if c.dep_ in ("acl", "ccomp")
                     and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if comp is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            comp = next((c for c in tok.head.rights if c.dep_ == "ccomp" and any(
                g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in c.children)), None)  # "his view is that ..."
        if comp is None or comp.i < tok.i:
            continue
        content = _ind._content(ctx, comp, tok)
        if content is None:
            continue
        cue = tok
        prep = tok.head
        if tok.dep_ == "pobj" and prep.lower_ == "in" and prep.head.pos_ == "VERB" and prep.head.i < tok.i:
            cue = prep.head  # "said in a statement that ...": the verb is the cue, the clause its content
            speaker = subject_of(cue)
            conf = 0.75 if speaker is not None else 0.3
        else:
            speaker = nominal_source(tok)  # "Trump faced criticism that ...": not Trump's
            conf = 0.5 if speaker is not None else 0.2
        if cue.i == tok.i:  # "Ortiz dismissed the mayor's claim that ...": the verb is the cue of the whole phrase
            reaction = _reaction(ctx, tok, blocked)
            if reaction is not None:
                out.append(reaction)
        spk, head = _ind._speaker(ctx, speaker, content)
        if spk is None:
            conf = min(conf, 0.3)
        out.append(Candidate(_ind._kind(ctx, content), (content,), (cue.idx, cue.idx + len(cue.text)), spk, head, conf,
                             cue.i))
    return out
