"""The cue lexicon is our own data file; check its coverage against the GGT quoting verbs and
PolNeAR's most frequent cues (both read from ../shared at test time, never copied)."""
from __future__ import annotations

import collections
import re

import pytest

from dateline.quotes.cues import load_cues
from tests.conftest import shared_path


def test_cues_lexicon_loads_once_and_has_every_section():
    lex = load_cues()
    assert load_cues() is lex
    assert {"say", "warn", "insist", "tell", "tweet", "write"} <= lex.speech
    assert {"believe", "think", "fear"} <= lex.cognition
    assert ("push", "back") in lex.particles and ("according", "to") in lex.according
    assert "statement" in lex.nouns and lex.verbs <= lex.all_verbs


def _lemmas(nlp, words):
    # lemmatise each inflected form in a neutral frame ("They said it.")
    return {doc[1].lemma_.lower() for doc in nlp.pipe(f"They {w} it." for w in words)}


def test_cues_cover_ggt_quoting_verbs(nlp):
    words = shared_path("data", "ggt-quote-verbs", "quote_verb_list.txt").read_text("utf-8").split()
    lemmas = _lemmas(nlp, words)
    covered = {lemma for lemma in lemmas if lemma in load_cues().all_verbs}
    assert len(covered) / len(lemmas) >= 0.9, sorted(lemmas - covered)


def test_cues_cover_frequent_polnear_cue_verbs(nlp):
    from dateline.eval.brat import iter_articles

    counts: collections.Counter = collections.Counter()
    for article in iter_articles(shared_path("data", "polnear"), "train", limit=200):
        for a in article.attributions:
            words = re.findall(r"[a-z]+", " ".join(article.text[s:e] for s, e in a.cue).lower())
            if len(words) == 1:
                counts[words[0]] += 1
    frequent = [w for w, n in counts.most_common(40) if n >= 5]
    lex = load_cues()
    known = lex.all_verbs | {w for pair in lex.according for w in pair} | lex.nouns
    lemmas = {w: doc[1].lemma_.lower() for w, doc in zip(frequent, nlp.pipe(f"They {w} it." for w in frequent))}
    missing = [w for w in frequent if lemmas[w] not in known and w not in known]
    assert len(missing) <= 0.15 * len(frequent), missing


@pytest.mark.parametrize("lemma, expected", [("say", True), ("warn", True), ("eat", False)])
def test_cues_is_cue_lemma(lemma, expected):
    assert load_cues().is_cue_lemma(lemma) is expected
