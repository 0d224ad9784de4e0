"""Which Python a stage gets outside ``python:`` images: Python 2 from the distribution, a version asked of a tool,
a version in another image's name. From ``rules/knowledge/interpreters.toml``; end-of-life dates are
``lifecycle.toml``'s, read through :func:`dockgen.knowledge.images.python_eol`."""

from __future__ import annotations

import datetime
import functools
import re

from dockgen.knowledge import data
from dockgen.knowledge.images import python_eol
from dockgen.lint.model import ImageRef

_VERSION = r"(?<![\d.])([23])\.(\d{1,2})(?![\d])"


def python2_packages(family: str) -> frozenset[str]:
    return data.interpreters().python2_packages.get(family, frozenset())


def alpine_py_pip_python3_from() -> str:
    return data.interpreters().alpine_py_pip_python3_from


def floating_tags(family: str) -> frozenset[str]:
    return data.interpreters().floating_tags.get(family, frozenset())


def minor_version(text: str) -> str | None:
    """``3.6`` for ``python3.6``, ``3.6``, ``3.6.15``, ``python=3.6``, ``cpython-3.8.20``; None for ``3``."""
    match = re.search(_VERSION, text)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def eol(version: str, today: datetime.date) -> datetime.date | None:
    """The end-of-life date of Python ``version`` when it is before ``today``, else None."""
    end = python_eol(version)
    return end if end is not None and end < today else None


@functools.cache
def _image_patterns() -> tuple[tuple[str, str], ...]:
    """(regular expression, pattern as written) for each versioned image pattern."""
    found = []
    for pattern in data.interpreters().versioned_python_images:
        regex = "".join(r"(\d\.\d{1,2})(?![\d])" if part == "{v}" else ".*" if part == "*" else re.escape(part)
                        for part in re.split(r"(\{v\}|\*)", pattern) if part)
        found.append((f"^{regex}$", pattern))
    return tuple(found)


def image_python(image: ImageRef) -> str | None:
    """The Python version an image names outside the ``python:`` scheme (``apache/beam_python3.9_sdk`` is 3.9)."""
    names = [image.short_name + (f":{image.tag}" if image.tag else "")]
    if image.registry:
        names.append(f"{image.registry}/{names[0]}")
    for regex, _ in _image_patterns():
        for name in names:
            match = re.match(regex, name)
            if match:
                return match.group(1)
    return None


