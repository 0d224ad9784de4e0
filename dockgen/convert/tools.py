"""Programs a stage calls that its old base had and its new base lacks (``wget`` on python:slim, ``make`` after a
full python image): the converted stage installs them first, so carried-over commands still find them."""

from __future__ import annotations

from dockgen.commands import pip, system
from dockgen.convert import knowledge
from dockgen.lint.model import Command, Stage


def _vcs_programs(command: Command) -> tuple[str, ...]:
    """``pip install git+https://...`` runs git (and ``hg+``, ``svn+`` their tools) to fetch the requirement."""
    if pip.parse_install(command) is None:
        return ()
    found = {arg.split("+", 1)[0] for arg in command.args if arg.startswith(("git+", "hg+", "svn+"))}
    found |= {arg[2:].split("+", 1)[0] for arg in command.args if arg.startswith(("-egit+", "-ehg+", "-esvn+"))}
    return tuple(sorted(found))


def missing_programs(stage: Stage, family: str, base_kind: str) -> list[str]:
    """Packages (of ``family``) for the programs the stage runs that the new base does not have."""
    table = knowledge.programs()
    present = set(knowledge.base_programs(base_kind))
    installed: set[str] = set()
    for instruction in stage.instructions:
        for command in instruction.commands:
            found = system.system_command(command)
            if found and found.verb == "install":
                for package in found.packages:  # by the source's names and by the new family's
                    installed.add(package.split("=")[0])
                    installed.update(knowledge.map_system_package(package, found.family, family)[0])
    wanted: dict[str, None] = {}
    for instruction in stage.instructions:
        if instruction.keyword != "RUN":
            continue
        for command in instruction.commands:
            for program in (command.name, *_vcs_programs(command)):
                needed = table.get(program, {}).get(family)
                if needed and program not in present and needed not in installed and program not in installed:
                    wanted.setdefault(needed)
    toolchain = {"make", "gcc", "g++"}
    if toolchain & set(wanted):  # make runs the compiler: the distribution's toolchain package brings all three
        bundle = "build-essential" if family == "apt" else "build-base"
        wanted = {(bundle if package in toolchain else package): None for package in wanted}
    return [package for package in wanted if package not in installed]
