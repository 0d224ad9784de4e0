"""DL3008: ``apt-get install`` of a package without a version."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, Message, hit_at, says, with_onbuild
from dockgen.commands.options import positional
from dockgen.commands.system import is_apt_get_install
from dockgen.lint.model import Dockerfile

_TARGET_RELEASE = frozenset({"t", "target-release"})


def unpinned(word: str) -> bool:
    return "=" not in word and "/" not in word and not word.endswith(".deb")


def _message(package: str, count: int) -> Message:
    return says(package=package) if count == 1 else says("more", package=package, more=count - 1)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        loose = [(command, word) for command in run.commands if is_apt_get_install(command)
                 for word in positional(command, _TARGET_RELEASE) if word != "install" and unpinned(word)]
        if loose:
            command, word = loose[0]
            yield hit_at(run, command.find(word), _message(word, len(loose)))
