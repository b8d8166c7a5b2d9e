"""Attribute direct quotes: find the cue and speaker around each quoted span.

For each quoted span that is not a nickname or scare quote, look for a cue in the clause right
after the closing mark ("...," Hegseth said / said Hill) and in the clause right before the
opening mark (Hegseth said: "..." / He told reporters, "..."); verbless forms are a colon
introduction ("Hegseth: ...") and a dash signature ("..." — Hegseth). Following quotes in the
same paragraph that carry no cue of their own join as further parts ("X," he said. "Y.") and
multi-paragraph quotes arrive from `marks` as one span. A paragraph-long quote with no cue
inherits the speaker of a direct quote in the paragraph just before; otherwise it is kept
with no speaker and a low confidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Token

from dateline.quotes.context import Candidate, QuoteContext, trim_span
from dateline.quotes.marks import DASHES, QuotedSpan, find_quoted_spans
from dateline.quotes.speaker import head_span, mention_span, resolve_relative, subject_of
from dateline.types import Span

_STOP = {".", "!", "?", ";"}
_ZONE = 30
_SPEECH_END = set(",?!\u2014\u2013-\u2026:")
_NOUNISH = ("PROPN", "PRON", "NOUN")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Where a direct quote's cue and speaker were found."""

    cue: Span | None
    speaker: Token | None
    confidence: float
    cue_token: int | None = None
    where: str = "after"


def _para_bounds(text: str, pos: int) -> Span:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _zone_after(ctx: QuoteContext, q: QuotedSpan, stop_at: int) -> tuple[list[Token], bool]:
    """Tokens after the closing mark up to the clause end; True if stopped by the next quote."""
    tok = ctx.token_at(q.end)
    out: list[Token] = []
    if tok is None or tok.idx < q.end - 1:
        return out, False
    i = tok.i
    while i < len(ctx.doc) and len(out) < _ZONE:
        t = ctx.doc[i]
        if t.idx >= stop_at:
            return out, True
        if "\n" in t.text:
            break
        if ctx.in_quote(t):
            return out, True
        out.append(t)
        if t.text in _STOP:
            break
        i += 1
    return out, False


def _zone_before(ctx: QuoteContext, q: QuotedSpan, floor: int) -> list[Token]:
    """Tokens from the start of the clause before the opening mark (text order)."""
    tok = ctx.token_at(q.start)
    out: list[Token] = []
    if tok is None:
        return out
    i = tok.i - 1
    while i >= 0 and len(out) < _ZONE:
        t = ctx.doc[i]
        if t.idx + len(t.text) <= floor or "\n" in t.text or t.text in _STOP or ctx.in_quote(t):
            break
        out.append(t)
        i -= 1
    out.reverse()
    return out


def _cue_span(ctx: QuoteContext, verb: Token) -> Span:
    end = verb.idx + len(verb.text)
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == verb.i + 1 and (verb.lemma_.lower(), child.lower_) in ctx.lex.particles:
            end = child.idx + len(child.text)
    return verb.idx, end


