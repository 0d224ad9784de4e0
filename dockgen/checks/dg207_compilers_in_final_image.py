"""DG207: compilers installed in a single-stage build stay in the shipped image."""

from collections.abc import Iterator

from dockgen.checks._python import pip_installs, stage_runs
from dockgen.checks.contract import Context, Hit, hit_at, says
from dockgen.commands import system
from dockgen.knowledge import python
from dockgen.lint.model import Command, Dockerfile

def _installed_tools(command: Command) -> list[str]:
    family = system.FAMILY_OF_TOOL.get(command.name, "")
    if family not in ("apt", "apk"):
        return []
    tools = python.build_tools(family)
    return [package for package in system.installed_packages(command, frozenset({family})) if package in tools]


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    if len(dockerfile.stages) != 1:
        return  # a multi-stage build can leave the compilers behind in a builder stage
    if not any(True for run in stage_runs(dockerfile.stages[0]) for _ in pip_installs(run)):
        return  # not a Python image: compilers may be what the image is for (a toolchain, distcc)
    for run in stage_runs(dockerfile.stages[0]):
        found = [(command, tool) for command in run.commands for tool in _installed_tools(command)]
        tools = [tool for _, tool in found]
        removed = any(system.removes_packages(command) for command in run.commands)
        if found and not removed:
            command, tool = found[0]
            yield hit_at(run, command.find(tool), says(compilers=tuple(tools[:3])))
