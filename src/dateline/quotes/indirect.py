"""Indirect and mixed quotes from the dependency parse.

An indirect quote is the clausal complement (``ccomp``) of a speech, cognition or evidence verb
("Hegseth warned that ...", "..., sources said"), the content of a noun or adjective cue
("his warning that ...", "her attack on ...": `dateline.quotes.nominal`), or the rest of a
sentence carrying "according to X". Contents exclude the
cue and the complementiser "that". A content holding a quoted fragment ("he called it "a
disaster"") is a *mixed* quote. Cues inside a direct quote, and clauses that are already a
direct quote, are skipped (one token belongs to one attribution, as in PolNeAR).
"""
from __future__ import annotations

import bisect
import functools
import re

from spacy.tokens import Token

from dateline.quotes import nominal
from dateline.quotes.context import Candidate, QuoteContext, to_infinitive, trim_span
from dateline.quotes.cues import load_cues, load_nominal, read_data
from dateline.quotes.speaker import asked_about, head_span, mention_span, publisher, resolve_relative, subject_of
from dateline.types import Span

_COMPLEMENT_DEPS = ("ccomp",)
_MARKS = {"that"}
_MIN_TOKENS = 3
_TRAILING_DEPS = ("advcl", "prep", "npadvmod")


def _complement(cue: Token) -> Token | None:
    """The clause a cue verb reports: its first ``ccomp`` after it, else one before it that no
    colon or semicolon cuts off ("Canova is winning: he said he raised $100,000" reports the
    second clause, not the first)."""
    comps = [c for c in cue.children if c.dep_ in _COMPLEMENT_DEPS]
    after = [c for c in comps if c.i > cue.i]
    if after:
        return after[0]
    doc = cue.doc
    for c in comps:
        if not any(doc[k].text in (":", ";") for k in range(c.right_edge.i + 1, cue.i)):
            return c
    return None


def _content(ctx: QuoteContext, comp: Token, cue: Token, inherit: dict | None = None,
             right_edge: int | None = None, min_tokens: int = _MIN_TOKENS) -> Span | None:
    """The character span of ``comp``'s subtree, without a leading "that" and edge punctuation.

    A conjoined cue verb inside the clause with its own complement and no subject of its own
    ("warned that X and insisted that Y") ends the content; it is recorded in ``inherit`` so that
    it takes this cue's speaker.
    """
    left, right = comp.left_edge.i, comp.right_edge.i if right_edge is None else right_edge
    subject = _split_subject(comp, cue)
    if subject is not None:
        left = subject.left_edge.i
    if comp.i < cue.i:  # "..., sources said": the content ends before the cue
        right = min(right, cue.i - 1)
    else:
        left = max(left, cue.i + 1)
        if right_edge is None:  # "said the country is on the wrong path, in part because ..."
            for c in cue.rights:
                if c.i <= comp.i or c.dep_ == "punct":
                    continue
                if c.dep_ == "cc":
                    continue
                if c.dep_ == "conj" and any(g.dep_ == "mark" and g.lower_ in _MARKS for g in c.children):
                    right = max(right, c.right_edge.i)  # "said X, but that Y": a second complement
                    continue
                if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not _is_cue_verb(ctx, c) and not any(
                        g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and (
                        comp.dep_ == "ccomp" or _after_relative(comp, c)):
                    right = max(right, c.right_edge.i)  # "said the process was fair, but required ..."
                    continue
                if comp.dep_ == "ccomp" and c.dep_ == "conj" and _joined_clause(ctx, c):
                    right = max(right, c.right_edge.i)  # "said the king has no clothes and it's payback time"
                    continue
                if comp.dep_ == "pobj" and c.dep_ == "conj" and _second_object(ctx, c):
                    right = max(right, c.right_edge.i)  # "talk about the border and how many can slip through"
                    continue
                if c.dep_ == "ccomp" and not any(g.dep_ == "mark" for g in c.children) and _run_on(ctx, right, c):
                    right = max(right, c.right_edge.i)  # "showed that moderates, voters over 45, ... backed X"
                    continue
                if c.dep_ not in _TRAILING_DEPS:
                    break
                if _circumstance(c):
                    continue
                right = max(right, c.right_edge.i)
    doc = ctx.doc
    for u in doc[left:right + 1]:
        if u.dep_ != "conj" or u.i <= comp.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in u.children):
            continue
        if (u.pos_ == "VERB" and u.lemma_.lower() in ctx.lex.speech) or (
                _is_cue_verb(ctx, u) and any(c.dep_ in _COMPLEMENT_DEPS for c in u.children)):
            cut = u.i - 1
            while cut > left and (doc[cut].dep_ == "cc" or doc[cut].is_punct or doc[cut].is_space):
                cut -= 1
            right = cut
            if inherit is not None:
                inherit[u.i] = cue
            break
    depth, opened = 0, None
    for k in range(left, right + 1):  # "raising the wage (with far less intensity": an unclosed aside
        if doc[k].text == "(":
            depth, opened = depth + 1, (k if depth == 0 else opened)
        elif doc[k].text == ")" and depth:
            depth -= 1
    if depth and opened is not None and opened > left:
        right = opened - 1
    for k in range(max(left, comp.i) + 1, right):
        if doc[k].text == ";" and not ctx.in_quote(doc[k]):
            right = k - 1  # "say the US has more billionaires; Wealth-X tallies 585": a new clause
            break
    for k in range(left + 1, right):
        if _aside_opener(doc[k]) and k + 1 <= right and _trailing_aside(doc, k + 1, right):
            right = k - 1
            break
        if (doc[k].text == "," and k + 2 <= right and _closes_quote(ctx, doc[k + 1])
                and _trailing_aside(doc, k + 2, right)):
            right = k + 1  # 'was "going to put them out of business," while trying to ...': the comma inside the marks
            break
    span = _span_of(ctx, left, right, min_tokens, marks=True)
    return _close_open_quote(ctx, span) if span is not None else None


def _closes_quote(ctx: QuoteContext, tok: Token) -> bool:
    """True when ``tok`` is the closing mark of a quotation."""
    q = ctx.quoted_at(tok.idx) if _is_mark(tok) else None
    return q is not None and q.end == tok.idx + len(tok.text)


def _after_relative(comp: Token, conj: Token) -> bool:
    """True when a relative clause of ``comp`` ends right before ``conj`` and its conjunction
    ("the bill, which put police on the streets, but also led to ..."): the parse hung the
    relative clause's second verb on the cue."""
    doc = comp.doc
    k = conj.left_edge.i - 1
    while k > comp.i and (doc[k].dep_ in ("cc", "advmod", "preconj") or doc[k].is_punct):
        k -= 1
    return any(t.dep_ == "relcl" and t.right_edge.i == k for t in comp.subtree)


def _bare_verb_list(verb: Token, tok: Token, right: int) -> bool:
    """True when the bare verbs after ``tok`` (a comma or a conjunct the parse hung on the cue
    ``verb``) continue a to-infinitive that ends at ``right``: "plans to invest in roads, expand
    benefits and enable ..."."""
    doc = verb.doc
    conj = tok if tok.dep_ == "conj" else next((c for c in verb.rights if c.dep_ == "conj" and c.i > tok.i), None)
    if conj is None or conj.tag_ != "VB" or verb.tag_ == "VB":
        return False
    if any(g.dep_ in ("nsubj", "nsubjpass", "neg") for g in conj.subtree):
        return False
    infinitive = next((t for t in reversed(doc[verb.i + 1:right + 1])
                       if t.pos_ in ("VERB", "AUX") and to_infinitive(t)), None)
    return infinitive is not None and infinitive.right_edge.i >= right - 1


_NOMINAL_POS = ("NOUN", "PROPN")


