"""What several output formats share: rule lookups, help links, stable fingerprints."""

from __future__ import annotations

import hashlib

from dockgen.findings import Finding
from dockgen.rules import Rule, all_rules

# Where each rule is explained: hadolint's wiki for its rules, dockgen's generated reference for the rest.
DOCS_URL = "https://github.com/dockgen/dockgen/blob/main/docs/rules.md"
_HADOLINT_WIKI = "https://github.com/hadolint/hadolint/wiki/"
_SHELLCHECK_WIKI = "https://www.shellcheck.net/wiki/"


def rule_for(code: str) -> Rule | None:
    return all_rules().get(code)


def help_uri(code: str) -> str:
    if code.startswith("SC"):
        return _SHELLCHECK_WIKI + code
    if code.startswith("DL"):
        return _HADOLINT_WIKI + code
    return f"{DOCS_URL}#{code.lower()}"


def fingerprint(path: str, finding: Finding, occurrence: int) -> str:
    """Stable across runs and unrelated edits: file, code, the instruction's text, and which repeat it is."""
    key = f"{path}\0{finding.code}\0{finding.message}\0{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
