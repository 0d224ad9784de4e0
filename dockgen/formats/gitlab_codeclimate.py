"""hadolint's ``gitlab_codeclimate`` format: one JSON array of Code Climate issues, each with a ``fingerprint``, the
SHA-1 of the issue's compact JSON, as hadolint computes it. (``gitlab`` is dockgen's own, with fingerprints that
survive unrelated edits.)"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from dockgen.api import FileResult
from dockgen.formats.codeclimate import compact, issue


def render(results: Sequence[FileResult], colour: bool) -> str:
    issues = []
    for result in results:
        for f in result.findings:
            entry = issue(result.path, f)
            entry["fingerprint"] = hashlib.sha1(compact(entry).encode("utf-8")).hexdigest()
            issues.append(entry)
    return compact(issues)