def _second_object(ctx: QuoteContext, conj: Token) -> bool:
    """True for a second conjunct of an object or prepositional content that the parse hung on the
    cue: a noun ("talked about Zika and his campaign"; not "chides Turkey and praises", a misparsed
    verb) or a wh-clause ("... and how many can slip in")."""
    if conj.doc[conj.left_edge.i - 1].dep_ != "cc":
        return False
    if conj.pos_ in _NOMINAL_POS:
        return conj.lemma_.lower() not in ctx.lex.all_verbs
    return conj.pos_ in ("VERB", "AUX") and (conj.left_edge.tag_ in ("WRB", "WP", "WDT")
                                             or conj.left_edge.lower_ == "whether")


def _joined_clause(ctx: QuoteContext, conj: Token) -> bool:
    """True for a clause with its own subject that "and" joins to a reported clause without a
    comma ("said the king has no clothes and it's payback time"): the parse hung it on the cue."""
    doc = conj.doc
    before = doc[conj.left_edge.i - 1]
    if before.lower_ != "and" or before.dep_ != "cc" or doc[before.i - 1].is_punct and not _is_mark(doc[before.i - 1]):
        return False
    if conj.pos_ not in ("VERB", "AUX") or not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in conj.children):
        return False
    return not any(_is_cue_verb(ctx, t) for t in conj.subtree)


def _run_on(ctx: QuoteContext, right: int, clause: Token) -> bool:
    """True when a second clausal complement of the cue continues the content that ends at
    ``right``: only commas between them, and it is not a cue of its own ("..., a study concluded")."""
    doc = ctx.doc
    between = doc[right + 1:clause.left_edge.i]
    return all(t.text == "," for t in between) and not _is_cue_verb(ctx, clause)


def _split_subject(comp: Token, cue: Token) -> Token | None:
    """The subject of a reported clause parsed as the cue's object ("hoped the meeting, requested
    by Sanders, would be a moment of catharsis"): a finite complement with no subject of its own."""
    if comp.dep_ != "ccomp" or comp.i < cue.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in comp.children):
        return None
    if not (comp.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.tag_ == "MD" or c.dep_ == "aux" for c in comp.children)):
        return None
    return next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < comp.i), None)


_QUOTE_REACH = 400


def _close_open_quote(ctx: QuoteContext, span: Span) -> Span:
    """Extend a content that stops inside a quotation it opened to the closing mark.

    'told him waterboarding is "peanuts, compared to ..."': a reported clause that runs into a
    quotation carries the whole quotation (PolNeAR mixed contents), even when the parse ends
    the clause earlier.
    """
    q = ctx.quoted_at(span[1] - 1)
    if q is None or q.start < span[0] or q.end <= span[1] or q.end - span[1] > _QUOTE_REACH:
        return span
    if "\n" in ctx.text[span[1]:q.end]:
        return span
    return span[0], q.end


_ASIDES = {"while", "although", "though", "whereas", "who", "which"}
_ASIDE_OPENERS = {",", "\u2014", "\u2013"}  # a comma or a dash opens a trailing aside
_ASCII_DASHES = {"-", "--"}
_SUBORDINATORS = {"while", "although", "though", "whereas"}


def _aside_opener(tok: Token) -> bool:
    """A comma or a dash; a hyphen counts as a dash only with spaces around it ("in decline - a decline")."""
    if tok.text in _ASCII_DASHES:
        return bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
    return tok.text in _ASIDE_OPENERS


def _trailing_aside(doc, k: int, right: int | None = None) -> bool:
    """A comma-led aside that annotators leave out of a content: ", who ...", ", even as ...",
    or an appositive that runs to the content's end ("criticized Comey, a Republican appointee")."""
    word = doc[k].lower_
    if word in _SUBORDINATORS and doc[k].dep_ != "mark":
        return False  # "In all, though, the justices agree": a discourse adverb, not an aside
    if word in _ASIDES and right is not None and doc[k].head.dep_ in ("relcl", "advcl") and doc[k].head.right_edge.i < right - 1:
        return False  # "the plan, which some called a ploy, was an insult": the content goes on after it
    if word in _ASIDES or (word == "according" and k + 1 < len(doc) and doc[k + 1].lower_ == "to"):
        return True  # ", according to X" attributes what precedes it to someone else
    if word == "compared" and k + 1 < len(doc) and doc[k + 1].lower_ in ("with", "to"):
        return True  # "..., compared with 41 percent for Clinton": the narrator's comparison
    if right is not None and (_relative_aside(doc, k, right) or _summary_aside(doc, k, right)):
        return True

    if right is not None:
        for u in doc[k:right + 1]:
            if (u.dep_ == "appos" and u.head.i < k and u.left_edge.i == k and u.right_edge.i >= right - 1
                    and not (u.pos_ == "PROPN" and u.head.pos_ == "NOUN")  # "his closest rival, Mr. Cruz": who
                    and not any(c.dep_ in ("cc", "conj") for c in u.children)):  # not a list "X, Y and Z"
                return True
    if doc[k].tag_ == "VBG" and doc[k].dep_ == "advcl":  # ", putting him ahead of ...": a narrator's aside
        return True
    return word == "even" and k + 1 < len(doc) and doc[k + 1].lower_ in ("as", "though", "if", "while")


def _summary_aside(doc, k: int, right: int) -> bool:
    """A noun phrase with a relative clause that sums up the clause before it and runs to the
    content's end ("..., a charge that party leaders denied", "..., the first time the two men
    spoke"): the writer's comment on the report, hung on its verb, not an appositive of a noun."""
    u = doc[k].head if doc[k].dep_ == "det" else doc[k]
    return (u.dep_ in ("npadvmod", "appos") and u.head.pos_ in ("VERB", "AUX") and u.head.i < k and u.left_edge.i == k
            and u.right_edge.i >= right - 1 and any(c.dep_ in ("relcl", "acl") for c in u.children))


_RELATIVE_ADVERBS = {"when"}
_RELATIVE_PRONOUNS = {"which", "whom"}


def _relative_aside(doc, k: int, right: int) -> bool:
    """A clause that ends the content, opened by "when" or by a phrase with "which"/"whom" ("in
    which ...", "for whom ...", "both of whom ..."): it describes something in the content, and the
    annotators leave it out as they do ", who ..." and ", which ...". (", where ..." and ", whose ..."
    measured worse: annotators keep them about as often.)"""
    word = doc[k].lower_
    if word not in _RELATIVE_ADVERBS:
        ahead = doc[k + 1:min(k + 4, right + 1)]
        if doc[k].pos_ not in ("ADP", "DET", "PRON", "ADJ") or not any(t.lower_ in _RELATIVE_PRONOUNS for t in ahead):
            return False
    clause = next((a for a in [doc[k], *doc[k].ancestors] if a.dep_ in ("relcl", "advcl", "acl")), None)
    return clause is not None and clause.head.i < k and clause.right_edge.i >= right - 1


def _noun_tagged_cues(ctx: QuoteContext) -> list[Token]:
    """Speech verbs the tagger took for nouns but the parser still gave a subject and a clause
    ("Trump claims he's worth $10 billion", "claims" a plural noun)."""
    lex = ctx.lex
    return [t for t in ctx.doc if t.pos_ == "NOUN" and t.tag_ in ("NNS", "NN") and t.lemma_.lower() in lex.speech
            and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children)
            and any(c.dep_ == "ccomp" and c.i > t.i for c in t.children)]


def _is_cue_verb(ctx: QuoteContext, tok: Token, *, broad: bool = False) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or lemma in ("be", "have"):
        return False
    return lemma in (ctx.lex.all_verbs if broad else ctx.lex.verbs)


def _is_mark(tok: Token) -> bool:
    return any(c in tok.text for c in "\"\u201c\u201d\u2018\u2019'\u00ab\u00bb")


