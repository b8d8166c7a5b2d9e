"""Score the actors stage against outside references (all read at run time from ../shared).

- ``petr2_gsr_validation.jsonl`` (PETRARCH-2 validation sentences): for every CAMEO actor code
  in the gold events (e.g. ``USAGOV``, ``IRQ``), is there an actor in the sentence with that
  code (exact) or that country (first three letters)?
- ``petrarch2_actor_phrase_tests.jsonl``: noun phrase → expected actor codes.
- The Phoenix/CAMEO actor dictionaries as an oracle for the package's own known-actor file:
  for each of our entries found there, does our country (or IGO) agree with theirs?
The dictionaries are only read here, never copied into the package.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


@dataclass
class Score:
    """Hits over a total, with examples of misses."""

    total: int = 0
    hits: int = 0
    country_hits: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0

    @property
    def country_rate(self) -> float:
        return self.country_hits / self.total if self.total else 0.0

    def add(self, gold: str, actors) -> tuple[bool, bool]:
        """Count one gold code against the actors found; returns ``(exact, same country)``.

        >>> score = Score()
        >>> score.add("USAGOV", [])
        (False, False)
        >>> score.total, score.hits, score.country_hits
        (1, 0, 0)
        """
        exact, country = _match(gold, actors)
        self.total += 1
        self.hits += exact
        self.country_hits += country
        return exact, country

    def tally(self, ok: bool) -> bool:
        """Count one yes/no case (a hit is also a country hit); returns ``ok``.

        >>> score = Score()
        >>> score.tally(True), score.tally(False)
        (True, False)
        >>> score.total, score.hits, score.country_hits
        (2, 1, 1)
        """
        self.total += 1
        self.hits += ok
        self.country_hits += ok
        return ok


def _codes(actor) -> set[str]:
    code = (actor.codes or {}).get("cameo")
    out = {code} if code else set()
    if actor.country:
        out.add(actor.country)
    return out


def _all_codes(actors) -> set[str]:
    """Every CAMEO code and country of ``actors``."""
    return set().union(*(_codes(a) for a in actors)) if actors else set()


def _match(gold: str, actors) -> tuple[bool, bool]:
    """(exact code, same country) for one gold code; "---REB" (no country) matches any ...REB."""
    codes = _all_codes(actors)
    if gold.startswith("---"):
        hit = any(c.endswith(gold[3:]) for c in codes)
        return hit, hit
    exact = gold in codes
    country = exact or any(c[:3] == gold[:3] for c in codes)
    return exact, country


def score_sentences(path: Path, *, limit: int | None = None) -> Score:
    """Actor-code recall on PETRARCH-style sentence records (``gold_events`` source/target codes)."""
    from dateline.actors import find_actors
    from dateline.parse import load_nlp
    from dateline.record import Document

    nlp = load_nlp()
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("gold_events")][:limit]
    score = Score()
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        actors = find_actors(doc, document=Document(id=row.get("id", "x"), text=row["text"])).actors
        gold = {c for e in row["gold_events"] for c in (e.get("source"), e.get("target")) if c and c != "---"}
        for code in sorted(gold):
            if not score.add(code, actors)[1]:
                score.misses.append(f"{row.get('id')}: {code} not in {sorted(_all_codes(actors))}")
    return score


def score_phrases(path: Path) -> Score:
    """Expected codes for short noun phrases ("Barack Obama and Vladimir Putin" → USAGOV, RUSGOV)."""
    from dateline.actors import find_actors
    from dateline.parse import load_nlp
    from dateline.record import Document

    nlp = load_nlp()
    score = Score()
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["phrase"] + " said."
        actors = find_actors(nlp(text), document=Document(id="p", text=text)).actors
        for code in row["expected_codes"]:
            if not score.add(code, actors)[0]:
                score.misses.append(f"{row['phrase']!r}: {code} vs {[a.codes.get('cameo') for a in actors]}")
    return score


_CODE = re.compile(r"\[([A-Z]{3,})[^\]]*\]")


def read_phoenix(paths: list[Path]) -> dict[str, set[str]]:
    """Name (upper case, spaces) → set of CAMEO codes, from Phoenix actor dictionary files."""
    table: dict[str, set[str]] = {}
    for path in paths:
        names: list[str] = []
        codes: set[str] = set()

        def flush():
            for n in names:
                table.setdefault(n, set()).update(codes)

        for raw in path.read_text("utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if raw[0] not in " \t+[":
                flush()
                names, codes = [], set()
                head = line.split("[", 1)[0].strip()
                names.append(head.strip("_").replace("_", " "))
            elif raw[0] == "+":
                names.append(line[1:].split("[", 1)[0].strip().strip("_").replace("_", " "))
            codes.update(_CODE.findall(line))
        flush()
    return table


def score_known_actors(dict_dir: Path) -> Score:
    """Agreement of our known actors with the Phoenix dictionaries (an oracle, not a source): the
    country, or for actors Phoenix codes by sector alone ("MED" for a newspaper) the CAMEO agent code
    of our sector."""
    from dateline.actors.lexicon import load_lexicon

    table = read_phoenix(sorted(dict_dir.glob("Phoenix.*.actors.txt")))
    score = Score()
    lex = load_lexicon()
    for entry in lex.known:
        if entry.kind in ("PLACE",) or entry.region:
            continue
        codes: set[str] = set()
        for form in (entry.name, *entry.aliases):
            codes |= table.get(form.upper().replace(".", ""), set()) | table.get(form.upper(), set())
        if not codes:
            continue
        agent = lex.sector_cameo.get(entry.sector) if entry.sector else None
        ours = {entry.country, entry.cameo[:3] if entry.cameo else None, agent,
                "IGO" if entry.sector == "IGO" or entry.kind == "IGO" else None} - {None}
        theirs = {c[:3] for c in codes} | {c[3:6] for c in codes if c.startswith("MNC")}  # MNC + country + sector
        if not score.tally(bool(ours & theirs)):
            score.misses.append(f"{entry.name}: ours {entry.country}/{entry.cameo}, Phoenix {sorted(codes)}")
    return score


_LEGACY = {"JAP": "JPN"}


def score_plover_actors(path: Path, *, limit: int | None = None) -> dict[str, Score]:
    """PLOVER GSR sentences: each gold actor/recipient text → our actor there, its country and sector.

    ``found``: an actor mention covers the gold text; ``country``: its country (or IGO) equals the
    gold code; ``sector``: its sector equals the gold sector, over golds that give one.
    """
    from dateline.actors import find_actors
    from dateline.parse import load_nlp
    from dateline.record import Document

    nlp = load_nlp()
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()][:limit]
    found, country, sector = Score(), Score(), Score()
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        text = row["text"]
        index = find_actors(doc, document=Document(id=row["id"], text=text))
        for g in row.get("actor", []) + row.get("recipient", []):
            start = text.find(g["text"])
            if start < 0 or not g.get("code"):
                continue
            aid = index.actor_at(start, start + len(g["text"]))
            actor = index.get(aid)
            found.tally(actor is not None)
            gold_code = _LEGACY.get(g["code"], g["code"])
            ours = None
            if actor is not None:
                ours = "IGO" if actor.kind == "IGO" or actor.sector == "IGO" else actor.country
            if not country.tally(ours == gold_code) and len(country.misses) < 60:
                country.misses.append(f"{row['id']}: {g['text']!r} {gold_code} vs {ours} ({actor.name if actor else None})")
            gs = (g.get("sector") or "")[:3]
            if len(gs) == 3 and gs.isalpha() and gs.isupper():
                if not sector.tally(actor is not None and actor.sector == gs) and len(sector.misses) < 60:
                    sector.misses.append(f"{row['id']}: {g['text']!r} {gs} vs {actor.sector if actor else None}")
    return {"found": found, "country": country, "sector": sector}


_PRON = {"he", "she", "they", "him", "her", "them", "his", "their"}
_FIRST = {"i", "we", "you", "me", "us", "my", "our"}


def score_polnear_sources(folder: Path, *, limit: int | None = None) -> dict[str, Score]:
    """How often an attribution's source span (PolNeAR ``Source``) is covered by an actor mention,
    split into pronoun sources (third person), named sources and other noun phrases."""
    from dateline.actors import find_actors
    from dateline.parse import load_nlp
    from dateline.record import Document

    nlp = load_nlp()
    texts = sorted((folder / "text").glob("*.txt"))[:limit]
    out = {k: Score() for k in ("pronoun", "named", "other")}
    for path, doc in zip(texts, nlp.pipe(p.read_text("utf-8") for p in texts)):
        text = doc.text
        anns = sorted((folder / "attributions").glob(path.stem + "*.ann"))
        if not anns:
            continue
        ann = anns[0]
        index = find_actors(doc, document=Document(id=path.stem, text=text))
        for line in ann.read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[1].startswith("Source "):
                continue
            bounds = parts[1].split()[1:]
            start, end = int(bounds[0]), int(bounds[-1])
            src = text[start:end]
            low = src.lower().strip()
            if low in _FIRST:
                continue
            kind = "pronoun" if low in _PRON else ("named" if any(w[:1].isupper() for w in src.split()[1:]) or
                                                    (src[:1].isupper() and low.split()[0] not in ("the", "a", "an")) else "other")
            sc = out[kind]
            if not sc.tally(index.actor_at(start, end) is not None) and len(sc.misses) < 40:
                sc.misses.append(f"{path.stem}: {src!r}")
    return out


def score_litbank_pronouns(folder: Path, *, limit: int | None = None) -> Score:
    """Quotes attributed with a pronoun ("..., he said"): does our pronoun resolution pick the gold speaker?

    The gold speaker is an entity id such as ``Mr_Bennet-6``; a resolution counts as correct when
    the resolved actor's name shares a name word with it (titles ignored). Fiction, so out of domain.
    """
    from dateline.actors import find_actors
    from dateline.parse import load_nlp
    from dateline.record import Document

    nlp = load_nlp()
    score = Score()
    skip = {"mr", "mrs", "ms", "miss", "sir", "lady", "lord", "dr", "the", "a", "an", "of"}
    files = [p for p in sorted(folder.glob("*.ann")) if p.stat().st_size][:limit]
    for ann in files:
        lines = ann.with_suffix(".txt").read_text("utf-8").split("\n")
        offsets, pos = [], 0
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        text = "\n".join(lines)
        rows = [r.split("\t") for r in ann.read_text("utf-8").splitlines() if r]
        speaker = {r[1]: r[2] for r in rows if r[0] == "ATTRIB"}
        doc = nlp(text)
        index = find_actors(doc, document=Document(id=ann.stem, text=text))
        for r in rows:
            if r[0] != "QUOTE" or r[1] not in speaker:
                continue
            sent, tok_end = int(r[4]), int(r[5])
            toks = lines[sent].split(" ")
            after = toks[tok_end + 1:tok_end + 4]
            k = next((i for i, t in enumerate(after) if t.lower() in ("he", "she")), None)
            if k is None:
                continue
            char = offsets[sent] + sum(len(t) + 1 for t in toks[:tok_end + 1 + k])
            word = after[k]
            score.total += 1
            aid = index.actor_at(char, char + len(word))
            actor = index.get(aid)
            gold_words = {w.lower() for w in re.split(r"[_\-]", speaker[r[1]]) if w and not w.isdigit()} - skip
            names = {w.lower()[:5] for w in actor.name.replace(".", "").split()} if actor is not None else set()
            ok = bool(names & {w[:5] for w in gold_words})  # "Katharine" vs "Katherine-1"
            score.hits += ok
            score.country_hits += actor is not None
            if not ok and len(score.misses) < 40:
                score.misses.append(f"{ann.stem} s{sent}: {word} → {actor.name if actor else None} (gold {speaker[r[1]]})")
    return score


def evaluate_actors(data: Path = DEFAULT_DATA, *, limit: int | None = None) -> dict[str, Score]:
    """Run the three actor scores; missing inputs are skipped."""
    out: dict[str, Score] = {}
    petr = data / "petrarch2-validation"
    if (petr / "petr2_gsr_validation.jsonl").exists():
        out["gsr sentences"] = score_sentences(petr / "petr2_gsr_validation.jsonl", limit=limit)
    if (petr / "petrarch2_fullsentence_tests.jsonl").exists():
        out["full sentences"] = score_sentences(petr / "petrarch2_fullsentence_tests.jsonl")
    if (petr / "petrarch2_actor_phrase_tests.jsonl").exists():
        out["actor phrases"] = score_phrases(petr / "petrarch2_actor_phrase_tests.jsonl")
    if (data / "plover-gsr" / "plover_gsr_normalized.jsonl").exists():
        for kind, sc in score_plover_actors(data / "plover-gsr" / "plover_gsr_normalized.jsonl", limit=limit).items():
            out[f"plover gsr actors: {kind}"] = sc
    if (data / "polnear" / "dev").exists():
        for kind, sc in score_polnear_sources(data / "polnear" / "dev", limit=limit).items():
            out[f"polnear dev sources: {kind}"] = sc
    if (data / "litbank-quotes" / "tsv").exists():
        out["litbank pronoun speakers"] = score_litbank_pronouns(data / "litbank-quotes" / "tsv", limit=limit)
    if (data / "cameo-dictionaries").exists():
        out["known vs Phoenix"] = score_known_actors(data / "cameo-dictionaries")
    return out
