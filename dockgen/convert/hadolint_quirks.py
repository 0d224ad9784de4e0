"""What hadolint 2.15.1 reports on a converted file although the file is right, so that the converter can mark it.

hadolint's bug #1228 (fixed after 2.15.1): an ENV or ARG after a bash SHELL makes it read every later RUN of the
stage as POSIX sh, so bash syntax carried over from the source (``{a,b}``, ``[[ ]]``, arrays) draws SC3xxx warnings.
dockgen reads those RUNs as bash; here the same output is linted once more as hadolint reads it, and the ShellCheck
codes only that reading finds are returned, at the lines of the output.
"""

from __future__ import annotations

from dataclasses import replace

from dockgen.lint.engine import Settings, lint
from dockgen.lint.findings import Finding
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import parse_text

_BASH = ("bash", "/bin/bash", "/usr/bin/bash", "/usr/bin/env bash")


def read_as_sh_by_hadolint(text: str, settings: Settings) -> list[Finding]:
    if not settings.shellcheck:
        return []
    dockerfile = parse_text(text)
    after: list[int] = []  # lines after which hadolint's reading switches back to sh
    for stage in dockerfile.stages:
        bash = False
        for instruction in stage.instructions:
            if instruction.keyword == "SHELL" and instruction.json_args:
                bash = instruction.json_args[0] in _BASH
            elif instruction.keyword in ("ENV", "ARG") and bash:
                after.append(instruction.last_line)
    if not after:
        return []
    lines = text.split("\n")
    for line in sorted(after, reverse=True):
        lines.insert(line, "# dockgen shell=sh")
    as_hadolint = parse_text("\n".join(lines))
    ordinal = {i.line: n for n, i in enumerate(as_hadolint.instructions)}
    output_lines = [i.line for i in dockerfile.instructions]
    found = {(_first_line(dockerfile, f), f.code) for f in lint(dockerfile, settings) if f.code.startswith("SC")}
    quirks: list[Finding] = []
    for finding in lint(as_hadolint, settings):  # ShellCheck findings point into the RUN: compare by its first line
        if not finding.code.startswith("SC") or _first_line(as_hadolint, finding) not in ordinal:
            continue
        line = output_lines[ordinal[_first_line(as_hadolint, finding)]]
        if (line, finding.code) not in found:
            quirks.append(replace(finding, line=line, end_line=line, message="hadolint 2.15.1 reads this RUN as sh "
                                  f"after an ENV or ARG (its bug #1228): {finding.message}"))
    return quirks


def _first_line(dockerfile: Dockerfile, finding: Finding) -> int:
    instruction = dockerfile.instruction_at(finding.line)
    return instruction.line if instruction is not None else finding.line