def _is_cue(ctx: QuoteContext, t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in ctx.lex.verbs and not t.lemma_.lower() in ("be", "have")


def _speaker_near(ctx: QuoteContext, cue: Token, zone: list[Token]) -> Token | None:
    subj = subject_of(cue)
    pos = next((k for k, t in enumerate(zone) if t.i == cue.i), None)
    if subj is not None and not ctx.in_quote(subj):
        return subj
    # parse trouble after a quote: take the noun right before or after the cue in the zone
    if pos is None:
        return subj if subj is not None and not ctx.in_quote(subj) else None
    for t in zone[pos + 1:pos + (7 if pos == 0 else 4)]:
        if t.ent_type_ in ("DATE", "TIME"):
            continue  # "said Wednesday"
        if t.dep_ == "pobj":
            continue  # "wrote on Twitter": not who speaks
        if (t.pos_ in ("PROPN", "PRON") or (pos == 0 and t.pos_ == "NOUN")) and not ctx.in_quote(t):
            return _chunk_head(t)  # inverted: "..., said the woman", "..., said former tech executive Lind"
        if t.is_punct:
            break
    if cue.tag_ == "VBG":  # '..., writing "..."', 'by mentioning X and adding "..."': the main verb's subject
        for head in cue.ancestors:
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if head.pos_ in ("VERB", "AUX") and subj is not None:
                return None if ctx.in_quote(subj) or subj.pos_ not in _NOUNISH else subj
    for t in reversed(zone[max(0, pos - 4):pos]):
        if (t.pos_ in _NOUNISH or (t.i == cue.i - 1 and t.pos_ == "ADJ")) and not ctx.in_quote(t):
            described = next((a.head for a in t.ancestors if a.dep_ == "relcl" and a.head.i < t.i), None)
            if described is not None and described.pos_ in _NOUNISH:
                return described  # "an official who spoke to discuss strategy said": the official
            return _chunk_head(t)  # "the editorial read": a noun the tagger took for an adjective
    return None


def _chunk_head(t: Token) -> Token:
    while t.dep_ in ("compound", "flat") and t.head.i != t.i and abs(t.head.i - t.i) <= 3:
        t = t.head
    return t


def _according(ctx: QuoteContext, zone: list[Token]) -> Attribution | None:
    for t in zone:
        if t.lower_ == "according" and t.i + 1 < len(ctx.doc) and ctx.doc[t.i + 1].lower_ == "to":
            to = ctx.doc[t.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None and to.i + 1 < len(ctx.doc):
                obj = _chunk_head(ctx.doc[to.i + 1])
            return Attribution((t.idx, to.idx + len(to.text)), obj, 0.8, None, "according")
    return None


def _reported_clause(ctx: QuoteContext, q: QuotedSpan, before: list[Token], prev_char: str) -> bool:
    """True when the quote opens inside the clausal complement of a cue right before it.

    'Cruz says that "when you live by the pen ..."' or 'said the plan "can't work"': the quote is
    part of reported speech (PolNeAR: one mixed content from after the cue), not a direct quote
    of its own, so a cue after it ("And he added ...") must not take it.
    """
    if prev_char in ":,\n" or not before:
        return False
    first = ctx.token_at(q.parts[0][0]) if q.parts else None
    if first is None:
        return False
    cues = [t for t in before if _is_cue(ctx, t)]
    if not cues:
        return False
    # the last cue, or an earlier one whose clause holds it ('Hill said he wanted "common-sense ..."')
    for cue in reversed(cues):
        comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
        if comp is None or not comp.left_edge.i <= first.i <= comp.right_edge.i:
            continue
        # words between the cue and the mark ("that", a subject) belong to the complement; a quote
        # right after its cue ('Trump declared "I think ..."') stays direct
        between = [t for t in before if t.i > cue.i and not t.is_punct and not t.is_space]
        if between and all(comp.left_edge.i <= t.i for t in between):
            return True
    return False


def _new_statement(ctx: QuoteContext, cue: Token, inner: str) -> bool:
    """True when a cue right after a quote closed by ? or ! opens a sentence of its own about it
    ('...: "What difference does it make?" Her critics cited it as ...'): it has an object."""
    return inner.rstrip()[-1:] in ("?", "!") and any(c.dep_ in ("dobj", "ccomp") and not ctx.in_quote(c)
                                                      for c in cue.children)


def _comma_cue(ctx: QuoteContext, cue: Token, after: list[Token], opens: bool = False) -> bool:
    """True for the sentence's main cue set off by a comma a few words after the quote ('"We are
    happy" about the ruling, said Rosa Diaz'; for a quote that ``opens`` its sentence, the cue's
    subject may carry the comma, and the words before it may run on for a whole zone: '"We are
    happy" about it, Diaz said'): the quote is what it reports."""
    subj = next((c for c in cue.lefts if c.dep_ == "nsubj"), None) if opens else None
    lead = subj.left_edge.i if subj is not None else cue.i  # '"I think ..." than the chief's, Lind said
    return (cue.dep_ == "ROOT" and cue.i - after[0].i <= (_ZONE if opens else 12) and lead > 0 and ctx.doc[lead - 1].text == ","
            and not any(t.text in _STOP for t in after if t.i < cue.i))


def _reports_own_clause(ctx: QuoteContext, cue: Token, new_sentence: bool = False) -> bool:
    """True when a cue after a quote reports a clause of its own to its right, outside any
    quote: a conjoined cue ("... and said it was ...") or, after a quote that ended its sentence
    with a full stop, the next sentence's cue ("... soft." He says referees are ...)."""
    if not new_sentence and cue.dep_ != "conj" and not any(t.dep_ == "cc" for t in cue.doc[max(0, cue.i - 3):cue.i]):
        return False
    return any(c.dep_ == "ccomp" and c.i > cue.i and not ctx.in_quote(c) for c in cue.children)


def attribute(ctx: QuoteContext, q: QuotedSpan, *, floor: int, stop_at: int) -> Attribution | None:
    """Find the cue and speaker of quoted span ``q``, or None when none is nearby.

    >>> from dateline.parse import load_nlp
    >>> ctx = QuoteContext.build(load_nlp()('"We won," Lind said.'))
    >>> ctx.text[slice(*attribute(ctx, ctx.quoted[0], floor=0, stop_at=len(ctx.text)).cue)]
    'said'
    """
    text = ctx.text
    inner = text[q.parts[-1][0]:q.parts[-1][1]]
    after, stopped = _zone_after(ctx, q, stop_at)
    before = _zone_before(ctx, q, floor)
    prev = text[:q.start].rstrip(" \t\u00a0\u2009\u202f")  # no-break spaces too
    prev_char = prev[-1] if prev else "\n"
    ends_speech = bool(inner) and inner[-1] in _SPEECH_END
    if _reported_clause(ctx, q, before, prev_char):
        return None  # 'Cruz says that "when you ..."': a mixed quote, the indirect finder's
    found_after = None
    # '... "another super Tuesday" and said it was ...': a cue reporting its own clause is not this quote's
    closed_sentence = bool(inner) and inner.rstrip("\"'\u201d\u2019")[-1:] == "."
    # '"it will be hard to win" if he continues to lose': a cue in a clause of condition or time is not the quote's
    cues_after = [t for t in after if _is_cue(ctx, t) and not _reports_own_clause(ctx, t, closed_sentence)
                  and not _circumstance(t)]
    if cues_after and (ends_speech or cues_after[0].i - after[0].i <= 3 or len(after) <= 8
                       or _comma_cue(ctx, cues_after[0], after, opens=prev_char in "\n.!?")):
        cue = cues_after[0]
        if cue.dep_ == "conj" and after[0].lower_ in ("and", "but"):
            # '"...," and donations began to pick up, Hale said': the clause joined to the quote is
            # part of it; the sentence's own cue after the comma reports both
            cue = next((t for t in cues_after[1:] if _comma_cue(ctx, t, after, opens=True)), cue)
        found_after = Attribution(_cue_span(ctx, cue), _speaker_near(ctx, cue, after), 0.9, cue.i, "after")
    elif after and after[0].text and after[0].text[0] in DASHES and len(after) > 1 and after[1].pos_ == "PROPN":
        found_after = Attribution((after[0].idx, after[0].idx + len(after[0].text)), _chunk_head(after[1]), 0.7,
                                  None, "dash")
    elif after and ends_speech:
        # a verb of manner right after the quote ("... !" beamed Hartley), or a cue the tagger
        # took for a noun ("...," the editorial read.)
        verbs = [t for t in after[:5] if t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children)]
        if not verbs:
            verbs = [t for t in after[:5] if t.lemma_.lower() in ctx.lex.speech and t.i + 1 < len(ctx.doc)
                     and ctx.doc[t.i + 1].text in (".", ",", ";")]
        if verbs and (len(after) <= 8 or verbs[0].i - after[0].i <= 1):
            found_after = Attribution(_cue_span(ctx, verbs[0]), _speaker_near(ctx, verbs[0], after), 0.6,
                                      verbs[0].i, "after")
    found_before = None
    cues_before = [t for t in before if _is_cue(ctx, t)]
    if cues_before:
        # 'she told the mayors who gathered there, "..."': a cue describing a noun is not the one
        cue = next((t for t in reversed(cues_before) if not _modifier_clause(t)), cues_before[-1])
        gap = before[-1].i - cue.i
        verb_between = any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[cue.i + 1:before[-1].i + 1])
        if (prev_char in ":," or gap <= 4) and not (verb_between and prev_char not in ":,"):
            # 'saying the states were "turning ..."': the quote ends a reported clause (mixed, not direct)
            found_before = Attribution(_cue_span(ctx, cue), _speaker_near(ctx, cue, before), 0.85, cue.i, "before")
    if found_before is None:
        acc = _according(ctx, before)
        if acc is not None and prev_char in ",:":
            found_before = acc
    if found_before is None and prev_char == ":" and before:
        found_before = _colon_clause(ctx, before)
    elif found_before is None and prev_char == "," and before and inner[:1].isupper():
        # 'Grandi reacted skeptically to the deal, "I am concerned ..."': a clause and a comma
        clause = _colon_clause(ctx, before, verb_only=True)
        found_before = replace(clause, where="before") if clause is not None else None
    if found_before is not None and prev_char not in ":," and found_before.where == "before":
        nxt = text[q.end:q.end + 3].lstrip(" \t")
        if nxt[:1].isalnum():  # 'said she "isn't going to" do it': a fragment inside reported speech
            found_before = None
    # 'Trump asserted that ...: "France is no longer France," he claimed.': a cue right after a
    # quote ending in speech punctuation is its own, even after a colon introduction
    tight_after = (found_after is not None and found_after.where == "after" and ends_speech
                   and found_after.cue_token is not None and after and found_after.cue_token - after[0].i <= 2
                   and not _new_statement(ctx, ctx.doc[found_after.cue_token], inner))
    if found_before is not None and ((prev_char == ":" and not tight_after) or found_after is None):
        return found_before
    if (found_before is not None and found_after is not None and stopped and found_after.cue_token is not None
            and after[-1].i == found_after.cue_token + 1 and after[-1].text in (",", ":")
            and _opens_next(ctx, ctx.doc[found_after.cue_token], after, inner)):
        # 'One sign read, "Go slow," and another said, "Stop."': the cue after introduces the next quote
        return found_before
    if (found_before is not None and found_after is not None and found_after.cue_token is not None
            and _reports_own_clause(ctx, ctx.doc[found_after.cue_token], True)):
        return found_before  # 'Lind, citing "the magic of it," said the race was close': "said" has its own clause
    if (found_before is not None and found_before.where == "before" and prev_char == ","
            and not tight_after):
        return found_before  # 'Lind said, "We won." The mayor then recalled ...': the next sentence's cue is not its own
    if (found_before is not None and found_before.where == "before" and prev_char in ",:" and found_after is not None
            and found_after.cue_token is not None and ctx.doc[found_after.cue_token].tag_ == "VBG"):
        return found_before  # 'Lind said, "We won," promising more': a participle aside of the cue before
    if found_after is not None:
        return found_after
    return found_before


