"""DG409 (BuildKit UndefinedArgInFrom): FROM uses a variable that no ARG before the first FROM declares."""

from collections.abc import Iterator

from dockgen.checks._buildkit import AUTOMATIC_ARGS, near_miss, references
from dockgen.checks.contract import Context, Hit, args_location, hit_at, says
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import arg_pairs


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    declared: set[str] = set()
    for instruction in dockerfile.instructions:
        if instruction.stage < 0 and instruction.keyword == "ARG":
            declared.update(arg_pairs(instruction.args))
        if instruction.keyword != "FROM":
            continue
        text = " ".join([instruction.args, *(f"{f.name}={f.value}" for f in instruction.flags if f.value)])
        for name, start, end in references(text):
            if name not in declared and name not in AUTOMATIC_ARGS:
                guess = near_miss(name, declared | AUTOMATIC_ARGS)
                where = args_location(instruction, start, end) if end <= len(instruction.args) else None
                yield hit_at(instruction, where, says("guessed", name=name, guess=guess) if guess else says(name=name))
                break
