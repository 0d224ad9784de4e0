"""DL3044: an ENV that uses, in one pair, a variable it defines in another pair of the same instruction."""

import re
from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import arg_pairs, key_values


def _refers_to(value: str, name: str) -> bool:
    return f"${{{name}}}" in value or re.search(rf"\${re.escape(name)}(?![A-Za-z0-9_])", value) is not None


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    defined: set[str] = set()
    for instruction in dockerfile.instructions:
        if instruction.keyword == "ARG":
            defined.update(arg_pairs(instruction.args))
        if instruction.keyword != "ENV":
            continue
        pairs = key_values(instruction.args)
        name = next((key for key, _ in pairs if key not in defined
                     for other, value in pairs if other != key and _refers_to(value, key)), None)
        if name is not None:
            yield Hit(instruction.line, says(name=name))
        defined.update(key for key, _ in pairs)
