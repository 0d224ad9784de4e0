"""DL3003: ``cd`` inside RUN instead of WORKDIR."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit, commands_named, runs
from dockgen.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in runs(dockerfile, onbuild=False):
        if commands_named(run, "cd"):
            yield Hit(run.line)
