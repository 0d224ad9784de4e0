"""DL3032: yum install without yum clean all after it in the same RUN."""

from collections.abc import Iterator

from dockgen.checks._managers import clean_missing_or_early
from dockgen.checks.contract import Context, Hit, with_onbuild
from dockgen.lint.model import Command, Dockerfile


def _installs(command: Command) -> bool:
    return command.name == "yum" and command.has_arg("install")


def _cleans(command: Command) -> bool:
    return (command.name == "yum" and command.has_arg("clean", "all")) or (
        command.name == "rm" and command.has_arg("-rf", "/var/cache/yum/*"))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        if clean_missing_or_early(run, _installs, _cleans):
            yield Hit(run.line)
