"""DL3033 (yum) and DL3041 (dnf, microdnf): install of a package or module without a version."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit, environment_at
from dockgen.checks._managers import rpm_pinned
from dockgen.model import Command, Dockerfile
from dockgen.parse import arg_pairs, key_values

CODE = "DL3033"


def unpinned_rpm_installs(dockerfile: Dockerfile, tools: frozenset[str], skip_groups: bool) -> Iterator[Hit]:
    environment = environment_at(dockerfile)
    arguments: set[str] = set()
    onbuild_variables: set[str] = set()  # triggers see only ONBUILD ARG/ENV, as in hadolint
    for instruction in dockerfile.instructions:
        if instruction.keyword == "ARG":
            arguments.update(arg_pairs(instruction.args))
        inner = instruction.inner
        if inner is not None and inner.keyword in ("ARG", "ENV"):
            onbuild_variables.update(arg_pairs(inner.args) if inner.keyword == "ARG"
                                     else dict(key_values(inner.args)))
        run = inner if inner is not None else instruction
        if run.keyword != "RUN":
            continue
        variables = onbuild_variables if inner is not None else arguments | set(environment.get(instruction.line, {}))
        if any(_loose(c, tools, variables, skip_groups) for c in run.commands):
            yield Hit(run.line)


def _loose(command: Command, tools: frozenset[str], variables: set[str], skip_groups: bool) -> bool:
    if command.name not in tools or not command.has_arg("install"):
        return False
    words = [w for w in command.positional() if w not in ("install", "module")]
    if command.has_arg("module"):
        return any(":" not in word for word in words)
    if skip_groups and command.has_arg("group"):
        return False
    return any(not rpm_pinned(word, variables) for word in words)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from unpinned_rpm_installs(dockerfile, frozenset({"yum"}), skip_groups=False)