def _kind(ctx: QuoteContext, span: Span) -> str:
    for q in ctx.quoted:
        if q.start >= span[1]:
            break
        if q.end > span[0] and q.start < span[1]:
            return "mixed"
    return "indirect"


def _speaker(ctx: QuoteContext, tok: Token | None, content: Span) -> tuple[Span | None, Span | None]:
    if tok is not None and (author := publisher(tok)) is not None:
        tok = author  # "the Post ran a piece that noted ...": the Post speaks
    if tok is None or (tok.lower_ in ctx.lex.noncue_subjects and not _relative(tok) and not _demonstrative(tok)):
        return None, None  # "That said", "there is"; but "a poll that shows", "That suggests" speak
    span, own = mention_span(tok), head_span(tok)
    if content[0] <= own[0] < content[1] or ctx.is_excluded(span) or ctx.quoted_at(own[0]) is not None:
        return None, None
    if span[0] < content[1] and content[0] < span[1]:
        span = own  # "Canova, who": the relative's noun is in the content, the pronoun alone speaks
    return span, head_span(resolve_relative(tok))


def _relative(tok: Token) -> bool:
    """True for a relative pronoun heading its clause's subject ("a poll that shows ...")."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i < tok.i


def _demonstrative(tok: Token) -> bool:
    """True for "this"/"that" as a verb's own subject ("That suggests a lack of confidence")."""
    return tok.lower_ in ("this", "that") and tok.dep_ == "nsubj"


def _verb_candidates(ctx: QuoteContext, blocked, broad: bool) -> list[Candidate]:
    out = []
    lex = ctx.lex
    inherit: dict[int, Token] = {}
    nouns = _noun_tagged_cues(ctx)
    noun_idx = {t.i for t in nouns}
    for tok in [ctx.doc[i] for i in ctx.verb_idx] + nouns:
        lemma = tok.lemma_.lower()
        in_statement = tok.i in ctx.statement_verbs
        if not in_statement and tok.i not in noun_idx and not _is_cue_verb(ctx, tok, broad=True):
            continue
        if blocked(tok.idx) or (not broad and lemma in lex.broad_only) or _that_said(tok):
            continue
        if tok.idx and ctx.text[tok.idx - 1] in "</":
            continue  # "<tweet author=...>": the name of a markup tag, not a verb
        comp = _complement(tok)
        if comp is None and lemma in lex.verbs:  # "which they say left a vacuum": a misparsed clause
            comp = next((c for c in tok.rights if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
                         and not to_infinitive(c)), None)
        if comp is None and lemma in lex.speech:
            comp = _clause_in_medium(tok) or _conjoined_report(tok)
        weak = False
        subj = None
        passive_as = lemma in lex.as_verbs and _passive(tok)  # "Rubio could be seen as the more electable choice"
        if (lemma in lex.raising or passive_as) and (raised := _raising(ctx, tok, as_phrase=passive_as)) is not None:
            out.append(raised)
            continue
        parts = None
        if (lemma in lex.as_verbs or lemma == "call") and (parts := _named_relative(ctx, tok)) is not None:
            content = (parts[0][0], parts[-1][1])  # "which he called 'a cartel'"
        elif comp is not None:
            content = _content(ctx, comp, tok, inherit)
            if content is None and _elliptic(comp):
                content = _content(ctx, comp, tok, inherit, min_tokens=2)  # "Flake said he would."
        elif lemma in lex.speech and (parts := _parenthetical(ctx, tok)) is not None:
            content = (parts[0][0], parts[-1][1])
        elif lemma in lex.verbs and (parts := _as_clause(ctx, tok)) is not None:
            content = (parts[0][0], parts[-1][1])  # "As the mayor noted, the bridge is unsafe"
        elif lemma in lex.speech and (parts := _as_reported(ctx, tok)) is not None:
            content = (parts[0][0], parts[-1][1])  # "As reported by the Gazette, the bridge is unsafe"
        elif (broad or lemma in lex.verbs or lemma in lex.object_verbs or lemma in lex.stance) and (
                passive := _passive_with_agent(ctx, tok)) is not None:  # "Trump was endorsed by the group"
            content, subj = passive
            weak = True
        elif lemma in lex.as_verbs and subject_of(tok) is not None and (seen := _seen_as(ctx, tok)) is not None:
            content = seen  # "Democrats see Sanders as a spoiler"
            weak = True
        elif lemma in lex.as_verbs and (subject_of(tok) is not None or _person_acl(ctx, tok)) and (
                named := _naming(ctx, tok)) is not None:
            content = named  # "Graham called him divisive", "called Trump a fascist"
            if _person_acl(ctx, tok):
                subj = tok.head  # "Beruff, a Scott ally, called the standards strong", parsed as a participle
        elif lemma == "ask" and (question := _question(ctx, tok)) is not None:
            content = question  # "Asked whether he was bullied, ...": the parser made the question adverbial
        elif lemma == "say" and (answer := _answer(ctx, tok)) is not None:
            content = answer  # "75 percent said yes", "half said so in December"
        elif (clause := _prep_clause(ctx, tok)) is not None:
            content = clause  # "is calling for the United States to step up": the parser made "for" a mark
        elif lemma in lex.desire and _actor_subject(ctx, tok) and any(c.dep_ == "dobj" for c in tok.rights):
            content = _object_content(ctx, tok, True)  # "Sanders wants a vast expansion of ..."
            weak = True
        elif lemma in lex.stance and _actor_subject(ctx, tok) and _actor_object(tok, lex.people):
            content = _object_content(ctx, tok, broad, stance=True)  # "Cruz endorsed Trump"
            weak = True
        elif lemma in lex.topic and _actor_subject(ctx, tok) and any(c.dep_ == "dobj" for c in tok.rights):
            content = _object_content(ctx, tok, True)  # "Cruz stressed the risks of the deal"
            weak = True
        elif (lemma in lex.evidence or lemma in lex.cognition) and lemma not in lex.speech and _nominal_object(ctx, tok):
            content = _object_content(ctx, tok, True)  # "a poll found broad support for Trump"
            weak = True
        elif broad or lemma in lex.speech or lemma in lex.evidence or in_statement:
            content = _object_content(ctx, tok, broad or in_statement)
            weak = True
        elif lemma in lex.infinitive_verbs and (_actor_subject(ctx, tok) or lemma in lex.agentive_infinitive):
            content = _object_content(ctx, tok, infinitive_only=True)  # "Cruz wants to repeal it"
            if content is None and lemma in lex.prep_verbs and _actor_subject(ctx, tok):
                content = _object_content(ctx, tok, prep_only=True)  # "Cruz voted against the bill"
            weak = True
        elif lemma in lex.prep_verbs and _actor_subject(ctx, tok):
            content = _object_content(ctx, tok, prep_only=True)  # "Cruz referred to the ruling"
            weak = True
        elif lemma in lex.prep_verbs and any(v == lemma for v, _ in lex.agentive_prep_cues):
            content = _object_content(ctx, tok, prep_only=True, pairs=lex.agentive_prep_cues)  # "the letter referred to the ruling"
            weak = True
        else:
            continue
        if content is None:
            continue
        if subj is None:
            subj = subject_of(inherit[tok.i]) if tok.i in inherit else subject_of(tok)
        if subj is None and not _passive(tok):
            subj = _adjacent_noun(tok)  # "Internet companies have been criticized": no speaker
        if lemma in lex.raising and lemma not in lex.verbs:
            subj = None  # "he seemed to take hope": an impression, the narrator's; no source
        elif _bare_participle(tok) and not _person_acl(ctx, tok):
            subj = None  # "Asked about the emails, Lind said ...": the asker is not named
        spk, head = _speaker(ctx, subj, parts[0] if parts else content)
        end = tok.idx + len(tok.text)
        for child in tok.rights:
            if child.dep_ == "prt" and child.i == tok.i + 1:
                end = child.idx + len(child.text)
        if spk is None and content[1] <= tok.idx and parts is None:
            continue  # "..., said" with no one saying it: the parse took the speaker into the content
        conf = 0.75 if spk is not None else 0.3
        if weak:
            conf -= 0.2
        if lemma in lex.cognition and lemma not in lex.speech:
            conf -= 0.1
        out.append(Candidate(_kind(ctx, content), parts or (content,), (tok.idx, end), spk, head, conf, tok.i))
    return out


