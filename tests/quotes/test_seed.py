"""The seed article (../shared/gold/hegseth-udcg.json): all 7 required quotes, no extras."""
from __future__ import annotations


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _locate(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def _match(text, quotes, gold_quote):
    gold_span = _locate(text, gold_quote["content"][0])
    best = max(quotes, key=lambda q: sum(_overlap(gold_span, p.span) for p in q.content), default=None)
    if best is None or not any(_overlap(gold_span, p.span) for p in best.content):
        return None
    return best


def test_seed_required_quotes_found_with_kind_cue_content_and_speaker(seed_text, seed_gold, seed_record):
    quotes = seed_record.quotes
    for gold in seed_gold["quotes"]:
        q = _match(seed_text, quotes, gold)
        assert q is not None, gold
        assert q.kind == gold["kind"], (gold, q)
        assert q.cue is not None and q.cue.text == gold["cue"], (gold, q)
        got = " ".join(p.text for p in q.content)
        want = " ".join(gold["content"])
        assert got.strip(",. ") == want.strip(",. "), (got, want)
        surname = gold["speaker"].split()[-1]
        assert q.speaker_span is not None
        assert surname in seed_text[q.speaker_span[0]:q.speaker_span[1]], (gold, q)
        if seed_record.actors:  # the actors stage links mentions (coreference) to actors
            actor = seed_record.actor(q.speaker)
            assert actor is not None and actor.name == gold["speaker"], (gold, q, actor)


def test_seed_no_quotes_beyond_required_and_optional(seed_text, seed_gold, seed_record):
    allowed = seed_gold["quotes"] + seed_gold.get("optional_quotes", [])
    spans = [_locate(seed_text, g["content"][0]) for g in allowed]
    for q in seed_record.quotes:
        assert any(_overlap(s, p.span) for s in spans for p in q.content), q
