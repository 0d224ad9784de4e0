"""DL3034: zypper install without a non-interactive switch."""

from collections.abc import Iterator

from dockgen.checks._managers import each_run_where, subcommand, subcommand_without
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile

_CHANGES = frozenset({"install", "in", "remove", "rm", "source-install", "si", "patch"})


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from each_run_where(
        dockerfile, subcommand_without(frozenset({"zypper"}), _CHANGES, ("non-interactive", "n", "no-confirm", "y")),
        message=lambda c: says(subcommand=subcommand(c, _CHANGES)))