def _opens_next(ctx: QuoteContext, cue: Token, after: list[Token], inner: str) -> bool:
    """True when the cue after a quote that already has a cue before it opens a new statement
    with the next quote: a gerund ('..., adding, "..."'), a cue joined by a conjunction ('and
    another said, "..."') or the answer to a quoted question ('"...?" He answered, "..."')."""
    return (cue.tag_ == "VBG" or any(t.dep_ == "cc" and t.i < cue.i for t in after)
            or inner.rstrip()[-1:] == "?")


def _colon_clause(ctx: QuoteContext, before: list[Token], *, verb_only: bool = False) -> Attribution | None:
    """The clause ending in the colon right before a quote introduces it.

    With a verb of its own, its subject speaks ("As Ridge put it:", "McConnell delivered a
    blunt message:", "A footnote makes that clear:"); verbless, the last noun before the colon
    ("Hegseth:", "His answer:", "... - More from Jones:").
    """
    colon = before[-1]
    words = before[:-1]
    dash = max((k for k, t in enumerate(words) if t.text in DASHES or t.text == "-"), default=None)
    if dash is not None:  # "The race tightened - Philip Bump:": the name after the dash
        words = words[dash + 1:]
    verb = next((t for t in reversed(words) if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
                 and not _modifier_clause(t)), None)
    if verb is not None:
        subj = subject_of(verb)
        if subj is None or ctx.in_quote(subj) or subj.i > colon.i or subj.lower_ in ("it", "there"):
            return None  # "But it may have an impact:": no one speaks
        return Attribution(_cue_span(ctx, verb), subj, 0.6, verb.i, "colon")
    head = next((t for t in reversed(words) if t.pos_ in ("PROPN", "PRON", "NOUN")), None)
    if head is None or len(words) > 5 or verb_only:
        return None
    return Attribution((colon.idx, colon.idx + 1), _chunk_head(head), 0.6, None, "colon")


def find_direct(ctx: QuoteContext) -> tuple[list[Candidate], set[int]]:
    """Return direct-quote candidates and the indices (into ``ctx.quoted``) they used.

    >>> from dateline.parse import load_nlp
    >>> cands, used = find_direct(QuoteContext.build(load_nlp()('"We tried," she said. "It failed."')))
    >>> len(cands), len(cands[0].parts), sorted(used)
    (1, 2, [0, 1])
    """
    text = ctx.text
    quoted = ctx.quoted
    used: set[int] = set()
    out: list[Candidate] = []
    last_para_speaker: tuple[int, Candidate] | None = None
    for n, q in enumerate(quoted):
        if n in used or not q.parts:
            continue
        if (_is_title(text, q) and not _said_right_before(ctx, q)) or _title_apposition(ctx, q):
            continue  # 'told "Fox and Friends"', 'on NBC's "Meet the Press."': a name, not words said
        if q.embedded:
            cand = _quoted_object(ctx, q)
            if cand is not None:
                used.add(n)
                out.append(cand)
                continue
            if not text[q.parts[-1][0]:q.parts[-1][1]].endswith(","):
                continue
        pstart, pend = _para_bounds(text, q.start)
        floor = quoted[n - 1].end if n > 0 and quoted[n - 1].end > pstart else pstart
        nxt = quoted[n + 1] if n + 1 < len(quoted) else None
        stop_at = nxt.start if nxt is not None else len(text)
        att = attribute(ctx, q, floor=floor, stop_at=stop_at)
        parts = list(q.parts)
        members = [n]
        prev_text = text[pstart:q.start].strip()
        starts_clause = not prev_text or prev_text[-1] in ".!?:\u201d\"" or prev_text.endswith(("\u2014", "--"))
        if starts_clause and n > 0 and _listed_after(text, quoted[n - 1], q):
            starts_clause = False  # 'named "Veep," "Fargo" and ...': an item of a list, not a statement
        if att is None and not starts_clause:
            continue  # a quoted fragment in running text: left to the indirect finder (mixed)
        outer_lead = None
        if att is not None and att.where in ("before", "colon") and prev_text.endswith(":"):
            # 'she said she recalls ..., even admonishing the client: "..."': the earlier cue reports it all
            att, outer_lead = _outer_report(ctx, att, q.start)
        if att is None and q.kind == "dash":
            continue  # '— Carol Lee of the Journal, winner of ...': a list item in news, not dialogue
        # later quotes in the same paragraph with no cue of their own join as further parts
        k = n + 1
        end_of_last = q.end
        while k < len(quoted) and att is not None:
            q2 = quoted[k]
            p2 = _para_bounds(text, q2.start)
            if p2[0] != _para_bounds(text, end_of_last - 1)[0]:
                break
            between = text[end_of_last:q2.start]
            # 'chanted "Close the mill," and "Save our jobs."': a second quote joined by "and" / "or"
            conj = _CONJ_ONLY.match(between) is not None and text[parts[-1][0]:parts[-1][1]].endswith(",")
            if conj and not _is_title(text, q2):
                parts.extend(q2.parts)
                members.append(k)
                end_of_last = q2.end
                k += 1
                continue
            if q2.embedded or (_is_title(text, q2) and not _said_right_before(ctx, q2)):
                k += 1  # 'said on ABC's "This Week." "..."': a show's name inside the attribution
                continue
            if att.where in ("before", "colon", "according") and between.strip(" ,.;:\u2014\u2013"):
                break
            # '"X," said Hale, an engineer. Now, "Y."': a short opener of the next quoted sentence
            lead2 = _next_lead(ctx, between, end_of_last, att, q2) if att.where == "after" else None
            # '"X," he said, but "y."': the attribution and a conjunction carrying the sentence on
            plain = _CONJ_TAIL.sub(",", between) if att.where == "after" else between
            if lead2 is None and att.where in ("after", "dash") and not _only_attribution(ctx, plain, end_of_last, att):
                break
            # '"X," Lind said, noting she had won. "Y."': a gerund aside before a new quoted sentence
            fresh = between.rstrip()[-1:] == "." and text[q2.parts[0][0]:q2.parts[0][0] + 1].isupper()
            if _other_cue(ctx, end_of_last, q2.start, att, gerunds=fresh) or _introduces(ctx, end_of_last, q2.start, att):
                break  # "..., he said. Then he predicted: "..."" or "..., he said, adding that ...": a cue of its own
            f2 = quoted[k + 1].start if k + 1 < len(quoted) else len(text)
            own, stopped = _zone_after(ctx, q2, f2)
            if any(_is_cue(ctx, t) for t in own) and not (len(own) <= 1) and not _closed_sentence(ctx, q2, own):
                break
            if lead2 is not None:
                parts.append((lead2, q2.parts[0][1]))
                parts.extend(q2.parts[1:])
            else:
                parts.extend(q2.parts)
            members.append(k)
            end_of_last = q2.end
            k += 1
        words = len(text[parts[0][0]:parts[-1][1]].split())
        if att is None:
            if words < 3:
                continue
            intro = _colon_intro(ctx, pstart)
            sign = _signature_below(ctx, pstart, parts) if intro is None else None
            if sign is not None:
                cand = Candidate("direct", tuple(parts), sign[0], sign[1], sign[2], 0.6)
            elif intro is not None:
                spk, head = _speaker_spans(ctx, intro.speaker, parts)
                cand = Candidate("direct", tuple(parts), intro.cue, spk, head, 0.7 if spk else 0.3, intro.cue_token)
            elif prev_text and (near := _previous_subject(ctx, q.start, floor=pstart)) is not None:
                # 'Lind agreed. "The plan is dead."': the sentence before, in the same paragraph
                spk, head = _speaker_spans(ctx, near, parts)
                cand = Candidate("direct", tuple(parts), None, spk, head, 0.4 if spk else 0.2)
            elif last_para_speaker is not None and last_para_speaker[0] >= _prev_para_start(text, pstart):
                prev = last_para_speaker[1]
                if out and out[-1] is prev and _whole_paragraph(text, pstart, parts):
                    # a quote paragraph right after an attributed quote continues it (one quote, more parts)
                    out[-1] = replace(prev, parts=prev.parts + tuple(parts))
                    used.update(members)
                    last_para_speaker = (pstart, out[-1])
                    continue
                cand = Candidate("direct", tuple(parts), None, prev.speaker, prev.speaker_head, 0.5)
            elif (near := _previous_subject(ctx, pstart)) is not None:
                spk, head = _speaker_spans(ctx, near, parts)
                cand = Candidate("direct", tuple(parts), None, spk, head, 0.35 if spk else 0.2)
            else:
                cand = Candidate("direct", tuple(parts), None, None, None, 0.2)
            last_para_speaker = (pstart, cand) if cand.speaker is not None else None
        else:
            kind = "direct"
            if outer_lead is not None:
                parts[0] = (outer_lead, parts[0][1])
                kind = "mixed"
            elif att.where == "after" and not starts_clause:
                lead = _lead_in(text, max(_statement_floor(quoted, n, floor) if q.embedded else floor, pstart), q.start)
                if lead is not None and _bare_lead(ctx, lead, q.start, q, att.speaker):  # 'The club ''is a perfect example,'' he said': one mixed content
                    parts[0] = (lead, parts[0][1])
                    kind = "mixed"
            elif att.where == "before" and (aside := _aside_lead(ctx, att, q.start)) is not None:
                parts.insert(0, aside)  # 'The plan, she said, "will not work."': the sentence's opening words
                kind = "mixed"
            elif att.where == "before" and (lead := _reported_lead(ctx, att.cue, q.start)) is not None:
                parts[0] = (lead, parts[0][1])  # 'said that after 44 presidents, "It's time."': one mixed content
                kind = "mixed"
            if att.where == "after" and len(members) == 1 and (tail := _bare_tail(ctx, q, att)) is not None:
                parts[-1] = (parts[-1][0], tail)  # '"Boots on the ground" would work, Hale said': one content
                kind = "mixed"
            if q.embedded and (kind != "mixed" or len(members) == 1
                               or text[q.end:quoted[members[1]].start].rstrip()[-1:] != "."):
                continue  # a short quote is a statement only as the end of a clause a later quote goes on
            spk, head = _speaker_spans(ctx, att.speaker, parts)
            if spk is None and out and _gerund_goes_on(ctx, att, out[-1], pstart):
                spk, head = out[-1].speaker, out[-1].speaker_head  # '"X," she said, adding, "Y."'
            conf = att.confidence if spk is not None else 0.3
            cand = Candidate(kind, tuple(parts), att.cue, spk, head, conf, att.cue_token)
            last_para_speaker = (pstart, cand) if spk is not None else None
        used.update(members)
        out.append(cand)
    return out, used


