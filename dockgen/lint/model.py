"""The immutable Dockerfile model every check reads.

Lines are 1-based and inclusive. ``Instruction.text`` is the logical text after the keyword: continuation
lines joined, comment and blank lines inside the continuation dropped, heredoc bodies kept apart in
``heredocs``. Nothing here parses; see ``parse.py``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Heredoc:
    name: str
    body: str  # as written; with ``strip_tabs`` (``<<-``) the build removes leading tabs
    strip_tabs: bool
    quoted: bool
    start_line: int  # first body line
    end_line: int  # the terminator line

    def origin(self) -> SourceMap:
        """Offsets in the body to lines and columns: one piece per body line."""
        starts = [0]
        position = self.body.find("\n")
        while position >= 0:
            starts.append(position + 1)
            position = self.body.find("\n", position + 1)
        return SourceMap(tuple(starts), tuple(range(self.start_line, self.start_line + len(starts))), 0, self.body)


@dataclass(frozen=True, slots=True)
class Flag:
    """A leading ``--name[=value]`` option of FROM, RUN, COPY, ADD or HEALTHCHECK."""

    name: str
    value: str | None


class Location(NamedTuple):
    """Where a word or command is written: 1-based line and column of its first character, and the line and the
    column just past its last character (end exclusive, as SARIF's ``endColumn``)."""

    line: int
    column: int
    end_line: int
    end_column: int


class SourceMap(NamedTuple):
    """Offsets in a text cut out of the file (an instruction's ``args``, a heredoc body) to lines and columns.

    The text is made of pieces, each the start of one physical line: piece ``k`` starts at offset
    ``starts[k] - base`` of the text and at column 1 of line ``lines[k]``. Offsets stay plain ints in the model;
    lines and columns are worked out only when a finding asks for them. (A named tuple: one is made for every
    instruction, and a tuple is the cheapest thing to make.)"""

    starts: tuple[int, ...]
    lines: tuple[int, ...]
    base: int = 0
    text: str = ""  # the text the offsets are in

    def position(self, offset: int) -> tuple[int, int]:
        """Line and 1-based column of the character at ``offset``."""
        at = self.base + offset
        piece = max(bisect.bisect_right(self.starts, at) - 1, 0)
        return self.lines[piece], at - self.starts[piece] + 1

    def location(self, start: int, end: int) -> Location:
        """The text ``[start, end)``; its end is on the line of its last character (not the next line's start)."""
        line, column = self.position(start)
        if end <= start:
            return Location(line, column, line, column)
        end_line, end_column = self.position(end - 1)
        return Location(line, column, end_line, end_column + 1)


@dataclass(frozen=True, slots=True)
class Command:
    """One simple shell command from a RUN script.

    ``name`` is the effective program: path stripped and wrappers such as ``sudo`` or ``env`` looked through;
    ``wrappers`` keeps what was looked through. ``args`` are the words after the name with quotes removed.

    Where each word is written: ``offset`` is where the command starts in ``origin.text``, its script; the words,
    ``prefix`` words (assignments, wrappers and their options, dequoted) first, then the program, then ``args``,
    are found again from there when a finding asks (one int a command instead of two a word), and ``origin`` turns
    their offsets into lines and columns. ``origin`` is None where the source is not the script (exec form, or a
    command made up by a caller).
    """

    name: str
    args: tuple[str, ...]
    wrappers: tuple[str, ...] = ()
    assignments: tuple[str, ...] = ()
    program: str = ""  # the program word as written, path kept (``/opt/venv/bin/pip``)
    prefix: tuple[str, ...] = field(default=(), compare=False)
    offset: int = field(default=-1, compare=False)
    origin: SourceMap | None = field(default=None, compare=False)

    def word_location(self, index: int) -> Location | None:
        """Where the ``index``-th word of the command (prefix words counted) is written."""
        spans = self._spans()
        if spans is None or not 0 <= index < len(spans):
            return None
        return self.origin.location(*spans[index]) if self.origin is not None else None

    def _spans(self) -> list[tuple[int, int]] | None:
        if self.origin is None or self.offset < 0:
            return None
        from dockgen.lint.shell_lexer import word_spans  # the shell syntax lives there, the model only holds data

        spans = word_spans(self.origin.text, self.offset)
        return spans if len(spans) == len(self.prefix) + 1 + len(self.args) else None

    def arg_location(self, index: int) -> Location | None:
        """Where ``args[index]`` is written."""
        if not 0 <= index < len(self.args):
            return None
        return self.word_location(len(self.prefix) + 1 + index)

    def find(self, word: str) -> Location | None:
        """Where the first argument equal to ``word`` (or, failing that, the program or a prefix word such as a
        wrapper) is written."""
        if word in self.args:
            return self.arg_location(self.args.index(word))
        if word in (self.program, self.name):
            return self.program_location()
        if word in self.prefix:
            return self.word_location(self.prefix.index(word))
        return None

    def program_location(self) -> Location | None:
        return self.word_location(len(self.prefix))

    def location(self) -> Location | None:
        """The whole simple command, from its first word to the end of its last."""
        spans = self._spans()
        if spans is None or self.origin is None:
            return None
        return self.origin.location(spans[0][0], spans[-1][1])

    @property
    def flags(self) -> frozenset[str]:
        return _flags_of(self.args)

    def has_arg(self, *values: str) -> bool:
        return any(arg in values for arg in self.args)

    def has_flag(self, *names: str) -> bool:
        return not self.flags.isdisjoint(names)


def _is_flag_word(word: str) -> bool:
    return word.startswith("-") and word not in ("-", "--")


def _flags_of(args: tuple[str, ...]) -> frozenset[str]:
    names: set[str] = set()
    for arg in args:
        if not _is_flag_word(arg):
            continue
        if arg.startswith("--"):
            names.add(arg[2:].split("=", 1)[0])
        else:
            names.update(arg[1:])
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A FROM image reference, split the way registries read it, after ARG defaults are substituted."""

    raw: str
    registry: str | None
    name: str
    tag: str | None
    digest: str | None

    @property
    def has_variable(self) -> bool:
        return "$" in self.raw

    @property
    def short_name(self) -> str:
        """``library/python`` and ``docker.io/python`` both become ``python``."""
        name = self.name
        if self.registry in (None, "docker.io", "index.docker.io", "registry-1.docker.io"):
            name = name.removeprefix("library/")
        return name


@dataclass(frozen=True, slots=True)
class Instruction:
    keyword: str  # upper case
    written_keyword: str  # as written, for casing checks
    line: int
    end_line: int
    text: str  # logical text after the keyword, without leading flags' removal
    args: str  # ``text`` without the leading ``--flags``
    flags: tuple[Flag, ...] = ()
    heredocs: tuple[Heredoc, ...] = ()
    json_args: tuple[str, ...] | None = None  # exec form, when ``args`` is a JSON array of strings
    commands: tuple[Command, ...] = ()  # RUN only: every simple command, in source order (none under PowerShell)
    has_pipe: bool = False  # RUN only: the script has a pipeline
    pipelines: tuple[tuple[Command, ...], ...] = ()  # RUN only: each pipeline of two or more of ``commands``
    inner: Instruction | None = None  # ONBUILD's wrapped instruction
    shell: tuple[str, ...] | None = None  # the SHELL in effect (exec form); None means /bin/sh -c
    stage: int = -1  # index of the stage it belongs to, -1 before the first FROM
    origin: SourceMap | None = field(default=None, compare=False)  # offsets in ``args`` to lines and columns

    @property
    def last_line(self) -> int:
        """The instruction's last line, its heredocs' bodies included."""
        return max([self.end_line, *(heredoc.end_line for heredoc in self.heredocs)])

    def flag(self, name: str) -> Flag | None:
        return next((f for f in self.flags if f.name == name), None)

    @property
    def is_exec_form(self) -> bool:
        return self.json_args is not None


@dataclass(frozen=True, slots=True)
class Comment:
    line: int
    text: str  # after the ``#``, stripped


@dataclass(frozen=True, slots=True)
class Pragma:
    """An inline suppression or directive comment, from ``# dockgen ...`` or ``# hadolint ...``."""

    line: int
    scope: str  # "next" | "global" | "stage" | "shell"
    codes: frozenset[str] = frozenset()
    value: str = ""  # for ``shell=``


@dataclass(frozen=True, slots=True)
class Stage:
    index: int
    from_instruction: Instruction
    image: ImageRef
    alias: str | None
    instructions: tuple[Instruction, ...]  # FROM first
    parent: int | None = None  # the earlier stage named in FROM, by alias (or hadolint's image-name key)


@dataclass(frozen=True, slots=True)
class ParseProblem:
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Dockerfile:
    source: str  # decoded text, BOM removed, line endings as in the file
    lines: tuple[str, ...]  # physical lines without their line ending
    instructions: tuple[Instruction, ...]
    comments: tuple[Comment, ...]
    pragmas: tuple[Pragma, ...]
    stages: tuple[Stage, ...]
    directives: dict[str, str] = field(default_factory=dict)
    escape: str = "\\"
    problems: tuple[ParseProblem, ...] = ()  # anything that makes the file unbuildable
    global_args: dict[str, str | None] = field(default_factory=dict)  # ARGs before the first FROM
    # Indexes every check shares, built once: keyword -> top-level instructions, and the same with the ones wrapped
    # in ONBUILD (each in file order).
    by_keyword: dict[str, tuple[Instruction, ...]] = field(init=False, repr=False, compare=False)
    with_onbuild: dict[str, tuple[Instruction, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        top: dict[str, list[Instruction]] = {}
        both: dict[str, list[Instruction]] = {}
        for instruction in self.instructions:
            top.setdefault(instruction.keyword, []).append(instruction)
            both.setdefault(instruction.keyword, []).append(instruction)
            inner = instruction.inner
            if inner is not None and inner.keyword != instruction.keyword:
                both.setdefault(inner.keyword, []).append(inner)
        object.__setattr__(self, "by_keyword", {keyword: tuple(found) for keyword, found in top.items()})
        object.__setattr__(self, "with_onbuild", {keyword: tuple(found) for keyword, found in both.items()})

    @property
    def final_stage(self) -> Stage | None:
        return self.stages[-1] if self.stages else None

    def instruction_at(self, line: int) -> Instruction | None:
        """The top-level instruction whose lines (heredoc bodies included) hold ``line``: a finding about a word on
        a continuation line belongs to it (hadolint reports the instruction's first line)."""
        at = bisect.bisect_right([i.line for i in self.instructions], line) - 1
        if at >= 0 and line <= self.instructions[at].last_line:
            return self.instructions[at]
        return None
