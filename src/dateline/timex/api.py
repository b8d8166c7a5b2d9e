"""Public entry points of the time stage: `find_times` (TIMEX3 extraction, normalisation and
publication-date inference) and `anchor_event` (when did the event at a trigger happen).

`find_times` runs in three steps over one document:

1. the grammar (`data/timex/grammar.tsv`) proposes candidate spans in one pass over the text;
   candidates the parse shows are not times (a year used as a quantity) are dropped;
2. without a given publication date, `dateline.timex.dct.infer_published` infers one from the
   absolute dates, anniversaries, weekday + day mentions and the latest dated event;
3. candidates are normalised in document order against a reference time per expression: the
   document date (DCT) for deictic expressions ("last week", "on Tuesday"), the narrative time
   (the last compatible date mentioned) for anaphoric ones ("three days later", "at the time"),
   and the paragraph's year for month-day dates without a year ("on March 3" after "In 2009").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token

from dateline.parse.nlp import paragraphs
from dateline.record import EventDate, Interval, Published, TimeExpression
from dateline.timex import values as V
from dateline.timex.grammar import Candidate, lexicon, match_all
from dateline.timex.normalize import Context, Norm, Ref, normalise

_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_TIME_NOUNS = {"year", "years", "month", "months", "day", "days", "week", "weeks", "season", "quarter",
               "decade", "century", "time", "period", "election", "census", "budget", "fiscal", "summer",
               "winter", "spring", "autumn", "fall", "campaign", "war", "war's", "games", "olympics",
               "cup", "crisis", "law", "act", "model", "version", "edition", "vintage"}
_ANNIVERSARY = re.compile(
    r"\b(?:the\s+)?(?P<ord>[a-z]+(?:-[a-z]+)?|[0-9]{1,3}(?:st|nd|rd|th))\s+anniversary\b", re.IGNORECASE)
_ORIGIN_VERBS = {"begin", "begun", "began", "start", "started", "launch", "launched", "enter", "entered",
                 "invade", "invaded", "since", "erupt", "erupted", "break", "broke", "outbreak"}


@dataclass(frozen=True, slots=True)
class TimeResult:
    """The document's time expressions and its publication date (given or inferred).

    ``dct`` is the reference date used for deictic expressions (the publication date at day
    precision, or the first day of its month/year), ``refs`` maps each time id to the id of the
    time it was resolved against ("DCT" for the document date).
    """

    times: tuple[TimeExpression, ...] = ()
    published: Published | None = None
    dct: date | None = None
    refs: dict = field(default_factory=dict)
    paragraph_starts: tuple[int, ...] = ()  # offsets where paragraphs start (for anchoring)


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    type: str
    value: str
    mod: str | None
    anchor: str | None
    rule: str
    candidate: Candidate | None = None
    serial: int = -1


def _parse_published(published: Published | None) -> date | None:
    if published is None or not published.value:
        return None
    parts = [int(p) for p in published.value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return date(*parts[:3])
    except ValueError:
        return None


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0]


def tense_at(doc: Doc, offset: int) -> str:
    """The tense of the clause around character ``offset``: past, perfect, present or future.

    >>> from dateline.parse import load_nlp
    >>> tense_at(load_nlp()("They will meet on Friday."), 18)
    'future'
    """
    tok = _token_at(doc, offset)
    if tok is None:
        return "past"
    verb = tok
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    while verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        verb = verb.head  # "talks resume next month and end in April": the first verb's tense
    sent = verb.sent
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX:
            return "future"
        if child.dep_ == "aux" and child.lower_ in ("is", "are", "'re", "'s", "am") and verb.tag_ == "VBG":
            return "future" if verb.lower_ in ("going",) else "present"
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp") and verb.head.tag_ == "VBD" \
            and verb.head.lemma_.lower() not in lexicon()["intent_verb"] \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return "past"  # "forced her to leave a Sept. 11 event": the infinitive happened then
    if verb.tag_ in ("VB", "VBN") and any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ == "to")
                                 and c.lower_ not in ("would", "could", "did") for c in verb.children):
        return "future"  # "should be completed in October", "to be held on October 12"
    if any(t.lower_ in _FUTURE_AUX and t.head.i == verb.head.i for t in sent if t.dep_ == "aux"):
        return "future"
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children):
        return "perfect"  # "has been scheduled for June 3": either side of the document date
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children):
        # "is expected by mid-April" looks ahead; "is seen as" is the present
        return "future" if verb.lemma_.lower() in lexicon()["schedule_verb"] else "present"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBD",):
            return "past"
        if child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBZ", "VBP"):
            return "present"
    return "past"


def _is_quantity(doc: Doc, cand: Candidate) -> bool:
    """A bare year that the parse shows is a count ("2000 people", "1,500 troops")."""
    if cand.rule.name != "year" or set(cand.groups) - {"year", "_text"}:
        return False
    tok = _token_at(doc, cand.start)
    if tok is None:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and (prev.lower_ in ("the", "all", "both", "these", "those") or prev.tag_ in ("POS", "PRP$")):
        return False  # "the 2008 primaries", "Obama's 2008 and 2012 campaigns": years
    if nxt is not None and nxt.tag_ == "NNS" and tok.dep_ == "nummod" and tok.head.i == nxt.i \
            and nxt.lower_ not in _TIME_NOUNS:
        return True  # "2000 soldiers"; but "the 1991 settlement" is a year
    if tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i > tok.i and tok.head.lower_ not in _TIME_NOUNS:
        return True  # "2047 registered voters"
    if nxt is not None and nxt.lower_ in lexicon()["not_year_next"]:
        return True  # "the Russell 2000 Index": part of a name
    if prev is not None and prev.lower_ in ("$", "us$", "€", "£", "#", "no.", "number", "flight", "route", "rs", "rs."):
        return True
    return False


def _ordinal(text: str) -> int | None:
    key = text.lower()
    n = lexicon()["ordinal"].get(key)
    if n is None and (m := re.match(r"\d+", key)):
        n = int(m.group())
    return n


def _anniversaries(doc: Doc, absolute: list[_Item], text: str) -> list[_Item]:
    """"the third anniversary of the Russia–Ukraine war" + the war's start (February 2022) →
    a DATE 2025-02 spanning the whole noun phrase."""
    out: list[_Item] = []
    for m in _ANNIVERSARY.finditer(text):
        n = _ordinal(m.group("ord"))
        if not n:
            continue
        head = _token_at(doc, m.end() - 1)
        if head is None:
            continue
        end = m.end()
        obj_tokens: list[Token] = []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj_tokens = _noun_phrase(child)
                if obj_tokens:
                    end = max(end, obj_tokens[-1].idx + len(obj_tokens[-1]))
        words = {t.lemma_.lower() for t in obj_tokens if t.pos_ in ("NOUN", "PROPN", "VERB")}
        syn = set(words)
        for w in words:
            syn.update(lexicon()["anaphoric_head"].get(w, []))
        origin = None
        inner = [a for a in absolute if m.end() <= a.start < end and re.fullmatch(r"\d{4}(-\d\d)?(-\d\d)?", a.value)]
        if inner:
            origin = inner[0]
        else:
            best = None
            for a in absolute:
                if not re.fullmatch(r"\d{4}(-\d\d)?(-\d\d)?", a.value) or a.mod or m.start() <= a.start < end:
                    continue
                sent = _token_at(doc, a.start)
                if sent is None:
                    continue
                lemmas = {t.lemma_.lower() for t in sent.sent} | {t.lower_ for t in sent.sent}
                if not syn & lemmas:
                    continue
                score = (len(_ORIGIN_VERBS & lemmas) > 0, a.value)
                if best is None or score > best[0]:
                    best = (score, a)
            origin = best[1] if best else None
        if origin is None:
            continue
        year = int(origin.value[:4]) + n
        value = f"{year:04d}{origin.value[4:7]}"
        start = m.start()
        out.append(_Item(start, end, "DATE", value, None, None, "anniversary"))
    return out


def _noun_phrase(prep: Token) -> list[Token]:
    """The object of ``prep`` without trailing clauses ("the war [approaching]")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return []
    obj = objs[0]
    compounds = [c for c in obj.children if c.dep_ == "compound" and c.i < obj.i]
    if compounds and (obj.tag_ == "VBG" or obj.lower_.endswith("ing")):
        # "the war approaching" mis-parsed as a compound noun: the phrase ends before the -ing word
        return sorted((t for t in obj.subtree if t.i < obj.i), key=lambda t: t.i)
    keep = [obj]
    for c in obj.children:
        if c.i < obj.i or c.dep_ in ("compound", "amod", "nummod", "prep", "poss", "det"):
            if c.dep_ == "prep" and c.lower_ != "of":
                continue
            keep.extend(c.subtree)
    keep.sort(key=lambda t: t.i)
    return keep


