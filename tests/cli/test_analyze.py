"""The `dateline analyze`, `schema` and `demo` commands, with exact error lines."""
import json
import subprocess
import sys

from typer.testing import CliRunner

from dateline.cli.main import app
from dateline.record import check_record

runner = CliRunner()
STORY = "BRUSSELS — NATO defense ministers met on Thursday and said that they would expand air patrols."


def test_analyze_json_is_a_list_of_valid_records(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("Thursday", "Friday"))
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--published", "2025-02-13"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["document"]["text"] for r in records] == [STORY, STORY.replace("Thursday", "Friday")]
    for r in records:
        check_record(r)
        assert r["document"]["published"] == {"value": "2025-02-13", "precision": "day", "how": "given",
                                              "evidence": [], "confidence": 1.0}


def test_analyze_jsonl_to_file_and_bad_input_exit_code(tmp_path):
    (tmp_path / "ok.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", str(tmp_path / "empty.txt"), str(tmp_path / "ok.txt"),
                                 "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'empty.txt'}: empty input"
    lines = out.read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["document"]["dateline"]["place"] == "BRUSSELS"


def test_analyze_table(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--format", "table"])
    assert result.exit_code == 0
    assert "dateline: BRUSSELS" in result.stdout and "Actors" in result.stdout


def test_schema_command_prints_the_shipped_schema():
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout)["properties"]["schema"]["const"] == "dateline/1"


def test_demo_prints_report():
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0
    assert "HELSINKI, Finland" in result.stdout and "Jane Doe" in result.stdout


def test_installed_script_reports_errors_without_traceback(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    exe = __import__("pathlib").Path(sys.executable).with_name("dateline")
    proc = subprocess.run([str(exe), "analyze", str(tmp_path / "bin.txt"), str(tmp_path / "missing.txt")],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [
        f"error: {tmp_path / 'bin.txt'}: binary data (NUL bytes), not text",
        f"error: {tmp_path / 'missing.txt'}: no such file or directory",
    ]
