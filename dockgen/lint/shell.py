"""RUN script text to a flat list of simple commands.

This is not a shell: it tokenises POSIX/bash syntax well enough to find every simple command (in ``&&``/``||``/``;``
chains, pipelines, subshells, ``if``/``for``/``while``/``case`` bodies and command substitutions), its program name and
its argument words with quotes removed. Expansions (``$X``, ``${X}``, ``$(...)``) stay as written in the words.
Malformed input never raises: an unterminated quote or substitution simply runs to the end of the text.
"""

from __future__ import annotations

import re
import sys
from typing import NamedTuple

from dockgen.lint.model import Command, SourceMap

_OPERATORS = ("&&", "||", ";;", ";&", "|&", "&>>", "&>", ">>", ">|", ">&", "<&", "<<<", "<<-", "<<", "<>",
              ";", "|", "&", "(", ")", "<", ">", "\n")
_REDIRECTIONS = frozenset({"&>>", "&>", ">>", ">|", ">&", "<&", "<<<", "<<-", "<<", "<>", "<", ">"})
_SEPARATORS = frozenset({"&&", "||", ";;", ";&", "|&", ";", "|", "&", "(", ")", "\n"})
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=")
_SKIPPED_KEYWORDS = frozenset({"if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}",
                               "esac", "time"})
_WORD_END = frozenset(" \t\n;&|()<>")
_OPERATOR_START = frozenset(operator[0] for operator in _OPERATORS)
# A run of characters that stand for themselves inside a word: read in one step rather than one by one.
_PLAIN_RUN = re.compile(r"[^ \t\n;&|()<>\\'\"$`]+")


class _Token(NamedTuple):
    text: str  # dequoted word, or the operator itself
    is_operator: bool
    substitutions: tuple[tuple[str, int], ...] = ()  # inner scripts of $(...), `...`, <(...), >(...), and offsets
    start: int = 0  # where the word is written in the script being tokenised


class Script(NamedTuple):
    commands: tuple[Command, ...]  # outer commands before the ones nested in their arguments
    has_pipe: bool  # a ``|`` or ``|&`` pipeline anywhere (not ``||``, not a ``case`` pattern)
    # Each pipeline of two or more simple commands, its commands in order (a subshell or group in a pipeline
    # ends it: ``a | (b)`` is not recorded)
    pipelines: tuple[tuple[Command, ...], ...] = ()


def parse_script(script: str, origin: SourceMap | None = None) -> Script:
    """The commands of ``script``; with ``origin``, the map from offsets in ``script`` to the file's lines and
    columns, each command records where its words are written."""
    out = _Output([], [], [])
    _collect(script, out, depth=0, origin=origin)
    return Script(tuple(out.commands), bool(out.pipes), tuple(out.pipelines))


def split_commands(script: str) -> tuple[Command, ...]:
    """Every simple command in ``script``, outer commands before the ones nested in their arguments."""
    return parse_script(script).commands


class _Output(NamedTuple):
    commands: list[Command]
    pipes: list[bool]
    pipelines: list[tuple[Command, ...]]


def _collect(script: str, out: _Output, depth: int, origin: SourceMap | None) -> None:
    """``origin``: where ``script`` is written (a substitution's inner text is parsed apart, with a map of its own)."""
    if depth > 20:
        return
    words: list[_Token] = []
    pipeline: list[Command] = []  # the commands of the pipeline being read
    state = _State()
    tokens = _tokenize(script)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.is_operator and token.text in _REDIRECTIONS:
            if index < len(tokens) and not tokens[index].is_operator:
                for inner, offset in tokens[index].substitutions:
                    _collect(inner, out, depth + 1, _inner(origin, inner, offset))
                index += 1  # the redirection target is not an argument
            continue
        if token.is_operator:
            piped = token.text in ("|", "|&") and not state.case_pattern
            if piped:
                out.pipes.append(True)
            if not (token.text == "\n" and not words and pipeline):  # ``a |`` newline ``b`` is one pipeline
                _pipe(pipeline, _flush(words, out, depth, origin), out, piped)
            state.after_operator(token.text)
            continue
        if not words and state.skip_word(token.text):
            continue
        if not words and index < len(tokens) - 1 and tokens[index].text == "(" and tokens[index + 1].text == ")":
            index += 2  # ``name() { ... }`` defines a function
            continue
        words.append(token)
    _pipe(pipeline, _flush(words, out, depth, origin), out, False)


