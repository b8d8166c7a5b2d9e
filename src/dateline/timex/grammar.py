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
        name, type_, norm, pattern = fields
        body = _spaces(expand(pattern))
        regex = re.compile(rf"(?<![\w@$£€]){body}(?![\w])", re.IGNORECASE)
        out.append(Rule(name, type_, norm, regex))
    return tuple(out)


_TRIGGER_LEXICONS = ("month", "weekday", "unit", "season", "part_of_day", "deictic_day", "ref_word",
                     "set_adverb", "holiday", "time_zone")
_TRIGGER_WORDS = ("ago", "then", "time", "noon", "midnight", "midday", "quarter", "half", "fiscal",
                  "century", "weekend", "am", "pm", "q1", "q2", "q3", "q4")
_BEFORE, _AFTER = 60, 40


def _last_word(entry: str) -> str:
    word = re.split(r"[ -]", entry)[-1].rstrip(".")
    return word[:-2] if word.endswith("'s") else word


_FULL_NAME = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.$", re.IGNORECASE)
_WORD = re.compile(r"[0-9]+|[A-Za-z]+")


@functools.cache
def _trigger_words() -> frozenset[str]:
    lex = lexicon()
    words = set(_TRIGGER_WORDS)
    for name in _TRIGGER_LEXICONS:
        words.update(_last_word(w) for w in lex[name])
    return frozenset(w.lower() for w in words)


def _windows(text: str) -> list[tuple[int, int]]:
    """Merge windows (60 characters before, 40 after) around trigger words (digits, months, units, ...), widened
    to whitespace so that no window edge cuts a word."""
    out: list[tuple[int, int]] = []
    n = len(text)
    words = _trigger_words()
    for m in _WORD.finditer(text):
        word = m.group()
        if not (word[0].isdigit() or word.lower() in words):
            continue
        start, end = max(0, m.start() - _BEFORE), min(n, m.end() + _AFTER)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    widened = []
    for start, end in out:
        while end < n and not text[end].isspace():
            end += 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if widened and start <= widened[-1][1]:
            widened[-1] = (widened[-1][0], end)
        else:
            widened.append((start, end))
    return widened


def match_all(text: str) -> list[Candidate]:
    """Return the non-overlapping grammar matches in ``text``, in document order.

    >>> [(c.text, c.rule.name) for c in match_all("It rained on Feb. 12 and in late 2013.")]
    [('Feb. 12', 'date_md'), ('late 2013', 'year')]
    """
    found: list[tuple[int, int, int, re.Match]] = []
    windows = _windows(text)
    for priority, rule in enumerate(rules()):
        for wstart, wend in windows:
            for m in rule.regex.finditer(text, wstart, wend):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), priority, m))
    found.sort(key=lambda f: (f[1], f[0], f[2]))  # longest first, then leftmost, then rule order
    taken: list[tuple[int, int]] = []
    kept: list[Candidate] = []
    import bisect

    for start, neg, priority, m in found:
        end = start - neg
        if text[end - 1] == "." and _FULL_NAME.search(text, start, end):
            end -= 1  # "on Tuesday." — the period ends the sentence, not an abbreviation
        i = bisect.bisect_left(taken, (start, start))
        if i > 0 and taken[i - 1][1] > start:
            continue
        if i < len(taken) and taken[i][0] < end:
            continue
        taken.insert(i, (start, end))
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        groups["_text"] = text[start:end]
        kept.append(Candidate(start, end, rules()[priority], groups))
    kept.sort(key=lambda c: c.start)
    return kept
