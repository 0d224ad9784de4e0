"""DL3037: zypper install of a package without a version."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.commands.options import positional
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        loose = [(c, word) for c in run.commands if c.name == "zypper" and c.has_arg("install", "in")
                 for word in positional(c) if word not in ("install", "in")
                 and not any(mark in word for mark in "=><") and not word.endswith(".rpm")]
        if loose:
            yield hit_at(run, loose[0][0].find(loose[0][1]), says(package=loose[0][1]))
