"""hadolint's ``sonarqube`` format: SonarQube's generic issue import, ``{"issues": [...]}``."""

from __future__ import annotations

from collections.abc import Sequence

from dockgen.api import FileResult
from dockgen.formats.codeclimate import compact
from dockgen.lint.findings import Finding, Severity

_SEVERITIES = {Severity.ERROR: "CRITICAL", Severity.WARNING: "MAJOR", Severity.INFO: "MINOR", Severity.STYLE: "INFO"}


def render(results: Sequence[FileResult], colour: bool) -> str:
    issues = [{"engineId": "dockgen", "ruleId": f.code, "severity": _SEVERITIES[f.level],
               "type": "BUG" if f.level is Severity.ERROR else "CODE_SMELL",
               "primaryLocation": {"message": f.message, "filePath": result.path, "textRange": _range(f)}}
              for result in results for f in result.findings]
    return compact({"issues": issues})


def _range(f: Finding) -> dict[str, int]:
    """The word a finding concerns (SonarQube's columns count from 0); hadolint's first column of the line for a
    finding about a whole instruction."""
    if f.end_column is None:
        return {"startLine": f.line, "endLine": f.line, "startColumn": 0, "endColumn": 1}
    return {"startLine": f.line, "endLine": f.end_line, "startColumn": f.column - 1, "endColumn": f.end_column - 1}
