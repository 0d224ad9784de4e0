"""DL3035: zypper dist-upgrade in a build."""

from collections.abc import Iterator

from dockgen.checks._managers import each_run_where
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from each_run_where(dockerfile, lambda c: c.name == "zypper" and c.has_arg("dist-upgrade", "dup"),
                              lambda c: c.find("dist-upgrade") or c.find("dup"),
                              lambda c: says(subcommand="dist-upgrade" if c.has_arg("dist-upgrade") else "dup"))
