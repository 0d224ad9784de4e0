"""The registry of checks, keyed by rule code.

A rule is its data file ``rules/<CODE>.toml`` plus one module in this folder named after it:
``<code>_<name>.py``, the code in lower case and the rule's ``name`` with ``-`` written ``_`` (rule DL3000
``workdir-relative`` is ``dl3000_workdir_relative.py``). The module holds only ``check(dockerfile, context)``;
everything declarative (level, fix availability and safety, summary, docs) is in the TOML. Modules whose name starts
with ``_`` are shared helpers. The registry fails loudly, before any check runs, on two modules for one code, a rule
without its module, or a module without a rule (a misnamed one is both). A module is imported only when its rule is
enabled: each import is a measurable part of a pre-commit run's start. ``contract.py`` is the one public module
here that is not a rule: what a check receives and returns.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Iterable, Mapping

from dockgen.checks.contract import CheckFunction
from dockgen.errors import DockgenError
from dockgen.lint.rules import Rule, all_rules

__all__ = ["CheckFunction", "RegistryError", "all_checks", "check_for", "check_modules", "module_stem", "validated"]

# Rules reported by the parser (DG001) or the engine (DG003, which needs every other rule's findings) rather than by
# a check module.
RULES_WITHOUT_MODULE = frozenset({"DG001", "DG003"})


class RegistryError(DockgenError):
    """The rule data and the check modules disagree: a developer's mistake, reported before anything runs."""


def module_stem(rule: Rule) -> str:
    """The file name (without ``.py``) of the module that checks ``rule``."""
    return f"{rule.code.lower()}_{rule.name.replace('-', '_')}"


def validated(rules: Mapping[str, Rule], stems: Iterable[str]) -> dict[str, str]:
    """Module stem by rule code, in code order, from the rules and the module stems found in the folder; raises
    :class:`RegistryError` naming every disagreement."""
    expected = {module_stem(rule): code for code, rule in rules.items() if code not in RULES_WITHOUT_MODULE}
    found = sorted(stems)
    problems = []
    by_code: dict[str, list[str]] = {}
    for stem in found:
        by_code.setdefault(stem.partition("_")[0].upper(), []).append(stem)
    for code, named in by_code.items():
        if len(named) > 1:
            problems.append(f"two modules for {code}: {', '.join(f'{stem}.py' for stem in named)}")
    for stem in found:
        if stem not in expected:
            rule = rules.get(stem.partition("_")[0].upper())
            hint = f" (rule {rule.code} is {rule.name!r}: name it {module_stem(rule)}.py)" if rule else ""
            problems.append(f"module {stem}.py has no rule{hint}")
    for stem, code in expected.items():
        if stem not in found:
            problems.append(f"rule {code} has no module {stem}.py")
    if problems:
        raise RegistryError("dockgen's rules and checks disagree:\n  " + "\n  ".join(problems))
    return {code: stem for stem, code in sorted(expected.items(), key=lambda item: item[1])}


@functools.cache
def check_modules() -> dict[str, str]:
    """Module name by rule code, in code order, for every rule with a check; validated without importing any."""
    folder = os.path.dirname(__file__)
    stems = (name[:-3] for name in os.listdir(folder) if name.endswith(".py") and not name.startswith("_")
             and name != "contract.py")
    return {code: f"{__name__}.{stem}" for code, stem in validated(all_rules(), stems).items()}


@functools.cache
def check_for(code: str) -> CheckFunction:
    name = check_modules()[code]
    module = importlib.import_module(name)
    check: CheckFunction | None = getattr(module, "check", None)
    if not callable(check):
        raise RegistryError(f"{module.__name__} has no check(dockerfile, context) function")
    return check


def all_checks() -> dict[str, CheckFunction]:
    """Every check by code, all imported (for tools and tests; linting loads what it runs)."""
    return {code: check_for(code) for code in check_modules()}