_ACTOR_ENTS = ("PERSON", "ORG", "NORP", "GPE")
_PERSONAL = {"he", "she", "they", "i", "we"}


def _actor_subject(ctx: QuoteContext, verb: Token) -> bool:
    """True when the verb's subject names a person or organisation ("Cruz", "the RNC", "she"),
    or a common noun for people or institutions ("officials", "voters", "the campaign").

    Intentions of such a subject ("wants to", "plans to", "refused to") are attributions in
    PolNeAR's sense; those of other common nouns ("the bill sought to ...") stay out unless
    ``broad`` is on, which keeps the pipeline free of background attitudes.
    """
    subj = subject_of(verb)
    if subj is None or ctx.quoted_at(subj.idx) is not None:
        return False
    if subj.lower_ in ("who", "whom"):
        return True  # "a Republican who has refused to endorse him": a person
    subj = resolve_relative(subj)  # "the Chamber, which is planning to ...": the antecedent
    return (subj.ent_type_ in _ACTOR_ENTS or subj.pos_ == "PROPN" or subj.lower_ in _PERSONAL
            or subj.lemma_.lower() in ctx.lex.people)


def _nominal_object(ctx: QuoteContext, verb: Token) -> bool:
    """True when the verb's direct object is a nominal attribution with its content ("found
    growing criticism of the plan", "showed a demand for change"): the verb reports
    it, so the whole object is the verb's content and the noun stays inside it.

    >>> from dateline.parse import load_nlp
    >>> from dateline.quotes.context import QuoteContext
    >>> doc = load_nlp()("The survey found growing criticism of the plan.")
    >>> _nominal_object(QuoteContext.build(doc), doc[2])
    True
    """
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN":
        return False
    noms = load_nominal()
    noun = obj.lemma_.lower()
    if any(c.dep_ == "prep" and (noun, c.lower_) in noms.preps for c in obj.children):
        return True
    return noun in noms.infinitive and any(c.dep_ in ("acl", "relcl") and to_infinitive(c) for c in obj.children)


_PERSONAL_OBJECTS = {"him", "her", "them", "us", "me", "himself", "herself", "themselves"}


def _seen_as(ctx: QuoteContext, verb: Token) -> Span | None:
    """The object and its "as" phrase of a verb of regarding: "see Sanders as a spoiler"."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    as_phrase = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i), None)
    if as_phrase is None:
        as_phrase = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_phrase is None:  # a small clause: "deemed them a threat", "considers him unfit"
        as_phrase = next((c for c in verb.rights if c.dep_ in ("oprd", "xcomp") and c.i > obj.i
                          and not any(g.dep_ == "aux" for g in c.children)), None)
    if as_phrase is None:
        return None
    return _content(ctx, obj, verb, right_edge=as_phrase.right_edge.i, min_tokens=3)


def _actor_object(verb: Token, people: frozenset[str] = frozenset()) -> bool:
    """True when the verb's direct object names a person or organisation ("endorsed Trump",
    "criticized the RNC", "praised her", "blamed officials"): a stance toward an actor. A stance toward a thing
    ("opposed the plan") is an attitude that only the broad mode reports."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    return (obj.ent_type_ in _ACTOR_ENTS or obj.pos_ == "PROPN" or obj.lower_ in _PERSONAL_OBJECTS
            or obj.lemma_.lower() in people)


