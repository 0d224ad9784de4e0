"""DG411 (BuildKit UndefinedVar): a variable used in an instruction that looks like a misspelt declared one."""

from collections.abc import Iterator

from dockgen.checks._buildkit import AUTOMATIC_ARGS, COMMON_ENV, PROXY_ARGS, near_miss, references
from dockgen.checks.contract import Context, Hit, args_location, hit_at, parent_stage, says
from dockgen.lint.model import Dockerfile, Instruction, Stage
from dockgen.lint.parse import arg_pairs, key_values

# Instructions whose arguments the builder expands (RUN, CMD and ENTRYPOINT in shell form are left to the shell).
_EXPANDED = frozenset({"ENV", "ARG", "WORKDIR", "COPY", "ADD", "USER", "EXPOSE", "LABEL", "VOLUME", "STOPSIGNAL"})


def _declared_before(dockerfile: Dockerfile, stage: Stage) -> set[str]:
    names: set[str] = set()
    parent = parent_stage(dockerfile, stage)
    if parent is not None:
        names |= _declared_before(dockerfile, parent) | _declared_in(parent)
    return names


def _declared_in(stage: Stage) -> set[str]:
    names: set[str] = set()
    for instruction in stage.instructions:
        if instruction.keyword == "ARG":
            names.update(arg_pairs(instruction.args))
        elif instruction.keyword == "ENV":
            names.update(key for key, _ in key_values(instruction.args))
    return names


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    """The base image's own ENV is unknown offline, so only names that are a near miss of a declared one count."""
    for stage in dockerfile.stages:
        known = (_declared_before(dockerfile, stage) | set(dockerfile.global_args) | AUTOMATIC_ARGS | PROXY_ARGS
                 | COMMON_ENV)
        for instruction in stage.instructions[1:]:
            if instruction.keyword in ("ARG", "ENV"):
                known_now = known | _names(instruction)
            else:
                known_now = known
            if instruction.keyword in _EXPANDED:
                for name, start, end in references(instruction.args):
                    guess = None if name in known_now else near_miss(name, known_now)
                    if guess and guess != name:
                        yield hit_at(instruction, args_location(instruction, start, end), says(name=name, guess=guess))
                        break
            if instruction.keyword in ("ARG", "ENV"):
                known = known | _names(instruction)


def _names(instruction: Instruction) -> set[str]:
    if instruction.keyword == "ARG":
        return set(arg_pairs(instruction.args))
    return {key for key, _ in key_values(instruction.args)}
