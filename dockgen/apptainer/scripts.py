"""Shell text for the definition file: RUN scripts as lines, the runscript, quoting."""

from __future__ import annotations

import re
import shlex

from dockgen.lint.model import Dockerfile, Instruction

_FLAG_PREFIX = re.compile(r"\s*\S+\s+(?:--[A-Za-z-]+(?:=(?:\"[^\"]*\"|'[^']*'|\S*))?\s+)*")


def script_lines(dockerfile: Dockerfile, instruction: Instruction) -> tuple[list[str], list[bool]]:
    """The RUN's shell script as lines, and for each whether it must stay unindented (heredoc bodies)."""
    if instruction.json_args is not None:
        return [shlex.join(instruction.json_args)], [False]
    if instruction.heredocs and instruction.args.lstrip().startswith("<<"):
        body = instruction.heredocs[0].body.rstrip("\n").split("\n")
        return body, [True] * len(body)
    if dockerfile.escape != "\\":
        return [instruction.args], [False]
    heredoc_lines = {line for heredoc in instruction.heredocs
                     for line in range(heredoc.start_line, heredoc.end_line + 1)}
    lines: list[str] = []
    keep: list[bool] = []
    for number in range(instruction.line, instruction.end_line + 1):
        text = dockerfile.lines[number - 1]
        if number in heredoc_lines:
            lines.append(text)
            keep.append(True)
            continue
        if number == instruction.line:
            prefix = _FLAG_PREFIX.match(text)
            text = text[prefix.end():] if prefix else text
            if text.strip() in ("", "\\"):
                continue
        elif not text.strip() or text.lstrip().startswith("#"):
            continue  # Docker drops blank and comment lines inside a continuation; a shell would not
        lines.append(text.rstrip())
        keep.append(False)
    return lines, keep


def environment_prefix(shell: tuple[str, ...]) -> str:
    words_ = list(shell[2:])
    for index, word in enumerate(words_):
        if word in ("-p", "--prefix") and index + 1 < len(words_):
            return words_[index + 1]
        if word in ("-n", "--name") and index + 1 < len(words_):
            name = words_[index + 1]
            return "/opt/conda" if name == "base" else f"/opt/conda/envs/{name}"
    return "/opt/conda"


def runscript(entrypoint: tuple[tuple[str, ...], bool] | None, cmd: tuple[tuple[str, ...], bool] | None,
               workdir: str) -> tuple[str, ...]:
    if entrypoint is None and cmd is None:
        return ()
    lines = []
    if workdir != "/":
        lines += ["# The Dockerfile's WORKDIR (`apptainer exec` starts in your current folder instead).",
                  f"cd {quoted_path(workdir)}"]
    if entrypoint is not None:
        command = _command(entrypoint)
        if not entrypoint[1]:  # shell form: Docker ignores CMD and the arguments
            return (*lines, f"exec {command}")
        if cmd is not None and cmd[1]:
            lines.append(f'if [ "$#" -eq 0 ]; then set -- {shlex.join(cmd[0])}; fi')
        return (*lines, f'exec {command} "$@"')
    assert cmd is not None
    lines.append('# Arguments replace the command, as they do for `docker run IMAGE ...`.')
    lines.append('if [ "$#" -gt 0 ]; then exec "$@"; fi')
    return (*lines, f"exec {_command(cmd)}")


def _command(form: tuple[tuple[str, ...], bool]) -> str:
    words_, exec_form = form
    return shlex.join(words_) if exec_form else f"/bin/sh -c {shlex.quote(words_[0])}"


def double_quoted(value: str) -> str:
    """A value for ``export K=...`` that keeps ``$VAR`` and ``${VAR...}`` expansion, as Docker's ENV does, and
    nothing else: a ``$`` before anything but a name or ``{`` (command substitution ``$(...)``, ``$$``) and
    backquotes stay literal, as they are in a Dockerfile."""
    if re.fullmatch(r"[A-Za-z0-9_.,/:+=@%-]+", value):
        return value
    escaped = re.sub(r'(["\\`])', r"\\\1", value)
    return '"' + re.sub(r"\$(?![A-Za-z_{])", r"\\$", escaped) + '"'


def quoted_path(path: str) -> str:
    return double_quoted(path) if "$" in path else shlex.quote(path)
