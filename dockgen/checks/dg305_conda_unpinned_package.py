"""DG305: a conda install of a package without a version."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.commands import conda
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        loose = [(command, spec) for command in run.commands if conda.subcommand(command) in ("install", "create")
                 for spec in conda.packages(command) if conda.is_unpinned(spec)]
        if loose:
            yield hit_at(run, loose[0][0].find(loose[0][1]), says(package=loose[0][1]) if len(loose) == 1
                         else says("more", package=loose[0][1], more=len(loose) - 1))
