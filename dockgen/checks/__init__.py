"""The registry of checks: every module here (not starting with ``_``) is one rule."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterable

from dockgen.checks._base import Context, Hit
from dockgen.model import Dockerfile

CheckFunction = Callable[[Dockerfile, Context], Iterable[Hit]]


@functools.cache
def all_checks() -> dict[str, CheckFunction]:
    checks: dict[str, CheckFunction] = {}
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        checks[module.CODE] = module.check
    return checks
