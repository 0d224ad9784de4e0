"""DG202: the whole build context is copied before the dependency install, so every source edit re-installs."""

from collections.abc import Iterator

from dockgen.checks._python import stage_runs
from dockgen.checks._structure import copy_parts
from dockgen.checks.contract import Context, Hit, says
from dockgen.commands.conda import subcommand
from dockgen.commands.pip import is_pip_install
from dockgen.knowledge import python
from dockgen.lint.model import Command, Dockerfile, Instruction

_WHOLE_CONTEXT = (".", "./", "*", "./*")


def _installs_dependencies(command: Command) -> bool:
    if is_pip_install(command):
        return command.has_arg("-r", "--requirement") or any(a.startswith("--requirement=") for a in command.args)
    if subcommand(command) in ("install", "create", "update") or (command.name in ("conda", "mamba") and
                                                                  command.args[:2] in (("env", "create"),
                                                                                       ("env", "update"))):
        return command.has_flag("f", "file")
    verbs = python.dependency_installers().get(command.name)
    return bool(verbs and command.args and command.args[0] in verbs)


def _copies_everything(instruction: Instruction) -> bool:
    if instruction.keyword not in ("COPY", "ADD") or any(flag.name == "from" for flag in instruction.flags):
        return False
    parts = copy_parts(instruction)
    return len(parts) >= 2 and any(source in _WHOLE_CONTEXT for source in parts[:-1])


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        copy_all = next((i for i in stage.instructions if _copies_everything(i)), None)
        if copy_all is None:
            continue
        later = (run for run in stage_runs(stage) if run.line > copy_all.line)
        install = next((run for run in later if any(_installs_dependencies(c) for c in run.commands)), None)
        if install is not None:
            yield Hit(copy_all.line, says(line=install.line))
