"""DG201: pip into the system Python of a distribution that marks it externally managed (PEP 668)."""

from collections.abc import Iterator

from dockgen.checks._pep668 import system_pip_runs
from dockgen.checks._python import root_image
from dockgen.checks.contract import Context, Hit, environment_at, hit_at, says
from dockgen.knowledge import images, python
from dockgen.lint.model import Dockerfile


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    environment = environment_at(dockerfile)
    for stage in dockerfile.stages:
        image = root_image(dockerfile, stage)
        release = images.release_of(image)
        first = python.pep668_from(release.family) if release else None
        if release is None or first is None or images.python_version(image) is not None:
            continue
        if _version(release.version) < _version(first):
            continue
        for run, pip in system_pip_runs(dockerfile, stage, environment):
            yield hit_at(run, pip.program_location(), says(release=release.title))
