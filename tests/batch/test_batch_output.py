"""The batch output directory: manifest checks, Parquet tables, JSONL, the CLI's error lines."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dateline.batch import BatchOptions, run_batch
from dateline.batch.output import BatchOutput, OutputMismatch
from dateline.export.parquet import PARTITION_KEY, TABLES, read_table, table_schema
from dateline.record import check_record

from batch_articles import tree, write_corpus


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory, nlp):
    root = tmp_path_factory.mktemp("batch")
    inputs = write_corpus(root / "in", 8)
    out = root / "out"
    report = run_batch(inputs, out, BatchOptions(partition_size=3, workers=0))
    return inputs, out, report


def test_batch_run_counts_and_errors(batch_run):
    _, out, report = batch_run
    assert (report.items, report.records, report.failed) == (11, 8, 3)
    assert sorted(e.kind for e in report.errors) == ["BinaryInput", "EmptyInput", "MalformedInput"]
    assert json.loads((out / "summary.json").read_text()) == {
        "failed": 3, "formats": ["parquet", "jsonl"], "items": 11, "partitions": 4, "records": 8}


def test_batch_jsonl_records_are_valid_and_in_order(batch_run):
    _, out, _ = batch_run
    lines = [json.loads(line) for p in sorted((out / "jsonl").glob("part-*.jsonl")) for line in p.open()]
    assert len(lines) == 8
    for record in lines:
        check_record(record)
    assert [r["document"]["id"] for r in lines][-4:] == ["w4", "w5", "w6", "w7"]


def test_batch_parquet_tables_match_jsonl(batch_run):
    _, out, _ = batch_run
    records = read_table(out / "parquet", "records")
    lines = [json.loads(line) for p in sorted((out / "jsonl").glob("part-*.jsonl")) for line in p.open()]
    assert [json.loads(r) for r in records.column("record").to_pylist()] == lines
    assert set(records.column("pubdate").to_pylist()) == {"unknown", "2024-01", "2024-02", "2024-03"}
    for table in TABLES:
        t = read_table(out / "parquet", table)
        assert t.schema.names[:-1] == table_schema(table).names
    n_times = sum(len(r["times"]) for r in lines)
    assert read_table(out / "parquet", "times").num_rows == n_times


@pytest.mark.parametrize("table", TABLES)
def test_batch_parquet_partition_key_is_not_a_column(table):
    # an events column called "date" once collided with a "date=" partition directory
    assert PARTITION_KEY not in table_schema(table).names


def test_batch_rerun_skips_everything_and_changes_nothing(batch_run):
    inputs, out, _ = batch_run
    before = tree(out)
    report = run_batch(inputs, out, BatchOptions(partition_size=3, workers=0))
    assert (report.partitions, report.skipped, report.failed) == (0, 4, 3)
    assert tree(out) == before


def test_batch_refuses_a_different_run_in_the_same_directory(batch_run):
    inputs, out, _ = batch_run
    with pytest.raises(OutputMismatch, match="different run"):
        run_batch(inputs, out, BatchOptions(partition_size=5, workers=0))


def test_batch_output_clear_removes_only_its_own_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    out = BatchOutput(tmp_path)
    out.open({"a": 1})
    out.open({"a": 2}, overwrite=True)
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert json.loads((tmp_path / "_manifest" / "run.json").read_text()) == {"a": 2}


def test_batch_cli_reports_each_bad_input_once_and_exits_1(tmp_path, nlp):
    from dateline.cli.main import app

    inputs = write_corpus(tmp_path / "in", 2)
    result = CliRunner().invoke(app, ["batch", *inputs, "--out", str(tmp_path / "out"), "--workers", "0",
                                      "--no-progress", "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    assert any("blob.txt: binary data" in line for line in errors)
    assert any("wire.jsonl:2: not a JSON object" in line for line in errors)
    assert "Traceback" not in result.output
    assert "2 records, 3 failed" in result.output
