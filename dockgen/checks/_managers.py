"""Shell-command shapes several hadolint rules share: install commands, clean-up order, version pins."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from dockgen.checks.contract import Hit, Message, environment_at, hit_at, with_onbuild
from dockgen.commands.options import positional
from dockgen.lint.model import Command, Dockerfile, Instruction, Location
from dockgen.lint.parse import arg_pairs, key_values

Predicate = Callable[[Command], bool]
Where = Callable[[Command], Location | None]
MessageOf = Callable[[Command], Message | None]
_RPM_PART = r"[A-Za-z0-9.~^_:+]+"


def first(commands: tuple[Command, ...], predicate: Predicate) -> int | None:
    return next((i for i, c in enumerate(commands) if predicate(c)), None)


def subcommand(command: Command, subcommands: frozenset[str]) -> str:
    """The first of ``subcommands`` among the command's arguments (``install`` of ``yum -y install x``)."""
    return next((arg for arg in command.args if arg in subcommands), "")


def subcommand_without(tools: frozenset[str], subcommands: frozenset[str], flags: tuple[str, ...]) -> Predicate:
    """A command of one of ``tools`` with one of ``subcommands`` among its arguments and none of ``flags``."""
    def predicate(command: Command) -> bool:
        return command.name in tools and not subcommands.isdisjoint(command.args) and not command.has_flag(*flags)
    return predicate


def each_run_where(dockerfile: Dockerfile, predicate: Callable[[Command], object],
                   where: Where = Command.program_location, message: MessageOf = lambda command: None) -> Iterator[Hit]:
    """One hit per RUN in which some command matches (``predicate`` is true, or gives a non-empty list), at the
    place ``where`` says in the first such command (by default its program word), with ``message(command)``."""
    for run in with_onbuild(dockerfile, "RUN"):
        command = next((command for command in run.commands if predicate(command)), None)
        if command is not None:
            yield hit_at(run, where(command), message(command))


def first_word_of(words: Callable[[Command], list[str]]) -> Where:
    """Where the first of the words ``words`` picks out of a command is written (the first unpinned package)."""
    def where(command: Command) -> Location | None:
        found = words(command)
        return command.find(found[0]) if found else None
    return where


def clean_missing_or_early(run: Instruction, is_install: Predicate, is_clean: Predicate) -> bool:
    """hadolint's order check: an install exists and the first clean does not come after the first install."""
    install = first(run.commands, is_install)
    if install is None:
        return False
    clean = first(run.commands, is_clean)
    return clean is None or clean < install


def rpm_pinned(package: str, variables: set[str]) -> bool:
    """yum/dnf packages: name-version(-release), an .rpm file, or a version from a known variable."""
    if "-" not in package:
        return False
    if package.endswith(".rpm"):
        return True
    if "$" in package and any(f"${{{name}}}" in package for name in variables):
        return True
    parts = package.split("-")[1:]
    return all(re.fullmatch(_RPM_PART, part) for part in parts) and any(part[:1].isdigit() for part in parts)


def unpinned_rpm_installs(dockerfile: Dockerfile, tools: frozenset[str], skip_groups: bool,
                          message: Callable[[str, str], Message]) -> Iterator[Hit]:
    """A hit on the first unpinned package of each RUN's yum or dnf install, with ``message(package, tool)``."""
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
        command = next((c for c in run.commands if _loose(c, tools, variables, skip_groups)), None)
        if command is not None:
            package = _loose(command, tools, variables, skip_groups)[0]
            yield hit_at(run, command.find(package), message(package, command.name))


def _loose(command: Command, tools: frozenset[str], variables: set[str], skip_groups: bool) -> list[str]:
    """The unpinned packages of a yum/dnf install (modules without a stream)."""
    if command.name not in tools or not command.has_arg("install"):
        return []
    words = [w for w in positional(command) if w not in ("install", "module")]
    if command.has_arg("module"):
        return [word for word in words if ":" not in word]
    if skip_groups and command.has_arg("group"):
        return []
    return [word for word in words if not rpm_pinned(word, variables)]
