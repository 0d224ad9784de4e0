"""DG307: ``conda clean`` in a RUN of its own, after the install RUN: the earlier layer keeps every byte."""

from collections.abc import Iterator

from dockgen.checks._python import stage_runs
from dockgen.checks.contract import Context, Hit, says
from dockgen.commands.conda import installs, subcommand
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        uncleaned = False  # an earlier RUN installed and left its cache (one that cleans after itself left none)
        for run in stage_runs(stage):
            installing = any(installs(c) for c in run.commands)
            cleans = any(subcommand(c) == "clean" for c in run.commands)
            if cleans and not installing and uncleaned:
                yield Hit(run.line, says())
            uncleaned = uncleaned or (installing and not cleans)
