"""Fix hints as ruff gives them: ``[*]`` on findings that ``--fix`` fixes, a closing line with the counts, the fix
in JSON and SARIF, and ``--diff`` saying why it shows nothing."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.test_cli import run
from tests.test_formats import DATA

# `from` is a safe fix (DG404: casing), the missing --no-cache-dir an unsafe one (DL3042), USER keeps DG503 away.
MIXED = "from python:3.12-slim\nRUN pip install x==1\nUSER 10001\n"
SAFE_ONLY = "from python:3.12-slim\nUSER 10001\n"
UNSAFE_ONLY = "FROM python:3.12-slim\nRUN pip install x==1\nUSER 10001\n"
CLEAN = "FROM python:3.12-slim\nUSER 10001\n"


def _lint(tmp_path: Path, text: str, *args: str) -> tuple[int, list[str], str]:
    (tmp_path / "Dockerfile").write_text(text)
    result = run("lint", *args, "Dockerfile", cwd=tmp_path)
    return result.returncode, result.stdout.splitlines(), result.stderr


def test_safe_fixes_are_marked_and_counted(tmp_path: Path) -> None:
    code, lines, _ = _lint(tmp_path, MIXED)
    assert code == 1
    assert lines[0].startswith("Dockerfile:1:1: DG404 [*] [")
    assert lines[1].startswith("Dockerfile:2:5: DL3042 [warning] ")  # at `pip`; unsafe: no mark
    assert lines[-1] == "[*] 1 fixable with `--fix` (1 more with `--fix --unsafe-fixes`)."


@pytest.mark.parametrize(("text", "last"), [
    (SAFE_ONLY, "[*] 1 fixable with `--fix`."),
    (UNSAFE_ONLY, "No safe fixes (1 fixable with `--fix --unsafe-fixes`)."),
])
def test_the_closing_line_names_what_each_option_fixes(tmp_path: Path, text: str, last: str) -> None:
    _, lines, _ = _lint(tmp_path, text)
    assert lines[-1] == last and lines[-2].startswith("Found 1 finding ")


def test_no_hint_without_fixes_or_with_quiet(tmp_path: Path) -> None:
    _, lines, _ = _lint(tmp_path, "FROM python:3.12-slim\nRUN pip install --no-cache-dir x\nUSER 10001\n")  # DL3013
    assert lines[-1].startswith("Found 1 finding")
    _, quiet, _ = _lint(tmp_path, MIXED, "-q")
    assert len(quiet) == 2 and not any(line.startswith(("Found", "[*] 1")) for line in quiet)


def test_after_fixing_only_the_fixes_not_applied_are_offered(tmp_path: Path) -> None:
    code, lines, stderr = _lint(tmp_path, MIXED, "--fix")
    assert (tmp_path / "Dockerfile").read_text() == UNSAFE_ONLY
    assert "fixed 1 finding in 1 file" in stderr
    assert lines[-1] == "No safe fixes (1 fixable with `--fix --unsafe-fixes`)." and code == 1
    code, lines, _ = _lint(tmp_path, UNSAFE_ONLY, "--fix", "--unsafe-fixes")
    assert code == 0 and lines == []


def _offset(text: str, line: int, column: int) -> int:
    return sum(len(row) for row in text.splitlines(keepends=True)[:line - 1]) + column - 1


def _applied(text: str, edits: list[tuple[int, int, int, int, str]]) -> str:
    """The text with edits given as (line, column, end_line, end_column, new text) applied, last first."""
    for line, column, end_line, end_column, new in sorted(edits, reverse=True):
        text = text[:_offset(text, line, column)] + new + text[_offset(text, end_line, end_column):]
    return text


def test_json_rows_carry_the_fix(tmp_path: Path) -> None:
    text = "from python:3.12-slim\r\nRUN pip install x==1 && \\\n    pip install y==2\r\nUSER 10001\n"
    _, _, _ = _lint(tmp_path, text)
    rows = json.loads(run("lint", "-f", "json", "Dockerfile", cwd=tmp_path).stdout)
    assert [(row["code"], row["fix"]["applicability"]) for row in rows] == [("DG404", "safe"), ("DL3042", "unsafe")]
    assert rows[0]["fix"]["edits"] == [{"line": 1, "column": 1, "end_line": 1, "end_column": 5, "content": "FROM"}]
    edits = [(e["line"], e["column"], e["end_line"], e["end_column"], e["content"])
             for row in rows for e in row["fix"]["edits"]]
    assert _applied(text, edits) == ("FROM python:3.12-slim\r\nRUN pip install --no-cache-dir x==1 && \\\n"
                                     "    pip install --no-cache-dir y==2\r\nUSER 10001\n")
    unfixable = json.loads(run("lint", "-f", "json", "--select", "DL3013", "-", cwd=tmp_path,
                               stdin=b"FROM a:1\nRUN pip install x\n").stdout)
    assert unfixable[0]["fix"] is None


def test_sarif_results_carry_fixes(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(MIXED)
    log = json.loads(run("lint", "-f", "sarif", "Dockerfile", cwd=tmp_path).stdout)
    jsonschema.validate(log, json.loads((DATA / "sarif-2.1.0-rtm.5.json").read_text()))
    results = {result["ruleId"]: result for result in log["runs"][0]["results"]}
    edits = []
    for result in results.values():
        (change,) = result["fixes"][0]["artifactChanges"]
        assert change["artifactLocation"]["uri"] == "Dockerfile"
        edits += [(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"], r["deletedRegion"]["endLine"],
                   r["deletedRegion"]["endColumn"], r["insertedContent"]["text"]) for r in change["replacements"]]
    assert _applied(MIXED, edits) == "FROM python:3.12-slim\nRUN pip install --no-cache-dir x==1\nUSER 10001\n"
    assert "unsafe" in results["DL3042"]["fixes"][0]["description"]["text"]
    assert "unsafe" not in results["DG404"]["fixes"][0]["description"]["text"]


def test_diff_says_when_only_unsafe_fixes_are_left(tmp_path: Path) -> None:
    code, lines, stderr = _lint(tmp_path, UNSAFE_ONLY, "--diff")
    assert (code, lines) == (0, [])  # nothing would change: exit 0, as ruff
    assert "no safe fixes; 1 unsafe fix available with --unsafe-fixes" in stderr
    code, lines, stderr = _lint(tmp_path, MIXED, "--diff")
    assert code == 1 and "+FROM python:3.12-slim" in lines
    assert "would fix 1 finding in 1 file (1 more with --unsafe-fixes)." in stderr
    code, lines, stderr = _lint(tmp_path, CLEAN, "--diff")
    assert (code, lines, stderr) == (0, [], "")
    assert (tmp_path / "Dockerfile").read_text() == CLEAN
