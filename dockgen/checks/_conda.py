"""How conda, mamba and micromamba commands read: subcommand, packages, channels."""

from __future__ import annotations

from dockgen.model import Command

TOOLS = frozenset({"conda", "mamba", "micromamba"})
INSTALLS = frozenset({"install", "create", "update", "upgrade"})
CHANGES = INSTALLS | {"remove", "uninstall"}
_VALUE_OPTIONS = frozenset({"c", "channel", "n", "name", "p", "prefix", "file", "repodata-fn", "solver",
                            "experimental-solver", "platform", "subdir", "r", "root-prefix"})
_MICROMAMBA_VALUE_OPTIONS = _VALUE_OPTIONS | {"f"}


def _value_options(command: Command) -> frozenset[str]:
    return _MICROMAMBA_VALUE_OPTIONS if command.name == "micromamba" else _VALUE_OPTIONS


def subcommand(command: Command) -> str | None:
    if command.name not in TOOLS:
        return None
    positional = command.positional(_value_options(command))
    return positional[0] if positional else None


def packages(command: Command) -> tuple[str, ...]:
    """Package specs named on the command line (none when they come from ``--file``)."""
    positional = command.positional(_value_options(command))
    return positional[1:]


def channels(command: Command) -> list[str]:
    found: list[str] = []
    args = command.args
    for index, arg in enumerate(args):
        if arg in ("-c", "--channel") and index + 1 < len(args):
            found.append(args[index + 1])
        elif arg.startswith("--channel="):
            found.append(arg.partition("=")[2])
        elif arg.startswith("-c") and len(arg) > 2 and not arg.startswith("--"):
            found.append(arg[2:])
    found.extend(spec.split("::", 1)[0] for spec in packages(command) if "::" in spec)
    return found


def is_unpinned(spec: str) -> bool:
    name = spec.split("::", 1)[-1]
    return not any(char in name for char in "=<>!~*[")


def installs(command: Command) -> bool:
    """Any command that adds packages: ``install``/``create``/``update`` and ``conda env create|update``."""
    sub = subcommand(command)
    if sub in INSTALLS:
        return True
    return sub == "env" and command.positional(_value_options(command))[1:2] in (("create",), ("update",))
