"""Score TIMEX3 extraction and normalisation the way the TempEval-3 entity scorer does.

Corpora (read from ../shared at run time, never copied): TE3-Platinum (TimeML ``.tml``; the
system reads ``input/*.TE3input``, gold is ``gold/*.tml``, paired by DOCID because of the
``sarcozy``/``sarkozy`` file-name mismatch) and MEANTIME (CAT stand-off XML, tokens joined by
spaces).

The protocol (TE3 Task A entity scoring):

- pairs: system and gold spans that overlap, matched one to one greedily in order of gold start;
- relaxed P/R/F1 from the pairs; strict P/R/F1 from pairs with identical spans;
- type and value: exact string match over the relaxed pairs; attribute F1 = accuracy × relaxed F1;
- the DCT is input, not scored.

MEANTIME annotates only the title, the dateline and the first four body sentences of each
article, so system times after them are not scored.

Our own extras: mod accuracy over the relaxed pairs (``None`` == ``None`` counts) and the mean
interval overlap (Jaccard of the ``[start, end)`` intervals, gold interval from its value and mod)
over pairs whose gold value has a calendar interval.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.timex import values as V


@dataclass(frozen=True, slots=True)
class GoldTime:
    """One gold (or system) TIMEX3: span into the document text, type, value, mod."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class EvalDoc:
    """An evaluation document: plain text, its DCT, gold times and spans the scorer ignores."""

    id: str
    text: str
    dct: str | None
    times: tuple[GoldTime, ...]
    dct_span: tuple[int, int] | None = None  # where the DCT is written in the text (MEANTIME)
    scope_end: int | None = None  # only text before this offset is annotated (MEANTIME: sentences 0-5)


@dataclass(slots=True)
class TimesReport:
    """Counts and scores of one TIMEX3 evaluation run."""

    corpus: str
    docs: int = 0
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_correct: int = 0
    value_correct: int = 0
    mod_correct: int = 0
    interval_pairs: int = 0
    interval_overlap_sum: float = 0.0
    seconds: float = 0.0
    errors: list = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def _pr(self, tp: int) -> tuple[float, float, float]:
        p = tp / self.system if self.system else 0.0
        r = tp / self.gold if self.gold else 0.0
        return p, r, self._f1(p, r)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._pr(self.relaxed)

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        return self._pr(self.strict)

    def attribute_f1(self, correct: int) -> float:
        """Attribute F1 = accuracy over relaxed pairs × relaxed F1 (the TE3 definition)."""
        return (correct / self.relaxed if self.relaxed else 0.0) * self.relaxed_prf[2]

    @property
    def type_f1(self) -> float:
        return self.attribute_f1(self.type_correct)

    @property
    def value_f1(self) -> float:
        return self.attribute_f1(self.value_correct)

    @property
    def mod_accuracy(self) -> float:
        return self.mod_correct / self.relaxed if self.relaxed else 0.0

    @property
    def interval_overlap(self) -> float:
        return self.interval_overlap_sum / self.interval_pairs if self.interval_pairs else 0.0

    def as_dict(self) -> dict:
        rp, rr, rf = self.relaxed_prf
        sp, sr, sf = self.strict_prf
        return {
            "corpus": self.corpus, "docs": self.docs, "gold": self.gold, "system": self.system,
            "relaxed_tp": self.relaxed, "strict_tp": self.strict, "type_correct": self.type_correct,
            "value_correct": self.value_correct, "mod_correct": self.mod_correct,
            "relaxed": {"p": rp, "r": rr, "f1": rf}, "strict": {"p": sp, "r": sr, "f1": sf},
            "type_f1": self.type_f1, "value_f1": self.value_f1, "mod_accuracy": self.mod_accuracy,
            "interval_overlap": self.interval_overlap, "interval_pairs": self.interval_pairs,
            "seconds": round(self.seconds, 2),
        }