def _pipe(pipeline: list[Command], command: Command | None, out: _Output, continues: bool) -> None:
    """Add ``command`` to the pipeline being read; unless a ``|`` follows, the pipeline ends here."""
    if command is not None:
        pipeline.append(command)
    if not continues:
        if len(pipeline) > 1:
            out.pipelines.append(tuple(pipeline))
        pipeline.clear()


def _inner(origin: SourceMap | None, inner: str, offset: int) -> SourceMap | None:
    """The map of a substitution's inner script, which starts at ``offset`` of the script ``origin`` maps."""
    return None if origin is None else SourceMap(origin.starts, origin.lines, origin.base + offset, inner)


class _State:
    """Tracks the reserved words that are not commands: ``for x in ...``, ``case ... in pattern)``."""

    def __init__(self) -> None:
        self.skipping_header = False  # inside ``for``/``select``/``case`` header words
        self.in_case = 0
        self.case_pattern = False

    def skip_word(self, word: str) -> bool:
        if word == "esac" and self.in_case:
            self.in_case -= 1
            self.case_pattern = False
            return True
        if self.case_pattern:
            return True
        if self.skipping_header:
            if word == "in" and self.in_case:
                self.skipping_header = False
                self.case_pattern = True
            elif word == "do":
                self.skipping_header = False
            return True
        if word in ("for", "select", "function"):
            self.skipping_header = word != "function"
            return True
        if word == "case":
            self.in_case += 1
            self.skipping_header = True
            return True
        return word in _SKIPPED_KEYWORDS

    def after_operator(self, operator: str) -> None:
        if self.case_pattern and operator == ")":
            self.case_pattern = False
        elif self.in_case and operator in (";;", ";&"):
            self.case_pattern = True
        elif self.skipping_header and operator in (";", "\n") and not self.in_case:
            self.skipping_header = False


def _flush(words: list[_Token], out: _Output, depth: int, origin: SourceMap | None) -> Command | None:
    """The command of ``words`` (None when there are only assignments, or none), added to ``out`` before the
    commands nested in its words."""
    if not words:
        return None
    texts = [w.text for w in words]
    first = 0
    while first < len(texts) and _ASSIGNMENT.match(texts[first]):
        first += 1
    command = _resolve(texts, first, words[0].start, origin) if first < len(texts) else None
    if command is not None:
        out.commands.append(command)
    for word in words:
        for inner, offset in word.substitutions:
            _collect(inner, out, depth + 1, _inner(origin, inner, offset))
    words.clear()
    return command


# Programs that run their arguments as a command, with the options that take a value.
_WRAPPERS: dict[str, frozenset[str]] = {
    "sudo": frozenset({"-u", "-g", "-h", "-p", "-C", "-r", "-t", "-U", "-D", "-T", "--user", "--group"}),
    "env": frozenset({"-u", "-C", "-S", "--unset", "--chdir"}),
    "nice": frozenset({"-n", "--adjustment"}),
    "nohup": frozenset(),
    "exec": frozenset({"-a"}),
    "builtin": frozenset(),
    "command": frozenset(),
    "busybox": frozenset(),
    "time": frozenset({"-o", "-f"}),
}


