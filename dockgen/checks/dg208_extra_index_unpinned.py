"""DG208: an extra package index with unpinned requirements (dependency confusion)."""

from collections.abc import Iterator

from dockgen.checks._python import pip_installs
from dockgen.checks.contract import Context, Hit, environment_at, hit_at, says, with_onbuild
from dockgen.commands.options import option_values
from dockgen.commands.pip import installed_packages
from dockgen.lint.model import Dockerfile


def _exactly_pinned(requirement: str) -> bool:
    return "==" in requirement or requirement.endswith(".whl") or "@" in requirement or "/" in requirement


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    environment = environment_at(dockerfile)
    for run in with_onbuild(dockerfile, "RUN"):
        env = environment.get(run.line, {})
        for pip in pip_installs(run):
            extra = option_values(pip, "extra-index-url") or (
                [env["PIP_EXTRA_INDEX_URL"]] if "PIP_EXTRA_INDEX_URL" in env else [])
            unpinned = [r for r in installed_packages(pip) or () if not _exactly_pinned(r)]
            if extra and unpinned:
                yield hit_at(run, pip.find(unpinned[0]), says(package=unpinned[0]) if len(unpinned) == 1
                             else says("more", package=unpinned[0], more=len(unpinned) - 1))
                break
