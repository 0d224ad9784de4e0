"""DG205: a package whose wheel needs a system library that a slim Python image does not have."""

from collections.abc import Iterator

from dockgen.checks._python import lineage, pip_installs, root_image, stage_runs
from dockgen.checks.contract import Context, Hit, hit_at, says
from dockgen.commands import system
from dockgen.commands.pip import installed_packages
from dockgen.knowledge import images, python
from dockgen.lint.model import Dockerfile, ImageRef, Stage

_APT = frozenset({"apt"})


def _slim_python(image: ImageRef) -> bool:
    return images.python_version(image) is not None and "slim" in (image.tag or "")


def _system_packages(dockerfile: Dockerfile, stage: Stage) -> set[str]:
    installed: set[str] = set()
    for member in lineage(dockerfile, stage):
        for run in stage_runs(member):
            for command in run.commands:
                installed.update(system.installed_packages(command, _APT))
    return installed


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        if not _slim_python(root_image(dockerfile, stage)):
            continue
        present = _system_packages(dockerfile, stage)
        for run in stage_runs(stage):
            for pip in pip_installs(run):
                for requirement in installed_packages(pip) or ():
                    facts = python.package(requirement)
                    if facts is None or not facts.wheels:
                        continue
                    missing = [lib for lib in facts.debian_runtime if lib not in present]
                    if missing:
                        yield hit_at(run, pip.find(requirement), says(package=facts.pip, library=missing[0])
                                     if len(missing) == 1 else says("several", package=facts.pip,
                                                                    libraries=tuple(missing)))
