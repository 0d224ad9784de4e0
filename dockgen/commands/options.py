"""Reading options off a command's arguments: the one place that knows how ``--name value``, ``--name=value``,
``-n value`` and ``-nvalue`` are written, for the command modules and the checks alike."""

from __future__ import annotations

from dockgen.lint.model import Command


def option_values(command: Command, *names: str) -> list[str]:
    """Values of ``--name value``, ``--name=value``, ``-n value`` and ``-nvalue`` options, in order."""
    values: list[str] = []
    args = command.args
    for index, arg in enumerate(args):
        for name in names:
            flag = f"--{name}" if len(name) > 1 else f"-{name}"
            if arg == flag and index + 1 < len(args):
                values.append(args[index + 1])
            elif arg.startswith(flag + "=") and len(name) > 1:
                values.append(arg.split("=", 1)[1])
            elif len(name) == 1 and arg.startswith(flag) and len(arg) > 2 and not arg.startswith("--"):
                values.append(arg[2:])
    return values


def option_value(command: Command, *names: str) -> str | None:
    """The first value of any of the options ``names``, or None."""
    values = option_values(command, *names)
    return values[0] if values else None


def flag_count(command: Command, flag: str) -> int:
    """How many times a flag is given: ``-qq`` and ``-q -q`` both count ``q`` twice."""
    count = 0
    for arg in command.args:
        if arg.startswith("--"):
            count += arg[2:].split("=", 1)[0] == flag
        elif arg.startswith("-") and arg != "-" and len(flag) == 1:
            count += arg[1:].count(flag)
    return count
