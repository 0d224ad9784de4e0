"""DL3060: yarn install without yarn cache clean in the same RUN."""

from collections.abc import Iterator

from dockgen.checks._base import has_cache_mount, reported_runs
from dockgen.checks._managers import first
from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in reported_runs(dockerfile):
        install = first(run.commands, lambda c: c.name == "yarn" and c.has_arg("install"))
        if install is None:
            continue
        clean = first(run.commands, lambda c: c.name == "yarn" and c.has_arg("cache", "clean"))
        # A cache mount excuses a missing clean, not a clean that runs before the install.
        if (clean is None and not has_cache_mount(run, ".cache/yarn")) or (clean is not None and clean < install):
            yield Hit(run.line)
