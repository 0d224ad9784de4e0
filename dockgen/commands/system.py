"""System package managers: which manager a command is, what it does, which packages it names."""

from __future__ import annotations

from dataclasses import dataclass

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
# Options whose value is the next word, per family.
_VALUE_OPTIONS = {"apt": frozenset({"o", "option", "t", "target-release", "c", "config-file"}),
                  "apk": frozenset({"t", "virtual", "repository", "X", "p", "root", "arch"}),
                  "rpm": frozenset({"enablerepo", "disablerepo", "setopt", "installroot", "releasever", "x",
                                    "exclude"})}


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


def installed_packages(command: Command, families: frozenset[str] = frozenset(_VALUE_OPTIONS)) -> tuple[str, ...]:
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
    options = _VALUE_OPTIONS[family]
    positional: list[str] = []
    virtual = None
    args = command.args
    index = 0
    while index < len(args):
        arg = args[index]
        if arg.startswith("-") and arg not in ("-", "--"):
            name = arg.lstrip("-").split("=", 1)[0]
            if name in options and "=" not in arg:
                if name in ("t", "virtual") and family == "apk" and index + 1 < len(args):
                    virtual = args[index + 1]
                index += 1
            elif name == "virtual" and family == "apk":
                virtual = arg.split("=", 1)[1]
        else:
            positional.append(arg)
        index += 1
    if not positional:
        return SystemCommand(family, "", (), tool=command.name)
    verb = _VERBS.get(positional[0], positional[0])
    return SystemCommand(family, verb, tuple(positional[1:]), virtual, command.name)
