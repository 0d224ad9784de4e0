"""``dockgen new --from``: rewrite an existing Dockerfile into an optimized pip or conda variant.

The source is read into what the image is (``source.py``); each Python stage moves to the chosen manager's base and
its installs are rewritten in place (``rewrite.py``, ``runs.py``); everything else is carried over as written, in
order. Whatever changes beyond a pure optimization is a ``# Note:`` at the top (and on stderr).
"""

from __future__ import annotations

import datetime
import shlex
from dataclasses import dataclass
from pathlib import Path

from dockgen import __version__
from dockgen.convert.assemble import body_lines, header, mark_carried_findings
from dockgen.convert.bases import choose_python
from dockgen.convert.build_context import BuildContext, DirectoryContext, NoContext
from dockgen.convert.context import Notes, Target
from dockgen.convert.rewrite import plan
from dockgen.convert.source import Refused, Source, read_source
from dockgen.errors import DockgenError
from dockgen.generator.catalog import Catalog, load
from dockgen.lint.engine import Settings, lint
from dockgen.lint.findings import Finding
from dockgen.lint.fixer import fix_text
from dockgen.lint.parse import parse_text
from dockgen.lint.rules import all_rules
from dockgen.lint.shellcheck import shellcheck_binary
from dockgen.lint.source import decode

__all__ = ["BuildContext", "Conversion", "DirectoryContext", "Refused", "convert_file", "convert_text"]


@dataclass(frozen=True)
class Conversion:
    text: str
    notes: tuple[str, ...]


def convert_file(path: Path, manager: str, today: datetime.date | None = None,
                 context: Path | None = None) -> Conversion:
    """Convert the Dockerfile at ``path``; files it names are read from ``context`` (default: its folder)."""
    folder = context if context is not None else path.parent
    if not folder.is_dir():
        raise DockgenError(f"{folder}: the build context must be a folder")
    try:
        decoded = decode(path.read_bytes())
    except OSError as error:
        raise DockgenError(f"{path}: cannot read: {error.strerror or error}") from None
    if decoded.problem:
        raise DockgenError(f"{path}:{decoded.problem_line}: {decoded.problem}")
    return convert_text(decoded.text, path.name, manager, today, context=DirectoryContext(folder))


def convert_text(text: str, name: str, manager: str, today: datetime.date | None = None,
                 catalog: Catalog | None = None, context: BuildContext | None = None) -> Conversion:
    """Convert Dockerfile ``text``; ``context`` is where the files it names are read (none by default)."""
    if manager not in ("pip", "conda"):
        raise DockgenError(f"unknown manager {manager!r}: choose pip or conda")
    today = today or datetime.date.today()
    catalog = catalog or load()
    context = context or NoContext()
    source = read_source(text, name, context)
    python, python_note = choose_python(source, manager, catalog, today)
    notes = Notes()
    for note in _origin(source, today):
        notes.add(note)
    if python_note:
        notes.add(python_note)
    target = Target(manager, python, source.python.version, catalog, context)
    body = body_lines(source, plan(source, target, notes))
    settings = Settings(today=today, shellcheck=shellcheck_binary() is not None)
    directives = header(source, "", [], __version__)[:-1]
    draft = "\n".join([*directives, *body]).rstrip("\n") + "\n"
    fixed = fix_text(draft, settings).text  # safe fixes only: spelling that cannot change the image
    source_texts = frozenset("\n".join(source.dockerfile.lines[i.line - 1:i.last_line])
                             for i in source.dockerfile.instructions)
    source_codes = frozenset(f.code for f in lint(source.dockerfile, settings))
    marked, carried = mark_carried_findings(fixed, settings, source_texts, source_codes)
    for note in _carried_notes(carried):
        notes.add(note)
    command_line = shlex.join(["dockgen", "new", "--from", name, "--manager", manager])
    lines = [*header(source, command_line, notes.lines(), __version__), *marked.split("\n")[len(directives):]]
    result = "\n".join(lines).rstrip("\n") + "\n"
    left = lint(parse_text(result), settings)
    if left:  # a pragma the linters do not read where it was put: a bug here, never the user's input
        details = "; ".join(f"line {f.line} {f.code}" for f in left)
        raise DockgenError(f"internal error: the converted Dockerfile does not lint clean ({details})")
    return Conversion(result, tuple(notes.lines()))


def _origin(source: Source, today: datetime.date) -> list[str]:
    """Why the bases change: dockgen's own findings about the source's FROM lines."""
    found = [f"Rewritten from {source.name}."]
    for finding in lint(source.dockerfile, Settings(select=("DG101", "DG102"), today=today)):
        found.append(f"line {finding.line}: {finding.message}")
    return found


def _carried_notes(findings: list[tuple[Finding, bool]]) -> list[str]:
    by_code: dict[tuple[str, bool], list[Finding]] = {}
    for finding, carried in findings:
        by_code.setdefault((finding.code, carried), []).append(finding)
    notes = []
    for (code, carried), found in sorted(by_code.items()):
        rule = all_rules().get(code)
        same = rule is None or len({f.message for f in found}) == 1
        message = (found[0].message if same or rule is None else rule.summary).split("; ")[0].rstrip(".")
        places = f"{len(found)} places" if len(found) > 1 else "1 place"
        where = "carried over from the source as written" if carried else "on lines dockgen wrote, as it writes them"
        notes.append(f"{code} ({message}): {where}, {places}, marked with a pragma.")
    return notes
