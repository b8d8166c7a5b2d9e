"""Exports: JSONL round trip, PLOVER JSON Lines fields, GDELT 2.0 event and mention rows, CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from dateline.cli.main import app
from dateline.export import write_gdelt, write_jsonl, write_plover
from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS
from dateline.record import (
    Actor, Document, Event, EventDate, Interval, Location, Mention, Published, Record, TextSpan,
)

TEXT = "Russian forces seized control over the Crimean Peninsula.\nUkraine protested."


@pytest.fixture()
def record() -> Record:
    actors = (
        Actor("A1", "Russian forces", "GROUP", "RUS", "MIL", codes={"cameo": "RUSMIL"},
              mentions=(Mention((0, 14), "Russian forces", "name"),)),
        Actor("A2", "Ukraine", "COUNTRY", "UKR", codes={"cameo": "UKR"}, mentions=(Mention((58, 65), "Ukraine", "name"),)),
    )
    event = Event("E1", "COERCE", TextSpan("seized control", (15, 29)), (0, 57), mode="seize", cameo="192",
                  source=("A1",), target=("A2",),
                  date=EventDate("2014-02", "month", Interval("2014-02-01", "2014-03-01"), "T1"),
                  location=Location("Crimean Peninsula", (39, 56), "UKR", "Avtonomna Respublika Krym", 45.3, 34.4),
                  background=True, confidence=0.8)
    doc = Document("doc1", TEXT, url="https://example.org/a", published=Published("2025-02-12", "day", "given"))
    return Record(doc, actors=actors, events=(event,))


def test_export_jsonl_round_trip(record):
    buf = io.StringIO()
    assert write_jsonl([record], buf) == 1
    assert Record.from_json(json.loads(buf.getvalue())) == record


def test_export_plover_fields(record):
    buf = io.StringIO()
    assert write_plover([record], buf) == 1
    row = json.loads(buf.getvalue())
    for field in ("id", "date", "actor", "recipient", "event", "event_loc", "event_text", "quad_code",
                  "event_scale", "mode", "context", "text_info", "cite_info", "coder"):
        assert field in row
    assert row["event"] == ["COERCE"] and row["mode"] == ["seize"] and row["quad_code"] == 4
    assert row["date"] == "2014-02-01" and row["date_precision"] == "month"
    assert row["actor"][0]["code"] == "RUS" and row["actor"][0]["sector"] == "MIL"
    assert row["recipient"][0]["code"] == "UKR"
    assert row["event_loc"]["country_code"] == "UKR"
    assert row["event_scale"] == -7.0 and row["background"] is True
    assert TEXT[row["text_info"]["start"]:row["text_info"]["end"]] == row["text"]


def test_export_gdelt_rows(record, tmp_path):
    out, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    assert write_gdelt([record], out, mentions=mentions) == 1
    rows = list(csv.reader(out.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) == 1 and len(rows[0]) == len(EVENT_COLUMNS) == 61
    row = dict(zip(EVENT_COLUMNS, rows[0]))
    assert row["SQLDATE"] == "20140201" and row["Year"] == "2014"
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("192", "192", "19")
    assert row["GoldsteinScale"] == "-9.5" and row["QuadClass"] == "4"
    assert row["Actor1Code"] == "RUSMIL" and row["Actor2CountryCode"] == "UKR"
    assert row["ActionGeo_CountryCode"] == "UKR" and row["ActionGeo_Lat"] == "45.3000"
    assert row["SOURCEURL"] == "https://example.org/a"
    mrows = list(csv.reader(mentions.open(encoding="utf-8"), delimiter="\t"))
    assert len(mrows[0]) == len(MENTION_COLUMNS) == 16
    m = dict(zip(MENTION_COLUMNS, mrows[0]))
    assert m["GLOBALEVENTID"] == row["GLOBALEVENTID"]
    assert (m["Actor1CharOffset"], m["ActionCharOffset"]) == ("0", "15")
    assert "<TRIGGER>15-29</TRIGGER>" in m["Extras"]


def test_export_gdelt_goldstein_matches_lookup(record):
    from conftest import shared_path

    path = shared_path("data", "gdelt-cameo-lookups", "CAMEO.goldsteinscale.txt")
    table = dict(list(csv.reader(path.open(encoding="latin-1"), delimiter="\t"))[1:])
    buf = io.StringIO()
    write_gdelt([record], buf)
    row = dict(zip(EVENT_COLUMNS, buf.getvalue().rstrip("\n").split("\t")))
    assert float(row["GoldsteinScale"]) == float(table[row["EventCode"]])


def test_export_cli_formats(record, tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(record.to_json()) + "\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["export", str(records), "--format", "plover", "--out", str(tmp_path / "p.jsonl")])
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "p.jsonl").read_text())["id"] == "doc1-E1"
    res = runner.invoke(app, ["export", str(records), "--format", "gdelt", "--out", str(tmp_path / "g.tsv")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "g.mentions.tsv").exists()
    res = runner.invoke(app, ["export", str(records), "--format", "jsonl", "--out", str(tmp_path / "r.jsonl")])
    assert res.exit_code == 0 and (tmp_path / "r.jsonl").read_text().count("\n") == 1


def test_export_cli_errors(tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["export", str(tmp_path / "missing.jsonl")])
    assert res.exit_code == 1
    assert "missing.jsonl: no such file" in res.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{\"x\": 1}\n", encoding="utf-8")
    res = runner.invoke(app, ["export", str(bad)])
    assert res.exit_code == 1 and "not a dateline record" in res.output
    res = runner.invoke(app, ["export"])
    assert res.exit_code == 1 and "give record files or --db URL" in res.output


def test_export_cli_from_store(record, tmp_path):
    store_mod = pytest.importorskip("dateline.store")
    url = str(tmp_path / "archive.db")
    store = store_mod.open_store(url)
    add = getattr(store, "add", None) or getattr(store, "add_record", None) or getattr(store, "ingest", None)
    if add is None:
        pytest.skip("store has no add method")
    add(record)
    res = CliRunner().invoke(app, ["export", "--db", url, "--format", "plover", "--out", str(tmp_path / "p.jsonl")])
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "p.jsonl").read_text())["event"] == ["COERCE"]


def test_export_cli_parquet_dataset(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli.main import app
    from dateline.export.parquet import read_table

    runner = CliRunner()
    story = "ROME — Italian police arrested two protesters on Monday, the interior ministry said."
    (tmp_path / "a.txt").write_text(story)
    records = tmp_path / "r.jsonl"
    assert runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "-f", "jsonl", "-o", str(records),
                               "--published", "2025-02-10"]).exit_code == 0
    result = runner.invoke(app, ["export", str(records), "-f", "parquet", "-o", str(tmp_path / "pq")])
    assert result.exit_code == 0, result.output
    assert read_table(tmp_path / "pq", "records").column("doc_id").to_pylist() == [
        __import__("json").loads(records.read_text())["document"]["id"]]
    assert runner.invoke(app, ["export", str(records), "-f", "parquet"]).exit_code == 1
