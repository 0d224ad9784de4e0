"""DG303: a conda install that can reach Anaconda's ``defaults`` channel."""

import re
from collections.abc import Iterator

from dockgen.checks._base import stage_of
from dockgen.checks.contract import Context, Hit, hit_at, parent_stage, says, with_onbuild
from dockgen.commands import conda
from dockgen.knowledge import images
from dockgen.lint.model import Command, Dockerfile, Instruction, Stage

from dockgen.checks._fixes import add_flag

_CONDA_INSTALL = r"(?<![\w.-])(?:conda|mamba)\s+(?:install|create|update|upgrade)\b"
_OVERRIDE = r"--override-channels"


def _base_is_conda_forge_only(dockerfile: Dockerfile, stage: Stage | None) -> bool:
    while stage is not None:
        if images.conda_forge_only(stage.image):
            return True
        stage = parent_stage(dockerfile, stage)
    return False


def _removes_defaults(command: Command) -> bool:
    return conda.subcommand(command) == "config" and command.has_arg("--remove") and command.has_arg("defaults")


def _sets_up_conda_forge(instruction: Instruction) -> bool:
    """Copies or writes its own .condarc, or installs conda from a conda-forge-only installer."""
    if instruction.keyword in ("COPY", "ADD"):
        return "condarc" in instruction.args
    if instruction.keyword == "RUN":
        text = instruction.args.lower()
        return "condarc" in text or any(name in text for name in images.conda_forge_installers())
    return False


def _configure(channels: list[str], command: Command) -> list[str]:
    """The channel list after ``conda config --add|--prepend|--append|--set|--remove channels X``."""
    args = command.args
    for i, arg in enumerate(args[:-2]):
        if args[i + 1] != "channels":
            continue
        name = args[i + 2]
        if arg in ("--add", "--prepend"):
            channels = [name] + [c for c in channels if c != name]
        elif arg == "--append":
            channels = [c for c in channels if c != name] + [name]
        elif arg == "--set":
            channels = [name]
        elif arg == "--remove":
            channels = [c for c in channels if c != name]
    return channels


def _flags(command: Command, configured: list[str], defaults: frozenset[str]) -> str:
    """``--override-channels`` and the channels the install used, in their order, with ``defaults`` replaced by
    conda-forge: the command's own ``-c`` channels first (conda tries them first), then the configured ones."""
    own = conda.channels(command)
    wanted: list[str] = []
    for name in [*own, *configured]:
        name = "conda-forge" if name in defaults else name
        if name not in wanted:
            wanted.append(name)
    if wanted == own:  # the command names every channel it needs, in order
        return "--override-channels"
    return " ".join(["--override-channels", *(f"-c {name}" for name in wanted)])


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    defaults = images.defaults_channels()
    removed = False
    configured_channels = ["defaults"]  # what the base's .condarc lists, as far as the Dockerfile changes it
    configured_lines = [i.line for i in dockerfile.instructions if _sets_up_conda_forge(i)]
    for run in with_onbuild(dockerfile, "RUN"):
        if run.stage < 0:
            continue  # before any FROM (a fragment, or DL3061): there is no base image to speak of
        safe_base = _base_is_conda_forge_only(dockerfile, stage_of(dockerfile, run))
        configured = any(line <= run.line for line in configured_lines)
        for command in run.commands:
            removed = removed or _removes_defaults(command)
            if conda.subcommand(command) == "config":
                configured_channels = _configure(configured_channels, command)
            if conda.subcommand(command) not in conda.INSTALLS or not conda.packages(command):
                continue
            explicit = [c for c in conda.channels(command) if c in defaults]
            implicit = not (command.has_flag("override-channels") or command.name == "micromamba"
                            or safe_base or removed or configured)
            if explicit or implicit:
                flags = _flags(command, configured_channels, defaults)
                yield hit_at(run, command.program_location(),
                          fix=None if explicit else add_flag(dockerfile, run, _CONDA_INSTALL, flags, _OVERRIDE),
                          message=says("named", program=command.name, subcommand=str(conda.subcommand(command)),
                                       channel=explicit[0]) if explicit
                          else says(program=command.name, subcommand=str(conda.subcommand(command))))
                break
