"""The registry of checks: every module in this folder whose name does not start with ``_`` is one rule, named
``<code>_<rule name>.py``. A module is imported only when its rule is enabled: each import is a measurable part of a
pre-commit run's start."""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable, Iterable

from dockgen.checks import _bundle
from dockgen.checks._base import Context, Hit
from dockgen.model import Dockerfile

CheckFunction = Callable[[Dockerfile, Context], Iterable[Hit]]


@functools.cache
def check_modules() -> dict[str, str]:
    """Module name by rule code, in code order, read from the file names without importing anything."""
    modules = {}
    for filename in sorted(os.listdir(os.path.dirname(__file__))):
        if filename.endswith(".py") and not filename.startswith("_"):
            modules[filename.partition("_")[0].upper()] = f"{__name__}.{filename[:-3]}"
    return modules


@functools.cache
def check_for(code: str) -> CheckFunction:
    name = check_modules()[code]
    module = _bundle.load(name) or importlib.import_module(name)
    if module.CODE != code:
        raise ImportError(f"{module.__name__} declares {module.CODE}, but its file name says {code}")
    check: CheckFunction = module.check
    return check


def all_checks() -> dict[str, CheckFunction]:
    """Every check by code, all imported (for tools and tests; linting loads what it runs)."""
    return {code: check_for(code) for code in check_modules()}
