"""DL3030: yum install without -y."""

from collections.abc import Iterator

from dockgen.checks._managers import each_run_where, subcommand, subcommand_without
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile

_INSTALLS = frozenset({"install", "groupinstall", "localinstall"})


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from each_run_where(
        dockerfile, subcommand_without(frozenset({"yum"}), _INSTALLS, ("y", "assumeyes")),
        message=lambda c: says(subcommand=subcommand(c, _INSTALLS)))
