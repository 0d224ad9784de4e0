"""DG212: pip into the system Python of a distribution image whose tag follows the current release (``debian:stable``,
``ubuntu:latest``, ``alpine:3``): every release such a tag names today is externally managed (PEP 668)."""

from collections.abc import Iterator

from dockgen.checks._pep668 import system_pip_runs
from dockgen.checks._python import root_image
from dockgen.checks.contract import Context, Hit, environment_at, hit_at, says
from dockgen.knowledge import images, interpreters, python
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    environment = environment_at(dockerfile)
    for stage in dockerfile.stages:
        image = root_image(dockerfile, stage)
        family = images.distro_family(image)
        if family is None or python.pep668_from(family) is None or image.has_variable or image.digest:
            continue
        tag = image.tag or "latest"
        if tag not in interpreters.floating_tags(family):
            continue
        for run, pip in system_pip_runs(dockerfile, stage, environment):
            yield hit_at(run, pip.program_location(), says(image=image.raw, distribution=family.capitalize()))