def _raising(ctx: QuoteContext, verb: Token, *, as_phrase: bool = False) -> Candidate | None:
    """ "The House is expected to pass the bill", "Voters seemed unperturbed": subject + complement,
    two content parts, attributed to nobody in particular (or to the agent). With ``as_phrase``
    a passive verb of regarding takes its "as" phrase ("Rubio is seen as the safer choice")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    deps = ("xcomp", "acomp", "attr", "oprd")
    comp = next((c for c in verb.children if (c.dep_ in deps or (as_phrase and c.dep_ == "prep" and c.lower_ == "as")
                                              or (c.dep_ == "prep" and c.lower_ == "like"))
                 and c.i > verb.i), None)  # "the race seems like a rout"
    if comp is None or (comp.dep_ == "xcomp" and not any(g.lower_ == "to" for g in comp.children)):
        return None
    second = _span_of(ctx, comp.left_edge.i, comp.right_edge.i, min_tokens=1)
    if second is None:
        return None
    if subj is None or subj.i > verb.i or subj.lower_ in ("it", "there", "this", "that", "what", "which"):
        if comp.dep_ != "xcomp" or _bare_participle(verb):
            return None  # "It is expected to rise": the empty or shared subject is not content
        return Candidate(_kind(ctx, second), (second,), (verb.idx, verb.idx + len(verb.text)), None, None, 0.3, verb.i)
    first = _span_of(ctx, subj.left_edge.i, subj.right_edge.i, min_tokens=1)
    if first is None:
        return None
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    spk, head = _speaker(ctx, agent, (first[0], second[1])) if agent is not None else (None, None)
    if agent is None and _holds_attitude(ctx, verb, comp):
        spk, head = _speaker(ctx, subj, second)  # "The companies expect to save": the subject's own plan
        if spk is not None:
            return Candidate(_kind(ctx, second), (second,), (verb.idx, verb.idx + len(verb.text)), spk, head, 0.4,
                             verb.i)
    return Candidate(_kind(ctx, (first[0], second[1])), (first, second), (verb.idx, verb.idx + len(verb.text)),
                     spk, head, 0.3, verb.i)


def _holds_attitude(ctx: QuoteContext, verb: Token, comp: Token) -> bool:
    """True when an active raising verb is a cognition verb whose subject holds the attitude
    ("The companies expect to save", "is considering whether"); not "is expected to pass", and
    not "seem"/"appear", whose impressions PolNeAR mostly leaves to no one."""
    return not _passive(verb) and verb.lemma_.lower() in ctx.lex.verbs and comp.dep_ != "acomp"


_WH_OBJECTS = {"what", "which", "who", "whom", "that"}


def _named_relative(ctx: QuoteContext, verb: Token) -> tuple[Span, Span] | None:
    """ "which he called "a cartel"", "what economists call spending": a relative or wh-object
    before the verb and the name given to it after (two parts)."""
    obj = next((c for c in verb.lefts if c.dep_ == "dobj" and c.lower_ in _WH_OBJECTS), None)
    if obj is None:
        return None
    comp = next((c for c in verb.rights if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")
                 or (c.dep_ == "prep" and c.lower_ == "as")), None)
    if comp is None:
        return None
    second = _span_of(ctx, comp.left_edge.i, comp.right_edge.i, min_tokens=1)
    if second is None:
        return None
    return (obj.idx, obj.idx + len(obj.text)), second


def _naming(ctx: QuoteContext, verb: Token) -> Span | None:
    """The object and the name an active verb of naming gives it ("called him divisive",
    "called Trump a fascist", where the parser may fold the object into the name): from the
    verb to the end of its last ``oprd``, at least two tokens.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Graham called him divisive.")
    >>> doc.text[slice(*_naming(QuoteContext.build(doc), doc[1]))]
    'him divisive'
    """
    if _passive(verb) or (not _person_acl(ctx, verb) and (_bare_participle(verb) or verb.dep_ == "acl")):
        return None  # "a group called Future 45": a name, not a report
    names = [c for c in verb.rights if c.dep_ == "oprd"]
    if not names:  # "calling him "a feminist"": the name parsed as a second object
        objects = [c for c in verb.rights if c.dep_ == "dobj"]
        names = objects[1:2] if len(objects) == 2 and objects[0].pos_ in ("PRON", "PROPN") else []
    if not names or verb.dep_ == "acl" and names[-1].pos_ == "PROPN":
        return None  # "a firm called Harmony Enterprises": a proper name is a name, not a judgment
    right = names[-1].right_edge.i
    if any(c.dep_ not in ("dobj", "oprd", "dep", "punct") for c in verb.rights if c.i < names[-1].i):
        return None
    span = _span_of(ctx, verb.i + 1, right, min_tokens=2)
    return _close_open_quote(ctx, span) if span is not None else None


def _person_acl(ctx: QuoteContext, verb: Token) -> bool:
    """True for a past-tense verb parsed as a participle on a person ("Beruff, a Scott ally,
    called the standards strong"): the person is its subject, not the thing it names."""
    head = verb.head
    return verb.dep_ == "acl" and head.i < verb.i and (
        head.ent_type_ == "PERSON" or head.lemma_.lower() in ctx.lex.people) and verb.tag_ in ("VBD", "VBN")


_QUESTION_MARKS = {"if", "whether"}


def _question(ctx: QuoteContext, verb: Token) -> Span | None:
    """The indirect question of "ask" that the parser hung on it as an adverbial clause
    ("Asked if he was ever bullied, the candidate said no"), from "if"/"whether" on.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Asked if he was ever bullied, the candidate said no.")
    >>> doc.text[slice(*_question(QuoteContext.build(doc), doc[0]))]
    'if he was ever bullied'
    """
    for c in verb.rights:
        if c.dep_ == "advcl" and c.left_edge.lower_ in _QUESTION_MARKS and c.left_edge.dep_ == "mark":
            span = _span_of(ctx, c.left_edge.i, c.right_edge.i, min_tokens=2)
            return _close_open_quote(ctx, span) if span is not None else None
    return None


_ANSWERS = {"yes", "no", "so"}


def _answer(ctx: QuoteContext, verb: Token) -> Span | None:
    """A one-word answer right after "say" ("said yes", "said so"), with the "to" phrase of a
    refusal ("said no to the war").

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Asked about the plan, most voters said yes.")
    >>> doc.text[slice(*_answer(QuoteContext.build(doc), doc[7]))]
    'yes'
    """
    doc = ctx.doc
    if verb.i + 1 >= len(doc):
        return None
    word = doc[verb.i + 1]
    if word.lower_ not in _ANSWERS or word.head.i != verb.i or word.dep_ not in ("intj", "advmod", "dobj"):
        return None
    right = word.i
    if word.lower_ == "no":
        right = next((c.right_edge.i for c in verb.rights if c.dep_ == "prep" and c.i == word.i + 1
                      and c.lower_ == "to"), right)
    return _span_of(ctx, word.i, right, min_tokens=1)


def _prep_clause(ctx: QuoteContext, verb: Token) -> Span | None:
    """The clause after a prepositional cue the parser read as a subordinator ("is calling for
    the United States to step up", "for" marking an adverbial clause): the clause without it.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Ortiz is calling for the state to close the bridge.")
    >>> doc.text[slice(*_prep_clause(QuoteContext.build(doc), doc[2]))]
    'the state to close the bridge'
    """
    lemma = verb.lemma_.lower()
    for c in verb.rights:
        if c.dep_ != "advcl":
            continue
        mark = c.left_edge
        if mark.dep_ == "mark" and mark.head.i == c.i and (lemma, mark.lower_) in ctx.lex.prep_cues and (
                mark.i == verb.i + 1 or all(doc_t.dep_ in ("prt", "advmod") for doc_t in ctx.doc[verb.i + 1:mark.i])):
            subj = subject_of(verb)
            if (subj is None and verb.dep_ == "ROOT") or (subj is not None and subj.tag_ == "DT"):
                return None  # "These calls for more troops have come": the noun the parser took for a verb
            right = next((t.i - 1 for t in ctx.doc[mark.i + 1:c.right_edge.i + 1]
                          if t.text in ("\u2014", "\u2013", "--") and not ctx.in_quote(t)), c.right_edge.i)
            span = _span_of(ctx, mark.i + 1, right, min_tokens=2)  # a dash opens the narrator's aside
            return _close_open_quote(ctx, span) if span is not None else None
        break
    return None


def _elliptic(comp: Token) -> bool:
    """True for a reported clause cut down to its subject and an auxiliary ("said he would",
    "said she could"): two tokens, a whole report.

    >>> from dateline.parse import load_nlp
    >>> _elliptic(load_nlp()("They said she could.")[3])
    True
    """
    return comp.tag_ in ("MD", "VBD", "VBZ", "VBP") and comp.lemma_.lower() in ("will", "would", "can", "could", "do",
                                                                                "should", "might", "may", "must") and any(
        c.dep_ == "nsubj" and c.i < comp.i for c in comp.children)


def _conjoined_report(cue: Token) -> Token | None:
    """The clause before a trailing cue the parser conjoined to it ("the plant is hanging on,
    but it is under pressure, said its chief executive"): a comma-led cue with its subject after
    it and nothing of its own to report."""
    doc = cue.doc
    if cue.dep_ != "conj" or cue.head.i > cue.i or cue.i == 0 or doc[cue.i - 1].text != ",":
        return None
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i < cue.i or any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in cue.children):
        return None
    return cue.head


_MEDIUM_PREPS = {"in", "on", "during", "at"}


def _clause_in_medium(verb: Token) -> Token | None:
    """The "that" clause the parser hung on the medium of a speech verb ("said in one of a
    series of messages that the truck was armed"): a clause with its own subject, marked by a
    complementiser "that", inside the verb's "in/on" phrase."""
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _MEDIUM_PREPS:
            continue
        for t in prep.subtree:
            if t.dep_ not in ("relcl", "acl") or t.left_edge.lower_ != "that":
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ != "that" for c in t.children):
                return t  # "that" opens a clause with a subject of its own: a complement, not a relative
    return None


_CUE_CLAUSE_LEFT = ("nsubj", "aux", "neg", "advmod")  # left children that belong to a cue clause
_CUE_CLAUSE_RIGHT = ("nsubj", "dobj", "dative", "prep", "npadvmod", "advmod", "prt")  # "told them", "said Hill"
_SIDE_MARKS = (",", "\u2014", "\u2013")


def _addressed(cue: Token, obj: Token) -> bool:
    """True when ``obj`` is the one the cue is spoken to ("told them", "told the Post")."""
    return obj.lower_ in _PERSONAL_OBJECTS or cue.lemma_.lower() in load_cues().addressee


def _cue_clause(cue: Token) -> tuple[int, int] | None:
    """The token range of a comma-bounded cue clause: its subject, the verb and what follows it
    without a comma ("the partner told them", "Politico reported in 2014", "said Hill"); None
    without a subject."""
    lo = hi = cue.i
    subject = False
    for c in reversed(list(cue.lefts)):
        if c.right_edge.i != lo - 1 or c.dep_ not in _CUE_CLAUSE_LEFT:
            break
        lo, subject = c.left_edge.i, subject or c.dep_ == "nsubj"
    for c in cue.rights:
        if c.left_edge.i != hi + 1 or c.dep_ not in _CUE_CLAUSE_RIGHT:
            break
        if c.dep_ == "dobj" and not _addressed(cue, c):
            return None  # "Trump mocked the plan": the object is what was said, not an aside
        hi, subject = c.right_edge.i, subject or c.dep_ == "nsubj"
    return (lo, hi) if subject else None


