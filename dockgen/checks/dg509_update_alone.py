"""DG509: ``apt-get update`` (or ``apk update``) in a RUN of its own, before a later RUN that installs."""

from collections.abc import Iterator

from dockgen.checks._python import lineage
from dockgen.checks.contract import Context, Hit, hit_at, says
from dockgen.commands import system
from dockgen.lint.model import Command, Dockerfile, Instruction, Stage

_FAMILIES = frozenset({"apt", "apk"})


def _verbs(run: Instruction) -> list[tuple[str, str]]:
    """(family, verb) of every apt or apk command in the RUN."""
    return [(family, verb) for family, verb, _ in _commands(run)]


def _commands(run: Instruction) -> list[tuple[str, str, Command]]:
    return [(parsed.family, parsed.verb, command) for command in run.commands
            if (parsed := system.system_command(command)) and parsed.family in _FAMILIES]


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    descendants: dict[int, list[Stage]] = {}  # the stages built on each stage, directly or not, in file order
    for stage in dockerfile.stages:
        for ancestor in lineage(dockerfile, stage)[1:]:
            descendants.setdefault(ancestor.index, []).append(stage)
    for stage in dockerfile.stages:
        later_stages = descendants.get(stage.index, [])
        runs = [i for i in stage.instructions if i.keyword == "RUN"]
        for position, run in enumerate(runs):  # an install that updates for itself does not need this one
            verbs = _verbs(run)
            updates = {family for family, verb in verbs if verb == "update"}
            if not updates or any(verb not in ("update", "clean") for _, verb in verbs):
                continue
            following = runs[position + 1:] + [i for s in later_stages for i in s.instructions if i.keyword == "RUN"]
            install = next((later for later in following for family, verb in _verbs(later)
                            if family in updates and verb in ("install", "upgrade")), None)
            if install is not None and not any(family in updates and verb == "update"
                                               for family, verb in _verbs(install)):
                update = next(command for _, verb, command in _commands(run) if verb == "update")
                yield hit_at(run, update.program_location(),
                             says(program="apk" if updates == {"apk"} else "apt-get", line=install.line))
