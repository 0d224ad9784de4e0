"""Output formats: SARIF against its schema, GitLab against its documented fields, a golden file per format."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dockgen.api import FileResult, lint_text
from dockgen.formats import NAMES, formatter
from dockgen.lint.edits import Edit, Fix
from dockgen.lint.engine import Settings
from dockgen.lint.findings import Finding, Severity
from tests.test_cli import run

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden" / "formats"
TEXT = ("FROM python:3.12\nRUN pip install x\nMAINTAINER \"a, b: <c>\"\n")
SETTINGS = Settings(today=None, select=("DL3013", "DL3042", "DL4000", "DG103"))
# GitLab's Code Quality report, as its documentation lists the fields it reads.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object", "required": ["path", "lines"],
                "properties": {"path": {"type": "string"},
                               "lines": {"type": "object", "required": ["begin"],
                                         "properties": {"begin": {"type": "integer", "minimum": 1}}}},
            },
        },
    },
}


def results(text: str = TEXT, path: str = "docker/Dockerfile") -> list[FileResult]:
    return [FileResult(path, lint_text(text, SETTINGS), source=text), FileResult("clean/Dockerfile", [])]


@pytest.mark.parametrize("name", NAMES)
def test_golden(name: str) -> None:
    """Each golden file was read by hand when written; a change in any format shows up here."""
    rendered = formatter(name)(results(), False)
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("DOCKGEN_WRITE_GOLDEN"):
        golden.write_text(rendered)
    assert rendered == golden.read_text()


def test_sarif_is_valid_sarif_2_1_0() -> None:
    schema = json.loads((DATA / "sarif-2.1.0-rtm.5.json").read_text())
    log = json.loads(formatter("sarif")(results(), False))
    jsonschema.validate(log, schema)
    run_ = log["runs"][0]
    assert [rule["id"] for rule in run_["tool"]["driver"]["rules"]] == ["DG103", "DL3013", "DL3042", "DL4000"]
    for rule in run_["tool"]["driver"]["rules"]:  # hadolint's and ShellCheck's wikis; dockgen's rules by command
        assert rule["help"]["text"] and (rule["helpUri"].startswith("https://") if rule["id"].startswith("DL")
                                         else f"dockgen rule {rule['id']}" in rule["help"]["text"])
    first = run_["results"][0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docker/Dockerfile"
    assert {r["level"] for r in run_["results"]} == {"error", "warning", "note"}


def test_sarif_schema_catches_a_broken_log() -> None:
    schema = json.loads((DATA / "sarif-2.1.0-rtm.5.json").read_text())
    log = json.loads(formatter("sarif")(results(), False))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema)


def test_gitlab_has_the_documented_fields_and_stable_fingerprints() -> None:
    report = json.loads(formatter("gitlab")(results(), False))
    jsonschema.validate(report, GITLAB_SCHEMA)
    fingerprints = [issue["fingerprint"] for issue in report]
    assert len(set(fingerprints)) == len(fingerprints)
    shifted = json.loads(formatter("gitlab")(results("# a comment\n\n" + TEXT), False))
    assert [issue["fingerprint"] for issue in shifted] == fingerprints  # moving lines keeps them
    assert [issue["location"]["lines"]["begin"] for issue in shifted] != [
        issue["location"]["lines"]["begin"] for issue in report]


def test_github_escapes_its_separators() -> None:
    out = formatter("github")([FileResult("a,b:c.Dockerfile", lint_text("FROM python:3.12\nMAINTAINER x\n",
                                                                         SETTINGS))], False)
    assert "file=a%2Cb%3Ac.Dockerfile," in out
    assert out.splitlines()[0].startswith("::notice ")


def test_output_file_and_statistics(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(TEXT)
    result = run("lint", "-f", "sarif", "-o", "report.sarif", "Dockerfile", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads((tmp_path / "report.sarif").read_text())["version"] == "2.1.0"
    stats = run("lint", "--statistics", "--select", "DL3013,DL3042,DL4000", "Dockerfile", "Dockerfile",
                cwd=tmp_path)
    assert stats.stdout.splitlines()[0].split()[:3] == ["2", "DL3013", "[warning]"]
    missing = run("lint", "-o", "no/such/folder/report.txt", "Dockerfile", cwd=tmp_path)
    assert missing.returncode == 2 and "cannot write the report" in missing.stderr


@pytest.mark.parametrize(("args", "env", "coloured"), [
    ((), {}, False),  # not a terminal
    (("--color", "always"), {}, True),
    (("--color", "always"), {"NO_COLOR": "1"}, True),  # an explicit flag wins
    ((), {"FORCE_COLOR": "1"}, True),
    ((), {"FORCE_COLOR": "1", "NO_COLOR": ""}, False),  # NO_COLOR, even empty, wins over FORCE_COLOR
    (("--color", "never"), {"FORCE_COLOR": "1"}, False),
])
def test_colour(tmp_path: Path, args: tuple[str, ...], env: dict[str, str], coloured: bool) -> None:
    (tmp_path / "Dockerfile").write_text(TEXT)
    result = run("lint", *args, "Dockerfile", cwd=tmp_path, env_extra=env)
    assert ("\033[" in result.stdout) == coloured


_EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.text()), max_size=3)
_FIXES = st.one_of(st.none(), st.builds(lambda edits, safe: Fix(tuple(Edit(n, n, text) for n, text in edits), safe,
                                                                 (0, 10, 1000)), _EDITS, st.booleans()))


def _fix_row(fix: Fix | None) -> dict[str, object] | None:
    if fix is None:
        return None
    return {"applicability": "safe" if fix.safe else "unsafe",
            "edits": [{"line": line, "column": column, "end_line": end_line, "end_column": end_column,
                       "content": edit.text} for edit, (line, column, end_line, end_column) in zip(fix.edits,
                                                                                                  fix.ranges)]}


@given(st.lists(st.tuples(st.text(), st.integers(0, 10**6), st.sampled_from(["DL3008", "DG101"]), st.text(),
                          _FIXES), max_size=5))
@settings(max_examples=200, deadline=None)
def test_json_is_what_json_dumps_writes(rows: list[tuple[str, int, str, str, Fix | None]]) -> None:
    """Paths, messages and fixed text may hold any character: quotes, control characters, non-ASCII, lone
    surrogates."""
    results = [FileResult(path, findings=[Finding(code, Severity.WARNING, message, line, line + 1, name="x",
                                                  fix=fix)])
               for path, line, code, message, fix in rows]
    expected = [{"file": r.path, "line": f.line, "column": f.column, "end_line": f.end_line,
                 "end_column": f.end_column, "code": f.code, "name": f.name, "level": f.level.label,
                 "message": f.message, "fix": _fix_row(f.fix)} for r in results for f in r.findings]
    assert formatter("json")(results, False) == json.dumps(expected, indent=2) + "\n"
