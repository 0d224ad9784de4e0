"""DL3028: gem install of a gem without a version."""

from collections.abc import Iterator

from dockgen.checks._managers import each_run_where, first_word_of
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Command, Dockerfile


def _gems(command: Command) -> list[str]:
    """Gem names as hadolint reads them: every option also swallows the word after it."""
    gems: list[str] = []
    skip = False
    for arg in command.args:
        if arg == "--":
            break
        if skip:
            skip = False
        elif arg.startswith("-"):
            skip = True
        elif arg not in ("install", "i"):
            gems.append(arg)
    return gems


def _loose(command: Command) -> list[str]:
    if command.name != "gem" or not command.has_arg("install", "i"):
        return []
    if command.has_arg("-v", "--version") or any(arg.startswith("--version=") for arg in command.args):
        return []
    return [gem for gem in _gems(command) if ":" not in gem]


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from each_run_where(dockerfile, _loose, first_word_of(_loose), lambda command: says(gem=_loose(command)[0]))
