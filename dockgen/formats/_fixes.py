"""How the formats show fixes: the terminal's mark and closing hint, SARIF's ``fixes`` (JSON writes its own)."""

from __future__ import annotations

from collections.abc import Sequence

from dockgen.api import FileResult
from dockgen.lint.edits import Fix

MARK = "[*]"  # on a finding that `--fix` fixes, as ruff marks them


def marked(fix: Fix | None) -> bool:
    """The finding's fix is applied by a plain ``--fix``."""
    return fix is not None and fix.safe


def hint(results: Sequence[FileResult]) -> str | None:
    """The line after the summary that says how many findings the fix options would fix, or None."""
    fixes = [f.fix for result in results for f in result.findings if f.fix is not None]
    safe = sum(fix.safe for fix in fixes)
    unsafe = len(fixes) - safe
    more = f"{unsafe} {'more' if safe else 'fixable'} with `--fix --unsafe-fixes`" if unsafe else ""
    if safe:
        return f"{MARK} {safe} fixable with `--fix`" + (f" ({more})." if unsafe else ".")
    return f"No safe fixes ({more})." if unsafe else None


def sarif_fixes(uri: str, fix: Fix | None) -> dict[str, object]:
    """A result's ``fixes`` property (SARIF 2.1.0 section 3.55): one fix of one artifact's replacements; nothing
    when the finding has no fix."""
    if fix is None:
        return {}
    description = ("a safe fix: the built image cannot change" if fix.safe
                   else "an unsafe fix: the built image can change (applied with --fix --unsafe-fixes)")
    replacements = [{"deletedRegion": {"startLine": line, "startColumn": column, "endLine": end_line,
                                       "endColumn": end_column},
                     "insertedContent": {"text": edit.text}}
                    for edit, (line, column, end_line, end_column) in zip(fix.edits, fix.ranges)]
    return {"fixes": [{"description": {"text": description},
                       "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}]}]}
