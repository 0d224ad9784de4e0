"""Whether each rule's message templates and its check agree, read from the sources when the index is built.

A check names a template and its values with ``says(key, name=value, ...)`` (``dockgen.checks.contract``), with
literal keys and literal value names, so both can be read here without running anything: every key a check says
must be a template of its rule, every placeholder of that template a value the call gives, and every value a
placeholder (of one of them, when a call names several templates to choose from by length). A ``[messages]`` template that no call names is dead. A rule module that reuses another's check
(``from dockgen.checks import dl3065_... as dl3065``) says what that one says; helper modules (``_*.py``) take their
messages from the check that calls them. Only the index build and the tests import this module.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

CHECKS = "dockgen/checks"
# Rules reported outside a check module (see dockgen.checks.RULES_WITHOUT_MODULE), and where.
HOMES = {"DG001": "dockgen/lint/engine.py", "DG003": "dockgen/lint/suppressions.py"}


class Said(NamedTuple):
    """One ``says(...)`` call: the template keys and the value names, or what makes it unreadable."""

    line: int
    keys: tuple[str, ...]
    names: frozenset[str]
    unreadable: str = ""


def templates(data: Mapping[str, Any]) -> dict[str, str]:
    """A rule file's templates by key, as ``dockgen.lint.rules`` reads them."""
    return {"message": data.get("message", data.get("summary", "")), **data.get("messages", {})}


def placeholders(template: str) -> frozenset[str]:
    """The names a template fills in; ValueError for a template ``str.format`` cannot read or a placeholder that
    is more than a name (``{a.b}``, ``{a[0]}``, ``{a!r}``, ``{a:>9}``, ``{}``)."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"placeholder {{{name}}} must be a plain name")
        names.add(name)
    return frozenset(names)


def problems(root: Path, rules: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Every disagreement between the rule files (by code) and the checks under ``root``, one sentence each."""
    found: list[str] = []
    for code, data in rules.items():
        path = root / HOMES.get(code, f"{CHECKS}/{code.lower()}_{str(data.get('name', '')).replace('-', '_')}.py")
        if path.is_file():
            found.extend(f"{code}: {problem}" for problem in _rule_problems(templates(data), _calls(path)))
    for helper in sorted((root / CHECKS).glob("_*.py")):
        found.extend(f"{helper.name}:{said.line}: a helper says a message; take a Message from the check instead"
                     for said in _says_in(helper))
    return found


def _rule_problems(by_key: Mapping[str, str], calls: list[Said]) -> Iterator[str]:
    for key, template in by_key.items():
        try:
            placeholders(template)
        except ValueError as error:
            yield f"template {key!r}: {error}"
    for said in calls:
        if said.unreadable:
            yield f"line {said.line}: {said.unreadable}"
            continue
        used: set[str] = set()
        for key in said.keys:
            if key not in by_key:
                yield f"line {said.line}: says {key!r}, which is no message template of the rule"
                continue
            try:
                wanted = placeholders(by_key[key])
            except ValueError:
                continue  # reported above
            used |= wanted
            for name in sorted(wanted - said.names):
                yield f"line {said.line}: template {key!r} has the placeholder {{{name}}}, which the hit lacks"
        for name in sorted(said.names - used if set(said.keys) <= set(by_key) else ()):
            yield f"line {said.line}: gives {name}=, which no template it names uses"
    for key in sorted(set(by_key) - {key for said in calls for key in said.keys} - {"message"}):
        yield f"template {key!r} is never said"


def _calls(path: Path) -> list[Said]:
    """The ``says`` calls of a check module and of the rule modules it imports whole."""
    calls = list(_says_in(path))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "dockgen.checks":
            for alias in node.names:
                other = path.parent / f"{alias.name}.py"
                if not alias.name.startswith("_") and other.is_file():
                    calls.extend(_says_in(other))
    return calls


def _says_in(path: Path) -> Iterator[Said]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "says":
            yield _said(node)


def _said(call: ast.Call) -> Said:
    names = frozenset(keyword.arg for keyword in call.keywords if keyword.arg is not None)
    keys = tuple(arg.value for arg in call.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    if any(keyword.arg is None for keyword in call.keywords) or len(keys) < len(call.args):
        return Said(call.lineno, (), names, "says() takes keys written as strings and named values only")
    return Said(call.lineno, keys or ("message",), names)
