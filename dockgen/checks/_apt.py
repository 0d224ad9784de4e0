"""apt-get helpers shared by DL3008, DL3009, DL3014, DL3015."""

from __future__ import annotations

from dockgen.model import Command


def is_apt_get_install(command: Command) -> bool:
    return command.name == "apt-get" and command.has_arg("install")


def flag_count(command: Command, flag: str) -> int:
    """How many times a flag is given: ``-qq`` and ``-q -q`` both count ``q`` twice."""
    count = 0
    for arg in command.args:
        if arg.startswith("--"):
            count += arg[2:].split("=", 1)[0] == flag
        elif arg.startswith("-") and arg != "-" and len(flag) == 1:
            count += arg[1:].count(flag)
    return count
