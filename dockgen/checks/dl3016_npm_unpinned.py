"""DL3016: npm install of a package without a version."""

from collections.abc import Iterator

from dockgen.checks._base import script_commands
from dockgen.checks._managers import first_word_of
from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.commands.options import positional
from dockgen.lint.model import Command, Dockerfile

_GIT = ("git://", "git+ssh://", "git+http://", "git+https://")


def _pinned(package: str) -> bool:
    if package.startswith(_GIT):
        return "#" in package
    if package.endswith((".tar", ".tar.gz", ".tgz")) or package.startswith(("/", "./", "../", "~/")):
        return True
    return "@" in (package[1:] if package.startswith("@") else package)


def _loose(command: Command) -> list[str]:
    if command.name != "npm" or not command.has_arg("install"):
        return []
    words = positional(command, frozenset({"loglevel", "registry"}))
    if not words or words[0] != "install":
        return []
    return [word for word in words[1:] if not _pinned(word)]


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    where = first_word_of(_loose)
    for run in with_onbuild(dockerfile, "RUN"):
        command = next((command for command in script_commands(run) if _loose(command)), None)
        if command is not None:
            yield hit_at(run, where(command), says(package=_loose(command)[0]))
