"""Dockerfile lines to raw instructions, with BuildKit's line semantics: parser directives at the top, line
continuations (with the escape character in effect), comment and blank lines inside a continuation, heredoc bodies,
and where each piece of an instruction's logical text is written. ``parse`` builds the model from what this finds.
Nothing in here raises on bad input: problems become ``ParseProblem`` entries.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dockgen.lint.model import Comment, Heredoc, ParseProblem, Pragma, SourceMap
from dockgen.lint.pragmas import parse_pragma

_HEREDOC_INSTRUCTIONS = frozenset({"RUN", "COPY", "ADD"})
_DIRECTIVE = re.compile(r"#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$")
_KNOWN_DIRECTIVES = frozenset({"syntax", "escape", "check"})
_HEREDOC_MARKER = re.compile(r"<<(-?)([\"']?)([^\s\"'<>|&;()]+)\2")


def read_directives(lines: tuple[str, ...]) -> tuple[dict[str, str], int]:
    """Parser directives at the very top; they stop at the first line that is not one."""
    directives: dict[str, str] = {}
    for index, line in enumerate(lines):
        match = _DIRECTIVE.match(line.strip())
        if not match or match.group(1).lower() not in _KNOWN_DIRECTIVES or match.group(1).lower() in directives:
            return directives, index
        directives[match.group(1).lower()] = match.group(2)
    return directives, len(lines)


class RawInstruction(NamedTuple):
    line: int
    end_line: int
    logical: str
    heredocs: tuple[Heredoc, ...]
    origin: SourceMap  # offsets in ``logical`` to lines and columns


class Scanner:
    """Walks the physical lines once, collecting instructions, comments, pragmas and problems."""

    def __init__(self, lines: tuple[str, ...], escape: str, position: int) -> None:
        self.lines = lines
        self.escape = escape
        self.position = position
        self.raw: list[RawInstruction] = []
        self.comments: list[Comment] = []
        self.pragmas: list[Pragma] = []
        self.problems: list[ParseProblem] = []

    def scan(self) -> None:
        for index in range(self.position):  # directives are comments too
            self.comments.append(Comment(index + 1, self.lines[index].strip()[1:].strip()))
        while self.position < len(self.lines):
            stripped = self.lines[self.position].strip()
            if not stripped:
                self.position += 1
            elif stripped.startswith("#"):
                self._comment(self.position, stripped, pragma_allowed=True)
                self.position += 1
            else:
                self._instruction()

    def _comment(self, index: int, stripped: str, pragma_allowed: bool) -> None:
        comment = Comment(index + 1, stripped[1:].strip())
        self.comments.append(comment)
        if pragma_allowed:
            pragma = parse_pragma(comment)
            if pragma is not None:
                self.pragmas.append(pragma)

    def _instruction(self) -> None:
        start = self.position
        parts: list[str] = []
        marks: list[int] = []  # after each continued line: where the next part starts in the joined text, its line
        joined = 0
        while self.position < len(self.lines):
            line = self.lines[self.position]
            self.position += 1
            body = _strip_continuation(line, self.escape)
            if body is None:
                parts.append(line)
                break
            parts.append(body)
            joined += len(body)
            while self.position < len(self.lines):  # blank and comment lines inside a continuation are skipped
                stripped = self.lines[self.position].strip()
                if stripped and not stripped.startswith("#"):
                    break
                if stripped:
                    self._comment(self.position, stripped, pragma_allowed=False)
                self.position += 1
            marks += (joined, self.position + 1)
        text = "".join(parts)
        logical = text.strip()
        if not logical:
            return  # only a line continuation (`\\` alone, then blank lines or the end): BuildKit sees nothing
        end = self.position
        heredocs = self._heredocs(logical, start)
        if heredocs:
            end = heredocs[-1].end_line
        lead = len(text) - len(text.lstrip()) if text[0].isspace() else 0
        origin = SourceMap((0, *marks[0::2]), (start + 1, *marks[1::2]), lead) if marks else \
            SourceMap((0,), (start + 1,), lead)
        self.raw.append(RawInstruction(start + 1, max(end, start + 1), logical, heredocs, origin))

    def _heredocs(self, logical: str, start: int) -> tuple[Heredoc, ...]:
        words = logical.split(None, 2)
        keyword = words[0].upper() if words else ""
        if keyword == "ONBUILD" and len(words) > 1:
            keyword = words[1].upper()
        if keyword not in _HEREDOC_INSTRUCTIONS or "<<" not in logical:
            return ()
        heredocs: list[Heredoc] = []
        for strip_tabs, quote, name in _heredoc_markers(logical):
            body_start = self.position
            while self.position < len(self.lines):
                candidate = self.lines[self.position]
                self.position += 1
                if (candidate.lstrip("\t") if strip_tabs else candidate) == name:
                    body = "".join(b + "\n" for b in self.lines[body_start:self.position - 1])
                    heredocs.append(Heredoc(name, body, strip_tabs, bool(quote), body_start + 1, self.position))
                    break
            else:
                self.problems.append(ParseProblem(
                    start + 1, f"heredoc <<{name} is never terminated: no line reads exactly {name!r}"))
                heredocs.append(Heredoc(name, "", strip_tabs, bool(quote), body_start + 1, len(self.lines)))
                break
        return tuple(heredocs)


def _heredoc_markers(logical: str) -> list[tuple[bool, str, str]]:
    """``<<EOF`` markers outside quotes, in order; ``<<<`` is a here-string, not a heredoc."""
    markers: list[tuple[bool, str, str]] = []
    quote = ""
    index = 0
    while index < len(logical):
        char = logical[index]
        if quote:
            if char == quote:
                quote = ""
            elif char == "\\" and quote == '"':
                index += 1
        elif char in "'\"":
            quote = char
        elif char == "\\":
            index += 1
        elif logical.startswith("<<", index) and not logical.startswith("<<<", index) and (
                index == 0 or logical[index - 1] != "<"):
            match = _HEREDOC_MARKER.match(logical, index)
            if match:
                markers.append((match.group(1) == "-", match.group(2), match.group(3)))
                index = match.end()
                continue
        index += 1
    return markers


def _strip_continuation(line: str, escape: str) -> str | None:
    """The line without its trailing escape character, or None when it does not continue.

    As in BuildKit, a doubled escape character at the end is a literal, not a continuation."""
    stripped = line.rstrip(" \t")
    if stripped.endswith(escape) and (len(stripped) == 1 or stripped[-2] != escape):
        return stripped[:-1]
    return None