def _parenthetical(ctx: QuoteContext, cue: Token) -> tuple[Span, ...] | None:
    """ "Any attempt to debunk him, he said, becomes hopeless": the cue clause sits between commas
    inside the reported sentence, which is the content (two parts); a cue clause after a comma at
    the sentence's end reports what precedes it ("It disbanded in 2008, Politico reported.").

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("The plan, the mayor said, would fail.")
    >>> [doc.text[slice(*p)] for p in _parenthetical(QuoteContext.build(doc), doc[5])]
    ['The plan', 'would fail']
    """
    doc = ctx.doc
    clause = _cue_clause(cue)
    if clause is None or cue.dep_ in ("relcl", "acl", "advcl", "pcomp", "xcomp"):
        return None  # ", who portrayed him as ...": a relative or adverbial clause describes, not reports
    if any(c.dep_ == "nsubj" and c.lower_ in _WH_OBJECTS for c in cue.children):
        return None
    left, right = clause
    if cue.dep_ != "parataxis" and any(not left <= c.i <= right and c.dep_ not in ("punct", "cc", "conj")
                                       for c in cue.children):
        return None  # "As caucusing began, Sanders weighed in": the fronted clause is not reported
    sent = cue.sent
    before = left - 1
    while before > sent.start and doc[before].is_space:
        before -= 1
    after = right + 1
    while after < sent.end and doc[after].is_space:
        after += 1
    if before <= sent.start or doc[before].text not in _SIDE_MARKS:
        return None
    end = sent.end - 1
    while end > after and (doc[end].is_space or _opens_quote(ctx, doc[end])):
        end -= 1  # "... with courses. ''It was": the next quotation's opening mark is not content
    if after > end or doc[after].text in ".!?":
        if any(c.dep_ == "dobj" and cue.lemma_.lower() not in ctx.lex.addressee for c in cue.children):
            return None  # "..., Sanders called him.": an act toward someone, not a report
        second = None  # "..., Politico reported in 2014."
    elif doc[after].text in _SIDE_MARKS:
        second = after + 1
    else:
        return None
    lead = sent.start
    while lead < before and (doc[lead].dep_ in ("cc", "advmod", "punct") and doc[lead].head.i != lead
                             or doc[lead].is_space):
        lead += 1  # "And yet, her aides say, ...": a connective is not content
    first = _span_of(ctx, lead, before - 1, min_tokens=1 if second is not None else _MIN_TOKENS)
    if second is None and not any(t.pos_ in ("VERB", "AUX") for t in doc[lead:before]):
        return None  # "In a speech, Trump said so.": a trailing cue reports a clause
    if second is not None:
        for k in range(second + 1, end + 1):  # "..., email helped her - although she admitted ...": an aside ends it
            if doc[k - 1].is_punct and not _is_mark(doc[k - 1]) and _trailing_aside(doc, k):
                end = k - 2
                break
        second = _span_of(ctx, second, end, min_tokens=1)
        if second is None:
            return None
    elif first is None:
        return None
    if (first is not None and ctx.quoted_at(first[0]) is not None) or (
            second is not None and ctx.quoted_at(second[0]) is not None):
        return None  # a direct quote split by its cue: the direct finder's job
    if second is not None:
        second = _close_open_quote(ctx, second)  # "..., they write, the plan has ''produced nothing.''": mixed
    return tuple(p for p in (first, second) if p is not None)


def _opens_quote(ctx: QuoteContext, tok: Token) -> bool:
    """True for a quote mark that opens a quotation."""
    q = ctx.quoted_at(tok.idx) if _is_mark(tok) else None
    return q is not None and q.start >= tok.idx


_TITLE_WORD = re.compile(r"[A-Z][\w'\u2019.-]*|[\u2018\u201c\"'][A-Z][\w'\u2019.-]*")


def _headline_candidate(ctx: QuoteContext, broad: bool) -> Candidate | None:
    """A Title Case headline the parser misreads: "Jeb Bush Praises Rubio Donor's Campaign."

    The first capitalised word that is an inflected cue verb ("Says", "Warns", "Praises") splits
    the line into speaker and content.
    """
    text = ctx.text
    end = text.find("\n")
    end = len(text) if end < 0 else end
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[:end])]
    if not 4 <= len(words) <= 25 or ctx.quoted_at(0) is not None:
        return None
    if sum(1 for s, e in words if text[s].isupper()) < 0.7 * len(words):
        return None  # not Title Case: the parse is fine
    lex = ctx.lex
    allowed = lex.speech | (lex.object_verbs | lex.infinitive_verbs if broad else frozenset())
    for n, (s, e) in enumerate(words[1:-1], start=1):
        word = text[s:e].lower()
        stems = (word[:-2], word[:-1]) if word.endswith("es") else (word[:-1],) if word.endswith("s") else ()
        if not any(stem in allowed for stem in stems) or word in ("news", "us", "is", "has", "was"):
            continue
        speaker = (words[0][0], words[n - 1][1])
        content = trim_span(text, words[n + 1][0], end)
        while content[1] > content[0] and text[content[1] - 1] in ".!?":
            content = (content[0], content[1] - 1)
        if content[1] - content[0] < 3:
            return None
        return Candidate(_kind(ctx, content), (content,), (s, e), speaker, speaker, 0.4, None)
    return None


# what an "as" clause may hold besides its verb for the clause it modifies to be its report
_AS_CLAUSE_DEPS = ("nsubj", "mark", "aux", "advmod", "punct", "neg", "npadvmod", "prep")


def _as_clause(ctx: QuoteContext, cue: Token) -> tuple[Span, ...] | None:
    """ "As the mayor noted, the bridge is unsafe": a cue in an "as" clause with its own subject
    reports the clause it modifies; the content is that clause without the "as" clause (two
    parts when the "as" clause sits inside it).

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("As the mayor noted on Monday, the bridge is unsafe.")
    >>> ctx = QuoteContext.build(doc)
    >>> [ctx.text[slice(*p)] for p in _as_clause(ctx, doc[3])]
    ['the bridge is unsafe']
    """
    if cue.dep_ != "advcl" or cue.head.i == cue.i or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    if not any(c.dep_ == "nsubj" for c in cue.children):
        return None  # "as expected", "as it was written": no one in particular
    if any(c.dep_ not in _AS_CLAUSE_DEPS or c.dep_ == "prep" and c.lower_ not in _MEDIUM_PREPS for c in cue.children):
        return None  # "as he spoke to the crowd", "as they called for ...": a time or an act, not a report
    head = cue.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    return _clause_without(ctx, head, cue) or None


def _as_reported(ctx: QuoteContext, cue: Token) -> tuple[Span, ...] | None:
    """ "As reported by the Gazette, the bridge is unsafe": a passive cue in an "as" clause with
    an agent reports the clause it modifies, which the agent said.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("As reported by the Gazette, the bridge is unsafe.")
    >>> [doc.text[slice(*p)] for p in _as_reported(QuoteContext.build(doc), doc[1])]
    ['the bridge is unsafe']
    """
    if cue.dep_ != "advcl" or cue.tag_ != "VBN" or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    if not any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in cue.children):
        return None
    return _clause_without(ctx, cue.head, cue) or None


def _clause_without(ctx: QuoteContext, clause: Token, inner: Token) -> tuple[Span, ...]:
    """The spans of ``clause``'s subtree around ``inner``'s subtree (one or two parts, each of
    two tokens or more): "the bridge, as the mayor said, is unsafe" without the "as" clause."""
    parts = []
    for a, b in ((clause.left_edge.i, inner.left_edge.i - 1), (inner.right_edge.i + 1, clause.right_edge.i)):
        span = _span_of(ctx, a, b, min_tokens=2) if b >= a else None
        if span is not None:
            parts.append(span)
    return tuple(parts)