_CONJ_ONLY = re.compile(r"\s*,?\s*(?:and|or)\s*$")
_CONJ_TAIL = re.compile(r",?\s+(?:and|but)\s*$")
_OBJECT_DEPS = ("dobj", "ccomp", "xcomp", "oprd", "attr")


def _quoted_object(ctx: QuoteContext, q: QuotedSpan) -> Candidate | None:
    """A short quote that is exactly what a speech verb says: 'he said "The Hispanics"'."""
    start, end = q.parts[0]
    first, last = ctx.token_at(start), ctx.token_at(end - 1)
    if first is None or last is None or first.i > last.i:
        return None
    span = ctx.doc[first.i:last.i + 1]
    head = span.root
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.i != verb.i:
        verb = verb.head  # 'described it as "a disaster"'
    elif head.dep_ not in _OBJECT_DEPS:
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.lex.speech or ctx.in_quote(verb):
        return None
    if _outer_cue(ctx, verb) is not None and not _ends_report(verb):
        return None  # 'Kasich says he'd tell him "no more nonsense"': a mixed content of "says"
    if head.left_edge.i < first.i or head.right_edge.i > last.i + 1:
        return None  # the quote is only part of the object: a mixed quote, left to the indirect finder
    part, kind = q.parts[0], "direct"
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < first.i), None)
    if obj is not None and head.dep_ != "dobj" and not ctx.in_quote(obj):
        gap = [t for t in ctx.doc[verb.i + 1:first.i] if not (t.is_punct or t.is_space)]
        if gap and _object_lead(ctx, verb, gap, q.start):
            part, kind = (obj.left_edge.idx, end), "mixed"  # 'called the plan "a disaster"'
    spk, spk_head = _speaker_spans(ctx, subject_of(verb), [part])
    return Candidate(kind, (part,), _cue_span(ctx, verb), spk, spk_head, 0.6 if spk else 0.3, verb.i)


def _statement_floor(quoted: list[QuotedSpan], n: int, floor: int) -> int:
    """Where the words before quote ``n`` may start: after the last quote before it that is not a
    short embedded one ('The plan was a "good thing" that yielded "fine results," he said': the
    sentence opens before "good thing")."""
    k = n - 1
    while k >= 0 and quoted[k].embedded and quoted[k].end == floor:
        floor = quoted[k - 1].end if k > 0 else 0
        k -= 1
    return floor


def _ends_report(verb: Token) -> bool:
    """A speech verb conjoined without a subject of its own ("saying X and calling him "...""):
    the outer report's content ends before it (`indirect._content`), so its quote is its own."""
    return verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _outer_report(ctx: QuoteContext, att: Attribution, start: int) -> tuple[Attribution, int | None]:
    """The earlier cue whose clausal complement holds the colon clause ``att`` found before the
    quote at ``start``, as an attribution, and the start of that complement (after "that"); or
    ``att`` and None when there is no such cue."""
    found = _outer_cue(ctx, ctx.doc[att.cue_token]) if att.cue_token is not None else None
    if found is None:
        return att, None
    tok, child = found
    first = child.left_edge
    while first.i < child.i and (first.dep_ == "mark" or first.is_punct):
        first = ctx.doc[first.i + 1]
    if first.idx <= tok.idx or first.idx >= start:
        return att, None
    speaker = subject_of(tok)
    if speaker is None or ctx.in_quote(speaker):
        return att, None
    return Attribution(_cue_span(ctx, tok), speaker, 0.85, tok.i, "before"), first.idx


