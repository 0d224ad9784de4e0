"""DL3016: npm install of a package without a version."""

from collections.abc import Iterator

from dockgen.checks._base import script_commands
from dockgen.checks.contract import Context, Hit, with_onbuild
from dockgen.model import Command, Dockerfile

_GIT = ("git://", "git+ssh://", "git+http://", "git+https://")


def _pinned(package: str) -> bool:
    if package.startswith(_GIT):
        return "#" in package
    if package.endswith((".tar", ".tar.gz", ".tgz")) or package.startswith(("/", "./", "../", "~/")):
        return True
    return "@" in (package[1:] if package.startswith("@") else package)


def _loose(command: Command) -> bool:
    if command.name != "npm" or not command.has_arg("install"):
        return False
    words = command.positional(frozenset({"loglevel", "registry"}))
    if not words or words[0] != "install":
        return False
    return any(not _pinned(word) for word in words[1:])


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        if any(_loose(command) for command in script_commands(run)):
            yield Hit(run.line)
