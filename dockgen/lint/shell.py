"""RUN script text to a flat list of simple commands.

This is not a shell: it tokenises POSIX/bash syntax well enough to find every simple command (in ``&&``/``||``/``;``
chains, pipelines, subshells, ``if``/``for``/``while``/``case`` bodies and command substitutions), its program name and
its argument words with quotes removed. Expansions (``$X``, ``${X}``, ``$(...)``) stay as written in the words.
Malformed input never raises: an unterminated quote or substitution simply runs to the end of the text.
"""

from __future__ import annotations

from typing import NamedTuple

from dockgen.lint.model import Command, SourceMap
from dockgen.lint.shell_lexer import ASSIGNMENT, REDIRECTIONS, Token, tokenize

_SKIPPED_KEYWORDS = frozenset({"if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}",
                               "esac", "time"})


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
    words: list[Token] = []
    pipeline: list[Command] = []  # the commands of the pipeline being read
    state = _State()
    tokens = tokenize(script)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.is_operator and token.text in REDIRECTIONS:
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


def _flush(words: list[Token], out: _Output, depth: int, origin: SourceMap | None) -> Command | None:
    """The command of ``words`` (None when there are only assignments, or none), added to ``out`` before the
    commands nested in its words."""
    if not words:
        return None
    texts = [w.text for w in words]
    first = 0
    while first < len(texts) and ASSIGNMENT.match(texts[first]):
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
            elif name in ("env", "sudo") and ASSIGNMENT.match(word):
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