def _outer_cue(ctx: QuoteContext, verb: Token) -> tuple[Token, Token] | None:
    """The earlier cue verb outside any quote in whose clausal complement ``verb`` sits, however
    deep ('Lind says he would tell them "..."', 'Lind said they met to discuss what he called
    "..."'), with the head of that complement; or None. What ``verb`` says is part of that report."""
    tok = verb
    for _ in range(10):
        if tok.head.i == tok.i:
            return None
        child, tok = tok, tok.head
        if child.dep_ in ("ccomp", "xcomp") and _is_cue(ctx, tok) and not ctx.in_quote(tok) and tok.i < verb.i:
            return tok, child
    return None


_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?\s+")


def _lead_in(text: str, floor: int, start: int) -> int | None:
    """Start of the words that open the sentence of a quote beginning mid-sentence, or None.

    >>> _lead_in('Yes. The club "is a model," he said.', 0, 14)
    5
    """
    seg = text[floor:start]
    last = None
    for m in _SENTENCE_END.finditer(seg):
        last = m
    begin = floor + (last.end() if last else 0)
    while begin < start and text[begin].isspace():
        begin += 1
    lead = text[begin:start]
    if len(lead.split()) < 2 or not any(ch.isalpha() for ch in lead):
        return None
    return begin


def _reported_lead(ctx: QuoteContext, cue: Span | None, start: int) -> int | None:
    """Start of a reported clause that runs from the cue into a quote of the same sentence
    ("said that, because the polls are close, "every vote counts""; any words after "that"), or
    None when only the cue's own words stand between them ("told reporters: "..."").

    >>> from dateline.parse import load_nlp
    >>> t = 'She said that as the polls are close "every vote counts."'
    >>> _reported_lead(QuoteContext.build(load_nlp()(t)), (4, 8), t.index('"'))
    14
    """
    if cue is None:
        return None
    last, first = ctx.token_at(cue[1] - 1), ctx.token_at(start)
    if last is None or first is None or last.sent.start != first.sent.start or last.i >= first.i:
        return None
    gap = [t for t in ctx.doc[last.i + 1:first.i] if not (t.is_punct or t.is_space)]
    that = bool(gap) and gap[0].lower_ == "that"
    if that:
        gap = gap[1:]
    if that and gap:
        return gap[0].idx  # 'added that after taxes, "they weren't living large"': a reported clause
    if gap and _object_lead(ctx, last, gap, start):
        return gap[0].idx  # 'called the plan "a disaster"': the object and what it is called
    if len(gap) < 2 or not any(t.dep_ in ("mark", "nsubj", "nsubjpass") or (
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "compound")) for t in gap):
        return None  # 'told the Gazette in a written statement, "..."': the cue's own words
    return gap[0].idx


def _object_lead(ctx: QuoteContext, cue: Token, gap: list[Token], start: int) -> bool:
    """True when the words between a cue and a quote are the cue's object and the quote says what
    it is called or described as ('called the system "rotten"', 'described it as "a mess"')."""
    prev = ctx.text[:start].rstrip()
    if not prev or not prev[-1].isalnum():
        return False  # 'told reporters, "..."': a comma or colon introduces the quote itself
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None or obj.left_edge.i != gap[0].i:
        return False
    first = ctx.token_at(start + 1) or ctx.token_at(start)
    if first is None:
        return False
    head = first
    while head.head.i != head.i and head.head.i != cue.i and not head.i == obj.i:
        head = head.head
    return head.head.i == cue.i and (head.dep_ in ("oprd", "xcomp", "ccomp") or head.lower_ == "as")


def _bare_lead(ctx: QuoteContext, start: int, end: int, q: QuotedSpan | None = None,
               speaker: Token | None = None) -> bool:
    """True when the words before a quote continue into it with no cue or comma of their own
    ("The club ''is a model''"), unlike "Kasich cautioned ''...''" or "he said, ''...''".

    A comma may end the words when the quote is a clause and they hold no speaker ('After the
    vote, "we will regroup," Lind said'; not 'His book, "Fire and Ice," ...', a title). A cue
    verb among them rules them out only when the quote may be its complement: one whose clause
    ends before a lower-case quote is scene-setting ('When Lind spoke, he "lost the room," ...').
    """
    before = ctx.text[start:end].rstrip()
    if not before:
        return False
    if before[-1] == ",":
        if not (_subject_before(ctx, start, end) or _clause_after_comma(ctx, start, end, q, speaker)):
            return False
    elif not before[-1].isalnum():
        return False
    tok = ctx.token_at(start)
    first = ctx.token_at(q.parts[0][0]) if q is not None and q.parts else None
    while tok is not None and tok.idx < end:
        if tok.lemma_.lower() in ctx.lex.all_verbs and tok.pos_ in ("VERB", "AUX"):
            if first is None or not first.text[:1].islower() or tok.right_edge.i >= first.i - 1:
                return False
        tok = tok.nbor() if tok.i + 1 < len(ctx.doc) else None
    return True


def _clause_after_comma(ctx: QuoteContext, start: int, end: int, q: QuotedSpan | None,
                        speaker: Token | None) -> bool:
    """True when quote ``q`` after the comma-ended words ``[start, end)`` is a clause of its own
    (it holds a verb) and the speaker is not among those words: an opening phrase of the quoted
    sentence ('In past campaigns, "we felt ...," he said')."""
    if q is None or not q.parts or (speaker is not None and start <= speaker.idx < end):
        return False
    tok, last = ctx.token_at(q.parts[0][0]), ctx.token_at(q.parts[0][1] - 1)
    if tok is None or last is None or not tok.text[:1].islower():
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[tok.i:last.i + 1])


def _bare_tail(ctx: QuoteContext, q: QuotedSpan, att: Attribution) -> int | None:
    """End of the words that carry a quote's clause on to its attribution, or None.

    '"Boots on the ground" would be wise, Hale said': the quote is the subject of "would be wise"
    and the cue comes after a comma; the content runs to that comma.
    """
    text = ctx.text
    if att.cue_token is None or q.end >= len(text) or not text[q.end:q.end + 2].lstrip(" ")[:1].isalnum():
        return None
    cue = ctx.doc[att.cue_token]
    first = ctx.token_at(q.end)
    if first is None or first.idx < q.end:
        first = ctx.token_at(q.end + 1)
    if first is None or cue.i <= first.i:
        return None
    left = cue.i
    if att.speaker is not None and att.speaker.i < cue.i:
        left = min(left, att.speaker.left_edge.i)
    comma = ctx.doc[left - 1] if left > first.i else None
    if comma is None or comma.text != ",":
        return None
    words = ctx.doc[first.i:comma.i]
    if any(t.text in _STOP or ctx.in_quote(t) or "\n" in t.text for t in words):
        return None
    inner = text[q.parts[-1][0]:q.parts[-1][1]].rstrip("\"'\u201d\u2019 ")
    if inner[-1:] in (".", "?", "!"):
        return None  # '... the first move." Compaq said': the quote closed its sentence
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.left_edge.i <= comma.i and first.i <= c.right_edge.i for c in subjects):
        return None  # '"...," Ramos, 58, said': the words are the speaker
    if any(t.dep_ == "appos" or t.ent_type_ == "PERSON" for t in words):
        return None  # '"...," Mia Hale, a doctor, said'
    return trim_span(text, first.idx, comma.idx)[1]


