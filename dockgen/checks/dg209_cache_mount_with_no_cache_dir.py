"""DG209: a pip cache mount together with ``--no-cache-dir``, which leaves the mount unused."""

from collections.abc import Iterator

from dockgen.checks._base import mount_targets
from dockgen.checks._python import pip_installs
from dockgen.checks.contract import Context, Hit, says, with_onbuild
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        targets = [t for t in mount_targets(run, frozenset({"cache"})) if "pip" in t]
        if targets and any(pip.has_flag("no-cache-dir") for pip in pip_installs(run)):
            yield Hit(run.line, says(target=targets[0]))
