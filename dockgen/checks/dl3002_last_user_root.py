"""DL3002: the last USER of a stage is root."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile
from dockgen.lint.messages import render


def is_root(user: str) -> bool:
    return user in ("root", "0") or user.startswith(("root:", "0:"))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        users = [i for i in stage.instructions if i.keyword == "USER"]
        if users and is_root(users[-1].args.strip()):
            yield Hit(users[-1].line, render("The last USER of the stage is `{user}`: switch to a non-root user",
                                             {"user": users[-1].args.strip()}))