def _aside_lead(ctx: QuoteContext, att: Attribution, start: int) -> Span | None:
    """The words opening a sentence before an attribution set off by commas right before the quote,
    when they are the quote's subject ('The plan, she said, "will not work."') or its topic ('Of the
    delay, she said, "It is a shame."'), or None."""
    if att.cue_token is None or not ctx.text[:start].rstrip().endswith(","):
        return None
    cue = ctx.doc[att.cue_token]
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)
    left = subj.left_edge.i if subj is not None else cue.i
    if left == 0 or ctx.doc[left - 1].text != ",":
        return None
    comma = ctx.doc[left - 1]
    begin = comma
    while begin.i > 0:
        prev = ctx.doc[begin.i - 1]
        if prev.text in _STOP or "\n" in prev.text or ctx.in_quote(prev) or prev.text in ("\"", "\u201d", "''"):
            break
        begin = prev
    words = [t for t in ctx.doc[begin.i:comma.i] if not t.is_punct]
    if len(words) < 2 or not begin.is_sent_start:
        return None
    if begin.lower_ not in ("of", "about") and not _subject_before(ctx, begin.idx, comma.idx, start):
        return None  # 'Of the delay, she said, "..."': what the quote is about belongs to it
    return trim_span(ctx.text, begin.idx, comma.idx)


def _next_lead(ctx: QuoteContext, between: str, start: int, att: Attribution, q2: QuotedSpan) -> int | None:
    """Start of a short opener ('Now,', 'In Europe, by contrast,') of the next quoted sentence when
    the rest of ``between`` is only the attribution, or None."""
    end = len(between.rstrip())
    if not between[:end].endswith(","):
        return None
    cut = max(between.rfind(". ", 0, end), between.rfind(".\u00a0", 0, end))
    if cut < 0:
        return None
    lead = between[cut + 1:end]
    if not 1 <= len(lead.split()) <= 6 or not lead.strip()[:1].isupper():
        return None
    if not _only_attribution(ctx, between[:cut + 2], start, att):
        return None
    first = ctx.token_at(q2.parts[0][0])
    if first is None or first.text[:1].isupper():
        return None
    tok = ctx.token_at(start + cut + 1) or ctx.token_at(start + cut + 2)
    while tok is not None and tok.idx < start + end:
        if tok.pos_ in ("VERB", "AUX"):
            return None  # 'He also said, "..."': a clause of its own
        tok = tok.nbor() if tok.i + 1 < len(ctx.doc) else None
    return start + len(between) - len(between[cut + 1:].lstrip())


def _subject_before(ctx: QuoteContext, start: int, end: int, quote: int | None = None) -> bool:
    """True when the quote at ``quote`` (default ``end``) opens with a lower-case verb whose subject
    stands in ``[start, end)`` ('The party, attended by hundreds, "allows us to ..."'): one clause."""
    j = end if quote is None else quote
    while j < len(ctx.text) and not ctx.text[j].isalnum():
        j += 1
    first = ctx.token_at(j)
    if first is None or not first.text[:1].islower():
        return False
    verb = first if first.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return False
    if verb.dep_ in ("aux", "auxpass"):
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and start <= subj.idx < end


_TITLE_WORD = re.compile(r"[\w'\u2019-]+")
_ARTICLES = frozenset(("a", "an", "the"))
_MINOR = frozenset("a an the and or of to in on at for by with from as vs".split())


def _is_title(text: str, q, *, after_comma: bool = False) -> bool:
    """True for a quoted title of a work or show: up to six words, every major word capitalised,
    no sentence inside, and a word (not a clause boundary) right before it; with ``after_comma``,
    a comma right before it instead (checked by `_title_apposition`).

    >>> _is_title('He told "Fox and Friends," later.', find_quoted_spans('He told "Fox and Friends," later.')[0])
    True
    """
    if len(q.parts) != 1:
        return False
    inner = text[q.parts[0][0]:q.parts[0][1]].rstrip(".,")
    words = _TITLE_WORD.findall(inner)
    if not 1 <= len(words) <= 6 or any(ch in inner for ch in ".!?;:"):
        return False
    if not all(w[0].isupper() or w.lower() in _MINOR or w[0].isdigit() for w in words) \
            or (words[0].lower() in _MINOR and not (words[0][0].isupper() and words[0].lower() in _ARTICLES)):
        return False
    if inner.isupper():
        return False  # "DIVISIVE, STUPID AND WRONG": shouted, not a title
    before = text[:q.start].rstrip()
    return bool(before) and (before[-1] == "," if after_comma else before[-1].isalnum())


def _title_apposition(ctx: QuoteContext, q) -> bool:
    """True for a title set off by a comma after the noun it names ('his memoir, "Open Roads," sold
    well'; 'One ad, "Fresh Start," shows ...'), unlike words said to someone ('told reporters, "No Way."').

    >>> from dateline.parse import load_nlp
    >>> ctx = QuoteContext.build(load_nlp()('Her memoir, "Open Roads," sold well.'))
    >>> _title_apposition(ctx, ctx.quoted[0])
    True
    """
    if not _is_title(ctx.text, q, after_comma=True):
        return False
    tok = ctx.token_at(q.start)
    if tok is None or tok.i < 2:
        return False
    noun = ctx.doc[tok.i - 2] if ctx.doc[tok.i - 1].text == "," else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("PERSON", "NORP"):
        return False
    if noun.lower_.endswith("ing"):
        return False  # 'a hat reading, "Make It Great"': a verb the tagger took for a noun
    return not (noun.dep_ in ("dobj", "dative", "pobj") and noun.head.lemma_.lower() in ctx.lex.speech)


def _said_right_before(ctx: QuoteContext, q) -> bool:
    """True when a speech verb other than "tell" stands right before the quote ('chanting "Dump
    Trump"', 'a sign that read "Hispanics 4 Trump"', 'wrote in "Ralph Nader"')."""
    tok = ctx.token_at(q.start)
    if tok is None:
        return False
    for t in ctx.doc[max(0, tok.i - 3):tok.i]:
        if t.lemma_.lower() in ctx.lex.speech and t.lemma_.lower() not in ("tell", "ask") and t.pos_ == "VERB":
            return True
    return False


def _gerund_goes_on(ctx: QuoteContext, att: Attribution, prev: Candidate, pstart: int) -> bool:
    """True when ``att``'s cue is a bare participle ('adding', 'calling') that continues the
    statement of ``prev``, a quote with a speaker earlier in the same paragraph."""
    if att.cue_token is None or prev.speaker is None or prev.parts[0][0] < pstart:
        return False
    cue, end = ctx.doc[att.cue_token], ctx.token_at(prev.parts[-1][1])
    if cue.tag_ != "VBG" or end is None or end.i >= cue.i:
        return False
    return not any(t.text in _STOP for t in ctx.doc[end.i:cue.i])


