"""System package managers: which manager a command is, what it does, which packages it names."""

from __future__ import annotations

from dataclasses import dataclass

from dockgen.commands.options import Syntax, parse
from dockgen.lint.model import Command

FAMILY_OF_TOOL = {"apt-get": "apt", "apt": "apt", "aptitude": "apt", "apk": "apk", "yum": "rpm", "dnf": "rpm",
                  "microdnf": "rpm", "tdnf": "rpm"}
_VERBS = {
    "install": "install", "add": "install", "groupinstall": "install",
    "update": "update", "makecache": "update",
    "upgrade": "upgrade", "dist-upgrade": "upgrade", "full-upgrade": "upgrade",
    "clean": "clean", "autoclean": "clean",
    "remove": "remove", "purge": "remove", "del": "remove", "erase": "remove", "autoremove": "remove",
}
# How each family reads its options: the ones whose value is the next word.
_SYNTAX = {"apt": Syntax(frozenset({"o", "option", "t", "target-release", "c", "config-file"})),
           "apk": Syntax(frozenset({"t", "virtual", "repository", "X", "p", "root", "arch"})),
           "rpm": Syntax(frozenset({"enablerepo", "disablerepo", "setopt", "installroot", "releasever", "x",
                                    "exclude"}))}


@dataclass(frozen=True)
class SystemCommand:
    family: str  # apt | apk | rpm
    verb: str  # install | update | upgrade | clean | remove, or the word as written for anything else
    packages: tuple[str, ...]
    virtual: str | None = None  # ``apk add --virtual NAME``
    tool: str = ""  # the program as called: apt-get, apk, yum, dnf...

    @property
    def yum_update(self) -> bool:
        """``yum update`` upgrades every package, unlike ``apt-get update``."""
        return self.family == "rpm" and self.verb == "update"


def installed_packages(command: Command, families: frozenset[str] = frozenset(_SYNTAX)) -> tuple[str, ...]:
    """What a system package install of one of ``families`` installs, by name (``curl=7.88*`` is ``curl``);
    empty for any other command. The one definition of "a system package install" the checks share."""
    parsed = system_command(command)
    if parsed is None or parsed.family not in families or parsed.verb != "install":
        return ()
    return tuple(package.split("=", 1)[0] for package in parsed.packages)


def removes_packages(command: Command) -> bool:
    """A system package manager removing packages (``apt-get purge``, ``apk del``, ``dnf remove``...)."""
    parsed = system_command(command)
    return parsed is not None and parsed.verb == "remove"


def is_apt_get_install(command: Command) -> bool:
    return command.name == "apt-get" and command.has_arg("install")


def system_command(command: Command) -> SystemCommand | None:
    family = FAMILY_OF_TOOL.get(command.name)
    if family is None:
        return None
    parsed = parse(command.args, _SYNTAX[family])
    virtual = next((option.value for option in parsed.options
                    if family == "apk" and option.name in ("t", "virtual") and option.value is not None), None)
    if not parsed.operands:
        return SystemCommand(family, "", (), tool=command.name)
    verb = _VERBS.get(parsed.operands[0], parsed.operands[0])
    return SystemCommand(family, verb, parsed.operands[1:], virtual, command.name)
