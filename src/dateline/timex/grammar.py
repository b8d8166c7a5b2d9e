"""Load the TIMEX3 grammar (`data/timex/grammar.tsv` + `lexicon.json`) and find candidate spans.

The grammar is data: macros, lexicon alternations and one regular expression per rule, each
naming the normaliser that turns its groups into a TIMEX3 value. Patterns use bounded repetition
and alternations of literals only, so matching is linear in the text length; all rules are
compiled once (``functools.cache``). Overlapping matches are resolved greedily: the longest
match wins, then the earliest rule in the file.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

_SPACE = r"[ \t\u00a0]{1,3}"
_MACRO = re.compile(r"@([A-Z]+)")
_LEXREF = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class Rule:
    """One grammar rule: a compiled pattern, the TIMEX3 type and the normaliser name."""

    name: str
    type: str
    norm: str
    regex: re.Pattern
    anchors: frozenset = frozenset()  # words (lower case) one of which every match contains; "#" = a digit


@dataclass(frozen=True, slots=True)
class Candidate:
    """A grammar match: where it is, which rule matched and its named groups."""

    start: int
    end: int
    rule: Rule
    groups: dict

    @property
    def text(self) -> str:
        return self.groups["_text"]


def _data_text(name: str) -> str:
    return resources.files("dateline.data").joinpath("timex", name).read_text("utf-8")


@functools.cache
def lexicon() -> dict:
    """Return the word lists of the grammar (months, weekdays, numbers, units, ...).

    >>> lexicon()["month"]["feb"]
    2
    """
    data = json.loads(_data_text("lexicon.json"))
    data.pop("_note", None)
    return data


def _spaces(pattern: str) -> str:
    """Replace literal spaces outside character classes by a bounded whitespace run."""
    out, depth = [], 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
        if ch == " " and depth == 0:
            optional = pattern[i + 1:i + 2] == "?"
            out.append(f"(?:{_SPACE})?" if optional else _SPACE)
            i += 2 if optional else 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _alternation(words) -> str:
    alts = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in alts) + ")"


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Return the compiled grammar rules in priority order.

    >>> [r.name for r in rules()][:2]
    ['date_mdy', 'date_dmy']
    """
    lex = lexicon()
    macros: dict[str, str] = {}
    out: list[Rule] = []

    def expand(pattern: str) -> str:
        for _ in range(4):
            pattern = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
        return _LEXREF.sub(lambda m: _alternation(lex[m.group(1)]), pattern)

    for line in _data_text("grammar.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0].startswith("@"):
            macros[fields[0][1:]] = fields[1]
            continue
        name, type_, norm, anchors, pattern = fields
        body = _spaces(expand(pattern))
        regex = re.compile(rf"(?<![\w@$£€]){body}(?![\w])", re.IGNORECASE)
        out.append(Rule(name, type_, norm, regex, _anchor_words(anchors, lex)))
    return tuple(out)


_BEFORE, _AFTER = 60, 40
_WORD = re.compile(r"[0-9]+|[A-Za-z]+")
_FULL_NAME = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.$", re.IGNORECASE)


def _anchor_words(spec: str, lex: dict) -> frozenset:
    """The words named by a rule's anchor column: lexicon names, "digit" or "=word word"."""
    words: set[str] = set()
    for part in spec.split():
        if part.startswith("="):
            words.add(part[1:].lower())
        elif part == "digit" or (words and part[0].islower() and part not in lex):
            words.add("#" if part == "digit" else part.lower())
        else:
            for key in lex[part]:
                # every word of a key is required: the longest is the most selective anchor
                parts = [w.lower() for w in _WORD.findall(key) if not w.isdigit()]
                if parts:
                    words.add(max(parts, key=len))
    if spec.startswith("="):
        words.update(w for w in spec[1:].split())
    return frozenset(words)


@functools.cache
def _anchor_index() -> tuple[dict[str, tuple[int, ...]], tuple[frozenset, ...]]:
    """Distinct anchor sets of the rules, and for each anchor word the sets that contain it."""
    sets = tuple(sorted({r.anchors for r in rules()}, key=sorted))
    by_word: dict[str, list[int]] = {}
    for k, words in enumerate(sets):
        for w in words:
            by_word.setdefault(w, []).append(k)
    return {w: tuple(v) for w, v in by_word.items()}, sets


def _windows(text: str) -> dict[frozenset, list[tuple[int, int]]]:
    """One pass over the text's words: for each distinct anchor set, the merged windows (60
    characters before, 40 after) around its words, widened to whitespace."""
    by_word, sets = _anchor_index()
    hits: list[list[int]] = [[] for _ in sets]
    for m in _WORD.finditer(text):
        word = m.group()
        ids = by_word.get("#" if word[0].isdigit() else word.lower())
        if ids:
            s0 = m.start()
            for k in ids:
                hits[k].append(s0)
    n = len(text)
    out: dict[frozenset, list[tuple[int, int]]] = {}
    for k, starts in enumerate(hits):
        merged: list[tuple[int, int]] = []
        for s0 in starts:
            start, end = max(0, s0 - _BEFORE), min(n, s0 + _AFTER + 12)
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        widened: list[tuple[int, int]] = []
        for start, end in merged:
            while end < n and not text[end].isspace():
                end += 1
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            if widened and start <= widened[-1][1]:
                widened[-1] = (widened[-1][0], end)
            else:
                widened.append((start, end))
        out[sets[k]] = widened
    return out


def match_all(text: str, accept=None) -> list[Candidate]:
    """Return the non-overlapping grammar matches in ``text``, in document order.

    ``accept(candidate) -> bool`` (optional) vets each match before it claims its characters, so
    a rejected long match ("three days later than planned") leaves room for a shorter one.

    >>> [(c.text, c.rule.name) for c in match_all("It rained on Feb. 12 and in late 2013.")]
    [('Feb. 12', 'date_md'), ('late 2013', 'year')]
    """
    found: list[tuple[int, int, int, re.Match]] = []
    windows = _windows(text)
    all_rules = rules()
    for priority, rule in enumerate(all_rules):
        for wstart, wend in windows.get(rule.anchors, ()):
            for m in rule.regex.finditer(text, wstart, wend):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), priority, m))
    found.sort(key=lambda f: (f[1], f[0], f[2]))  # longest first, then leftmost, then rule order
    covered = bytearray(len(text))  # characters already inside a kept (longer) match
    kept: list[Candidate] = []
    for start, neg, priority, m in found:
        end = start - neg
        if text[end - 1] == "." and _FULL_NAME.search(text, start, end):
            end -= 1  # "on Tuesday." — the period ends the sentence, not an abbreviation
        if covered.find(1, start, end) >= 0:
            continue
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        groups["_text"] = text[start:end]
        candidate = Candidate(start, end, all_rules[priority], groups)
        if accept is not None and not accept(candidate):
            continue
        covered[start:end] = b"\x01" * (end - start)
        kept.append(candidate)
    kept.sort(key=lambda c: c.start)
    return kept