def _introduces(ctx: QuoteContext, start: int, end: int, att: Attribution) -> bool:
    """True when a cue other than ``att``'s ends the words in ``[start, end)`` and introduces the
    quote at ``end`` ('..., Cruz said as the heckler yelled: "..."', '... though he said, "..."')."""
    tok = ctx.token_at(end - 1) or ctx.token_at(end - 2)
    if tok is None or tok.idx < start:
        return False
    tail = ctx.text[start:end].rstrip()
    if tail[-1:] not in (",", ":"):
        return False
    for t in ctx.doc[max(0, tok.i - 3):tok.i + 1]:
        if t.idx >= start and _is_cue(ctx, t) and t.i != att.cue_token:
            return True
    return False


def _listed_after(text: str, prev: QuotedSpan, q: QuotedSpan) -> bool:
    """True when ``q`` follows quote ``prev`` with only a space between and ``prev`` ends in a comma
    inside its marks ('"Veep," "Fargo"'): the next item of a list of quoted names.

    >>> t = 'She named "Veep," "Fargo" and more.'
    >>> _listed_after(t, *find_quoted_spans(t))
    True
    """
    if not prev.parts or text[prev.end:q.start].strip():
        return False
    return text[prev.parts[-1][0]:prev.parts[-1][1]].rstrip().endswith(",")


def _whole_paragraph(text: str, pstart: int, parts: list[Span]) -> bool:
    """True when the quote fills its paragraph (only marks and punctuation around it)."""
    pend = text.find("\n", parts[-1][1])
    pend = len(text) if pend < 0 else pend
    rest = text[parts[-1][1]:pend] + text[pstart:parts[0][0]]
    return not any(ch.isalnum() for ch in rest)


_SIGNATURE = re.compile(r"\n[ \t]*\n?[ \t]*([-\u2013\u2014]) ?([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})[,.]")


def _signature_below(ctx: QuoteContext, pstart: int, parts: list[Span]) -> tuple[Span, Span, Span] | None:
    """Dash, speaker and speaker head of a signature paragraph right under a paragraph-long quote
    ('"... pay zero taxes." / - Sanders.'), or None."""
    text = ctx.text
    if not _whole_paragraph(text, pstart, parts):
        return None
    pend = text.find("\n", parts[-1][1])
    m = _SIGNATURE.match(text, pend) if pend >= 0 else None
    if m is None:
        return None
    names = [t for t in ctx.doc.char_span(*m.span(2), alignment_mode="expand") or () if not t.is_punct]
    if not names or any(t.pos_ != "PROPN" for t in names) or any(t.ent_type_ in ("ORG", "GPE") for t in names):
        return None
    return m.span(1), m.span(2), head_span(names[-1])


def _colon_intro(ctx: QuoteContext, pstart: int) -> Attribution | None:
    """A quote paragraph introduced by the previous paragraph ending in a colon ("Cruz continued:")."""
    text = ctx.text
    j = pstart - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    colon = ctx.token_at(j)
    if colon is None:
        return None
    sent = colon.sent
    cues = [t for t in sent if _is_cue(ctx, t) and not ctx.in_quote(t)]
    verb = cues[-1] if cues else (sent.root if sent.root.pos_ == "VERB" else None)
    if verb is None:
        return None
    subj = subject_of(verb)
    if subj is None or ctx.in_quote(subj):
        return None
    return Attribution(_cue_span(ctx, verb), subj, 0.7, verb.i, "intro")


def _previous_subject(ctx: QuoteContext, pstart: int, *, floor: int = 0) -> Token | None:
    """The person the text before a free-standing quote is about: the subject of the sentence
    ending before ``pstart`` (the previous paragraph's last one, or one in the quote's own
    paragraph when ``floor`` is that paragraph's start)."""
    j = pstart - 1
    while j >= floor and ctx.text[j].isspace():
        j -= 1
    if j < floor:
        return None
    tok = ctx.token_at(j)
    if tok is None or ctx.in_quote(tok):
        return None
    root = tok.sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or ctx.in_quote(subj):
        return None
    if subj.pos_ == "PRON" and subj.lower_ in ("he", "she", "they", "we", "i"):
        return subj
    if subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subj.pos_ == "PROPN" or subj.lemma_.lower() in ctx.lex.people:
        return subj
    return None


def _prev_para_start(text: str, pstart: int) -> int:
    """Start offset of the paragraph before the one starting at ``pstart``."""
    j = pstart - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text.rfind("\n", 0, j + 1) + 1 if j >= 0 else 0


def _other_cue(ctx: QuoteContext, start: int, end: int, att: Attribution, *, gerunds: bool = False) -> bool:
    """True when a cue verb other than ``att``'s sits in ``[start, end)``; with ``gerunds`` (the next
    quote opens a new sentence), a gerund hanging off the cue ("said, noting ...") or a verb deep in
    the attribution ("is quoted as saying") is an aside, not a cue of its own."""
    tok = ctx.token_at(start)
    while tok is not None and tok.idx < end:
        if _is_cue(ctx, tok) and tok.i != att.cue_token and not _modifier_clause(tok) and not _bare_aside(tok, att, gerunds) \
                and not (gerunds and _inside_cue(tok, att)) \
                and not _circumstance(tok):
            return True
        tok = tok.nbor() if tok.i + 1 < len(ctx.doc) else None
    return False


_MODIFIER_DEPS = ("relcl", "acl", "appos", "amod")


def _modifier_clause(tok: Token) -> bool:
    """True when ``tok`` sits in a clause that describes a noun ('a documentary that showed ...',
    'Ms. Lee, who has argued ...'): a description of the speaker or setting, not a new cue."""
    return any(t.dep_ in _MODIFIER_DEPS for t in (tok, *tok.ancestors))


def _closed_sentence(ctx: QuoteContext, q: QuotedSpan, after: list[Token]) -> bool:
    """True when ``q`` ends its sentence inside the marks ('... lose his points.” Reluctantly, Lind
    said he ...') so that the words after it start a new statement rather than attribute it."""
    inner = ctx.text[q.parts[-1][0]:q.parts[-1][1]].rstrip()
    return bool(after) and inner[-1:] in (".", "?", "!") and after[0].is_sent_start and after[0].text[:1].isupper()


def _circumstance(tok: Token) -> bool:
    """True when ``tok`` sits in a clause of time or reason ('said ..., two hours after outlets
    declared him the winner', '... when asked if ...', '... after hinting that ...'): it sets the
    scene of the statement, it does not start a new one."""
    return any((t.dep_ == "advcl" and any((c.dep_ == "mark" and c.lower_ != "that")
                                          or (c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < t.i)
                                          for c in t.children))
               or (t.dep_ == "pcomp" and t.head.lower_ in _SCENE_PREPS)
               for t in (tok, *tok.ancestors))


_SCENE_PREPS = frozenset({"after", "before", "while", "since", "without", "upon", "despite"})


def _inside_cue(tok: Token, att: Attribution) -> bool:
    """True for a verb deep in the attribution clause ('told the AP after hinting that ...', 'is
    quoted as saying') that reports no clause of its own."""
    if att.cue_token is None or (tok.head.i == att.cue_token and tok.dep_ in ("conj", "ccomp")):
        return False
    if not any(a.i == att.cue_token for a in tok.ancestors):
        return False
    return not any(c.dep_ == "ccomp" for c in tok.children)


