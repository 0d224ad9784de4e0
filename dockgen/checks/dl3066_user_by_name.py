"""DL3066: USER by name rather than numeric UID."""

import re
from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, args_location, hit_at, says
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import arg_pairs


def _mentions(user: str, names: set[str]) -> bool:
    return any(re.search(rf"\$(?:{re.escape(n)}(?![A-Za-z0-9_])|\{{{re.escape(n)}\}})", user) for n in names)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    args: set[str] = set()
    for instruction in dockerfile.instructions:
        if instruction.keyword == "ARG":
            args.update(arg_pairs(instruction.args))
        elif instruction.keyword == "USER":
            user = instruction.args.split(":", 1)[0]
            if not user.isdigit() and not _mentions(user, args):
                yield hit_at(instruction, args_location(instruction, 0, len(instruction.args)), says(user=user))
