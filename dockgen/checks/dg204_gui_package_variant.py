"""DG204: a GUI build of a package (opencv-python) where the headless build does the same job."""

from collections.abc import Iterator

from dockgen.checks._python import pip_installs
from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.commands.pip import installed_packages
from dockgen.knowledge import python
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        for pip in pip_installs(run):
            for requirement in installed_packages(pip) or ():
                facts = python.package(requirement)
                name = python.requirement_name(requirement)
                headless = facts.gui_variants.get(name) if facts else None
                if headless:
                    yield hit_at(run, pip.find(requirement),
                                 says(package=name, headless=headless))
