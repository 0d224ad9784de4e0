"""DL3014: ``apt-get install`` without ``-y``."""

import re
from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, with_onbuild
from dockgen.commands.options import flag_count
from dockgen.commands.system import is_apt_get_install
from dockgen.lint.model import Command, Dockerfile

from dockgen.checks._fixes import APT_GET_INSTALL, add_flag


def _assumes_yes(command: Command) -> bool:
    return (command.has_flag("y", "yes", "assume-yes") or "--qq" in command.args or flag_count(command, "q") == 2
            or flag_count(command, "quiet") == 2 or "-q=2" in command.args)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        command = next((c for c in run.commands if is_apt_get_install(c) and not _assumes_yes(c)), None)
        if command is not None:
            yield hit_at(run, command.program_location(), fix=add_flag(dockerfile, run, APT_GET_INSTALL, "-y", _YES))


_YES = r"(?:^|\s)(?:-[a-zA-Z]*y[a-zA-Z]*|--yes|--assume-yes|-qq)\b"