def _resolve(texts: list[str], first: int, offset: int, origin: SourceMap | None) -> Command:
    """The command of the words ``texts``, the first ``first`` of them assignments."""
    words = texts[first:]
    wrappers: list[str] = []
    extra_assignments = texts[:first]
    while True:
        name = _program_name(words[0])
        options = _WRAPPERS.get(name)
        if options is None or len(words) == 1:
            break
        if name == "command" and words[1] in ("-v", "-V"):
            break  # ``command -v x`` asks about x, it does not run it
        rest = words[1:]
        while rest:
            word = rest[0]
            if word == "--":
                rest = rest[1:]
                break
            if word.startswith("-") and word != "-":
                rest = rest[2:] if word in options else rest[1:]
            elif name in ("env", "sudo") and _ASSIGNMENT.match(word):
                extra_assignments.append(word)
                rest = rest[1:]
            elif name == "nice" and word.lstrip("-").isdigit():
                rest = rest[1:]
            else:
                break
        if not rest:
            break
        wrappers.append(name)
        words = rest
    prefix = tuple(texts[:len(texts) - len(words)]) if origin is not None and len(texts) > len(words) else ()
    return Command(_program_name(words[0]), tuple(words[1:]), tuple(wrappers), tuple(extra_assignments), words[0],
                   prefix, offset, origin)


def _program_name(word: str) -> str:
    return word.rsplit("/", 1)[-1] if "/" in word and not word.endswith("/") else word


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    length = len(text)
    pos = 0
    while pos < length:
        char = text[pos]
        if char in " \t":
            pos += 1
            continue
        if char == "\\" and text.startswith("\n", pos + 1):
            pos += 2
            continue
        if char == "#":
            pos = _line_end(text, pos)
            continue
        if char in "<>" and text.startswith("(", pos + 1):
            end = _balanced(text, pos + 2, "(", ")")
            tokens.append(_Token(text[pos:end], False, ((text[pos + 2:_inner_end(text, end, ")")], pos + 2),), pos))
            pos = end
            continue
        operator = _operator_at(text, pos)
        if operator:
            tokens.append(_Token(operator, True))
            pos += len(operator)
            continue
        start = pos
        word, substitutions, pos = _read_word(text, pos)
        if pos < length and text[pos] in "<>" and word.isdigit():
            continue  # ``2>`` : the fd number belongs to the redirection that follows
        tokens.append(_Token(word, False, substitutions, start))
    return tokens


def word_spans(script: str, start: int) -> list[tuple[int, int]]:
    """Where the words of the simple command that starts at ``start`` of ``script`` are written, read again as
    ``_tokenize`` and ``_collect`` read them (redirections and their targets left out), up to the operator that
    ends the command. Commands keep only their start: this runs when a finding asks where a word is."""
    spans: list[tuple[int, int]] = []
    pos, length, target = start, len(script), False
    while pos < length:
        char = script[pos]
        if char in " \t" or (char == "\\" and script.startswith("\n", pos + 1)):
            pos += 1 if char != "\\" else 2
            continue
        if char == "#":
            pos = _line_end(script, pos)
            continue
        if char in "<>" and script.startswith("(", pos + 1):
            end = _balanced(script, pos + 2, "(", ")")
        else:
            operator = _operator_at(script, pos)
            if operator and operator not in _REDIRECTIONS:
                break
            if operator:
                pos, target = pos + len(operator), True
                continue
            _, _, end = _read_word(script, pos)
            if end < length and script[end] in "<>" and script[pos:end].isdigit():
                pos = end
                continue
        if not target:
            spans.append((pos, end))
        pos, target = end, False
    return spans


