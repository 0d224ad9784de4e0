"""DL3036: zypper install without zypper clean after it in the same RUN."""

from collections.abc import Iterator

from dockgen.checks._base import has_cache_mount
from dockgen.checks._managers import clean_missing_or_early
from dockgen.checks.contract import Context, Hit, with_onbuild
from dockgen.lint.model import Command, Dockerfile


def _installs(command: Command) -> bool:
    return command.name == "zypper" and command.has_arg("install", "in")


def _cleans(command: Command) -> bool:
    return command.name == "zypper" and command.has_arg("clean", "cc")


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        if not has_cache_mount(run, "/var/cache/zypp") and clean_missing_or_early(run, _installs, _cleans):
            yield Hit(run.line)
