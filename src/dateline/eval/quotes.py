"""Score quote extraction against PolNeAR attributions (the protocol of issue 3).

Protocol: gold is the first annotator listed in ``metadata.tsv``. Spans are compared as sets of
character offsets with whitespace and punctuation removed. Gold and predicted contents are
matched one-to-one, greedily by Jaccard similarity (highest first), and a pair is accepted at
Jaccard >= 0.5. Reported: content P/R/F1; source accuracy on matched pairs (any overlap, or both
absent); attribution F1 (content matched and source right); cue accuracy on matched pairs; and
breakdowns by gold kind (direct / mixed / indirect), split contents, bare-pronoun sources and
the speech-verb subset (gold cue holds a verb of the GGT quoting-verb list).
"""
from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.eval.brat import GoldAttribution, PolnearArticle
from dateline.record import Quote
from dateline.types import Span

THRESHOLD = 0.5
PRONOUNS = frozenset("he she they i we you it him her them us me his their its".split())
_DOUBLE_MARKS = "\"\u201c\u201d\u00ab\u00bb\u201e"
_SINGLE_MARKS = "'\u2018\u2019"


@dataclass(frozen=True, slots=True)
class Item:
    """One attribution reduced to character sets, plus the labels used for breakdowns."""

    content: frozenset[int]
    source: frozenset[int]
    cue: frozenset[int]
    kind: str = "indirect"
    split: bool = False
    pronoun: bool = False
    speech_verb: bool = False
    linked: bool = False  # predictions: the speaker mention resolves to an actor
    confidence: float = 0.0  # predictions: the quote's own confidence


