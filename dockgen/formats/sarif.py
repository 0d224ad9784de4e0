"""SARIF 2.1.0: one run, a rules array with help text and links, results with physical locations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dockgen import __version__
from dockgen.api import FileResult
from dockgen.findings import Severity
from dockgen.formats._common import DOCS_URL, help_uri, rule_for

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
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": max(f.end_line, f.line)},
            }}],
        }
        for result in results for f in result.findings
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "dockgen", "version": __version__, "informationUri": DOCS_URL,
                                "rules": rules}},
            "results": sarif_results,
            "invocations": [{"executionSuccessful": not any(r.error for r in results),
                             "toolExecutionNotifications": [
                                 {"level": "error", "message": {"text": r.error}} for r in results if r.error]}],
        }],
    }
    return json.dumps(log, indent=2) + "\n"


def _rule(code: str) -> dict[str, object]:
    rule = rule_for(code)
    if rule is None:  # a ShellCheck code
        return {"id": code, "name": code, "shortDescription": {"text": f"ShellCheck {code}"},
                "helpUri": help_uri(code)}
    from dockgen.rules_doc import rule_docs

    return {
        "id": code, "name": rule.name, "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(rule_docs(code).rationale.split())},
        "help": {"text": f"{rule.summary}. See {help_uri(code)}"},
        "helpUri": help_uri(code),
        "defaultConfiguration": {"level": _LEVELS[rule.level]},
        "properties": {"tags": [rule.code[:2]], "aliases": list(rule.aliases)},
    }


def _uri(path: str) -> str:
    return path.replace("\\", "/").removeprefix("./")