def report_from_counts(*, system: int, gold: int, relaxed: int, strict: int, value: int,
                       type_: int | None = None) -> TimesReport:
    """Build a report from raw counts (used by the scorer self-test).

    >>> r = report_from_counts(system=130, gold=138, relaxed=121, strict=109, value=104)
    >>> [round(100 * x, 2) for x in (r.strict_prf[2], r.relaxed_prf[2], r.value_f1)]
    [81.34, 90.3, 77.61]
    """
    return TimesReport("counts", 0, gold, system, relaxed, strict, type_ if type_ is not None else relaxed, value)


def _jaccard(a: tuple[str, str], b: tuple[str, str]) -> float:
    a0, a1, b0, b1 = (date.fromisoformat(x) for x in (*a, *b))
    inter = (min(a1, b1) - max(a0, b0)).days
    union = (max(a1, b1) - min(a0, b0)).days
    return max(0, inter) / union if union > 0 else 0.0


def pair(gold: Iterable[GoldTime], system: Iterable[GoldTime]) -> list[tuple[GoldTime, GoldTime]]:
    """Match overlapping spans one to one, greedily in order of gold start.

    >>> g = [GoldTime(0, 5, "DATE", "2013"), GoldTime(10, 14, "DATE", "2014")]
    >>> s = [GoldTime(3, 12, "DATE", "2013")]
    >>> [(a.value, b.value) for a, b in pair(g, s)]
    [('2013', '2013')]
    """
    used: set[int] = set()
    out = []
    sys_list = sorted(system, key=lambda t: (t.start, t.end))
    for g in sorted(gold, key=lambda t: (t.start, t.end)):
        for k, s in enumerate(sys_list):
            if k in used or not (s.start < g.end and g.start < s.end):
                continue
            used.add(k)
            out.append((g, s))
            break
    return out


def score_doc(report: TimesReport, doc: EvalDoc, system: list[GoldTime], *, keep_errors: bool = False) -> None:
    """Add one document's counts to ``report``."""
    dct = date.fromisoformat(doc.dct) if doc.dct and re.fullmatch(r"\d{4}-\d\d-\d\d", doc.dct) else None
    report.docs += 1
    report.gold += len(doc.times)
    report.system += len(system)
    pairs = pair(doc.times, system)
    report.relaxed += len(pairs)
    for g, s in pairs:
        report.strict += (g.start, g.end) == (s.start, s.end)
        report.type_correct += g.type == s.type
        report.value_correct += g.value == s.value
        report.mod_correct += (g.mod or None) == (s.mod or None)
        giv = V.interval(g.value, g.mod, dct)
        if giv is not None and g.type in ("DATE", "TIME"):
            report.interval_pairs += 1
            siv = V.interval(s.value, s.mod, dct) if s.type in ("DATE", "TIME") else None
            if siv is not None and "0001" not in giv[0] + siv[0] and "9999" not in giv[1] + siv[1]:
                report.interval_overlap_sum += _jaccard(giv, siv)
        if keep_errors and (g.value != s.value or g.type != s.type or (g.start, g.end) != (s.start, s.end)):
            report.errors.append({"doc": doc.id, "kind": "mismatch", "gold": _show(doc, g), "system": _show(doc, s)})
    if keep_errors:
        paired_g = {id(g) for g, _ in pairs}
        paired_s = {id(s) for _, s in pairs}
        for g in doc.times:
            if id(g) not in paired_g:
                report.errors.append({"doc": doc.id, "kind": "missed", "gold": _show(doc, g), "system": None})
        for s in system:
            if id(s) not in paired_s:
                report.errors.append({"doc": doc.id, "kind": "spurious", "gold": None, "system": _show(doc, s)})


def _show(doc: EvalDoc, t: GoldTime) -> str:
    ctx = doc.text[max(0, t.start - 30):t.start] + "[" + doc.text[t.start:t.end] + "]" + doc.text[t.end:t.end + 30]
    return f"{t.type} {t.value} {t.mod or ''} | {ctx!r}"


