"""Assemble a benchmark corpus at run time from the shared evaluation texts.

The texts come from ``../shared/data`` (PolNeAR, MEANTIME, TempEval-3 platinum): they are read
where they lie and never copied into the repository. `articles(n)` cycles through them until it
has ``n`` articles; `article_of_length(words)` glues paragraphs together to reach a length.
"""
from __future__ import annotations

import functools
import html
import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"

_TAG = re.compile(r"<[^>]+>")
_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}'’”]|n't|'s|'re|'ve|'ll|'d|'m)")
_SPACE_AFTER = re.compile(r"([(\[{$“]) ")


def _polnear(base: Path) -> list[str]:
    texts = []
    for split in ("train", "dev", "test"):
        for path in sorted((base / "polnear" / split / "text").glob("*.txt")):
            texts.append(path.read_text("utf-8"))
    return texts


def _meantime(base: Path) -> list[str]:
    texts = []
    for path in sorted((base / "meantime-en" / "intra_cross-doc_annotation").rglob("*.xml")):
        root = ET.parse(path).getroot()
        sentences: dict[int, list[str]] = {}
        for tok in root.iter("token"):
            sentences.setdefault(int(tok.get("sentence", 0)), []).append(tok.text or "")
        lines = [" ".join(toks) for _, toks in sorted(sentences.items())]
        lines = [_SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", line)) for line in lines]
        texts.append("\n\n".join(lines))
    return texts


def _te3(base: Path) -> list[str]:
    texts = []
    for path in sorted((base / "te3-platinum" / "input").glob("*.TE3input")):
        raw = path.read_text("utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if m:
            texts.append(html.unescape(_TAG.sub("", m.group(1))).strip())
    return texts


@functools.cache
def source_texts(base: Path = SHARED) -> tuple[str, ...]:
    """All shared article texts, interleaved by source so any prefix mixes the three corpora."""
    if not base.exists():
        raise SystemExit(f"benchmark data not found: {base} (needs ../shared/data)")
    pools = [_polnear(base), _meantime(base), _te3(base)]
    mixed = [t for group in itertools.zip_longest(*pools) for t in group if t and t.strip()]
    return tuple(mixed)


def articles(n: int) -> list[str]:
    """``n`` article texts, repeating the shared texts as needed."""
    return list(itertools.islice(itertools.cycle(source_texts()), n))


def words(text: str) -> int:
    """Whitespace word count (what ``wc -w`` says)."""
    return len(text.split())


def article_of_length(n_words: int) -> str:
    """One article of about ``n_words`` words, made of whole paragraphs of the shared texts."""
    paragraphs = (p for t in itertools.cycle(source_texts()) for p in t.split("\n") if p.strip())
    out, total = [], 0
    for para in paragraphs:
        out.append(para)
        total += words(para)
        if total >= n_words:
            break
    return "\n\n".join(out)


def write_jsonl(path: Path, n: int) -> Path:
    """Write ``n`` articles as JSON Lines at ``path`` (a temporary file, never in the repo)."""
    import json

    with open(path, "w", encoding="utf-8") as fh:
        for i, text in enumerate(articles(n)):
            fh.write(json.dumps({"id": f"bench-{i}", "text": text, "published": f"20{10 + i % 10}-0{1 + i % 9}-01"})
                     + "\n")
    return path


def batch_args(argv: list[str] | None, description: str):
    """Parse the options the batch benchmarks share (``--articles``, ``--partition-size``)."""
    import argparse

    ap = argparse.ArgumentParser(description=description.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--partition-size", type=int, default=16)
    return ap.parse_args(argv)


def prepare(tmp: Path, n: int) -> tuple[Path, int]:
    """Write ``n`` articles as JSON Lines under ``tmp``; return the file and its word count."""
    return write_jsonl(tmp / "corpus.jsonl", n), sum(words(t) for t in articles(n))


class RssMonitor:
    """Poll the resident memory of this process's descendants (workers) and keep each one's peak."""

    def __init__(self, interval: float = 0.2) -> None:
        import threading

        self.interval = interval
        self.peaks: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            try:
                procs = me.children(recursive=True)
            except psutil.Error:
                procs = []
            for p in procs:
                try:
                    rss = p.memory_info().rss / 2**20
                    times = p.cpu_times()
                    self.cpu[p.pid] = times.user + times.system
                    self.names.setdefault(p.pid, " ".join(p.cmdline()[-3:])[:60])
                except psutil.Error:
                    continue
                self.peaks[p.pid] = max(self.peaks.get(p.pid, 0.0), rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> "RssMonitor":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def worker_cpu(self, min_mb: float = 150.0) -> float:
        """CPU seconds used by the worker processes (as of the last poll)."""
        return sum(self.cpu.get(pid, 0.0) for pid, peak in self.peaks.items() if peak >= min_mb)

    def worker_peak(self, min_mb: float = 150.0) -> float:
        """The largest peak among processes big enough to hold the model (the workers)."""
        return max((v for v in self.peaks.values() if v >= min_mb), default=0.0)


def print_load(when: str) -> None:
    """Print the machine's load average: figures taken on a busy machine are not comparable."""
    import os

    one, five, _ = os.getloadavg()
    print(f"[load average {when}: {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs]", flush=True)
