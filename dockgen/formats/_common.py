"""What several output formats share: rule lookups, help links, stable fingerprints."""

from __future__ import annotations

import hashlib
import os

from dockgen.lint.findings import Finding
from dockgen.lint.rules import Rule, all_rules

# Where each rule is explained: hadolint's wiki for its rules, ShellCheck's for SC codes; dockgen's own rules are
# explained by `dockgen rule CODE` (docs/rules.md in the source), or at DOCKGEN_DOCS_URL when a published copy of
# that page is configured. dockgen has no public web home yet, so no URL is invented for it.
_HADOLINT_WIKI = "https://github.com/hadolint/hadolint/wiki/"
_SHELLCHECK_WIKI = "https://www.shellcheck.net/wiki/"


def rule_for(code: str) -> Rule | None:
    return all_rules().get(code)


def docs_url() -> str | None:
    return os.environ.get("DOCKGEN_DOCS_URL") or None


def help_uri(code: str) -> str | None:
    if code.startswith("SC"):
        return _SHELLCHECK_WIKI + code
    if code.startswith("DL"):
        return _HADOLINT_WIKI + code
    url = docs_url()
    return f"{url}#{code.lower()}" if url else None


def help_text(code: str) -> str:
    uri = help_uri(code)
    return f"See {uri}" if uri else f"Run `dockgen rule {code}` for the rationale and examples."


def fingerprint(path: str, finding: Finding, occurrence: int) -> str:
    """Stable across runs, line shifts and reworded messages: file, code, and which repeat of the code it is."""
    key = f"{path}\0{finding.code}\0{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
