"""DG104: an Alpine (musl) image installing packages that publish no musllinux wheels."""

from collections.abc import Iterator

from dockgen.checks._python import pip_installs, root_image, stage_runs
from dockgen.checks.contract import Context, Hit, hit_at, says
from dockgen.commands.pip import installed_packages
from dockgen.knowledge import python
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        if not python.is_musl_image(root_image(dockerfile, stage)):
            continue
        for run in stage_runs(stage):
            found = [(pip, r) for pip in pip_installs(run) for r in installed_packages(pip) or ()
                     if (facts := python.package(r)) is not None and not facts.musl_wheels]
            if found:
                names = sorted({facts.pip for _, r in found if (facts := python.package(r)) is not None})
                yield hit_at(run, found[0][0].find(found[0][1]), says(package=names[0]) if len(names) == 1
                             else says("more", package=names[0], more=len(names) - 1))