def char_set(text: str, spans: Iterable[Span]) -> frozenset[int]:
    """Return the offsets in ``spans`` whose characters are neither whitespace nor punctuation.

    >>> sorted(char_set('"Go, now."', [(0, 10)]))
    [1, 2, 5, 6, 7]
    """
    out = set()
    for start, end in spans:
        for i in range(max(0, start), min(end, len(text))):
            ch = text[i]
            if not ch.isspace() and not unicodedata.category(ch).startswith("P"):
                out.add(i)
    return frozenset(out)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard similarity of two character sets (0 when both are empty).

    >>> jaccard(frozenset({1, 2, 3}), frozenset({2, 3, 4}))
    0.5
    """
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def quote_marks(text: str) -> list[int]:
    """Return the offsets of the quotation marks in ``text``; apostrophes are not quote marks.

    Double marks («», „ included) always count. A single mark (' \u2018 \u2019) counts when it
    opens a quotation (no letter or digit before it, one after it) or closes an open one (no
    letter or digit after it); between letters ("it\u2019s"), after a plural ("voters\u2019")
    with no quotation open, or before a year ("\u201990s") it is an apostrophe.

    >>> quote_marks("it\u2019s the voters\u2019 \u2018right\u2019 now")
    [17, 23]
    """
    out, open_singles = [], []
    for i, ch in enumerate(text):
        if ch in _DOUBLE_MARKS:
            out.append(i)
            continue
        if ch not in _SINGLE_MARKS:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # it's, don't
        if not before.isalnum() and (after.isalpha() or (after.isdigit() and ch != "\u2019")):
            open_singles.append(i)  # an opening mark
        elif not after.isalnum() and open_singles:
            out.extend((open_singles.pop(), i))
    return sorted(out)


def content_kind(text: str) -> str:
    """Classify a content string as direct, mixed or indirect by its quotation marks.

    Apostrophes ("it\u2019s", "voters\u2019") are not quotation marks.

    >>> content_kind('"We won," '), content_kind('the plan was "dead"'), content_kind('it was over')
    ('direct', 'mixed', 'indirect')
    >>> content_kind("the voters\u2019 choice isn\u2019t over"), content_kind("\u2018We won\u2019")
    ('indirect', 'direct')
    """
    t = text.strip().rstrip(".,;:")
    marks = quote_marks(t)
    if len(t) >= 2 and marks and marks[0] == 0 and marks[-1] == len(t) - 1:
        return "direct"
    return "mixed" if marks else "indirect"


def gold_items(article: PolnearArticle, speech_verbs: frozenset[str] = frozenset()) -> list[Item]:
    """Turn an article's gold attributions (those with content) into scoring items.

    >>> from dateline.eval.brat import PolnearArticle, GoldAttribution
    >>> art = PolnearArticle("a", "dev", "x", "He said no way.", (GoldAttribution(((8, 15),), ((0, 2),), ((3, 7),)),))
    >>> item = gold_items(art)[0]
    >>> item.kind, item.pronoun, len(item.content)
    ('indirect', True, 5)
    """
    text = article.text
    out = []
    for a in article.attributions:
        if not a.content:
            continue
        content_text = " ".join(text[s:e] for s, e in a.content)
        source_text = " ".join(text[s:e] for s, e in a.source).strip().lower()
        cue_words = set(re.findall(r"[a-z]+", " ".join(text[s:e] for s, e in a.cue).lower()))
        out.append(Item(
            content=char_set(text, a.content), source=char_set(text, a.source), cue=char_set(text, a.cue),
            kind=content_kind(content_text), split=len(a.content) > 1, pronoun=source_text in PRONOUNS,
            speech_verb=bool(cue_words & speech_verbs),
        ))
    return [i for i in out if i.content]


def predicted_items(text: str, quotes: Iterable[Quote]) -> list[Item]:
    """Turn predicted quotes into scoring items.

    >>> from dateline.record import Quote, TextSpan
    >>> [len(i.content) for i in predicted_items("He said no.", [Quote("Q1", "indirect", (TextSpan("no", (8, 10)),))])]
    [2]
    """
    out = []
    for q in quotes:
        content = char_set(text, [c.span for c in q.content])
        if not content:
            continue
        source = char_set(text, [q.speaker_span]) if q.speaker_span else frozenset()
        cue = char_set(text, [q.cue.span]) if q.cue else frozenset()
        out.append(Item(content, source, cue, kind=q.kind, split=len(q.content) > 1, linked=q.speaker is not None,
                        confidence=q.confidence))
    return out


def match(gold: list[Item], pred: list[Item], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """Match gold and predicted contents one-to-one, greedily by Jaccard, accepting >= threshold.

    >>> g = [Item(frozenset({1, 2}), frozenset(), frozenset())]
    >>> p = [Item(frozenset({2, 3}), frozenset(), frozenset()), Item(frozenset({1, 2}), frozenset(), frozenset())]
    >>> match(g, p)
    [(0, 1)]
    """
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.content & p.content:
                score = jaccard(g.content, p.content)
                if score >= threshold:
                    pairs.append((score, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def _agree(a: frozenset[int], b: frozenset[int]) -> bool:
    return bool(a & b) or (not a and not b)


@dataclass(slots=True)
class Tally:
    """Counts for one slice of the evaluation."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    pred_matched: int = 0  # matched predictions counted by the prediction's own slice
    sourced: int = 0  # matched pairs whose predicted speaker mention is the gold source
    linked: int = 0  # ... of which the speaker mention resolves to an actor

    def add(self, other: "Tally") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.matched += other.matched
        self.source_ok += other.source_ok
        self.cue_ok += other.cue_ok
        self.pred_matched += other.pred_matched
        self.sourced += other.sourced
        self.linked += other.linked

    def summary(self) -> dict:
        p = self.pred_matched / self.pred if self.pred else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        ap = min(1.0, self.source_ok / self.pred) if self.pred else 0.0
        ar = self.source_ok / self.gold if self.gold else 0.0
        return {
            "gold": self.gold, "pred": self.pred, "matched": self.matched,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(_f1(p, r), 4),
            "source_accuracy": round(self.source_ok / self.matched, 4) if self.matched else 0.0,
            "attribution_f1": round(_f1(ap, ar), 4),
            "cue_accuracy": round(self.cue_ok / self.matched, 4) if self.matched else 0.0,
            "speaker_linked": round(self.linked / self.sourced, 4) if self.sourced else 0.0,
        }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


SLICES = ("all", "direct", "mixed", "indirect", "split", "pronoun_source", "speech_verb")


def _slices(item: Item) -> list[str]:
    out = ["all", item.kind]
    if item.split:
        out.append("split")
    if item.pronoun:
        out.append("pronoun_source")
    if item.speech_verb:
        out.append("speech_verb")
    return out


def score_article(gold: list[Item], pred: list[Item]) -> dict[str, Tally]:
    """Score one article; returns a tally per slice.

    Gold items count towards ``all``, their gold kind and their labels (recall, source and cue
    accuracy per gold slice); predictions count towards ``all`` and their own predicted kind
    (precision per predicted kind). The ``split``, ``pronoun_source`` and ``speech_verb`` slices
    are recall-oriented: their precision is 1 by construction and not meaningful.

    >>> gold = [Item(frozenset({1, 2}), frozenset({9}), frozenset())]
    >>> score_article(gold, [Item(frozenset({1, 2}), frozenset({9}), frozenset())])["all"].summary()["f1"]
    1.0
    """
    tallies = {name: Tally() for name in SLICES}
    for g in gold:
        for name in _slices(g):
            tallies[name].gold += 1
    for p in pred:
        tallies["all"].pred += 1
        tallies[p.kind].pred += 1
    for gi, pi in match(gold, pred):
        g, p = gold[gi], pred[pi]
        ok_source, ok_cue = _agree(g.source, p.source), _agree(g.cue, p.cue)
        for name in _slices(g):
            t = tallies[name]
            t.matched += 1
            t.source_ok += ok_source
            t.cue_ok += ok_cue
            if ok_source and p.source:
                t.sourced += 1
                t.linked += p.linked
            if name in ("split", "pronoun_source", "speech_verb"):
                t.pred += 1
                t.pred_matched += 1
        tallies["all"].pred_matched += 1
        tallies[p.kind].pred_matched += 1
    return tallies


def calibration(gold: list[Item], pred: list[Item]) -> dict[float, list[int]]:
    """Per confidence (rounded to 0.1): how many predictions, and how many are right in content and
    source, so that a user can read what a quote's confidence means.

    >>> g = [Item(frozenset({1, 2}), frozenset({9}), frozenset())]
    >>> calibration(g, [Item(frozenset({1, 2}), frozenset({9}), frozenset(), confidence=0.83)])
    {0.8: [1, 1]}
    """
    right = {pi for gi, pi in match(gold, pred) if _agree(gold[gi].source, pred[pi].source)}
    out: dict[float, list[int]] = {}
    for pi, p in enumerate(pred):
        row = out.setdefault(round(p.confidence, 1), [0, 0])
        row[0] += 1
        row[1] += pi in right
    return out


@dataclass(slots=True)
class Report:
    """The result of one evaluation run."""

    split: str
    mode: str = "pipeline"
    articles: int = 0
    tallies: dict[str, Tally] = field(default_factory=lambda: {n: Tally() for n in SLICES})
    seconds: float = 0.0
    by_confidence: dict[float, list[int]] = field(default_factory=dict)

    def add(self, tallies: dict[str, Tally], confidence: dict[float, list[int]] | None = None) -> None:
        self.articles += 1
        for name, t in tallies.items():
            self.tallies[name].add(t)
        for bucket, (n, right) in (confidence or {}).items():
            row = self.by_confidence.setdefault(bucket, [0, 0])
            row[0] += n
            row[1] += right

    def to_json(self) -> dict:
        return {
            "split": self.split, "mode": self.mode, "articles": self.articles, "threshold": THRESHOLD,
            "seconds_per_article": round(self.seconds / self.articles, 4) if self.articles else 0.0,
            "slices": {name: t.summary() for name, t in self.tallies.items()},
            "calibration": {f"{b:.1f}": {"predictions": n, "right": round(r / n, 4)}
                            for b, (n, r) in sorted(self.by_confidence.items()) if n},
        }


def load_speech_verbs(shared_data: Path) -> frozenset[str]:
    """Read the GGT quoting-verb list (inflected forms) if present, else an empty set.

    >>> load_speech_verbs(Path("/nonexistent"))
    frozenset()
    """
    path = Path(shared_data) / "ggt-quote-verbs" / "quote_verb_list.txt"
    if not path.exists():
        return frozenset()
    return frozenset(w.strip().lower() for w in path.read_text("utf-8").split() if w.strip())


def evaluate_polnear(root: Path | str, split: str, *, limit: int | None = None, direct_only: bool = False,
                     broad: bool = False, extractor=None, batch_size: int = 16) -> Report:
    """Run quote extraction over a PolNeAR split and score it.

    ``extractor(doc) -> quotes`` defaults to dateline's `find_quotes` with the document's actors
    (scoring compares spans; ``speaker_linked`` is the share of right speaker mentions that resolve
    to an actor); docs are parsed with ``load_nlp().pipe``.
    ``broad`` switches on attributed attitudes (PolNeAR annotates them; the pipeline does not).
    """
    from dateline.actors import find_actors
    from dateline.eval.brat import iter_articles
    from dateline.parse import load_nlp
    from dateline.quotes import find_quotes
    from dateline.record import Document

    root = Path(root)
    articles = list(iter_articles(root, split, limit=limit))
    verbs = load_speech_verbs(root.parent)
    if extractor is None:
        def extractor(doc):  # noqa: E306
            actors = find_actors(doc, document=Document(id="polnear", text=doc.text))
            return find_quotes(doc, actors=actors, indirect=not direct_only, broad=broad)

    report = Report(split, mode="direct" if direct_only else ("broad" if broad else "pipeline"))
    nlp = load_nlp()
    started = time.perf_counter()
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size)):
        gold, pred = gold_items(article, verbs), predicted_items(article.text, extractor(doc))
        report.add(score_article(gold, pred), calibration(gold, pred))
    report.seconds = time.perf_counter() - started
    return report


def score_docs(articles: list[PolnearArticle], docs, extractor, *, speech_verbs: frozenset[str] = frozenset(),
               split: str = "") -> Report:
    """Score already-parsed docs (one per article, same order) with ``extractor(doc)``."""
    report = Report(split)
    started = time.perf_counter()
    for article, doc in zip(articles, docs):
        report.add(score_article(gold_items(article, speech_verbs), predicted_items(article.text, extractor(doc))))
    report.seconds = time.perf_counter() - started
    return report


__all__ = ["GoldAttribution", "Item", "Report", "Tally", "calibration", "char_set", "content_kind",
           "quote_marks", "evaluate_polnear",
           "gold_items", "jaccard", "match", "predicted_items", "score_article", "score_docs"]
