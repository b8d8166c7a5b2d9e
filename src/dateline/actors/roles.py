"""Roles from titles and appositives, and actor phrases built from a demonym and a role noun.

- Titles before a name: "U.S. Defense Secretary Pete Hegseth", "Russian Foreign Ministry
  spokeswoman Maria Zakharova", "Ukraine's President Volodymyr Zelensky".
- Appositives: "the country's president at the time, Viktor Yanukovych" and "Maria Zakharova,
  the ministry's spokeswoman," ("the country" resolves to the last country named before it).
- Group phrases: "Russian forces" → RUS/MIL, "the Ukrainian government" → UKR/GOV,
  "pro-Russian secessionists" → REB in the country named around them.
Sector follows the PLOVER sector codes; "former" makes a title ELI (former officials).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.actors.context import Candidate, DocContext, RoleInfo

_POSS = {"'s", "’s"}
_COUNTRY_NOUNS = {"country", "nation"}
_FORMER = {"former", "ousted", "deposed", "exiled", "ex", "late"}
_GROUP_SECTORS = {"REB", "PTY", "OPP", "PRM", "CRM"}
_LEADER_ORGS = {"administration", "government", "cabinet"}
_INDEFINITE = {"a", "an", "another", "one"}
_NOT_NP_START = {"SCONJ", "ADP", "ADV", "CCONJ", "VERB", "AUX", "PUNCT", "PART"}
_NAME_KINDS = {"COUNTRY", "DEMONYM", "ORG", "IGO", "GROUP", "CAPITAL"}


def _role_noun(ctx: DocContext, doc: Doc, i: int):
    """The role noun ending at token i (two-word nouns first: "prime minister"), or None."""
    roles = ctx.lex.roles
    if i > 0:
        two = f"{doc[i - 1].lower_} {doc[i].lower_}"
        if two in roles:
            return roles[two]
    return roles.get(doc[i].lower_) or roles.get(doc[i].lemma_.lower())


def describe_title(ctx: DocContext, start: int, end: int, owner: dict[int, Candidate]) -> RoleInfo:
    """Country, sector and gender implied by the title tokens ``[start, end)``.

    The head role noun gives the sector ("Defense Minister" → GOV); an armed group or party named
    in the title wins over it ("Hamas commander" → REB); a generic head with a country is
    government ("Palestinian leader" → GOV); "former"/"ousted" make officials ELI (PLOVER).
    """
    doc = ctx.doc
    country = sector = gender = None
    head_sector = None
    group_sector = None
    igo = False
    former = False
    person_head = False
    for i in range(start, end):
        tok = doc[i]
        c = owner.get(i)
        if c is not None:
            if c.kind == "IGO":
                igo = True
            elif country is None and c.iso:
                country = c.iso
            if c.sector and sector is None and c.kind != "IGO":
                sector = c.sector
            if c.sector in _GROUP_SECTORS or (c.kind == "GROUP" and c.sector):
                group_sector = c.sector
            continue
        if tok.lower_ in _FORMER:
            former = True
        if country is None and (iso := ctx.lex.demonym(tok.text) or (ctx.lex.country(tok.text) if tok.is_title or tok.is_upper else None)):
            country = iso
        rn = _role_noun(ctx, doc, i)
        if rn is not None:
            if rn.sector:
                head_sector = rn.sector
            if rn.gender:
                gender = rn.gender
            person_head = person_head or rn.kind == "person"
    span = doc[start:end]
    sector = group_sector or head_sector or sector
    if sector is None and country and person_head:
        sector = "GOV"
    if igo and not country:
        sector = "IGO"
    if former and sector in ("GOV", "MIL", "LEG", "JUD", "COP"):
        sector = "ELI"
    return RoleInfo(span.start_char, span.end_char, span.text, country, sector, gender)


def title_before(ctx: DocContext, name_start: int, owner: dict[int, Candidate]) -> tuple[int, int] | None:
    """Token range of the title right before a name, if any ("U.S. Defense Secretary").

    >>> from dateline.parse import load_nlp
    >>> from dateline.actors.context import DocContext
    >>> doc = load_nlp()("Russian President Vladimir Putin spoke.")
    >>> title_before(DocContext(doc), 2, {})
    (0, 2)
    """
    doc, lex = ctx.doc, ctx.lex
    sent_start = ctx.sent_bounds[ctx.sent_of[name_start]][0]
    j = name_start - 1
    has_role = False
    while j >= sent_start:
        tok = doc[j]
        c = owner.get(j)
        if c is not None and c.kind in _NAME_KINDS:
            j = c.start - 1
            continue
        low = tok.lower_
        if _role_noun(ctx, doc, j) is not None and (tok.pos_ in ("NOUN", "PROPN") or tok.is_title):
            has_role = True
            j -= 1
            continue
        if low in lex.title_words or lex.demonym(tok.text) or (tok.is_title and lex.country(tok.text)):
            j -= 1
            continue
        if tok.text in _POSS and j - 1 >= sent_start and (owner.get(j - 1) or lex.country(doc[j - 1].text)):
            j -= 1
            continue
        if low == "of" and j - 1 >= sent_start and (doc[j - 1].lower_ in lex.roles or doc[j - 1].lower_ in lex.title_words):
            j -= 1
            continue
        if tok.text == "-" and j - 1 >= sent_start:
            j -= 1
            continue
        break
    start = j + 1
    while start < name_start and (doc[start].text in _POSS or doc[start].lower_ in ("of", "-")):
        start += 1
    if not has_role or start >= name_start:
        return None
    return start, name_start


def _country_from_context(ctx: DocContext, tok: Token, countries: list[Candidate]) -> str | None:
    """Resolve "the country's" to the last country named before this token."""
    before = [c for c in countries if c.start < tok.i and not c.pro]
    return before[-1].iso if before else None


def appositive_before(ctx: DocContext, cand: Candidate, countries: list[Candidate],
                      owner: dict[int, Candidate]) -> tuple[int, int, RoleInfo] | None:
    """A role noun phrase set off before the name by a comma ("the country's president at the time, X").

    Returns ``(start, end, role)`` in tokens; "the country" resolves to the last country named.

    >>> from dateline.parse import load_nlp
    >>> from dateline.actors.context import DocContext
    >>> from dateline.actors.ner import find_candidates
    >>> ctx = DocContext(load_nlp()("Poland's prime minister, Donald Tusk, spoke."))
    >>> cands = find_candidates(ctx)
    >>> person = next(c for c in cands if c.kind == "PERSON")
    >>> _, _, role = appositive_before(ctx, person, [c for c in cands if c.kind == "COUNTRY"], {})
    >>> role.text, role.country, role.sector
    ("Poland's prime minister", 'POL', 'GOV')
    """
    doc = ctx.doc
    if cand.start < 2 or doc[cand.start - 1].text != ",":
        return None
    root = doc[cand.start:cand.end].root
    head = root.head if root.dep_ == "appos" and root.head.i < cand.start else None
    if head is None:
        prev = doc[cand.start - 2]
        head = prev if prev.dep_ != "appos" else None
        while head is not None and head.i >= cand.start - 6 and _role_noun(ctx, doc, head.i) is None:
            head = head.head if head.head.i < cand.start and head.head.i != head.i else None
    if head is None or _role_noun(ctx, doc, head.i) is None or head.tag_ in ("NNS", "NNPS"):
        return None
    rn = _role_noun(ctx, doc, head.i)
    if rn.kind != "person":
        return None
    start = head.left_edge.i
    end = cand.start - 1
    while start < head.i and (doc[start].pos_ in _NOT_NP_START or doc[start].dep_ in ("mark", "advmod", "cc")):
        start += 1
    sent_start = ctx.sent_bounds[ctx.sent_of[cand.start]][0]
    if start < sent_start or start >= end or any(doc[i].text == "," for i in range(start, end)):
        return None
    info = describe_title(ctx, start, end, owner)
    if info.country is None:
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ in _COUNTRY_NOUNS:
                info.country = _country_from_context(ctx, child, countries)
    return start, end, info


def appositive_after(ctx: DocContext, cand: Candidate, owner: dict[int, Candidate]) -> tuple[int, int, RoleInfo] | None:
    """A role noun phrase set off after the name ("Maria Zakharova, the ministry spokeswoman,").

    >>> from dateline.parse import load_nlp
    >>> from dateline.actors.context import DocContext
    >>> from dateline.actors.ner import find_candidates
    >>> ctx = DocContext(load_nlp()("Jane Holloway, the British ambassador, said no."))
    >>> person = next(c for c in find_candidates(ctx) if c.kind == "PERSON")
    >>> appositive_after(ctx, person, {})[2].text
    'the British ambassador'
    """
    doc = ctx.doc
    if cand.end + 1 >= len(doc) or doc[cand.end].text != ",":
        return None
    root = doc[cand.start:cand.end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i > cand.end:
            rn = _role_noun(ctx, doc, child.i)
            if rn is None or rn.kind != "person" or child.tag_ in ("NNS", "NNPS"):
                return None
            start, end = cand.end + 1, child.i + 1
            while end <= child.right_edge.i and doc[end].text not in (",", ".", ";", "(", "—", "“", '"'):
                end += 1
            while end > child.i + 1 and doc[end - 1].dep_ in ("prep", "cc", "punct", "det"):
                end -= 1  # never end on a dangling "of" / "and"
            return start, end, describe_title(ctx, start, end, owner)
    return None


def group_phrases(ctx: DocContext, cands: list[Candidate]) -> list[tuple[Candidate, list[Candidate]]]:
    """Actor phrases headed by a role noun that no name claimed.

    - demonym/country + collective noun: "Russian forces" → GROUP RUS/MIL, "the Ukrainian
      government" → ORG UKR/GOV, "pro-Russian secessionists" → REB in the country around them;
    - demonym/country + title with no name after it: "the US commander" → an unnamed PERSON;
    - a bare plural group noun: "Insurgents bombarded ..." → GROUP REB with no country ("the
      rebels from Syria" → SYR).
    A noun modified by a known organisation or a name ("Hamas fighters") is left to that actor.

    Returns the new candidates, each with the demonym/country candidates it absorbs.

    >>> from dateline.parse import load_nlp
    >>> from dateline.actors.context import DocContext
    >>> from dateline.actors.ner import find_candidates
    >>> ctx = DocContext(load_nlp()("Russian forces seized the airport."))
    >>> [(c.text, c.kind, c.iso, c.sector) for c, _ in group_phrases(ctx, find_candidates(ctx))]
    [('Russian forces', 'GROUP', 'RUS', 'MIL')]
    """
    doc = ctx.doc
    by_tok = {i: c for c in cands for i in range(c.start, c.end)}
    countries = [c for c in cands if c.kind == "COUNTRY"]
    out = []
    for i in ctx.positions(ctx.lex.group_noun_ids):
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in ctx.claimed or tok.i in by_tok:
            continue
        rn = _role_noun(ctx, doc, tok.i)
        if rn is None:
            continue
        plural = tok.tag_ in ("NNS", "NNPS")
        if rn.kind == "org" and plural:
            continue
        kind = "GROUP" if rn.kind == "group" or (rn.kind == "person" and plural) else (
            "ORG" if rn.kind == "org" else "PERSON")
        j = tok.i - 1
        absorbed: list[Candidate] = []
        blocked = False
        mod_sector = None
        place_mod = False
        while j >= 0 and ctx.sent_of[j] == ctx.sent_of[tok.i]:
            c = by_tok.get(j)
            if c is None and doc[j].ent_type_ in ("GPE", "LOC") and doc[j].pos_ == "PROPN":
                place_mod = True  # "Tulsa police", "Connecticut's tax commissioner": a place, not a country
                j -= 1
                continue
            if c is None and doc[j].text in _POSS and j > 0 and doc[j - 1].ent_type_ in ("GPE", "LOC"):
                j -= 1
                continue
            if c is not None:
                if c.kind in ("DEMONYM", "COUNTRY", "CAPITAL", "PLACE"):  # "Khartoum government", "Gaza militants"
                    absorbed.append(c)
                    j = c.start - 1
                    continue
                if c.kind == "PERSON" and tok.lower_ in _LEADER_ORGS and j == tok.i - 1:
                    iso = _person_country(ctx, c)  # "the Bush administration" → USA GOV
                    if iso:
                        absorbed.append(Candidate(c.start, c.end, "COUNTRY", c.text, c.char_start, c.char_end, iso=iso))
                        j = c.start - 1
                        break
                blocked = True
                break
            if doc[j].text in _POSS and j - 1 >= 0 and by_tok.get(j - 1) is not None and by_tok[j - 1].kind == "COUNTRY":
                j -= 1
                continue
            if doc[j].lower_ in ctx.lex.title_words or doc[j].lower_ in ("pro", "-", "anti"):
                j -= 1
                continue
            mod = ctx.lex.roles.get(doc[j].lower_)
            if mod is not None and doc[j].pos_ in ("NOUN", "ADJ", "PROPN") and doc[j].dep_ in ("compound", "amod", "nmod"):
                mod_sector = mod_sector or mod.sector  # "rebel leaders", "police officials"
                j -= 1
                continue
            if doc[j].lower_ == "led" and j >= 2 and doc[j - 1].text == "-" and by_tok.get(j - 2) is not None \
                    and by_tok[j - 2].kind in ("DEMONYM", "COUNTRY"):
                j -= 2  # "Vietnamese-led forces", "Saudi-led coalition": led by that country ("-backed" is not)
                continue
            if not absorbed and _plain_modifier(doc, j, tok) and \
                    (k := _demonym_before(doc, j, by_tok)) is not None:
                j = k  # "Irish nationalist guerrillas", "Russian civilian advisers": the demonym still names them
                continue
            break
        if blocked:
            continue
        start = j + 1
        while start < tok.i and by_tok.get(start) is None and (
                doc[start].lower_ in ("-", "anti") or (doc[start].lower_ == "pro" and not absorbed)):
            start += 1
        if ctx.is_claimed(start, tok.i + 1):
            continue
        iso = absorbed[-1].iso if absorbed else None
        pro = any(c.pro for c in absorbed) or (
            absorbed and absorbed[-1].start >= 2 and doc[absorbed[-1].start - 1].text == "-"
            and doc[absorbed[-1].start - 2].lower_ == "pro")
        if pro:
            iso = _pro_country(ctx, tok, countries, absorbed[-1].iso)
        indefinite = False
        if kind == "PERSON":
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.pos_ == "PROPN" or nxt.text == ","):
                continue
            det = doc[start - 1] if start > 0 else None
            indefinite = det is not None and det.lower_ in _INDEFINITE and not absorbed
            of_iso = _country_after(tok, by_tok, ("of",)) if not absorbed else None
            if of_iso and not indefinite:  # "the president of Armenia"
                absorbed = [Candidate(tok.i, tok.i + 1, "COUNTRY", tok.text, tok.idx, tok.idx + len(tok), iso=of_iso)]
                iso = of_iso
            if not absorbed and not indefinite and not place_mod:
                continue
        elif not absorbed:
            if kind != "GROUP" and not (place_mod and kind == "ORG"):
                continue
            if not place_mod and _bare_blocked(ctx, tok, by_tok):
                continue
            iso = _country_after(tok, by_tok, places=True)
            if iso is None and tok.dep_ == "compound":  # "opposition parties in Nepal": the place follows the head
                iso = _country_after(tok.head, by_tok, places=True)
        span = doc[start:tok.i + 1]
        sector = rn.sector
        if mod_sector and sector in (None, "GOV"):
            sector = mod_sector
        cand = Candidate(start, tok.i + 1, kind, span.text, span.start_char, span.end_char,
                         iso=iso, sector=sector, pro=bool(pro))
        cand.indefinite = indefinite
        out.append((cand, absorbed))
    return out


def _plain_modifier(doc: Doc, j: int, head: Token) -> bool:
    """A lower-case adjective or noun modifying a group noun ("nationalist", "civilian")."""
    tok = doc[j]
    return tok.is_lower and tok.is_alpha and tok.pos_ in ("ADJ", "NOUN") and tok.dep_ in ("amod", "compound") \
        and tok.head.i in (head.i, j + 1)


def _demonym_before(doc: Doc, j: int, by_tok: dict[int, Candidate]) -> int | None:
    """Index just after a demonym/country candidate that precedes one or two plain modifiers
    ending at ``j`` (the walk resumes there), else None."""
    for k in (j - 1, j - 2):
        c = by_tok.get(k)
        if c is not None and c.kind in ("DEMONYM", "COUNTRY"):
            return k
        if k < 0 or not (doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN")):
            return None
    return None


def _person_country(ctx: DocContext, c: Candidate) -> str | None:
    """The country of a known person named by a candidate (full name or surname)."""
    known = ctx.lex.known_actor(c.text) or ctx.lex.surname.get(c.text.split()[-1])
    if known is None:  # "the Bush administration": every known Bush is American
        countries = {k.country for k in ctx.lex.surname_all.get(c.text.split()[-1], ()) if k.kind == "PERSON"}
        return countries.pop() if len(countries) == 1 else None
    return known.country if known.kind == "PERSON" else None


def _bare_blocked(ctx: DocContext, tok: Token, by_tok: dict[int, Candidate]) -> bool:
    """A bare group noun owned by something else: "Trump supporters", "leaders of the world".
    The dateline is nobody's owner ("HELSINKI, Finland — Defense ministers", which the parser may join)."""
    for child in tok.children:
        if ctx.dateline and ctx.dateline[0] <= child.idx < ctx.dateline[1]:
            continue
        if child.dep_ in ("poss", "compound", "nmod") and (child.i in by_tok or child.pos_ == "PROPN"):
            return True
        if child.dep_ == "poss":
            return True
        if child.dep_ == "prep" and child.lower_ == "of":
            return True
    return False


def _country_after(tok: Token, by_tok: dict[int, Candidate], preps: tuple[str, ...] = ("from", "in"), *,
                   places: bool = False) -> str | None:
    """The country in "rebels from Syria" / "troops in Mali" / "president of Armenia"; with
    ``places``, also of a capital or a geocoded town ("police in Lagos" → NGA)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                c = by_tok.get(obj.i)
                if c is not None and (c.kind == "COUNTRY" or (places and c.kind == "CAPITAL")):
                    return c.iso
                if places and c is None and obj.ent_type_ in ("GPE", "LOC"):
                    from dateline.geo.locate import place_of

                    loc = place_of(obj)
                    return loc.country if loc is not None else None
    return None


def _pro_country(ctx: DocContext, tok: Token, countries: list[Candidate], other: str | None) -> str | None:
    """For "pro-Russian secessionists", the country they are in: a country named in the same sentence."""
    sent = ctx.sent_of[tok.i]
    same = [c for c in countries if ctx.sent_of[c.start] == sent and c.iso != other]
    if same:
        return min(same, key=lambda c: abs(c.start - tok.i)).iso
    return None
