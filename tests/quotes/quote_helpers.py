"""What the quote tests share: running the quote stage on a sentence and reading its results back
as plain lists, and building a Doc from a written-down parse (for parse errors the model does not
make on a short test sentence)."""
from __future__ import annotations

from spacy.tokens import Doc

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes
from dateline.quotes.find import find_candidates


def quotes_in(nlp, text, **kw):
    """The quotes of ``text`` (a string, or a Doc already built), with no actors."""
    doc = text if isinstance(text, Doc) else nlp(text)
    return find_quotes(doc, actors=ActorIndex(), **kw)


def kinds_and_contents(nlp, text, **kw) -> list[tuple[str, list[str]]]:
    """Each quote's kind and the texts of its content parts."""
    return [(q.kind, [c.text for c in q.content]) for q in quotes_in(nlp, text, **kw)]


def contents(nlp, text, **kw) -> list[list[str]]:
    """The texts of each quote's content parts."""
    return [[c.text for c in q.content] for q in quotes_in(nlp, text, **kw)]


def speakers_by_cue(nlp, text: str) -> dict[str, str | None]:
    """Each candidate's cue text mapped to its speaker mention text (the last candidate wins)."""
    return {text[slice(*c.cue)]: text[slice(*c.speaker)] if c.speaker else None
            for c in find_candidates(nlp(text)) if c.cue}


def hand_doc(nlp, rows) -> Doc:
    """A one-sentence Doc from (word, head, dep, pos, tag, lemma) rows. A space follows each word
    except before "." and ",", after an opening quote mark and before a closing one."""
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
    marks = [sum(w == '"' for w in words[:i + 1]) for i in range(len(words))]  # quote marks so far
    spaces = [i + 1 < len(words) and words[i + 1] not in ".," and not (words[i] == '"' and marks[i] % 2)
              and not (words[i + 1] == '"' and marks[i] % 2) for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=[int(h) for h in heads], deps=deps, pos=pos, tags=tags,
               lemmas=lemmas, sent_starts=[True] + [False] * (len(words) - 1))
