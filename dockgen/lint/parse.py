"""Dockerfile text to the immutable model, with BuildKit's line semantics.

Line structure (continuations, the escape directive, comments inside continuations, heredocs) is scanned in
``scan``; here the raw instructions become the model: keywords, flags, exec form, RUN scripts, stages. Dockerfile
words and ``key=value`` pairs are split by ``words``; dockerfile-parse substitutes ARGs in image references. Nothing
in here raises on bad input: problems become ``ParseProblem`` entries.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import replace

from dockgen.lint.model import Dockerfile, Flag, Heredoc, ImageRef, Instruction, ParseProblem, SourceMap, Stage
from dockgen.lint.scan import RawInstruction, Scanner, read_directives
from dockgen.lint.shell import Script, parse_script
from dockgen.lint.words import dequote, split_words

KNOWN_INSTRUCTIONS = frozenset({
    "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
    "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
})
_FLAGGED_INSTRUCTIONS = frozenset({"FROM", "RUN", "COPY", "ADD", "HEALTHCHECK"})
_JSON_INSTRUCTIONS = frozenset({"RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME", "HEALTHCHECK"})
_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh"})


def parse_text(source: str) -> Dockerfile:
    """Parse decoded Dockerfile text (a leading BOM is dropped)."""
    source = source.removeprefix("\ufeff")
    lines = tuple(line.removesuffix("\r") for line in source.split("\n"))
    if lines and lines[-1] == "" and source.endswith("\n"):
        lines = lines[:-1]
    directives, first_line = read_directives(lines)
    escape = directives.get("escape", "\\")
    if escape not in ("\\", "`"):
        escape = "\\"
    scanner = Scanner(lines, escape, first_line)
    scanner.scan()
    instructions, stages, global_args = _assemble(scanner.raw, scanner.problems)
    if not instructions and not scanner.problems:
        scanner.problems.append(ParseProblem(1, "the file has no instructions (a Dockerfile needs at least a FROM)"))
    return Dockerfile(source=source, lines=lines, instructions=instructions, comments=tuple(scanner.comments),
                      pragmas=tuple(scanner.pragmas), stages=stages, directives=directives, escape=escape,
                      problems=tuple(scanner.problems), global_args=global_args)


def _assemble(raws: list[RawInstruction], problems: list[ParseProblem]
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
