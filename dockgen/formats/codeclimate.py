"""hadolint's ``codeclimate`` format: one Code Climate issue object per finding, each followed by a NUL byte (the
Code Climate engine protocol), keys sorted and compact, as hadolint writes them."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from dockgen.api import FileResult
from dockgen.lint.findings import Finding, Severity

_SEVERITIES = {Severity.ERROR: "blocker", Severity.WARNING: "major", Severity.INFO: "info", Severity.STYLE: "minor"}


def issue(path: str, finding: Finding) -> dict[str, Any]:
    return {"categories": ["Bug Risk"], "check_name": finding.code, "description": finding.message,
            "location": {"lines": {"begin": finding.line, "end": finding.line}, "path": path},
            "severity": _SEVERITIES[finding.level], "type": "issue"}


def compact(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def chunks(results: Sequence[FileResult], colour: bool) -> Iterator[str]:
    for result in results:
        for f in result.findings:
            yield compact(issue(result.path, f)) + "\0"


def render(results: Sequence[FileResult], colour: bool) -> str:
    return "".join(chunks(results, colour))
