"""DG207: compilers installed in a single-stage build stay in the shipped image."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit
from dockgen.checks._python import pip_installs, stage_runs
from dockgen.knowledge import python
from dockgen.model import Command, Dockerfile

_INSTALL = {"apt-get": ("install", "apt"), "apt": ("install", "apt"), "apk": ("add", "apk")}
_REMOVE = {"apt-get": ("purge", "remove", "autoremove"), "apt": ("purge", "remove", "autoremove"), "apk": ("del",)}


def _installed_tools(command: Command) -> list[str]:
    verb, manager = _INSTALL.get(command.name, ("", ""))
    if not verb or verb not in command.args:
        return []
    tools = python.build_tools(manager)
    return [arg.split("=", 1)[0] for arg in command.args if arg.split("=", 1)[0] in tools]


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    if len(dockerfile.stages) != 1:
        return  # a multi-stage build can leave the compilers behind in a builder stage
    if not any(True for run in stage_runs(dockerfile.stages[0]) for _ in pip_installs(run)):
        return  # not a Python image: compilers may be what the image is for (a toolchain, distcc)
    for run in stage_runs(dockerfile.stages[0]):
        tools = [tool for command in run.commands for tool in _installed_tools(command)]
        removed = any(verb in command.args for command in run.commands for verb in _REMOVE.get(command.name, ()))
        if tools and not removed:
            yield Hit(run.line, f"{', '.join(f'`{t}`' for t in tools)} would stay in the shipped image (hundreds "
                      f"of MB and more to patch); build in a first stage and copy only the result (a venv or wheels) "
                      f"into a slim final stage, or purge them in the same RUN.")