def _operator_at(text: str, pos: int) -> str | None:
    if text[pos] not in _OPERATOR_START:
        return None
    for operator in _OPERATORS:
        if text.startswith(operator, pos):
            return operator
    return None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _read_word(text: str, pos: int) -> tuple[str, tuple[tuple[str, int], ...], int]:
    parts: list[str] = []
    substitutions: list[tuple[str, int]] = []
    length = len(text)
    while pos < length:
        char = text[pos]
        if char == "(" and parts and parts[-1].endswith("=") and _ASSIGNMENT.fullmatch("".join(parts)):
            end = _balanced(text, pos + 1, "(", ")")  # NAME=( a b ... ), newlines allowed: one assignment word
            parts.append(text[pos:end])
            pos = end
            continue
        if char in _WORD_END:
            break
        if char == "\\":
            if pos + 1 < length and text[pos + 1] != "\n":
                parts.append(text[pos + 1])
            pos = min(pos + 2, length)  # a backslash at the very end stands alone
        elif char == "'":
            end = text.find("'", pos + 1)
            end = length if end < 0 else end
            parts.append(text[pos + 1:end])
            pos = min(end + 1, length)  # unterminated: the word runs to the end, not past it
        elif char == '"':
            pos = _read_double_quoted(text, pos + 1, parts, substitutions)
        elif char == "$" and text.startswith("$'", pos):
            end = text.find("'", pos + 2)
            end = length if end < 0 else end
            parts.append(text[pos + 2:end])
            pos = min(end + 1, length)
        elif char == "$" or char == "`":
            pos = _read_expansion(text, pos, parts, substitutions)
        else:
            plain = _PLAIN_RUN.match(text, pos)
            end = plain.end() if plain else pos + 1
            parts.append(text[pos:end])
            pos = end
    # Interned: the same few words (apt-get, install, -y) repeat on every line of big files.
    return sys.intern("".join(parts)), tuple(substitutions), pos


def _read_double_quoted(text: str, pos: int, parts: list[str], substitutions: list[tuple[str, int]]) -> int:
    length = len(text)
    while pos < length:
        char = text[pos]
        if char == '"':
            return pos + 1
        if char == "\\" and pos + 1 < length and text[pos + 1] in '"\\$`\n':
            if text[pos + 1] != "\n":
                parts.append(text[pos + 1])
            pos += 2
        elif char == "$" or char == "`":
            pos = _read_expansion(text, pos, parts, substitutions)
        else:
            parts.append(char)
            pos += 1
    return pos


def _read_expansion(text: str, pos: int, parts: list[str], substitutions: list[tuple[str, int]]) -> int:
    """``$(...)``, ``$((...))``, ``${...}``, backticks or ``$name``: kept as written, inner scripts recorded."""
    if text.startswith("$((", pos):
        end = _balanced(text, pos + 2, "(", ")")  # arithmetic: no commands inside
    elif text.startswith("$(", pos):
        end = _balanced(text, pos + 2, "(", ")")
        substitutions.append((text[pos + 2:_inner_end(text, end, ")")], pos + 2))
    elif text.startswith("${", pos):
        end = _balanced(text, pos + 2, "{", "}")
    elif text[pos] == "`":
        end = _backtick_end(text, pos + 1)
        substitutions.append((text[pos + 1:_inner_end(text, end, "`")], pos + 1))
    else:
        end = pos + 1
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        if end == pos + 1 and end < len(text) and text[end] in "@*#?$!-0123456789":
            end += 1
    parts.append(text[pos:end])
    return end


def _backtick_end(text: str, pos: int) -> int:
    """Index just past the backtick that closes one opened before ``pos``: a backslash quotes the next character
    (``\\``` is a backtick inside, as the shell reads it), so the scan steps over both."""
    length = len(text)
    while pos < length:
        if text[pos] == "\\":
            pos += 2
        elif text[pos] == "`":
            return pos + 1
        else:
            pos += 1
    return length


def _inner_end(text: str, end: int, closing: str) -> int:
    """Where a substitution's inner script ends: before its closing character, or at ``end`` when it has none
    (unterminated, so the script runs to the end of the text)."""
    return end - 1 if text[end - 1:end] == closing else end


def _balanced(text: str, pos: int, opening: str, closing: str) -> int:
    """Index just past the ``closing`` that matches an ``opening`` already consumed before ``pos``."""
    depth = 1
    length = len(text)
    while pos < length:
        char = text[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "'" and opening == "(":
            close = text.find("'", pos + 1)
            pos = length if close < 0 else close + 1
            continue
        if char == '"':
            pos = _skip_double_quoted(text, pos + 1)
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    return length


def _skip_double_quoted(text: str, pos: int) -> int:
    length = len(text)
    while pos < length:
        char = text[pos]
        if char == "\\":
            pos += 2
            continue
        if char == '"':
            return pos + 1
        if text.startswith("$(", pos):
            pos = _balanced(text, pos + 2, "(", ")")
            continue
        pos += 1
    return length
