"""The simple commands of a RUN under a PowerShell or cmd SHELL, for the few command rules that apply there.

hadolint reads every RUN as a POSIX shell script, so it still reports ``pip install`` (DL3013, DL3042), ``npm
install`` (DL3016) and ``cd`` (DL3003) under ``SHELL ["powershell", ...]``. This module splits such a script into
commands well enough for those rules: statements end at ``;`` (PowerShell only), a line break, ``&&``, ``||``, ``|``
and, in cmd, ``&``; the inside of ``{...}`` and ``(...)`` is read as statements too. (DL3059 counts what hadolint
counts instead: ``dockgen.lint.posix_reading``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dockgen.lint.model import Command

_OPENING = {"{": "}", "(": ")"}


@dataclass(frozen=True, slots=True)
class WindowsScript:
    commands: tuple[Command, ...]  # every simple command, those inside blocks and subexpressions included


def is_powershell(shell: tuple[str, ...]) -> bool:
    return _program(shell[0]).startswith(("pwsh", "powershell"))


def parse_windows(script: str, powershell: bool) -> WindowsScript:
    commands: list[Command] = []
    _collect(script, powershell, commands)
    return WindowsScript(tuple(commands))


def _collect(script: str, powershell: bool, out: list[Command]) -> None:
    """Add the script's commands to ``out``, its top-level ones first."""
    top: list[Command] = []
    for statement in _statements(script, powershell, out):
        words = _words(statement, powershell)
        if powershell and words[:1] == ["&"]:  # the call operator
            words = words[1:]
        if words:
            top.append(_command(words))
    out[:0] = top  # outer commands first, so source order holds roughly for the rules' purposes


def _statements(script: str, powershell: bool, out: list[Command]) -> list[str]:
    """Top-level statements; nested block contents are collected into ``out`` and left out of the text."""
    statements: list[str] = []
    current: list[str] = []
    quote = ""
    pos = 0
    escape = "`" if powershell else "^"
    while pos < len(script):
        char = script[pos]
        if quote:
            if char == escape and quote == '"' and pos + 1 < len(script):
                current.append(script[pos:pos + 2])
                pos += 2
                continue
            quote = "" if char == quote else quote
            current.append(char)
        elif char == escape and pos + 1 < len(script):
            current.append(script[pos:pos + 2])
            pos += 1
        elif char == '"' or (char == "'" and powershell):
            quote = char
            current.append(char)
        elif char in _OPENING and (powershell or char == "("):
            end = _closing(script, pos, char, powershell)
            nested: list[Command] = []
            _collect(script[pos + 1:end], powershell, nested)
            out.extend(nested)
            current.append(" ")
            pos = end
        elif (separator := _separator(script, pos, powershell)) is not None:
            statements.append("".join(current))
            current = []
            pos += len(separator) - 1
        else:
            current.append(char)
        pos += 1
    statements.append("".join(current))
    return [s for s in statements if s.strip()]


def _separator(script: str, pos: int, powershell: bool) -> str | None:
    for operator in ("&&", "||", "|", "\n") + ((";",) if powershell else ("&",)):
        if script.startswith(operator, pos):
            return operator
    return None


def _closing(script: str, pos: int, opening: str, powershell: bool) -> int:
    """The position of the bracket that closes the one at ``pos`` (the end of the text when unbalanced)."""
    depth = 0
    quote = ""
    index = pos
    while index < len(script):
        char = script[index]
        if quote:
            quote = "" if char == quote else quote
        elif char == '"' or (char == "'" and powershell):
            quote = char
        elif char == opening:
            depth += 1
        elif char == _OPENING[opening]:
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return len(script)


_POWERSHELL_WORD = r"""(?:"[^"]*"?|'[^']*'?|[^\s"'])+"""
_CMD_WORD = r'(?:"[^"]*"?|[^\s"])+'


def _words(statement: str, powershell: bool) -> list[str]:
    if powershell:
        return [re.sub(r"[\"']", "", word) for word in re.findall(_POWERSHELL_WORD, statement)]
    return [word.replace('"', "") for word in re.findall(_CMD_WORD, statement)]


def _command(words: list[str]) -> Command:
    return Command(name=_program(words[0]), args=tuple(words[1:]), program=words[0])


def _program(word: str) -> str:
    """``C:\\Python\\Scripts\\pip.exe`` is ``pip``; PowerShell and cmd names are not case-sensitive."""
    name = word.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return name.removesuffix(".exe")
