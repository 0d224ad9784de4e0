"""DL3048: a LABEL key that breaks Docker's key conventions."""

import re
from collections.abc import Iterator

from dockgen.checks._structure import unquote
from dockgen.checks.contract import Context, Hit, hit_at, key_written_at, says
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import key_values

_VALID = r"[a-z]([a-z0-9._/-]*[a-z0-9])?"
_RESERVED = ("com.docker.", "io.docker.", "org.dockerproject.")


def _invalid(key: str) -> bool:
    return (not re.fullmatch(_VALID, key) or key.startswith(_RESERVED) or ".." in key or "--" in key)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        invalid = [unquote(k) for k, _ in key_values(instruction.args) if _invalid(unquote(k))]
        if instruction.keyword == "LABEL" and invalid:
            yield hit_at(instruction, key_written_at(instruction, invalid[0]), says(key=invalid[0]))