# --- TE3 (TimeML inline XML) ------------------------------------------------------------------
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def parse_timeml(xml: str) -> tuple[str, str, str | None, list[GoldTime]]:
    """Return ``(docid, text, dct, times)`` of a TimeML document; ``text`` is the ``<TEXT>`` body
    with markup stripped and entities decoded, spans index into it.

    >>> parse_timeml('<DOCID>d</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">x</TIMEX3></DCT>'
    ...              '<TEXT>On <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3>.</TEXT>')
    ('d', 'On Thursday.', '2013-03-22', [GoldTime(start=3, end=11, type='DATE', value='2013-03-21', mod=None)])
    """
    docid_m = re.search(r"<DOCID>\s*(.*?)\s*</DOCID>", xml, re.S)
    dct_m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", xml, re.S)
    dct = dict(_ATTR.findall(dct_m.group(1))).get("value") if dct_m else None
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", xml, re.S)
    body = body_m.group(1) if body_m else ""
    out: list[str] = []
    pos = 0
    length = 0
    times: list[GoldTime] = []
    open_timex: list[tuple[int, dict]] = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclose = m.groups()
        if name != "TIMEX3":
            continue
        if closing:
            start, a = open_timex.pop()
            times.append(GoldTime(start, length, a.get("type", "DATE"), a.get("value", ""), a.get("mod") or None))
        elif not selfclose:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
    out.append(html.unescape(body[pos:]))
    docid = docid_m.group(1) if docid_m else ""
    return docid, "".join(out), dct, times


def load_te3(folder: Path) -> list[EvalDoc]:
    """Load TE3-Platinum gold (``gold/*.tml``) and check that the system input text agrees."""
    folder = Path(folder)
    inputs = {}
    for p in sorted((folder / "input").glob("*")):
        docid, text, dct, _ = parse_timeml(p.read_text("utf-8"))
        inputs[docid] = (text, dct)
    docs = []
    for p in sorted((folder / "gold").glob("*.tml")):
        docid, text, dct, times = parse_timeml(p.read_text("utf-8"))
        if docid in inputs and inputs[docid][0] != text:
            raise ValueError(f"{p.name}: input text differs from gold text")
        docs.append(EvalDoc(docid, text, dct, tuple(times)))
    return docs


# --- MEANTIME (CAT stand-off XML) -------------------------------------------------------------
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "'", "n't", "%", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "$", "US$", "#", "``"}


def load_meantime(folder: Path) -> list[EvalDoc]:
    """Load MEANTIME English: one line per sentence, tokens joined by spaces except before
    punctuation; the CREATION_TIME TIMEX3 is the DCT and its tokens are recorded as ``dct_span``."""
    folder = Path(folder)
    root_dir = folder / "intra_cross-doc_annotation" if (folder / "intra_cross-doc_annotation").exists() else folder
    docs = []
    for p in sorted(root_dir.glob("*/*.xml")):
        root = ET.parse(p).getroot()
        offsets: dict[str, tuple[int, int]] = {}
        parts: list[str] = []
        length = 0
        prev_sent = None
        prev_tok = None
        for tok in root.iter("token"):
            word = tok.text or ""
            sent = tok.get("sentence")
            if prev_sent is not None:
                sep = "\n" if sent != prev_sent else (
                    "" if word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER else " ")
                parts.append(sep)
                length += len(sep)
            offsets[tok.get("t_id")] = (length, length + len(word))
            parts.append(word)
            length += len(word)
            prev_sent, prev_tok = sent, word
        text = "".join(parts)
        times: list[GoldTime] = []
        dct = None
        dct_span = None
        markables = root.find("Markables")
        for m in markables if markables is not None else []:
            if m.tag != "TIMEX3":
                continue
            ids = [a.get("t_id") for a in m.findall("token_anchor")]
            spans = [offsets[i] for i in ids if i in offsets]
            if m.get("functionInDocument") == "CREATION_TIME":
                dct = _fix_dct(m.get("value"))
                if spans:
                    dct_span = (min(s for s, _ in spans), max(e for _, e in spans))
                continue
            if not spans:
                continue
            times.append(GoldTime(min(s for s, _ in spans), max(e for _, e in spans), m.get("type") or "DATE",
                                  m.get("value") or "", m.get("mod") or None))
        times.sort(key=lambda t: t.start)
        scope_end = _line_end(text, _ANNOTATED_SENTENCES)
        docs.append(EvalDoc(p.stem, text, dct, tuple(times), dct_span, scope_end))
    return docs