def _that_said(verb: Token) -> bool:
    """The connective "That said, ..." (or "This said"): not a report of anything.

    >>> from dateline.parse import load_nlp
    >>> _that_said(load_nlp()("That said, voters say they want change.")[1])
    True
    """
    doc = verb.doc
    i = verb.i
    return (verb.lower_ == "said" and i >= 1 and doc[i - 1].lower_ in ("that", "this") and i + 1 < len(doc)
            and doc[i + 1].text == "," and (i == 1 or doc[i - 1].is_sent_start or doc[i - 2].is_punct
                                              or doc[i - 2].dep_ == "cc"))


def _bare_participle(verb: Token) -> bool:
    """A past participle heading a clause of its own with no auxiliary and no agent ("Asked
    about X, ...", "when asked whether ..."): passive, its speaker unnamed.

    >>> from dateline.parse import load_nlp
    >>> _bare_participle(load_nlp()("Asked about the vote, Lind said no.")[0])
    True
    """
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl", "ROOT", "conj"):
        return False
    if verb.dep_ == "conj" and verb.head.tag_ == "VBD" and not _passive(verb.head):
        return False  # "he heard gunfire and suspected that ...": a past tense tagged as a participle
    if verb.dep_ == "acl" and any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children):
        return False  # "Two analysts, Hale and Lind, found in 2014 that ...": a passive takes no object
    return not any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in verb.children)


def _passive(verb: Token) -> bool:
    """True for a passive verb ("was criticized", "is assumed"): its subject is not its speaker."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _adjacent_noun(verb: Token) -> Token | None:
    """The noun right before a subjectless cue ("..., former president Bill Clinton said"): a parse
    that hung the name elsewhere still puts it next to its verb."""
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and (doc[i].pos_ in ("ADV", "AUX", "PART") or doc[i].dep_ in ("aux", "neg", "advmod")):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN", "PRON", "NUM") or doc[i].dep_ in ("dobj", "pobj"):
        return None
    if asked_about(verb):
        return None  # "Asked if she believed ...": the one asked, not a holder
    return doc[i]


def _passive_with_agent(ctx: QuoteContext, verb: Token) -> tuple[Span, Token] | None:
    """ "Trump was endorsed by the group": the passive subject is the content, the agent speaks."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if subj is None or agent is None or subj.i > verb.i:
        return None
    content = _span_of(ctx, subj.left_edge.i, subj.right_edge.i, min_tokens=1)
    return (content, agent) if content is not None else None


def _span_of(ctx: QuoteContext, left: int, right: int, min_tokens: int = _MIN_TOKENS, *,
             marks: bool = False) -> Span | None:
    """The character span of tokens ``left..right`` without edge spaces and punctuation other than
    quote marks (with ``marks``, without a leading "that" too), or None under ``min_tokens``.

    >>> from dateline.parse import load_nlp
    >>> from dateline.quotes.context import QuoteContext
    >>> ctx = QuoteContext.build(load_nlp()("He said that the talks failed."))
    >>> _span_of(ctx, 2, 6), _span_of(ctx, 2, 6, marks=True)
    ((8, 29), (13, 29))
    """
    doc = ctx.doc
    while left <= right and (doc[left].is_space or (doc[left].is_punct and not _is_mark(doc[left]))
                             or marks and doc[left].dep_ == "mark" and doc[left].lower_ in _MARKS):
        left += 1
    while right >= left and (doc[right].is_space or (doc[right].is_punct and not _is_mark(doc[right]))
                             or doc[right].dep_ == "cc" and right > left):  # "his bid, and": a cut coordination
        right -= 1
    if right - left + 1 < min_tokens:
        return None
    span = trim_span(ctx.text, doc[left].idx, doc[right].idx + len(doc[right].text))
    return span if span[1] > span[0] else None


_FINITE = ("VBD", "VBZ", "VBP", "MD")
_OBJECT_TAIL = ("oprd", "xcomp", "ccomp", "advcl")
_OBJECT_PREPS = {"of", "for", "as", "in", "to", "on", "about", "over", "against", "with", "at", "by"}


_WHEN_ENTS = ("DATE", "TIME")
_MEDIUM_PHRASE_PREPS = {"in", "on", "during", "at", "through"}


@functools.cache
def _medium_nouns() -> frozenset[str]:
    """The nouns of a medium or occasion of speech ("interview", "tweet", "rally"), read once from
    ``data/quotes/boundaries.json``."""
    return frozenset(read_data("boundaries.json")["medium_nouns"])


def _circumstance(prep: Token) -> bool:
    """True for a phrase that dates or places the report rather than extends its object
    ("endorsed Canova in late May", "defended him on cable news", "in an interview")."""
    if prep.dep_ == "npadvmod":
        return prep.ent_type_ in _WHEN_ENTS
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return False
    return pobj.ent_type_ in _WHEN_ENTS or (prep.lower_ in _MEDIUM_PHRASE_PREPS
                                            and pobj.lemma_.lower() in _medium_nouns())


