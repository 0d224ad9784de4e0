"""GitLab Code Quality: a JSON array of issues with a stable fingerprint each."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dockgen.api import FileResult
from dockgen.findings import Severity
from dockgen.formats._common import fingerprint
from dockgen.formats.sarif import SECURITY_SEVERITY

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
                "categories": ["Security"] if f.code in SECURITY_SEVERITY else ["Style"],
                "severity": _SEVERITIES[f.level],
                "fingerprint": fingerprint(result.path, f, occurrence),
                "location": {"path": result.path.replace("\\", "/").removeprefix("./"),
                             "lines": {"begin": f.line, "end": max(f.end_line, f.line)}},
            })
    return json.dumps(issues, indent=2) + "\n"
