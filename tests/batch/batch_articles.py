"""Small original wire-style articles for the batch tests (written for these tests)."""
from __future__ import annotations

import json
from pathlib import Path

PEOPLE = ["Maria Lindqvist", "Tomas Okafor", "Helen Park", "Rafael Duarte", "Anna Kowalska", "Samir Haddad"]
PLACES = ["GENEVA", "NAIROBI", "OSLO", "LIMA", "HANOI", "ACCRA"]
TOPICS = ["water rights", "grain exports", "border patrols", "fishing quotas", "rail links", "power lines"]


def article(i: int) -> str:
    """A short English news story, different for each ``i``."""
    who, other = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 2) % len(PEOPLE)]
    place, topic = PLACES[i % len(PLACES)], TOPICS[(i // 2) % len(TOPICS)]
    return (
        f"{place} — Officials from the two neighbouring countries met on Tuesday to discuss {topic}, "
        f"and they said that the talks would resume next month.\n\n"
        f"\"We have made real progress on {topic},\" said {who}, the foreign minister, after the meeting. "
        f"{other} told reporters that the agreement could be signed by the end of the year.\n\n"
        f"The two governments signed a similar accord in {2000 + i % 20}, but it expired after {3 + i % 5} years."
    )


def write_corpus(root: Path, n: int = 12, *, bad: bool = True) -> list[str]:
    """Write ``n`` articles (half as .txt files, half as JSONL lines) plus, with ``bad``, three
    bad inputs; return the input paths to pass to the batch run."""
    root.mkdir(parents=True, exist_ok=True)
    half = n // 2
    for i in range(half):
        (root / f"story-{i:02d}.txt").write_text(article(i), encoding="utf-8")
    with open(root / "wire.jsonl", "w", encoding="utf-8") as fh:
        for i in range(half, n):
            fh.write(json.dumps({"id": f"w{i}", "text": article(i), "published": f"2024-0{1 + i % 3}-15"}) + "\n")
        if bad:
            fh.write("{not json\n")
    if bad:
        (root / "empty.txt").write_bytes(b"")
        (root / "blob.txt").write_bytes(b"\x00\xff\x10binary")
    return [str(root)]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative path → bytes), ignoring temporary files."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.name.endswith(".tmp")}