def _object_content(ctx: QuoteContext, verb: Token, broad: bool = False, *, stance: bool = False,
                    infinitive_only: bool = False, prep_only: bool = False,
                    pairs: frozenset[tuple[str, str]] | None = None) -> Span | None:
    """Content of a verb without a clausal complement: "vowed to fight on", "criticized the plan".

    In broad mode every cue verb takes its direct object, however short ("endorsed Trump").
    With ``infinitive_only`` only a to-infinitive counts ("wants to run", not "wants a deal").
    ``pairs`` narrows the prepositional cues to those (verb, preposition) pairs.
    """
    lemma = verb.lemma_.lower()
    lex = ctx.lex
    rights = [c for c in verb.rights]
    xcomp = next((c for c in rights if c.dep_ == "xcomp" and to_infinitive(c)), None)
    dobj = next((c for c in rights if c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME")), None)
    if xcomp is not None and lemma in lex.infinitive_verbs and not prep_only:
        start = dobj if dobj is not None and dobj.i < xcomp.i else xcomp
        if start is xcomp:  # "called on the party to ..."
            for c in rights:
                if c.dep_ == "prep" and c.i < xcomp.i and c.lower_ in ("on", "upon") and lemma in ("call", "prevail"):
                    start = next((g for g in c.children if g.dep_ == "pobj"), xcomp)
        right = xcomp.right_edge.i
        for c in rights:  # "calling the spouse to plan events, choose china and ...": bare verbs hung on the cue
            if c.i > right and c.dep_ == "conj" and _bare_verb_list(verb, c, right):
                right = c.right_edge.i
        return _content(ctx, start, verb, right_edge=right, min_tokens=2)  # "declined to comment"
    if infinitive_only:
        return None
    # "says the movement that is sweeping the state appeals to ...": a clause parsed as an object
    misparsed = dobj is not None and lemma in lex.speech and any(t.tag_ in _FINITE for t in dobj.subtree) and not any(
        t.pos_ == "VERB" and t.lemma_.lower() in lex.verbs for t in dobj.subtree)  # "emailed voters saying ..."
    if dobj is not None and (lemma in lex.object_verbs or broad or misparsed or stance or lemma == "say") and not prep_only:
        right = dobj.right_edge.i
        for c in rights:
            if c.i <= dobj.i:
                continue
            if c.dep_ in _OBJECT_TAIL or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS and not _circumstance(c)):
                right = max(right, c.right_edge.i)
            elif c.dep_ in ("prep", "npadvmod") and _circumstance(c):
                continue  # "endorsed Trump in early June": kept only when more object follows it
            elif c.dep_ == "cc" and c.i <= right + 2 or c.dep_ == "punct" and _is_mark(c):
                continue  # 'questioned his "values" and his readiness': a closing mark hung on the cue
            elif c.dep_ == "punct" and c.text == "," and c.i == right + 1 and _bare_verb_list(verb, c, right):
                continue
            elif c.dep_ == "conj" and _bare_verb_list(verb, c, right):
                right = max(right, c.right_edge.i)  # "touted her plans to invest in roads, expand ... and enable ..."
            elif c.dep_ == "conj" and _second_object(ctx, c):
                right = max(right, c.right_edge.i)  # "recalled details of A and B": the parse hung B on the verb
            else:
                break
        # "said so", "said no", "said the same of Sanders": "say" takes even a one-word object
        least = 1 if lemma == "say" or stance else 2 if broad else _MIN_TOKENS
        return _content(ctx, dobj, verb, right_edge=right, min_tokens=least)
    if dobj is None and xcomp is None:
        for c in rights:
            if c.dep_ == "prep" and (lemma, c.lower_) in (lex.prep_cues if pairs is None else pairs):
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return _content(ctx, pobj, verb, min_tokens=1)  # "talked about immigration"
    return None


def _enclosing_parens(doc, i: int, first: int, last: int) -> tuple[int, int]:
    """The tokens inside the parentheses around token ``i`` ("states like Iowa (93 percent were
    white, according to exit polls), Ohio ..."), else ``first..last`` (its sentence)."""
    depth, opened = 0, None
    for k in range(i - 1, first - 1, -1):
        if doc[k].text == ")":
            depth += 1
        elif doc[k].text == "(":
            if depth == 0:
                opened = k
                break
            depth -= 1
    if opened is None:
        return first, last
    closed = next((k for k in range(i + 1, last + 1) if doc[k].text == ")"), None)
    return (opened + 1, closed - 1) if closed is not None else (first, last)


def _according_candidates(ctx: QuoteContext, blocked) -> list[Candidate]:
    out = []
    doc = ctx.doc
    for tok in (doc[i] for i in ctx.according_idx):
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to" or blocked(tok.idx):
            continue
        to = doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        phrase_end = max(to.i, obj.right_edge.i if obj is not None else to.i)
        sent = tok.sent
        first, last = _enclosing_parens(doc, tok.i, sent.start, sent.end - 1)
        parts = []
        for lo, hi in ((first, tok.i - 1), (phrase_end + 1, last)):
            if hi - lo + 1 < _MIN_TOKENS:
                continue
            span = trim_span(ctx.text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
            while span[1] > span[0] and ctx.text[span[1] - 1] in ".!?,;":
                span = trim_span(ctx.text, span[0], span[1] - 1)
            if span[1] - span[0] > 5:
                parts.append(span)
        if not parts:
            continue
        spk, head = (None, None)
        if obj is not None:
            spk, head = _speaker(ctx, obj, (parts[0][0], parts[-1][1]) if len(parts) == 1 else (0, 0))
        conf = 0.7 if spk is not None else 0.25
        out.append(Candidate(_kind(ctx, (parts[0][0], parts[-1][1])), tuple(parts),
                             (tok.idx, to.idx + len(to.text)), spk, head, conf, tok.i))
    return out


def _in_source_candidates(ctx: QuoteContext, blocked) -> list[Candidate]:
    """ "In the new poll, Clinton leads Trump by eight points": a poll or survey named in an "in"
    phrase is the source of the clause the phrase modifies; the content is that clause without
    the phrase (two parts when the phrase sits inside it), the cue is "in"."""
    out = []
    doc = ctx.doc
    nouns = ctx.lex.in_sources
    for tok in (doc[i] for i in ctx.in_source_idx):
        if tok.lower_ not in nouns or tok.dep_ != "pobj" or blocked(tok.idx):
            continue
        prep = tok.head
        verb = prep.head
        if prep.lower_ != "in" or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX") or verb.i == prep.i:
            continue
        if verb.dep_ not in ("ROOT", "conj") or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue  # relative clauses ("who leads in the polls") describe, they do not report
        if any(t.lower_ == "according" for t in doc[verb.left_edge.i:verb.right_edge.i + 1]):
            continue
        parts = _clause_without(ctx, verb, prep)
        if not parts:
            continue
        whole = (parts[0][0], parts[-1][1])
        spk, head = _speaker(ctx, tok, (0, 0))
        out.append(Candidate(_kind(ctx, whole), tuple(parts), (prep.idx, prep.idx + len(prep.text)), spk, head,
                             0.5, prep.i))
    return out


def _shares_cue(ctx: QuoteContext, c: Candidate) -> bool:
    """True when a cue verb a direct quote already uses may also carry this indirect content:
    'Manafort, citing "the magic of Trump," said the candidate could win' (the quote took the
    verb, the clause is its own report). Not after an inverted subject ('"...," said Reich, who
    served ...'): what follows that verb describes the speaker.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()('"Go home," said Reich, who served in the cabinet.')
    >>> _shares_cue(QuoteContext.build(doc), Candidate("indirect", ((21, 47),), None, None, None, 0.5, 5))
    False
    """
    cue = ctx.doc[c.cue_token]
    return not any(t.dep_ == "nsubj" and t.i > cue.i for t in cue.children)


def _outer_key(c: Candidate, cue_starts: list[int]) -> tuple[int, int]:
    """Sort key, outer attributions first: the number of other cues inside the content, then
    the content's length. "said she would dismiss Olsen, a deputy ..." (trimmed at the
    appositive) holds the cue "dismiss" and so wins over the stance inside it."""
    inner = sum(bisect.bisect_left(cue_starts, e) - bisect.bisect_left(cue_starts, s) for s, e in c.parts)
    return -inner, -sum(e - s for s, e in c.parts)


def find_indirect(ctx: QuoteContext, taken: list[Candidate], *, broad: bool = False) -> list[Candidate]:
    """Return indirect and mixed candidates that don't collide with ``taken`` (direct) quotes.

    Without ``broad``, attitudes count only when they are precise: the infinitive or
    prepositional content of a named actor ("Cruz wants to run"), raising verbs ("is expected
    to win"), evidence objects ("the poll showed a tie") and polls in an "in" phrase. With
    ``broad``, every attitude counts, as PolNeAR annotates them ("opposed the deal").

    >>> from dateline.parse import load_nlp
    >>> ctx = QuoteContext.build(load_nlp()("The mayor warned that the bridge was unsafe."))
    >>> [ctx.text[slice(*c.parts[0])] for c in find_indirect(ctx, [])]
    ['the bridge was unsafe']
    """
    claimed = sorted(p for c in taken for p in c.parts)
    used_cues = {c.cue_token for c in taken if c.cue_token is not None}

    def inside_claim(pos: int) -> bool:
        return any(s <= pos < e for s, e in claimed)

    def blocked(pos: int) -> bool:
        return inside_claim(pos) or ctx.quoted_at(pos) is not None

    headline = _headline_candidate(ctx, broad)
    cands = (([headline] if headline is not None else []) + _verb_candidates(ctx, blocked, broad)
             + _according_candidates(ctx, blocked) + nominal.find_nominal(ctx, blocked, broad)
             + _in_source_candidates(ctx, blocked))
    cands = [c for c in cands if c.cue_token not in used_cues or _shares_cue(ctx, c)]
    # one token, one attribution: prefer outer (longer) contents, drop overlaps with direct quotes
    cue_starts = sorted(c.cue[0] for c in cands if c.cue is not None)
    cands.sort(key=lambda c: _outer_key(c, cue_starts))
    accepted: list[Candidate] = []
    occupied = list(claimed)
    for c in cands:
        if c.cue is not None and any(s <= c.cue[0] < e for s, e in occupied):
            continue
        if any(s < pe and ps < e for ps, pe in c.parts for s, e in occupied):
            continue
        accepted.append(c)
        occupied.extend(c.parts)
        if c.cue is not None:
            occupied.append(c.cue)
    return accepted
