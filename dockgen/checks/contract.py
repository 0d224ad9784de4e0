"""The check contract, public: what a check receives and what it returns.

A check is the function ``check(dockerfile, context) -> Iterable[Hit]`` in the module named after its rule (see
``dockgen.checks``). It never formats output, decides levels or fix safety, reads suppressions or touches files:
the rule's TOML and the engine do that. The functions here are the queries on the model that checks, ShellCheck and
the generator share.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeAlias

from dockgen.lint.edits import Fix
from dockgen.lint.model import Dockerfile, Instruction, Location, Stage
from dockgen.lint.parse import key_values
from dockgen.lint.words import dequote, word_spans


# A tuple of words reads `a`, `b` in the message; a tuple of the rule's messages reads as their texts, a, b.
Value: TypeAlias = "str | int | tuple[str, ...] | tuple[Message, ...]"


class Message(NamedTuple):
    """Which of its rule's message templates a hit takes (``message``, or a key of the TOML's ``[messages]``;
    with several keys, the first whose text fits the length bound) and the values for the templates'
    placeholders: words as the Dockerfile writes them, numbers, never text the check formatted. The engine fills
    the template in."""

    keys: tuple[str, ...]
    values: tuple[tuple[str, Value], ...] = ()


def says(*keys: str, **values: Value) -> Message:
    """``says(gem=name)``: the rule's ``message`` with ``{gem}`` filled in; ``says("more", package=p, more=2)``:
    the template ``more`` of its ``[messages]``; ``says("long", "short", ...)``: ``long`` unless it runs over the
    bound. Keys and value names are written out, so that the index build can check them against the TOML
    (``dockgen.lint.message_templates``)."""
    return Message(keys or ("message",), tuple(values.items()))


class Hit(NamedTuple):
    """One finding of a check: the line, the message (None: the rule's ``message`` template, by default its
    summary), and an optional fix: data, the edits worked out when the hit is made (never a function called later,
    which would see the loop's later state). The fix's safety is the rule's ``fix-safety``, not the check's."""

    line: int
    message: Message | None = None
    end_line: int | None = None
    fix: Fix | None = None
    column: int | None = None  # with end_column, the word the hit concerns on ``line`` (1-based, end exclusive)
    end_column: int | None = None


def hit_at(instruction: Instruction, where: Location | None, message: Message | None = None,
           fix: Fix | None = None) -> Hit:
    """A hit on the word or command written at ``where`` (``Command.find``, ``arg_location``...): its line, column
    and end; at the instruction's line, column 1, when that place is unknown (exec form)."""
    if where is None:
        return Hit(instruction.line, message, fix=fix)
    return Hit(where.line, message, where.end_line, fix, where.column, where.end_column)


def args_location(instruction: Instruction, start: int, end: int) -> Location | None:
    """Where the text ``[start, end)`` of the instruction's ``args`` is written."""
    return instruction.origin.location(start, end) if instruction.origin is not None else None


def written_at(instruction: Instruction, word: str) -> Location | None:
    """Where the Dockerfile word ``word`` (quotes and escapes consumed, as ``parse.words`` gives it) is first
    written in the instruction's arguments; in exec form, the JSON string that holds it. None when it is not there
    (or the instruction has no source map)."""
    origin, text = instruction.origin, instruction.args
    if origin is None:
        return None
    if instruction.json_args is not None:
        at = text.find(json.dumps(word, ensure_ascii=False))
        return origin.location(at, at + len(json.dumps(word, ensure_ascii=False))) if at >= 0 else None
    return next((origin.location(start, end) for start, end in word_spans(text) if dequote(text[start:end]) == word),
                None)


def key_written_at(instruction: Instruction, key: str) -> Location | None:
    """Where the key ``key`` of an ARG, ENV or LABEL pair is written: the key of its ``key=value`` word (the whole
    word when the key is quoted), or the first word of the legacy ``KEY value`` form."""
    origin, text = instruction.origin, instruction.args
    if origin is None:
        return None
    for start, end in word_spans(text):
        word = dequote(text[start:end])
        if word == key or word.startswith(key + "="):
            return origin.location(start, start + len(key) if text.startswith(key, start) else end)
    return None


@dataclass(frozen=True, slots=True)
class Context:
    """Options checks may read; every field has a default so checks run without any configuration."""

    today: datetime.date = field(default_factory=datetime.date.today)
    trusted_registries: tuple[str, ...] = ()  # DL3026 runs only when some are given
    label_schema: tuple[tuple[str, str], ...] = ()  # (label, type) for DL3049-DL3058
    strict_labels: bool = False
    location: Path | None = None  # the Dockerfile on disk, when linting a file: its folder is the likely context


CheckFunction = Callable[[Dockerfile, Context], Iterable[Hit]]


def with_onbuild(dockerfile: Dockerfile, *keywords: str) -> tuple[Instruction, ...]:
    """Top-level instructions of the ``keywords`` and the ones wrapped in ONBUILD (a trigger runs in a later build,
    so it deserves the same check), in file order. The one way checks reach into ONBUILD: a wrapped instruction has
    its ONBUILD's lines, so a hit on it lands on the ONBUILD."""
    if len(keywords) == 1:
        return dockerfile.with_onbuild.get(keywords[0], ())
    found = [instruction for keyword in keywords for instruction in dockerfile.with_onbuild.get(keyword, ())]
    return tuple(sorted(found, key=lambda instruction: instruction.line))


def parent_stage(dockerfile: Dockerfile, stage: Stage) -> Stage | None:
    """The earlier stage this one is built ``FROM``, by alias (or by hadolint's image-name key)."""
    return dockerfile.stages[stage.parent] if stage.parent is not None else None


def environment_at(dockerfile: Dockerfile) -> dict[int, dict[str, str]]:
    """The ENV in effect at each top-level instruction, by its line, in one pass: a stage starts from the ENV of
    the stage it is built FROM (ENV before the first FROM counts only for instructions before it). Lines share
    one dict until an ENV changes it, so the result stays linear in the file's size."""
    at: dict[int, dict[str, str]] = {}
    final: dict[int, dict[str, str]] = {}
    env: dict[str, str] = {}
    for instruction in dockerfile.instructions:
        if instruction.keyword == "FROM":
            stage = dockerfile.stages[instruction.stage]
            parent = parent_stage(dockerfile, stage)
            env = final.get(parent.index, {}) if parent else {}
        elif instruction.keyword == "ENV":
            env = {**env, **dict(key_values(instruction.args))}
        at[instruction.line] = env
        if instruction.stage >= 0:
            final[instruction.stage] = env
    return at
