"""How far a script reads as a POSIX shell script, and how many commands that part holds.

hadolint reads every RUN as a bash script, under a PowerShell or cmd SHELL too. Where the text stops being shell
(PowerShell's ``$x = (...)``, ``if (...) { }``, ``iex ((...))``, ``[Type]::Member``; cmd's ``if exist x (...)``),
its reader stops, and it counts only the commands of the statements before. This finds that place for the shapes
such scripts take: a ``(`` after a command's words, a word after a closing ``)``, an unmatched ``)``, a control
operator with no command before it, an unclosed quote, substitution or subshell. It is no full grammar check: text
it reads to the end may still not be valid shell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONTROL = ("&&", "||", ";;", "|&", ";", "|", "&")
# Patterns are compiled on first use (re caches them), not at import: see tests/test_patterns.py.
_REDIRECTION = r"\d*(?:&>>|&>|>>|>&|<&|<<<|<<-|<<|<>|>\||>|<)"
_OPENING_WORDS = frozenset({"if", "then", "else", "elif", "do", "while", "until", "{", "!", "time", "function"})
_CLOSING_WORDS = frozenset({"fi", "done", "esac", "}"})
_ASSIGNMENT = r"[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?="
_WORD_END = frozenset(" \t\n;&|()<>")
_MAX_NESTING = 20  # substitutions deeper than this are not read (their commands not counted)


@dataclass(frozen=True, slots=True)
class PosixReading:
    commands: int  # simple commands with a literal name in the statements read (nested substitutions included)
    complete: bool  # the whole text reads as shell


class _Stop(Exception):
    """The text stops being shell here."""


def read_as_posix(script: str, nesting: int = 0) -> PosixReading:
    reader = _Reader(script, nesting)
    try:
        reader.read()
    except _Stop:
        return PosixReading(reader.statement_commands, False)
    return PosixReading(reader.commands, True)


class _Reader:
    def __init__(self, text: str, nesting: int) -> None:
        self.text = text
        self.nesting = nesting  # how deep in substitutions the text is
        self.pos = 0
        self.commands = 0
        self.statement_commands = 0  # commands of the statements read completely
        self.depth = 0  # open subshells
        self.words = 0  # words of the current simple command, assignments and reserved words left out
        self.empty = True  # nothing since the last control operator: another one here is an error
        self.closed = False  # a ``)`` or ``fi``/``done``/``}`` just ended a compound command
        self.named = False  # the current command's name counted

    def read(self) -> None:
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in " \t" or text.startswith("\\\n", self.pos):
                self.pos += 1 if char != "\\" else 2
            elif char == "#":
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            elif char == "\n":
                self._end_statement()
                self.pos += 1
            elif (control := next((op for op in _CONTROL if text.startswith(op, self.pos)), None)) is not None:
                self._control(control)
            elif text.startswith(("<(", ">("), self.pos):
                self._word()  # a process substitution
            elif redirection := re.compile(_REDIRECTION).match(text, self.pos):
                self.pos = redirection.end()
                self._redirection_target()
            elif char == "(":
                self._opening()
            elif char == ")":
                self._closing()
            else:
                self._word()
        if self.depth:
            raise _Stop

    def _end_statement(self) -> None:
        self.words, self.closed, self.empty = 0, False, True
        if self.depth == 0:
            self.statement_commands = self.commands

    def _control(self, operator: str) -> None:
        if self.empty:
            raise _Stop  # `& 'C:\x.exe'`, `a; ; b`
        self.pos += len(operator)
        if operator in (";", "&", ";;"):
            self._end_statement()
        self.words, self.closed, self.empty = 0, False, True

    def _redirection_target(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1
        if self.pos >= len(self.text) or self.text[self.pos] in _WORD_END:
            raise _Stop
        self.pos = self._word_end(self.pos)
        self.empty = False

    def _opening(self) -> None:
        after = self.text[self.pos + 1:].lstrip(" \t")
        if self.closed:
            raise _Stop
        if self.words == 0:
            self.depth += 1  # a subshell, or `((` arithmetic read as two
            self.pos += 1
        elif self.words == 1 and after.startswith(")"):  # `name()`: a function's name is not a command
            self.commands -= 1 if self.named else 0
            self.words, self.named = 0, False
            self.pos = len(self.text) - len(after) + 1
        else:
            raise _Stop  # `Write-Host ('x' -f $y)`, `$x = (...)`, `if exist x (del x)`

    def _closing(self) -> None:
        if self.depth == 0:
            raise _Stop
        self.depth -= 1
        self.pos += 1
        self.words, self.closed, self.empty = 0, True, False

    def _word(self) -> None:
        if self.closed:
            raise _Stop  # `if ($x) { ... }`: a word after a subshell
        start = self.pos
        self.pos = self._word_end(start)
        if self.pos == start:
            raise _Stop  # nothing this reader can take as a word
        word = self.text[start:self.pos]
        self.empty = self.empty and word in _OPENING_WORDS
        if self.words > 0:
            self.words += 1
        elif word in _OPENING_WORDS:
            pass
        elif word in _CLOSING_WORDS:
            self.closed = True
        elif word == "case":
            self.pos = len(self.text)  # patterns' `)` are not followed: the rest counts as read
        elif word.startswith("[") and word not in ("[", "[["):
            raise _Stop  # `[Net.ServicePointManager]::SecurityProtocol`: hadolint's reader takes it for a test
        elif not re.match(_ASSIGNMENT, word):
            self.words = 1
            self.named = "$" not in word and "`" not in word and word not in ("for", "select")
            self.commands += self.named

    def _word_end(self, pos: int) -> int:
        """Where the word at ``pos`` ends; the commands in its substitutions are counted."""
        text = self.text
        if text.startswith(("<(", ">("), pos):  # a process substitution
            end = _balanced(text, pos + 2)
            self._substitution(text[pos + 2:end - 1])
            return end
        while pos < len(text) and text[pos] not in _WORD_END:
            char = text[pos]
            if char == "\\":
                pos += 2
            elif char == "'":
                pos = _after(text, "'", pos + 1)
            elif char == '"':
                pos = self._double_quoted_end(pos + 1)
            elif char == "`":
                close = _after(text, "`", pos + 1)
                self._substitution(text[pos + 1:close - 1])
                pos = close
            elif char == "$" and text.startswith("$'", pos):
                pos = _after(text, "'", pos + 2)
            elif char == "$" and text.startswith(("$(", "${"), pos):
                pos = self._expansion_end(pos)
            elif text.startswith("(", pos + 1) and (char in "?*+@!" or char == "=" and re.fullmatch(
                    _ASSIGNMENT, text[_word_start(text, pos):pos + 1])):
                pos = _balanced(text, pos + 2)  # an extglob `@(a|b)` or an array `NAME=(a b)`
            else:
                pos += 1
        return pos

    def _double_quoted_end(self, pos: int) -> int:
        text = self.text
        while pos < len(text):
            char = text[pos]
            if char == '"':
                return pos + 1
            if char == "\\":
                pos += 2
            elif char == "`":
                close = _after(text, "`", pos + 1)
                self._substitution(text[pos + 1:close - 1])
                pos = close
            elif text.startswith(("$(", "${"), pos):
                pos = self._expansion_end(pos)
            else:
                pos += 1
        raise _Stop

    def _expansion_end(self, pos: int) -> int:
        if self.text.startswith("${", pos):
            close = self.text.find("}", pos)
            if close < 0:
                raise _Stop
            return close + 1
        end = _balanced(self.text, pos + 2)
        if not self.text.startswith("$((", pos):
            self._substitution(self.text[pos + 2:end - 1])
        elif not self.text.startswith("))", end - 2):
            raise _Stop  # `$((Get-Location).Path)` is no arithmetic
        return end

    def _substitution(self, inner: str) -> None:
        if self.nesting >= _MAX_NESTING:
            return
        reading = read_as_posix(inner, self.nesting + 1)
        if not reading.complete:
            raise _Stop
        self.commands += reading.commands


def _after(text: str, quote: str, pos: int) -> int:
    """Just past the ``quote`` that closes the one before ``pos``."""
    close = text.find(quote, pos)
    while quote == "`" and close > 0 and text[close - 1] == "\\":
        close = text.find(quote, close + 1)
    if close < 0:
        raise _Stop
    return close + 1


def _balanced(text: str, pos: int) -> int:
    """Just past the ``)`` that closes a ``(`` before ``pos``, quotes skipped."""
    depth = 1
    while pos < len(text):
        char = text[pos]
        if char == "\\":
            pos += 1
        elif char in "'\"":
            pos = _after(text, char, pos + 1) - 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    raise _Stop


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] not in _WORD_END:
        pos -= 1
    return pos
