"""The web UI as a person uses it: ingest the seed article with `dateline ingest`, start
`dateline serve` on a free loopback port, and drive headless Chromium (Debian's, through
Playwright) over the article, the speaker's actor page and the timeline. Screenshots go to
``out/screenshots/`` (test artifacts). Skips cleanly without chromium or ../shared."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "out" / "screenshots"


def _dateline() -> str:
    return str(Path(sys.executable).with_name("dateline"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(args: list[str], log: Path):
    port = _free_port()
    out = log.open("w")
    proc = subprocess.Popen([_dateline(), "serve", *args, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dateline serve exited: {log.read_text()[-500:]}")
        try:
            with urllib.request.urlopen(url + "/documents", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("dateline serve did not start in 120 s")


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory):
    seed = ROOT.parent / "shared" / "seed" / "hegseth-udcg.txt"
    if not seed.exists():
        pytest.skip(f"evaluation data not found: {seed} (CI has ../shared)")
    tmp = tmp_path_factory.mktemp("web")
    db = tmp / "seed.db"
    done = subprocess.run([_dateline(), "ingest", str(seed), "--db", str(db)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    proc, url = _serve(["--db", str(db)], tmp / "serve.log")
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests skipped: /usr/bin/chromium not installed (make test-deps installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


QUOTES_JS = """() => {
  const m = {};
  document.querySelectorAll('#doc-text span.q').forEach(s => {
    const k = s.dataset.q;
    m[k] = m[k] || {text: '', speaker: s.dataset.speaker};
    m[k].text += s.textContent;
  });
  return m;
}"""


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def test_browser_seed_article_quotes_actor_and_timeline(seed_server, page, seed_gold):
    page.goto(seed_server + "/ui/")
    page.click("a.doc-link")
    page.wait_for_selector("#doc-text")
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)

    # the seven required quotes are highlighted, each with its speaker
    shown = page.evaluate(QUOTES_JS)
    found = []
    for gold in seed_gold["quotes"]:
        want = _norm(gold["content"][0])
        hits = [q for q in shown.values() if want in _norm(q["text"])]
        found.append((want[:40], [q["speaker"] for q in hits]))
    assert all(gold["speaker"] in speakers for gold, (_, speakers) in zip(seed_gold["quotes"], found)), found
    legend = page.locator(".legend .chip").all_inner_texts()
    assert any("Pete Hegseth" in c for c in legend) and any("Vladimir Putin" in c for c in legend), legend

    # hover shows the speaker; a click fills the details panel
    first = page.locator('#doc-text span.q[data-speaker="Pete Hegseth"]').first
    assert "Pete Hegseth" in first.get_attribute("title")
    first.click()
    assert "Pete Hegseth" in page.inner_text("#details")
    page.screenshot(path=str(SHOTS / "article-details.png"))

    # through to Hegseth's actor page
    page.click('.legend .chip[data-speaker="Pete Hegseth"] a.speaker-link')
    page.wait_for_selector("h1.actor-name")
    assert page.inner_text("h1.actor-name") == "Pete Hegseth"
    assert page.locator("li.actor-quote").count() >= 6
    page.screenshot(path=str(SHOTS / "actor-hegseth.png"), full_page=True)

    # the timeline puts the 2014-02 Crimea seizure before the 2025-02-12 meeting
    page.click("nav >> text=Timeline")
    page.wait_for_selector("svg.timeline")
    page.screenshot(path=str(SHOTS / "timeline.png"), full_page=True)
    crimea = page.locator('a.tl-item[data-date="2014-02"][data-category="COERCE"]').first
    meeting = page.locator('a.tl-item[data-date="2025-02-12"][data-category="CONSULT"]').first
    assert crimea.get_attribute("data-background") == "true"
    assert crimea.bounding_box()["x"] < meeting.bounding_box()["x"]
    rows = page.locator("ol.tl-list li.tl-row").evaluate_all("els => els.map(e => e.dataset.date)")
    assert rows.index("2014-02") < rows.index("2025-02-12")


def test_browser_timeline_filter_by_actor_and_category(seed_server, page):
    page.goto(seed_server + "/ui/timeline")
    page.fill('input[name="actor"]', "Hegseth")
    page.select_option('select[name="category"]', "CONSULT")
    page.click("form.filters button")
    page.wait_for_selector("svg.timeline")
    cats = set(page.locator("a.tl-item").evaluate_all("els => els.map(e => e.dataset.category)"))
    assert cats == {"CONSULT"}
    page.screenshot(path=str(SHOTS / "timeline-filtered.png"), full_page=True)


def test_browser_upload_box_analyses_a_pasted_article(seed_server, page):
    page.goto(seed_server + "/ui/")
    page.fill('textarea[name="text"]', "OSLO — The fisheries minister said that the quotas would rise next year.\n"
                                        "\"We are ready,\" said Kari Holm, the fisheries minister.")
    page.click(".upload button[type=submit]")
    page.wait_for_selector("#doc-text")
    assert "Analysed, not stored." in page.inner_text(".meta")
    assert page.locator("#doc-text span.q").count() >= 1
    page.screenshot(path=str(SHOTS / "upload.png"), full_page=True)


def test_serve_without_db_shows_the_demo_article(tmp_path):
    proc, url = _serve([], tmp_path / "serve.log")
    try:
        with urllib.request.urlopen(url + "/documents") as r:
            items = json.load(r)["items"]
        assert [d["id"] for d in items] == ["dateline-demo"]
        with urllib.request.urlopen(url + "/ui/documents/dateline-demo") as r:
            assert "doc-text" in r.read().decode()
    finally:
        proc.terminate()
        proc.wait(10)
