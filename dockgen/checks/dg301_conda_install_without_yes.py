"""DG301: a conda, mamba or micromamba command that would stop at a confirmation prompt."""

import re
from collections.abc import Iterator

from dockgen.checks._fixes import add_flag
from dockgen.checks.contract import Context, Hit, environment_at, hit_at, says, with_onbuild
from dockgen.commands import conda
from dockgen.lint.model import Command, Dockerfile

_ALWAYS_YES = r"(?i)^(CONDA|MAMBA)_ALWAYS_YES=(\"|')?(1|true|yes|on)"
_TRUTHY = frozenset({"1", "true", "yes", "on"})
_CONDA_CHANGE = (
    r"(?<![\w.-])(?:conda|mamba|micromamba)\s+(?:install|create|update|upgrade|remove|uninstall)\b")
_YES = r"(?:^|\s)(?:-[a-zA-Z]*y[a-zA-Z]*|--yes)\b"


def _configures_yes(command: Command) -> bool:
    return conda.subcommand(command) == "config" and "always_yes" in command.args


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    configured = False
    environment = environment_at(dockerfile)
    for run in with_onbuild(dockerfile, "RUN"):
        env = environment.get(run.line, {})
        if any(env.get(name, "").lower() in _TRUTHY for name in ("CONDA_ALWAYS_YES", "MAMBA_ALWAYS_YES")):
            continue
        prompting: list[tuple[Command, str]] = []
        for command in run.commands:
            configured = configured or _configures_yes(command)
            if configured or any(re.match(_ALWAYS_YES, a) for a in command.assignments):
                continue
            sub = conda.subcommand(command)
            if sub in conda.CHANGES and not command.has_flag("y", "yes"):
                prompting.append((command, sub))
        if prompting:
            command, sub = prompting[0]
            yield hit_at(run, command.program_location(), fix=add_flag(dockerfile, run, _CONDA_CHANGE, "-y", _YES),
                         message=says(program=command.name, subcommand=sub))
