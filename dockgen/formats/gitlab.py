"""GitLab Code Quality: a JSON array of issues with a stable fingerprint each."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dockgen.api import FileResult
from dockgen.formats._common import fingerprint, rule_for
from dockgen.lint.findings import Finding, Severity

_SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "minor",
               Severity.STYLE: "info"}


def render(results: Sequence[FileResult], colour: bool) -> str:
    issues = []
    for result in results:
        seen: dict[str, int] = {}
        for f in result.findings:
            occurrence = seen[f.code] = seen.get(f.code, 0) + 1
            issues.append({
                "type": "issue", "check_name": f.code, "description": f"{f.code}: {f.message}",
                "categories": ["Security"] if _security(f.code) else ["Style"],
                "severity": _SEVERITIES[f.level],
                "fingerprint": fingerprint(result.path, f, occurrence),
                "location": {"path": result.path.replace("\\", "/").removeprefix("./"), **_where(f)},
            })
    return json.dumps(issues, indent=2) + "\n"


def _where(f: Finding) -> dict[str, object]:
    """``lines``, which GitLab reads, and, when the finding concerns one word, its ``positions`` (line and column, as
    in the Code Climate spec GitLab's format comes from)."""
    lines: dict[str, object] = {"lines": {"begin": f.line, "end": max(f.end_line, f.line)}}
    if f.end_column is None:
        return lines
    return lines | {"positions": {"begin": {"line": f.line, "column": f.column},
                                  "end": {"line": f.end_line, "column": f.end_column}}}


def _security(code: str) -> bool:
    rule = rule_for(code)
    return rule is not None and rule.security_severity is not None
