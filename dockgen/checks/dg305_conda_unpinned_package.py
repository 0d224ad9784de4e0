"""DG305: a conda install of a package without a version."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, with_onbuild
from dockgen.commands import conda
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        loose = [(command, spec) for command in run.commands if conda.subcommand(command) in ("install", "create")
                 for spec in conda.packages(command) if conda.is_unpinned(spec)]
        if loose:
            yield hit_at(run, loose[0][0].find(loose[0][1]), f"Pin versions in conda installs "
                         f"(`{' '.join(spec for _, spec in loose[:4])}` unpinned): write "
                         "`name=version` so that rebuilds solve to the environment you tested.")
