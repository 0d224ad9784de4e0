"""Put the converted Dockerfile together: the source's lines in order with the plan's replacements, a header with
the notes, and a lint pass that leaves what was carried over from the source marked rather than reported."""

from __future__ import annotations

import re

from dockgen.convert.context import Plan
from dockgen.convert.hadolint_quirks import read_as_sh_by_hadolint
from dockgen.convert.source import Source
from dockgen.lint.engine import Settings, lint
from dockgen.lint.findings import Finding
from dockgen.lint.parse import parse_text

_DIRECTIVE = re.compile(r"#\s*(syntax|escape|check)\s*=", re.IGNORECASE)
_PRAGMA = re.compile(r"#\s*(hadolint|dockgen)\s+ignore\s*=\s*([A-Za-z0-9_, -]+?)\s*(#.*)?$")
CARRIED = "# carried over from the source as written (see the notes)"
WRITTEN = "# as dockgen writes it (see the notes)"


def body_lines(source: Source, plan: Plan) -> list[str]:
    """The source's lines with replacements made, its leading parser directives dropped (the header has them)."""
    lines = source.dockerfile.lines
    starts = {i.line: i for i in source.dockerfile.instructions}
    out: list[str] = []
    number = 1
    while number <= len(lines) and _DIRECTIVE.match(lines[number - 1].strip()):
        number += 1
    while number <= len(lines):
        instruction = starts.get(number)
        if instruction is None:
            out.append(lines[number - 1])
            number += 1
            continue
        end = instruction.last_line
        replacement = plan.replacements.get(number)
        if replacement is None:
            out.extend(lines[number - 1:end])
        elif replacement:
            out.extend(replacement.split("\n"))
        blocks = plan.after.get(number, ())
        for block in blocks:
            out.extend(["", *block.split("\n")])
        number = end + 1
        # hadolint 2.15.1 cannot parse a comment (or a pragma put there later) right after a heredoc's end
        if (blocks or instruction.heredocs) and number <= len(lines) and lines[number - 1].strip():
            out.append("")
    return out


def header(source: Source, command_line: str, notes: list[str], version: str) -> list[str]:
    directives = [line for line in source.dockerfile.lines[:3] if _DIRECTIVE.match(line.strip())]
    if not any(d.lstrip("# ").lower().startswith("syntax") for d in directives):
        directives.insert(0, "# syntax=docker/dockerfile:1")
    lines = [*directives, f"# Written by dockgen {version}: {command_line}"]
    for note in notes:
        lines.extend(_wrap(f"# Note: {note}", "#       "))
    return lines


def _wrap(text: str, indent: str, width: int = 116) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = indent + word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def mark_carried_findings(text: str, settings: Settings, source_texts: frozenset[str],
                          source_codes: frozenset[str]) -> tuple[str, list[tuple[Finding, bool]]]:
    """Findings left on the output are marked with a pragma above their instruction and returned for the notes,
    each with whether it is carried over: its instruction is the source's text as written (``source_texts``), or
    the source has the same finding (``source_codes``: no USER, unpinned apt packages), else it is dockgen's own."""
    findings = [*lint(parse_text(text), settings), *read_as_sh_by_hadolint(text, settings)]
    if not findings:
        return text, []
    dockerfile = parse_text(text)
    owner: dict[int, int] = {}
    for instruction in dockerfile.instructions:
        end = instruction.last_line
        for line in range(instruction.line, end + 1):
            owner[line] = instruction.line
    codes_at: dict[int, set[str]] = {}
    global_codes: set[str] = set()
    for finding in findings:
        start = owner.get(finding.line)
        if start is None:
            global_codes.add(finding.code)
        else:
            codes_at.setdefault(start, set()).add(finding.code)
    lines = text.split("\n")
    ends = {i.line: i.last_line for i in dockerfile.instructions}
    carried = {start: "\n".join(lines[start - 1:ends[start]]) in source_texts or codes_at[start] <= source_codes
               for start in codes_at}
    for start in sorted(codes_at, reverse=True):
        codes = set(codes_at[start])
        first = start - 1  # index of the instruction's line
        while first > 0 and _PRAGMA.match(lines[first - 1].strip()):
            codes |= {c.strip() for c in _PRAGMA.match(lines[first - 1].strip()).group(2).split(",")  # type: ignore[union-attr]
                      if c.strip()}
            first -= 1
        lines[first:start - 1] = _pragmas(codes, "", CARRIED if carried[start] else WRITTEN)
    if global_codes:
        insert_at = next(i for i, line in enumerate(lines) if not line.startswith("#"))
        lines[insert_at:insert_at] = _pragmas(global_codes, "global ", CARRIED)
    return "\n".join(lines), [(f, carried.get(owner.get(f.line, 0), True)) for f in findings]


def _pragmas(codes: set[str], scope: str, reason: str) -> list[str]:
    """hadolint reads only its own codes (letters D, L, S, C), on the line right above the instruction."""
    ours = sorted(c for c in codes if not re.fullmatch(r"(DL|SC)\d+", c))
    hadolint = sorted(c for c in codes if re.fullmatch(r"(DL|SC)\d+", c))
    lines = []
    if ours:
        lines.append(f"# dockgen {scope}ignore={','.join(ours)} {reason}")
    if hadolint:
        lines.append(f"# hadolint {scope}ignore={','.join(hadolint)} {reason}")
    return lines
