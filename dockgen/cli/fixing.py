"""``dockgen lint --fix/--unsafe-fixes/--diff``: fix each file, write it back or show the diff, report the rest."""

from __future__ import annotations

import difflib
import sys
from dataclasses import replace
from pathlib import Path

import click

from dockgen.api import FileResult, lint_bytes
from dockgen.errors import DockgenError
from dockgen.files.writing import encode, write_atomically
from dockgen.lint.engine import Settings, lint
from dockgen.lint.findings import Finding
from dockgen.lint.fixer import MAX_PASSES, FixOutcome, fix_text
from dockgen.lint.parse import parse_text
from dockgen.lint.source import decode, read_limited, read_regular_file

Job = tuple[str, str, Settings]


def fix_files(jobs: list[Job], unsafe: bool, diff_only: bool) -> tuple[list[FileResult], int]:
    """Results after fixing, and how many files changed (or would change, with ``diff_only``)."""
    results, changed, fixed = [], 0, 0
    for target, display, settings in jobs:
        result, outcome = _fix_one(target, display, settings, unsafe, diff_only)
        results.append(result)
        if outcome is not None and outcome.changed:
            changed += 1
            fixed += len(outcome.applied)
    left = sum(f.fix is not None for result in results for f in result.findings) if diff_only else 0
    if fixed:
        more = f" ({left} more with --unsafe-fixes)" if left else ""
        click.echo(f"dockgen: {'would fix' if diff_only else 'fixed'} {_count(fixed, 'finding')} in "
                   f"{_count(changed, 'file')}{more}.", err=True)
    elif left:  # only unsafe fixes: say why the diff is empty
        click.echo(f"dockgen: no safe fixes; {_count(left, 'unsafe fix', 'unsafe fixes')} available with "
                   "--unsafe-fixes.", err=True)
    return results, changed


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _unapplied(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """The findings left after fixing, with only the fixes that the options in force did not apply (a safe fix
    left over was refused by the fixer, so it is no longer offered): the unsafe ones without ``--unsafe-fixes``."""
    return [f if f.fix is None or (not unsafe and not f.fix.safe) else replace(f, fix=None) for f in findings]


def _fix_one(target: str, display: str, settings: Settings, unsafe: bool,
             diff_only: bool) -> tuple[FileResult, FixOutcome | None]:
    stdin = target == "-"
    try:
        data = read_limited(sys.stdin.buffer) if stdin else read_regular_file(target)
    except OSError as error:
        return FileResult(display, error=f"{display}: {error.strerror or error}"), None
    location = None if stdin else Path(target)
    decoded = decode(data)
    if decoded.problem is not None:
        if stdin and not diff_only:
            sys.stdout.buffer.write(data)
        return FileResult(display, lint_bytes(data, settings, display, location)), None
    outcome = fix_text(decoded.text, settings, unsafe, location)
    _warn(display, outcome)
    if diff_only:
        if outcome.changed:
            click.echo("".join(difflib.unified_diff(decoded.text.splitlines(keepends=True),
                                                    outcome.text.splitlines(keepends=True),
                                                    f"a/{display}", f"b/{display}")), nl=False)
    elif stdin:
        sys.stdout.buffer.write(encode(outcome.text, decoded))
    elif outcome.changed:
        try:
            write_atomically(Path(target), encode(outcome.text, decoded), data)
        except DockgenError as error:
            return FileResult(display, lint(parse_text(decoded.text), settings, display, location), str(error)), None
    remaining = lint(parse_text(outcome.text), settings, display, location)
    return FileResult(display, _unapplied(remaining, unsafe)), outcome


def _warn(display: str, outcome: FixOutcome) -> None:
    if outcome.limit_reached:
        click.echo(f"dockgen: warning: {display}: fixes did not settle after {MAX_PASSES} passes; the file may need "
                   f"a look", err=True)
    for code in sorted(set(outcome.dropped)):
        click.echo(f"dockgen: warning: {display}: a {code} fix was left out: the result would not parse", err=True)