_SENTENCE_START = re.compile(r"(?:^|[.!?\n])\s*$")
_NAME_BEFORE = re.compile(r"[a-z][ ,]*\b[A-Z][\w.]*\s+$")
_RANGE_GAP = re.compile(r"[ \t]{0,2}(?:to|through|until|till|and|-|–|—)[ \t]{0,2}", re.IGNORECASE)
_RANGE_SHAPE = re.compile(r"\d{4}-\d\d(?:-\d\d)?")
_CLOCK_DATE_GAP = re.compile(r",?[ \t]{0,2}(?:on[ \t]{1,2})?")
_HINT_DETERMINERS = {"the", "this", "that", "its", "their", "his", "her", "our", "these", "those"}
_HINT_UNIT = re.compile(r"\b(day|week|month|year|quarter|morning|afternoon|evening|night)\b", re.IGNORECASE)


def _entity_hints(doc: Doc, text: str, items: list, dct: date | None) -> list:
    """spaCy DATE/TIME entities the grammar missed, kept only when a calendar unit in them gives
    a value against the document date ("the entire year", "their best week", "morning")."""
    if dct is None:
        return []
    out = []
    lex = lexicon()
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if any(it.start < end and start < it.end for it in items) or re.search(r"\d", text[start:end]) \
                or re.match(r"-[a-z]", text[end:end + 2]):  # "the day-long meeting"
            continue
        units = _HINT_UNIT.findall(text[start:end])
        words = text[start:end].lower().split()
        ordinal = any(w in lex["ordinal"] for w in words[:2])  # "a second straight day", "fourth week"
        if len(units) != 1 or (words[0] not in _HINT_DETERMINERS and words[0] != units[0].lower() and not ordinal):
            continue  # "another day", "a day" are durations, not the document's day
        unit = units[0].lower()
        if unit in lex["part_of_day"]:
            # "in morning trading" after "on Tuesday": a part of the last day the story named
            days = [it for it in items if it.end <= start and it.rule != "anaphor" and it.type in ("DATE", "TIME")
                    and re.match(r"\d{4}-\d\d-\d\d", it.value)]
            day, anchor = (days[-1].value[:10], f"#{days[-1].serial}") if days else (V.day(dct), "DCT")
            out.append(_Item(start, end, "TIME", f"{day}T{lex['part_of_day'][unit]}", None, anchor, "hint"))
            continue
        value = V.shift(dct, 0, {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q"}[unit])
        if value:
            out.append(_Item(start, end, "DATE", value, None, "DCT", "hint"))
    return out


def _overlaps(a: _Item, items: list[_Item]) -> bool:
    return any(a.start < b.end and b.start < a.end for b in items)


def find_times(doc: Doc, *, published: Published | None = None, timeml: bool = False) -> TimeResult:
    """Extract and normalise the document's time expressions; infer the publication date if
    none is given.

    Args:
        doc: the parsed document.
        published: the publication date if known (``how`` given or metadata).
            Note: ``doc.text`` is rebuilt from tokens on every access in spaCy; it is read once.
        timeml: use TimeML extents for scoring against TempEval data ("since 2014" → "2014",
            "since then" → "then", without the signal and its mod; no anniversaries); records
            keep the signal.

    >>> from dateline.parse import load_nlp
    >>> from dateline.record import Published
    >>> r = find_times(load_nlp()("Talks began in late 2013 and ended last week."),
    ...                published=Published("2025-02-12", "day", "given"))
    >>> [(t.text, t.value, t.mod) for t in r.times]
    [('late 2013', '2013', 'END'), ('last week', '2025-W06', None)]
    """
    from dateline.timex.dct import infer_published

    text = doc.text
    probe = date(2000, 6, 15)  # any date: the normalisers' yes/no does not depend on it
    probe_ref = Ref("2000-06-15", probe, "D")  # nor on the narrative time ("since then" needs one)

    def accept(c: Candidate) -> bool:
        if _is_quantity(doc, c):
            return False
        if c.start > 1 and text[c.start - 1] == "-" and text[c.start - 2].isalpha():
            return False  # inside a compound: "after-hours trading", "year-on-year"
        if c.rule.name == "set_adverb" and c.text[:1].isupper() and (
                _NAME_BEFORE.search(text, max(0, c.start - 30), c.start)
                or (re.match(r" [A-Z]", text[c.end:c.end + 2]) and not _SENTENCE_START.search(text, max(0, c.start - 4), c.start))):
            return False  # "the Yale Daily News", "Washington Monthly", 'NBC's "Nightly News"': a name
        if c.rule.name == "ref_word" and _key(c.groups.get("ref")) in ("the past", "the future") \
                and (tok := _token_at(doc, c.end - 1)) is not None and tok.dep_ in ("amod", "compound", "nmod"):
            return False  # "the future course of", "the past two polls": a modifier, not a time
        if c.rule.name == "deictic_day" and c.text.isupper() and \
                _prev_word(text, c.start) in lexicon()["name_before_deictic"]:
            return False  # "USA TODAY"
        if _key(c.groups.get("mon")) == "may" and (tok := _token_at(doc, c.start)) is not None and tok.tag_ == "MD":
            return False  # "Voters May Have Won": the modal in a title-case headline
        if text[c.end:c.end + 1] == "-" and text[c.end + 1:c.end + 2].islower() and text[c.end - 1].isalpha():
            return False  # "Mar-a-Lago", "May-December"
        ctx = Context(dct=probe, ref=probe_ref, prev_word=_prev_word(text, c.start), next_text=text[c.end:c.end + 20])
        return normalise(c.rule.norm, c.groups, ctx) is not None

    candidates = match_all(text, accept)
    tenses = {c.start: tense_at(doc, c.start) for c in candidates}
    para_starts = [start for start, _ in paragraphs(text)] or [0]

    # Pass 1: absolute values (no reference time) for the anniversary and DCT evidence.
    absolute: list[_Item] = []
    partial: list[tuple[Candidate, Norm]] = []
    for c in candidates:
        n = normalise(c.rule.norm, c.groups, Context(dct=None, tense=tenses[c.start], prev_word=_prev_word(text, c.start),
                                                     next_text=text[c.end:c.end + 20]))
        if n is None:
            continue
        if n.anchor is None and re.match(r"\d{2,4}", n.value):
            absolute.append(_Item(c.start, c.end, n.type, n.value, n.mod, None, c.rule.name, c))
        else:
            partial.append((c, n))
    anniversaries = _anniversaries(doc, absolute, text)

    if published is None:
        published = infer_published(doc, absolute=absolute, partial=partial, anniversaries=anniversaries, text=text,
                                    tenses=tenses)
    dct = _parse_published(published)

    # Pass 2: everything, in document order, with a reference time per expression.
    items: list[_Item] = []
    ref: Ref | None = None
    day_ref: Ref | None = None
    ref_para = -1
    ref_absolute = False
    import bisect

    for c in candidates:
        para = bisect.bisect_right(para_starts, c.start) - 1
        year_hint = ref.day.year if ref is not None and ref_para == para and ref_absolute and \
            tenses[c.start] == "past" and \
            (dct is None or ref.day.year != dct.year) else None
        ctx = Context(dct=dct, ref=ref, day_ref=day_ref, tense=tenses[c.start], year_hint=year_hint,
                      prev_word=_prev_word(text, c.start), next_text=text[c.end:c.end + 20])
        n = normalise(c.rule.norm, c.groups, ctx)
        if n is None:
            continue
        start = c.start
        mod = n.mod
        if timeml and c.rule.name == "year_since" and _key(c.groups.get("sig")) == "since":
            start = c.end - len(c.groups["year"])
            mod = None
        elif c.rule.name == "duration" and c.groups.get("the") and not c.groups.get("rel") \
                and "-" + c.groups["unit"] in c.text:
            start += len(re.match(r"the\s+", c.text, re.IGNORECASE).group())  # "the [three-day] visit"
        elif c.rule.name == "duration" and c.groups.get("long") and _key(c.groups.get("num")) in ("a", "an"):
            start += len(re.match(r"an?\s+", c.text, re.IGNORECASE).group())  # "a [year-long] inquiry"
        elif timeml and c.rule.name == "rel_unit" and _key(c.groups.get("pre")) in ("until", "through"):
            start += len(re.match(r"\w+\s+", c.text).group())  # "until [last week]": the signal is apart
        elif timeml and c.rule.name == "anaphor" and c.groups.get("since"):
            start = c.end - len("then")  # "since then": TimeML marks "then", the signal is apart
            mod = None
        if c.rule.norm == "clock" and "wd" not in c.groups and items and items[-1].type == "DATE" \
                and re.fullmatch(r"\d{4}-\d\d-\d\d", items[-1].value) and _same_sentence(doc, items[-1].start, c.start):
            n = Norm(n.type, items[-1].value + n.value[10:], n.mod, None)  # "on Tuesday ... at 18:00"
        if items and items[-1].rule in ("clock_ampm", "clock_24", "noon") and "wd" not in items[-1].candidate.groups \
                and n.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", n.value) \
                and _CLOCK_DATE_GAP.fullmatch(text, items[-1].end, c.start):
            clock = items[-1]  # "at 16:15 UTC, June 1st": the time is on the date that follows it
            clock.value, clock.anchor = n.value + clock.value[10:], f"#{len(items)}"
        if items and _RANGE_GAP.fullmatch(text, items[-1].end, c.start):
            n = _order_range(items[-1], n)
        item = _Item(start, c.end, n.type, n.value, mod, n.anchor, c.rule.name, c, len(items))
        if n.anchor == "REF" and ref is not None:
            item.anchor = ref.id
        elif n.anchor == "DAY" and day_ref is not None:
            item.anchor = day_ref.id
        items.append(item)
        span = V.natural(n.value)
        if span is not None and n.type in ("DATE", "TIME") and c.rule.name not in ("anaphor",) \
                and re.match(r"\d{4}", n.value):  # a decade or century is no narrative year
            gran = "D" if re.match(r"\d{4}-\d\d-\d\d", n.value) else "M" if re.match(r"\d{4}-\d\d$", n.value) else "Y"
            ref = Ref(n.value, span[0], gran, f"#{item.serial}", n.mod)
            if gran == "D":
                day_ref = ref
            ref_para = para
            ref_absolute = n.anchor is None or (n.anchor == "REF" and ref_absolute)  # "In April" after "March 2003"
    items.extend(_entity_hints(doc, text, items, dct))
    for a in anniversaries if not timeml else ():  # TimeML does not mark "the third anniversary of X"
        if not _overlaps(a, items):
            items.append(a)
        else:
            items = [b for b in items if not (b.start < a.end and a.start < b.end)] + [a]
    items.sort(key=lambda i: i.start)

    # Ids in document order; "#serial" anchors (narrative references) become those ids.
    ids = {it.serial: f"T{k + 1}" for k, it in enumerate(items) if it.serial >= 0}
    times: list[TimeExpression] = []
    refs: dict[str, str] = {}
    for k, it in enumerate(items):
        anchor = it.anchor
        if anchor and anchor.startswith("#"):
            anchor = ids.get(int(anchor[1:])) or "DCT"
        iv = V.interval(it.value, it.mod, dct) if it.type in ("DATE", "TIME") else None
        t = TimeExpression(
            id=f"T{k + 1}", text=text[it.start:it.end], span=(it.start, it.end), type=it.type, value=it.value,
            mod=it.mod, interval=Interval(*iv) if iv else None, anchor=anchor,
        )
        times.append(t)
        if anchor:
            refs[t.id] = anchor
    return TimeResult(tuple(times), published, dct, refs, tuple(para_starts))


def _with_year(value: str, year: int) -> str:
    out = f"{year:04d}{value[4:]}"
    return out if V.natural(out) is not None else value  # Feb. 29 in a common year stays as it was


def _order_range(first: _Item, n: Norm) -> Norm:
    """"from March to June", "from December to March 2013": the two ends of a range in order,
    moving the end whose year was guessed from the document date."""
    shape = _RANGE_SHAPE.fullmatch
    if not (shape(first.value) and shape(n.value)) or len(first.value) != len(n.value):
        return n
    if n.anchor == "DCT" and n.value < first.value:
        y = int(first.value[:4])
        value = _with_year(n.value, y) if _with_year(n.value, y) >= first.value else _with_year(n.value, y + 1)
        return Norm(n.type, value, n.mod, n.anchor)
    if first.anchor == "DCT" and n.anchor is None and first.value > n.value:
        y = int(n.value[:4])
        first.value = _with_year(first.value, y) if _with_year(first.value, y) <= n.value else _with_year(first.value, y - 1)
    return n


def _same_sentence(doc: Doc, a: int, b: int) -> bool:
    ta, tb = _token_at(doc, a), _token_at(doc, b)
    return ta is not None and tb is not None and ta.sent.start == tb.sent.start


def _key(text: str | None) -> str:
    return (text or "").strip().lower()


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z0-9]+)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def anchor_event(doc: Doc, start: int, end: int, *, times: TimeResult) -> EventDate:
    """Return when the event whose trigger spans characters ``[start, end)`` happened.

    See `dateline.timex.anchor.anchor_event` for the rules.

    >>> from dateline.parse import load_nlp
    >>> from dateline.record import Published
    >>> doc = load_nlp()("In February 2014, Russian forces seized control over Crimea.")
    >>> r = find_times(doc, published=Published("2025-02-12", "day", "given"))
    >>> anchor_event(doc, 32, 38, times=r)
    EventDate(value='2014-02', precision='month', interval=Interval(start='2014-02-01', end='2014-03-01'), from_='T1')
    """
    from dateline.timex.anchor import anchor_event as _anchor

    return _anchor(doc, start, end, times=times)
