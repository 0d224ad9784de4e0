"""Shell-command shapes several hadolint rules share: install commands, clean-up order, version pins."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from dockgen.checks._base import Hit, runs
from dockgen.model import Command, Dockerfile, Instruction

Predicate = Callable[[Command], bool]
_RPM_PART = re.compile(r"[A-Za-z0-9.~^_:+]+")


def first(commands: tuple[Command, ...], predicate: Predicate) -> int | None:
    return next((i for i, c in enumerate(commands) if predicate(c)), None)


def subcommand_without(tools: frozenset[str], subcommands: frozenset[str], flags: tuple[str, ...]) -> Predicate:
    """A command of one of ``tools`` with one of ``subcommands`` among its arguments and none of ``flags``."""
    def predicate(command: Command) -> bool:
        return command.name in tools and not subcommands.isdisjoint(command.args) and not command.has_flag(*flags)
    return predicate


def each_run_where(dockerfile: Dockerfile, predicate: Predicate, onbuild: bool = True) -> Iterator[Hit]:
    """One hit per RUN in which some command matches."""
    for run in runs(dockerfile, onbuild):
        if any(predicate(command) for command in run.commands):
            yield Hit(run.line)


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
    return all(_RPM_PART.fullmatch(part) for part in parts) and any(part[:1].isdigit() for part in parts)
