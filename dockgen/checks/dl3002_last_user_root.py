"""DL3002: the last USER of a stage is root."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def is_root(user: str) -> bool:
    return user in ("root", "0") or user.startswith(("root:", "0:"))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        users = [i for i in stage.instructions if i.keyword == "USER"]
        if users and is_root(users[-1].args.strip()):
            yield Hit(users[-1].line, says(user=users[-1].args.strip()))