def _bare_aside(tok: Token, att: Attribution, gerunds: bool = False) -> bool:
    """True for a participle hanging off the cue with no clause of its own ('Hale said, asked about
    the delay.', 'an official said, speaking on condition of anonymity.'): not a new statement."""
    if tok.dep_ != "advcl" or tok.head.i != att.cue_token or tok.tag_ not in ("VBN", "VBG", "VBD"):
        return False
    if gerunds and tok.tag_ == "VBG" and tok.lemma_.lower() not in _ADDING:
        return True  # 'Lind said, noting she would run again. "..."': the gerund describes the statement
    return not any(c.dep_ in ("ccomp", "xcomp", "dobj", "nsubj", "nsubjpass") for c in tok.children)


_ADDING = frozenset({"add"})


def _only_attribution(ctx: QuoteContext, between: str, start: int, att: Attribution) -> bool:
    """True when the text between two quotes is just the attribution clause (", he said. ")."""
    if not between.strip(" ,.;:\u2014\u2013"):
        return True
    if att.cue is None:
        return False
    cue_start, cue_end = att.cue
    if not (start <= cue_start < start + len(between)):
        return False
    tail = between.rstrip().rstrip("'\"\u201d\u2019")  # 'said on ABC's ''This Week.'' ': a title ends it
    if _cue_ends(ctx, between, start, att):
        return True  # '"X," she said "Y."': the stop after the cue is missing
    if tail[-1:] not in {",", ".", ":", ";", "\u2014"} or len(between.split()) > 45:
        return False
    return not _sentence_end_in(ctx, start, start + len(between.rstrip()) - 1) or len(between.split()) <= 12


def _cue_ends(ctx: QuoteContext, between: str, start: int, att: Attribution) -> bool:
    """True when the few words between two quotes end with the cue itself ('"X," she said "Y."')."""
    return att.cue is not None and start + len(between.rstrip()) == att.cue[1] and len(between.split()) <= 6


def _sentence_end_in(ctx: QuoteContext, start: int, end: int) -> bool:
    """True when a sentence ends inside ``[start, end)``: a stand-alone . ! or ? token, not the
    period of an abbreviation ('Lt. Gen. Mick Hale', 'Grand Rapids, Mich.')."""
    tok = ctx.token_at(start)
    while tok is not None and tok.idx < end:
        if tok.text in (".", "!", "?") and tok.idx + 1 < end and tok.dep_ == "punct":
            return True
        tok = tok.nbor() if tok.i + 1 < len(ctx.doc) else None
    return False


def _speaker_spans(ctx: QuoteContext, token: Token | None, parts: list[Span]) -> tuple[Span | None, Span | None]:
    if token is None:
        return None, None
    span = mention_span(token)
    own = head_span(token)
    if ctx.is_excluded(span) or any(s <= own[0] < e for s, e in parts):
        return None, None
    if ctx.quoted_at(own[0]) is not None:
        return None, None
    if any(s < span[1] and span[0] < e for s, e in parts) or ctx.quoted_at(span[0]) is not None:
        span = own  # "the crowd, which": the pronoun alone when its noun is in the quote
    mark = next((k for k in range(*span) if ctx.text[k] in _DOUBLE_MARKS), None)
    if mark is not None and mark > span[0]:  # one token 'S.C.):"I' runs into the quote
        span = trim_span(ctx.text, span[0], mark)
    return span, head_span(resolve_relative(token))


_DOUBLE_MARKS = frozenset('"\u201c\u201d\u00ab\u00bb')
_COLON_MAX = 6
_SPEAKER_ENTS = ("PERSON", "ORG", "NORP", "GPE")
_KICKER_TAGS = ("VBN", "VBD", "UH")


def find_colon_lines(ctx: QuoteContext, taken: list[Candidate]) -> list[Candidate]:
    """Verbless colon attributions: a paragraph opening with a name and a colon.

    Headlines ("Sanders: Clinton Email Story Has Moved") and transcripts ("TAPPER: And ...")
    attribute the rest of the paragraph to the name before the colon.

    >>> from dateline.parse import load_nlp
    >>> ctx = QuoteContext.build(load_nlp()("JOHNSON: We have not decided anything yet."))
    >>> [ctx.text[slice(*c.speaker)] for c in find_colon_lines(ctx, [])]
    ['JOHNSON']
    """
    out = []
    text = ctx.text
    claimed = [p for c in taken for p in c.parts]
    doc = ctx.doc
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        line_start, pos = pos, (len(text) if nl < 0 else nl + 1)
        if ":" not in text[line_start:line_start + 80]:
            continue
        first = ctx.token_at(line_start)
        if first is None or first.idx < line_start:
            continue
        window = doc[first.i:min(len(doc), first.i + _COLON_MAX + 1)]
        colon = next((t for t in window if t.text == ":"), None)
        if colon is None or colon.i == first.i or any("\n" in t.text for t in doc[first.i:colon.i]):
            continue
        head_toks = [t for t in doc[first.i:colon.i] if not t.is_space]
        label = " ".join(t.lower_ for t in head_toks)
        if not head_toks or label in ctx.lex.colon_labels or head_toks[-1].lower_ in ctx.lex.colon_labels:
            continue
        headline = line_start == 0 and len(head_toks) <= 3 and all(t.text[:1].isupper() for t in head_toks)
        if headline and not head_toks[0].text.isupper() and (head_toks[0].tag_ in _KICKER_TAGS or head_toks[0].pos_ == "ADV"):
            continue  # 'Revealed: ...', 'Wow: ...', 'Just Leaked: ...': a teaser word, not a speaker
        if not headline and head_toks[0].pos_ == "DET":
            continue  # 'A reminder: ...', 'Another problem for Sanders: ...': a lead-in, not a speaker
        if not headline and any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in head_toks):
            continue
        if not headline and not any(t.pos_ == "PROPN" or (t.text.isupper() and len(t.text) > 1)
                                    or (t.ent_type_ in _SPEAKER_ENTS and t.text[:1].isupper()) for t in head_toks):
            continue
        pend = text.find("\n", colon.idx)
        pend = len(text) if pend < 0 else pend
        span = trim_span(text, colon.idx + 1, pend, punct=False)
        body = text[span[0]:span[1]]
        if len(body.split()) < (2 if headline or any(t.text.isupper() and len(t.text) > 1 for t in head_toks) else 4):
            continue  # 'Clinton: Keep it' in a list of each side's hopes; transcripts name speakers in capitals
        if body.count(",") >= 5 and 4 * body.count(",") >= len(body.split()):
            continue  # 'Iowa: Tim Albrecht, Brad Anderson, ...': a list of names
        if any(s < span[1] and span[0] < e for s, e in claimed):
            continue
        spk = (head_toks[0].idx, head_toks[-1].idx + len(head_toks[-1].text))
        head = next((t for t in reversed(head_toks) if t.pos_ in ("PROPN", "NOUN") or t.text.isupper()), head_toks[-1])
        if ctx.is_excluded(spk):
            continue
        out.append(Candidate("direct", (span,), (colon.idx, colon.idx + 1), spk, head_span(head), 0.6))
    return out
