"""The registry of checks: every module in this folder whose name does not start with ``_`` is one rule."""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable, Iterable

from dockgen.checks._base import Context, Hit
from dockgen.model import Dockerfile

CheckFunction = Callable[[Dockerfile, Context], Iterable[Hit]]


@functools.cache
def all_checks() -> dict[str, CheckFunction]:
    checks: dict[str, CheckFunction] = {}
    for filename in sorted(os.listdir(os.path.dirname(__file__))):
        if filename.endswith(".py") and not filename.startswith("_"):
            module = importlib.import_module(f"{__name__}.{filename[:-3]}")
            checks[module.CODE] = module.check
    return checks
