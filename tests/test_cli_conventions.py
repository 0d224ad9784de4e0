"""What users of ruff expect from the command line (issue 20): spellings, quiet runs, statistics in JSON, security
metadata in SARIF, fingerprints that survive reworded messages."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from dockgen import lint_text
from dockgen.api import FileResult
from dockgen.formats import formatter
from tests.test_cli import run

DOCKERFILE = "FROM python:3.12-slim\nRUN pip install flask\n"


def _project(tmp_path: Path) -> Path:
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    return tmp_path


def test_bare_lint_lints_the_current_folder(tmp_path: Path) -> None:
    result = run("lint", "--output-format", "json", cwd=_project(tmp_path))
    assert result.returncode == 1
    assert {row["code"] for row in json.loads(result.stdout)} >= {"DL3013", "DL3042"}


def test_quiet_prints_findings_only_and_exit_zero_exits_zero(tmp_path: Path) -> None:
    _project(tmp_path)
    (tmp_path / ".hadolint.yaml").write_text("ignored: [DL3005]\n")  # a retired code: an info note on stderr
    loud = run("lint", cwd=tmp_path)
    assert "Found " in loud.stdout and "DL3005" in loud.stderr
    quiet = run("lint", "-q", "--exit-zero", cwd=tmp_path)
    assert quiet.returncode == 0 and "DL3042" in quiet.stdout
    assert "Found " not in quiet.stdout and quiet.stderr == ""


def test_statistics_in_json_go_to_the_output_file(tmp_path: Path) -> None:
    _project(tmp_path)
    result = run("lint", "--statistics", "-f", "json", "-o", "stats.json", "Dockerfile", cwd=tmp_path)
    rows = json.loads((tmp_path / "stats.json").read_text())
    assert result.returncode == 1
    assert {"code": "DL3042", "name": "pip-cache", "level": "warning", "count": 1} in rows


def test_unsafe_fixes_without_fix_says_it_does_nothing(tmp_path: Path) -> None:
    result = run("lint", "--unsafe-fixes", "Dockerfile", cwd=_project(tmp_path))
    assert "--unsafe-fixes does nothing without --fix or --diff" in result.stderr


def test_sarif_marks_security_rules_for_code_scanning() -> None:
    text = "FROM python:3.12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\nUSER 10001\n"
    log = json.loads(formatter("sarif")([FileResult("Dockerfile", lint_text(text))], False))
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["DG502"]["properties"]["security-severity"] == "7.0"
    assert "security" in rules["DG502"]["properties"]["tags"]
    assert all("security-severity" not in rule["properties"] for code, rule in rules.items()
               if code in ("DL3013", "DL3042"))
    assert "github.com/dockgen" not in json.dumps(log)  # no invented home page


def test_gitlab_fingerprints_survive_reworded_messages() -> None:
    findings = lint_text(DOCKERFILE)
    reworded = [replace(f, message=f.message.upper()) for f in findings]
    before = json.loads(formatter("gitlab")([FileResult("Dockerfile", findings)], False))
    after = json.loads(formatter("gitlab")([FileResult("Dockerfile", reworded)], False))
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert len({i["fingerprint"] for i in before}) == len(before)