_ANNOTATED_SENTENCES = 6  # MEANTIME annotates the title, the dateline and the first sentences only


def _line_end(text: str, lines: int) -> int:
    pos = -1
    for _ in range(lines):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos


def _fix_dct(value: str | None) -> str | None:
    """MEANTIME has one DCT written DD-MM-YYYY ("03-02-2009"; the dateline says February 03)."""
    if value and (m := re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)):
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return value


def load_corpus(folder: Path) -> tuple[str, list[EvalDoc]]:
    """Detect the corpus format of ``folder`` and load it."""
    folder = Path(folder)
    if (folder / "gold").is_dir() and (folder / "input").is_dir():
        return "te3", load_te3(folder)
    if (folder / "intra_cross-doc_annotation").is_dir() or list(folder.glob("corpus_*")):
        return "meantime", load_meantime(folder)
    raise FileNotFoundError(f"{folder}: neither TE3 (gold/, input/) nor MEANTIME data")


# --- running dateline -------------------------------------------------------------------------
def system_times(docs: list[EvalDoc], *, given_dct: bool = True) -> Iterator[list[GoldTime]]:
    """Run the time stage over each document (DCT given, TimeML extents) and yield its times."""
    from dateline.parse import load_nlp
    from dateline.record import Published
    from dateline.timex import find_times

    nlp = load_nlp()
    for doc, spacy_doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=8)):
        published = Published(doc.dct, "day", "given") if given_dct and doc.dct else None
        result = find_times(spacy_doc, published=published, timeml=True)
        out = []
        for t in result.times:
            if doc.dct_span and t.span[0] < doc.dct_span[1] and doc.dct_span[0] < t.span[1]:
                continue
            if doc.scope_end is not None and t.span[0] >= doc.scope_end:
                continue
            out.append(GoldTime(t.span[0], t.span[1], t.type, t.value, t.mod))
        yield out


def evaluate_times(folder: Path, *, limit: int | None = None, keep_errors: bool = False) -> TimesReport:
    """Score dateline's time stage on a TE3 or MEANTIME folder.

    >>> evaluate_times.__name__
    'evaluate_times'
    """
    import time

    kind, docs = load_corpus(folder)
    docs = docs[:limit] if limit else docs
    report = TimesReport(f"{kind}:{Path(folder).name}")
    t0 = time.perf_counter()
    for doc, system in zip(docs, system_times(docs)):
        score_doc(report, doc, system, keep_errors=keep_errors)
    report.seconds = time.perf_counter() - t0
    return report


def self_test(folder: Path | None = None) -> dict:
    """The scorer's self-test: gold against gold scores 100 (when ``folder`` is given), and the
    published HeidelTime counts reproduce its published figures.

    >>> self_test()["counts"]
    {'strict_f1': 81.34, 'relaxed_f1': 90.3, 'value_f1': 77.61}
    """
    r = report_from_counts(system=130, gold=138, relaxed=121, strict=109, value=104)
    out = {"counts": {"strict_f1": round(100 * r.strict_prf[2], 2), "relaxed_f1": round(100 * r.relaxed_prf[2], 2),
                      "value_f1": round(100 * r.value_f1, 2)}}
    if folder is not None:
        kind, docs = load_corpus(folder)
        g = TimesReport(f"{kind}:gold-vs-gold")
        for doc in docs:
            score_doc(g, doc, list(doc.times))
        out["gold_vs_gold"] = {"gold": g.gold, "strict_f1": round(100 * g.strict_prf[2], 2),
                               "relaxed_f1": round(100 * g.relaxed_prf[2], 2), "type_f1": round(100 * g.type_f1, 2),
                               "value_f1": round(100 * g.value_f1, 2), "mod_accuracy": round(100 * g.mod_accuracy, 2)}
    return out
