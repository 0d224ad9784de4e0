"""DL3064: an ARG or ENV whose name says it holds a secret."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, key_written_at, says, with_onbuild
from dockgen.knowledge.secrets import looks_secret
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import arg_pairs, key_values


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    found = []
    for keyword in ("ARG", "ENV"):
        for instruction in with_onbuild(dockerfile, keyword):
            names = arg_pairs(instruction.args) if keyword == "ARG" else dict(key_values(instruction.args))
            secret = next((name for name in names if looks_secret(name)), None)
            if secret is not None:
                found.append((instruction.line, secret, key_written_at(instruction, secret), instruction))
    for _, secret, where, instruction in sorted(found, key=lambda item: item[0]):
        yield hit_at(instruction, where, says(variable=secret))
