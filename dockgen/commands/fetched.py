"""Which shell or interpreter runs what curl or wget fetched, unread (DG502): down a pipe, or handed it as a command
or process substitution."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dockgen.commands.options import Syntax, parse
from dockgen.lint.model import Command
from dockgen.lint.shell import parse_script

_SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh"})
# How each reads its arguments (options stop at the first operand, the script file), and the options that give it
# its program on the command line instead.
_SYNTAX = {"sh": Syntax(frozenset({"o", "O", "rcfile", "init-file"}), anywhere=False),
           "python": Syntax(frozenset({"c", "m", "W", "X", "Q"}), anywhere=False),
           "perl": Syntax(frozenset({"e", "E", "I", "M", "m", "x"}), anywhere=False),
           "ruby": Syntax(frozenset({"e", "I", "r", "C", "E", "F"}), anywhere=False)}
_PROGRAM_OPTIONS = {"sh": frozenset({"c"}), "python": frozenset({"c", "m"}), "perl": frozenset({"e", "E"}),
                    "ruby": frozenset({"e"})}
_EVALUATORS = frozenset({"eval", "source", "."})


def _family(command: Command) -> str | None:
    name = command.name
    if name in _SHELLS:
        return "sh"
    if re.fullmatch(r"python[0-9.]*", name):
        return "python"
    return name if name in ("perl", "ruby") else None


def reads_program_from_stdin(command: Command) -> bool:
    """A shell or interpreter that runs what comes in on standard input: ``sh``, ``bash -s -- -y``, ``python3 -``;
    not ``bash install.sh``, ``sh -c '...'`` or ``python3 -m json.tool``."""
    family = _family(command)
    if family is None:
        return False
    parsed = parse(command.args, _SYNTAX[family])
    names = {option.name for option in parsed.options}
    if names & _PROGRAM_OPTIONS[family]:
        return False
    return (family == "sh" and "s" in names) or not parsed.operands or parsed.operands[0] == "-"


def runs_fetched_script(commands: Sequence[Command], pipelines: Sequence[Sequence[Command]],
                        depth: int = 0) -> Command | None:
    """The shell or interpreter that runs a script curl or wget fetched, unread: at the end of their pipe
    (``curl -fsSL URL | sh``, ``wget -qO- URL | tee log | sudo bash -``), or handed it as a command or process
    substitution (``sh -c "$(curl ...)"``, ``eval "$(wget -O- ...)"``, ``bash <(curl ...)``), also inside a
    ``bash -c`` script."""
    for pipeline in pipelines:
        for position in range(1, len(pipeline)):
            if reads_program_from_stdin(pipeline[position]) and any(
                    command.name in ("curl", "wget") for command in pipeline[:position]):
                return pipeline[position]
    if depth < 3:
        for command in commands:
            if any(_fetches(text, depth) for text in _program_texts(command)):
                return command
    return None


def _program_texts(command: Command) -> tuple[str, ...]:
    """The words a command runs as a program: ``eval``'s arguments, what ``source`` reads, a shell's ``-c``
    script or script file, an interpreter's ``-c``/``-e`` program."""
    if command.name in _EVALUATORS:
        return command.args if command.name == "eval" else command.args[:1]
    family = _family(command)
    if family is None:
        return ()
    parsed = parse(command.args, _SYNTAX[family])
    given = [o.value for o in parsed.options if o.name in _PROGRAM_OPTIONS[family] and o.value is not None]
    return (*given, *parsed.operands[:1])


def _fetches(text: str, depth: int) -> bool:
    """The text is a substitution whose commands fetch with curl or wget, or a script that runs a fetched one."""
    script = parse_script(text)
    if text.startswith(("$(", "`", "<(")) and any(c.name in ("curl", "wget") for c in script.commands[1:]):
        return True
    return runs_fetched_script(script.commands, script.pipelines, depth + 1) is not None
