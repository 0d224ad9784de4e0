"""SARIF 2.1.0: one run, a rules array with help text and links, results with physical locations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dockgen import __version__
from dockgen.api import FileResult
from dockgen.formats._common import docs_url, help_text, help_uri, rule_for
from dockgen.formats._fixes import sarif_fixes
from dockgen.lint.findings import Severity

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.STYLE: "note"}


def render(results: Sequence[FileResult], colour: bool) -> str:
    codes = sorted({f.code for result in results for f in result.findings})
    index = {code: position for position, code in enumerate(codes)}
    rules = [_rule(code) for code in codes]
    sarif_results = [
        {
            "ruleId": f.code, "ruleIndex": index[f.code], "level": _LEVELS[f.level],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(result.path)},
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": max(f.end_line, f.line),
                           **({"endColumn": f.end_column} if f.end_column is not None else {})},
            }}],
            **sarif_fixes(_uri(result.path), f.fix),
        }
        for result in results for f in result.findings
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "dockgen", "version": __version__,
                                **({"informationUri": docs_url()} if docs_url() else {}), "rules": rules}},
            "results": sarif_results,
            "invocations": [{"executionSuccessful": not any(r.error for r in results),
                             "toolExecutionNotifications": [
                                 {"level": "error", "message": {"text": r.error}} for r in results if r.error]}],
        }],
    }
    return json.dumps(log, indent=2) + "\n"


def _rule(code: str) -> dict[str, object]:
    rule = rule_for(code)
    uri = help_uri(code)
    link = {"helpUri": uri} if uri else {}
    if rule is None:  # a ShellCheck code
        return {"id": code, "name": code, "shortDescription": {"text": f"ShellCheck {code}"}, **link}
    from dockgen.lint.rules_doc import rule_docs

    properties: dict[str, object] = {"tags": [rule.code[:2]], "aliases": list(rule.aliases)}
    if rule.security_severity is not None:  # GitHub code scanning ranks security findings by it
        properties = {"tags": [rule.code[:2], "security"], "security-severity": f"{rule.security_severity:.1f}",
                      "aliases": list(rule.aliases)}
    return {
        "id": code, "name": rule.name, "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(rule_docs(code).rationale.split())},
        "help": {"text": f"{rule.summary}. {help_text(code)}"},
        **link,
        "defaultConfiguration": {"level": _LEVELS[rule.level]},
        "properties": properties,
    }


def _uri(path: str) -> str:
    return path.replace("\\", "/").removeprefix("./")
