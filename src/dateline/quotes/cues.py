"""The quote cue lexicons: speech, cognition and evidence verbs, particle and multiword cues
(`load_cues`), and the noun and adjective cue lists of the nominal finder (`load_nominal`).

The lexicon is a data file (``dateline/data/quotes/cues.json``) written for this project; it is
loaded once per process. Matching is by lemma, so "said", "says" and "saying" are one entry.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace
from importlib import resources


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The loaded cue lexicon (lemmas in lower case)."""

    speech: frozenset[str]
    cognition: frozenset[str]
    evidence: frozenset[str]
    particles: frozenset[tuple[str, str]]
    multiword: tuple[tuple[str, ...], ...]
    nouns: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    noncue_subjects: frozenset[str]
    object_verbs: frozenset[str] = frozenset()
    infinitive_verbs: frozenset[str] = frozenset()
    prep_cues: frozenset[tuple[str, str]] = frozenset()
    adjectives: frozenset[str] = frozenset()
    raising: frozenset[str] = frozenset()
    colon_labels: frozenset[str] = frozenset()
    broad_only: frozenset[str] = frozenset()
    in_sources: frozenset[str] = frozenset()  # "in the latest poll, ...": the noun is the source  # verbs whose attributions only the broad mode reports
    desire: frozenset[str] = frozenset()  # verbs of wanting that take an object ("wants a deal")
    topic: frozenset[str] = frozenset()  # speech acts whose object is what was said ("stressed the risks")
    agentive_infinitive: frozenset[str] = frozenset()  # to-infinitive of any subject ("the site refused to")
    agentive_prep_cues: frozenset[tuple[str, str]] = frozenset()  # prep cues of any subject ("the letter referred to")
    as_verbs: frozenset[str] = frozenset()  # verbs of regarding with an "as" phrase ("see X as Y")
    people: frozenset[str] = frozenset()  # common nouns for people and institutions ("officials")
    addressee: frozenset[str] = frozenset()  # verbs whose object is the one spoken to ("told the Post")
    stance: frozenset[str] = frozenset()  # take any object of a named actor ("Cruz endorsed Trump")
    prep_verbs: frozenset[str] = frozenset()  # verbs of prep_cues ("referred to")
    all_verbs: frozenset[str] = frozenset()  # every verb lemma any rule looks at
    verbs: frozenset[str] = frozenset()  # speech | cognition | evidence: verbs taking a clause or a quote

    def is_cue_lemma(self, lemma: str) -> bool:
        """Return True when ``lemma`` is a speech, cognition or evidence verb.

        >>> load_cues().is_cue_lemma("say"), load_cues().is_cue_lemma("eat")
        (True, False)
        """
        return lemma.lower() in self.verbs


@functools.cache
def load_cues() -> CueLexicon:
    """Return the cue lexicon, read once from ``data/quotes/cues.json``.

    >>> "warn" in load_cues().speech
    True
    """
    lex = _read()
    prep_verbs = frozenset(v for v, _ in lex.prep_cues)
    every = (lex.speech | lex.cognition | lex.evidence | lex.object_verbs | lex.infinitive_verbs | prep_verbs
             | lex.raising | lex.stance | lex.as_verbs | lex.desire | lex.topic)
    return replace(lex, prep_verbs=prep_verbs, all_verbs=every, verbs=lex.speech | lex.cognition | lex.evidence)


@functools.cache
def read_data(name: str) -> dict:
    """A parsed JSON file of ``dateline/data/quotes/``, read once per process.

    >>> "medium_nouns" in read_data("boundaries.json")
    True
    """
    return json.loads(resources.files("dateline.data").joinpath("quotes", name).read_text("utf-8"))


def _raw() -> dict:
    return read_data("cues.json")


def _read() -> CueLexicon:
    raw = _raw()
    low = lambda items: frozenset(str(i).lower() for i in items)  # noqa: E731
    return CueLexicon(
        speech=low(raw["speech_verbs"]),
        cognition=low(raw["cognition_verbs"]),
        evidence=low(raw["evidence_verbs"]),
        particles=frozenset((a.lower(), b.lower()) for a, b in raw["particle_cues"]),
        multiword=tuple(tuple(w.lower() for w in m) for m in raw["multiword_cues"]),
        nouns=low(raw["noun_cues"]),
        according=tuple(tuple(w.lower() for w in m) for m in raw["according_cues"]),
        noncue_subjects=low(raw["noncue_subjects"]),
        object_verbs=low(raw.get("object_verbs", ())),
        infinitive_verbs=low(raw.get("infinitive_verbs", ())),
        prep_cues=frozenset((a.lower(), b.lower()) for a, b in raw.get("prep_cues", ())),
        adjectives=low(raw.get("adjective_cues", ())),
        raising=low(raw.get("raising_verbs", ())),
        colon_labels=low(raw.get("colon_labels", ())),
        broad_only=low(raw.get("broad_only_verbs", ())),
        in_sources=low(raw.get("in_source_nouns", ())),
        stance=low(raw.get("stance_verbs", ())),
        people=low(raw.get("people_nouns", ())),
        as_verbs=low(raw.get("as_verbs", ())),
        desire=low(raw.get("desire_verbs", ())),
        topic=low(raw.get("topic_verbs", ())),
        agentive_infinitive=low(raw.get("agentive_infinitive_verbs", ())),
        agentive_prep_cues=frozenset((a.lower(), b.lower()) for a, b in raw.get("agentive_prep_cues", ())),
        addressee=low(raw.get("addressee_verbs", ())),
    )


@dataclass(frozen=True, slots=True)
class NominalLexicon:
    """The nominal cue lists, lemmas in lower case."""

    preps: dict[tuple[str, str], str]  # (noun, preposition) -> "" or "in" (only in an "in" phrase: "in support of")
    infinitive: frozenset[str]  # nouns taking a to-infinitive content: "plan", "decision"
    adjective_infinitive: frozenset[str]  # adjectives taking a to-infinitive content: "eager", "willing"
    receive_verbs: frozenset[str]  # verbs whose subject is the target of their object noun: "faced criticism"
    light_verbs: frozenset[str]  # verbs that leave their object noun the cue: "launched an attack on"
    sourceless: frozenset[str]  # speech-act nouns reported even without a source: "calls for a boycott grew"
    source_preps: frozenset[str]  # prepositions introducing the source: "from", "by"
    nouns: frozenset[str]  # every noun of preps and infinitive


@functools.cache
def load_nominal() -> NominalLexicon:
    """Return the nominal cue lists, read once from ``data/quotes/cues.json``.

    >>> ("attack", "on") in load_nominal().preps
    True
    """
    raw = _raw()
    preps = {(e[0].lower(), e[1].lower()): (e[2].lower() if len(e) > 2 else "") for e in raw.get("noun_prep_cues", ())}
    infinitive = frozenset(n.lower() for n in raw.get("noun_infinitive_cues", ()))
    return NominalLexicon(
        preps=preps, infinitive=infinitive,
        adjective_infinitive=frozenset(a.lower() for a in raw.get("adjective_infinitive_cues", ())),
        receive_verbs=frozenset(v.lower() for v in raw.get("nominal_receive_verbs", ())),
        light_verbs=frozenset(v.lower() for v in raw.get("nominal_light_verbs", ())),
        sourceless=frozenset(n.lower() for n in raw.get("nominal_sourceless_nouns", ())),
        source_preps=frozenset(p.lower() for p in raw.get("nominal_source_preps", ())),
        nouns=frozenset(n for n, _ in preps) | infinitive,
    )
