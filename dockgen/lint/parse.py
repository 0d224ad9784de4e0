"""Dockerfile text to the immutable model, with BuildKit's line semantics.

Line structure (continuations, the escape directive, comments inside continuations, heredocs) is scanned here;
dockerfile-parse's word splitter does the Dockerfile word and ``key=value`` splitting, with ARG substitution for
image references. Nothing in here raises on bad input: problems become ``ParseProblem`` entries.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import replace
from typing import NamedTuple


from dockgen.lint.model import (Comment, Dockerfile, Flag, Heredoc, ImageRef, Instruction, ParseProblem, Pragma,
                           SourceMap, Stage)
from dockgen.lint.pragmas import parse_pragma
from dockgen.lint.shell import Script, parse_script
from dockgen.lint.words import dequote, split_words

KNOWN_INSTRUCTIONS = frozenset({
    "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
    "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
})
_HEREDOC_INSTRUCTIONS = frozenset({"RUN", "COPY", "ADD"})
_FLAGGED_INSTRUCTIONS = frozenset({"FROM", "RUN", "COPY", "ADD", "HEALTHCHECK"})
_JSON_INSTRUCTIONS = frozenset({"RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME", "HEALTHCHECK"})
_DIRECTIVE = re.compile(r"#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$")
_KNOWN_DIRECTIVES = frozenset({"syntax", "escape", "check"})
_HEREDOC_MARKER = re.compile(r"<<(-?)([\"']?)([^\s\"'<>|&;()]+)\2")
_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh"})


def parse_text(source: str) -> Dockerfile:
    """Parse decoded Dockerfile text (a leading BOM is dropped)."""
    source = source.removeprefix("\ufeff")
    lines = tuple(line.removesuffix("\r") for line in source.split("\n"))
    if lines and lines[-1] == "" and source.endswith("\n"):
        lines = lines[:-1]
    directives, first_line = _read_directives(lines)
    escape = directives.get("escape", "\\")
    if escape not in ("\\", "`"):
        escape = "\\"
    scanner = _Scanner(lines, escape, first_line)
    scanner.scan()
    instructions, stages, global_args = _assemble(scanner.raw, scanner.problems)
    if not instructions and not scanner.problems:
        scanner.problems.append(ParseProblem(1, "the file has no instructions (a Dockerfile needs at least a FROM)"))
    return Dockerfile(source=source, lines=lines, instructions=instructions, comments=tuple(scanner.comments),
                      pragmas=tuple(scanner.pragmas), stages=stages, directives=directives, escape=escape,
                      problems=tuple(scanner.problems), global_args=global_args)


def _read_directives(lines: tuple[str, ...]) -> tuple[dict[str, str], int]:
    """Parser directives at the very top; they stop at the first line that is not one."""
    directives: dict[str, str] = {}
    for index, line in enumerate(lines):
        match = _DIRECTIVE.match(line.strip())
        if not match or match.group(1).lower() not in _KNOWN_DIRECTIVES or match.group(1).lower() in directives:
            return directives, index
        directives[match.group(1).lower()] = match.group(2)
    return directives, len(lines)


class _RawInstruction(NamedTuple):
    line: int
    end_line: int
    logical: str
    heredocs: tuple[Heredoc, ...]
    origin: SourceMap  # offsets in ``logical`` to lines and columns


class _Scanner:
    """Walks the physical lines once, collecting instructions, comments, pragmas and problems."""

    def __init__(self, lines: tuple[str, ...], escape: str, position: int) -> None:
        self.lines = lines
        self.escape = escape
        self.position = position
        self.raw: list[_RawInstruction] = []
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
        self.raw.append(_RawInstruction(start + 1, max(end, start + 1), logical, heredocs, origin))

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


def _assemble(raws: list[_RawInstruction], problems: list[ParseProblem]
              ) -> tuple[tuple[Instruction, ...], tuple[Stage, ...], dict[str, str | None]]:
    instructions: list[Instruction] = []
    stage_members: list[list[Instruction]] = []
    global_args: dict[str, str | None] = {}
    stage = -1
    shell: tuple[str, ...] | None = None  # the SHELL in effect; None is /bin/sh -c
    shell_by_alias: dict[str, tuple[str, ...] | None] = {}
    alias: str | None = None
    for raw in raws:
        words_ = raw.logical.split(None, 3)
        if words_[0].upper() == "FROM":
            stage += 1
            stage_members.append([])
            image = next((w for w in words_[1:] if not w.startswith("--")), "")
            shell = shell_by_alias.get(image)  # a stage built FROM another keeps its SHELL
        instruction = _build(raw.logical, raw.line, raw.end_line, raw.heredocs, stage, shell, problems, raw.origin)
        instructions.append(instruction)
        if instruction.keyword == "FROM":
            alias = _stage_alias(instruction)
        if instruction.keyword == "SHELL" and instruction.json_args:
            shell = instruction.json_args
        if stage >= 0:
            stage_members[stage].append(instruction)
            if alias:
                shell_by_alias[alias] = shell
        elif instruction.keyword == "ARG":
            for name, default in arg_pairs(instruction.args).items():
                global_args[name] = _expand_default(default, global_args)
    stages = _link_parents([_stage(index, tuple(members), global_args) for index, members in enumerate(stage_members)])
    return tuple(instructions), stages, global_args


def _build(logical: str, line: int, end_line: int, heredocs: tuple[Heredoc, ...], stage: int,
           shell: tuple[str, ...] | None, problems: list[ParseProblem], origin: SourceMap) -> Instruction:
    """``origin``: offsets in ``logical`` to lines and columns."""
    written, text = _split_first_word(logical)
    keyword = written.upper()
    if keyword not in KNOWN_INSTRUCTIONS:
        problems.append(ParseProblem(line, f"unknown instruction {written!r}"))
    inner = None
    if keyword == "ONBUILD":
        if text:  # the trigger runs in a later build whose SHELL is unknown here
            inner = _build(text, line, end_line, heredocs, stage, None, problems,
                           SourceMap(origin.starts, origin.lines, origin.base + len(logical) - len(text), text))
        else:
            problems.append(ParseProblem(line, "ONBUILD needs an instruction after it"))
    flags, args = _leading_flags(text) if keyword in _FLAGGED_INSTRUCTIONS else ((), text)
    if keyword == "HEALTHCHECK" and args.upper().startswith("CMD"):
        args_for_json = args[3:].strip()
    else:
        args_for_json = args
    json_args = _json_array(args_for_json) if keyword in _JSON_INSTRUCTIONS else None
    posix = json_args is not None or is_posix_shell(shell)
    # ``args`` (like ``text``) ends ``logical``: where it starts there is all the map needs to know
    args_origin = SourceMap(origin.starts, origin.lines, origin.base + len(logical) - len(args), args)
    script = _run_script(args, json_args, heredocs, args_origin) if keyword == "RUN" and posix else Script((), False)
    return Instruction(keyword=keyword, written_keyword=written, line=line, end_line=end_line, text=text, args=args,
                       flags=flags, heredocs=heredocs if inner is None else (), json_args=json_args,
                       commands=script.commands, has_pipe=script.has_pipe, pipelines=script.pipelines, inner=inner,
                       stage=stage, shell=shell, origin=args_origin)


def is_posix_shell(shell: tuple[str, ...] | None) -> bool:
    """False for PowerShell and cmd, whose scripts the POSIX splitter cannot read."""
    if not shell:
        return True
    program = shell[0].replace("\\", "/").rsplit("/", 1)[-1].lower()
    return not program.startswith(("pwsh", "powershell", "cmd"))


def _stage_alias(from_instruction: Instruction) -> str | None:
    parts = words(from_instruction.args)
    return parts[2] if len(parts) >= 3 and parts[1].lower() == "as" else None


def _split_first_word(text: str) -> tuple[str, str]:
    parts = text.split(None, 1)
    if not parts:
        return "", ""
    return parts[0], parts[1].strip() if len(parts) > 1 else ""


def _leading_flags(text: str) -> tuple[tuple[Flag, ...], str]:
    flags: list[Flag] = []
    rest = text
    while rest.startswith("--"):
        word, rest = _split_first_word(rest)
        name, equals, value = word[2:].partition("=")
        flags.append(Flag(name.lower(), value if equals else None))
    return tuple(flags), rest


def _json_array(text: str) -> tuple[str, ...] | None:
    if not text.startswith("["):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def _run_script(args: str, json_args: tuple[str, ...] | None, heredocs: tuple[Heredoc, ...],
                origin: SourceMap) -> Script:
    """The RUN's shell script; exec form is joined with spaces and read as shell too, as hadolint does (its words
    then have no place in the source)."""
    script = parse_script(" ".join(json_args)) if json_args is not None else parse_script(args, origin)
    commands, has_pipe, pipelines = script
    for heredoc in heredocs:
        # A bare ``RUN <<EOF`` runs the body as the script; ``RUN bash <<EOF`` feeds it to a shell.
        if not script.commands or any(command.name in _SHELLS for command in script.commands):
            body = parse_script(heredoc.body, heredoc.origin())
            commands += body.commands
            has_pipe = has_pipe or body.has_pipe
            pipelines += body.pipelines
    return Script(commands, has_pipe, pipelines)


def words(text: str) -> list[str]:
    """Dockerfile word splitting: quotes removed, escapes honoured, no variable substitution."""
    return split_words(text)


@functools.lru_cache(maxsize=4096)
def key_values(text: str) -> tuple[tuple[str, str], ...]:
    """``ENV``/``LABEL`` pairs, in either the ``k=v`` form or the legacy ``KEY value`` form (as dockerfile-parse
    reads them). Cached, because several checks read the same ENV lines for every RUN below them."""
    raw = split_words(text, dequote=False)
    if not raw:
        return ()
    if "=" not in raw[0]:
        parts = text.split(None, 1)
        return ((dequote(parts[0]), dequote(parts[1]) if len(parts) > 1 else ""),)
    # k=v pairs; a stray word without ``=`` is dropped
    return tuple((dequote(key), dequote(value)) for key, value in (word.split("=", 1) for word in raw if "=" in word))


def _expand_default(default: str | None, known: dict[str, str | None]) -> str | None:
    """An ARG default as BuildKit stores it: ``$NAME`` and ``${NAME}`` of earlier ARGs with defaults replaced by
    their values (``ARG BASE=$REGISTRY/image`` after ``ARG REGISTRY=ghcr.io``); other references stay as written."""
    if default is None or "$" not in default:
        return default

    def value(match: re.Match[str]) -> str:
        found = known.get(match.group(1) or match.group(2))
        return found if found is not None else match.group(0)

    return re.sub(r"(?<!\\)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))", value, default)


def arg_pairs(text: str) -> dict[str, str | None]:
    """``ARG NAME[=default] ...``: names with their defaults (None when there is none)."""
    pairs: dict[str, str | None] = {}
    for word in words(text):
        name, equals, default = word.partition("=")
        if name:
            pairs[name] = default if equals else None
    return pairs


def _link_parents(stages: list[Stage]) -> tuple[Stage, ...]:
    """Record which earlier stage each FROM names: hadolint keys a stage by its alias, else its image name."""
    by_key: dict[str, int] = {}
    linked = []
    for stage in stages:
        parent = by_key.get(stage.image.raw)
        linked.append(replace(stage, parent=parent) if parent is not None else stage)
        by_key[stage.alias or stage.image.name] = stage.index
    return tuple(linked)


def _stage(index: int, members: tuple[Instruction, ...], global_args: dict[str, str | None]) -> Stage:
    from_instruction = members[0]
    parts = words(from_instruction.args)
    alias = _stage_alias(from_instruction)
    image_text = parts[0] if parts else ""
    return Stage(index=index, from_instruction=from_instruction,
                 image=image_ref(image_text, {k: v for k, v in global_args.items() if v is not None}),
                 alias=alias, instructions=members)


def image_ref(text: str, args: dict[str, str]) -> ImageRef:
    """Split ``registry/name:tag@digest`` after substituting ARG defaults (unknown variables stay as written)."""
    resolved = text
    if "$" in text and args:
        from dockerfile_parse.util import WordSplitter  # only for a FROM with variables: its import costs 4 ms

        try:
            resolved = " ".join(w for w in WordSplitter(text, args=args).split() if w is not None)
        except (ValueError, IndexError):
            resolved = text
    rest, _, digest = resolved.partition("@")
    first, slash, remainder = rest.partition("/")
    registry = None
    if slash and ("." in first or ":" in first or first == "localhost"):
        registry, rest = first, remainder
    name, colon, tag = rest.rpartition(":") if ":" in rest.rsplit("/", 1)[-1] else (rest, "", "")
    return ImageRef(raw=text, registry=registry, name=name if colon else rest, tag=tag if colon else None,
                    digest=digest or None)
