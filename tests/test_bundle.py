"""The rule modules' bundle: the same checks as ordinary imports, and ordinary imports whenever it is unfit."""

from __future__ import annotations

import importlib.util
import json
import marshal
import os
import subprocess
import sys
from pathlib import Path
from types import CodeType

import pytest

from dockgen.checks import _bundle, check_modules

CHECKS = Path(os.path.abspath(_bundle.__file__)).parent  # unresolved, as imports name files

# Lints every rule's examples and prints, per example, the codes and lines found, then where the modules came from.
_PROBE = """
import json, sys
from dockgen.checks import _bundle, check_modules
if sys.argv[1]:
    bundle = _bundle.read(open(sys.argv[1], "rb").read())
    assert bundle is not None
    _bundle._installed = lambda: bundle
from dockgen.engine import Settings, lint
from dockgen.parse import parse_text
from dockgen.rules import all_rules
from dockgen.rules_doc import rule_docs
settings = Settings(select=tuple(all_rules()), today=__import__("datetime").date(2026, 11, 29))
found = [[(f.code, f.line) for f in lint(parse_text(example.dockerfile), settings)]
         for code in sorted(all_rules()) for example in rule_docs(code).examples]
origins = {name: sys.modules[name].__spec__.loader is None for name in check_modules().values()}
print(json.dumps([found, origins]))
"""


def _probe(bundle: Path | None) -> tuple[list[list[list[object]]], dict[str, bool]]:
    result = subprocess.run([sys.executable, "-c", _PROBE, str(bundle or "")], capture_output=True, text=True,
                            check=True)
    found, origins = json.loads(result.stdout)
    return found, origins


def test_bundled_rules_find_what_imported_rules_find(tmp_path: Path) -> None:
    path = tmp_path / _bundle.BUNDLE_NAME
    path.write_bytes(_bundle.build(CHECKS))
    bundled, bundled_origins = _probe(path)
    imported, imported_origins = _probe(None)
    assert all(bundled_origins.values()) and len(bundled_origins) == len(check_modules())
    assert not any(imported_origins.values())
    assert bundled == imported
    assert sum(len(findings) for findings in bundled) > 1000  # the examples really ran


def test_the_bundle_holds_every_rule_module_and_no_helper() -> None:
    bundle = _bundle.read(_bundle.build(CHECKS))
    assert bundle is not None
    assert {f"{_bundle.PACKAGE}.{stem}" for stem in bundle} == set(check_modules().values())
    for stem, (size, _) in bundle.items():
        assert size == (CHECKS / f"{stem}.py").stat().st_size


def _code_objects(code: CodeType) -> list[CodeType]:
    return [code] + [inner for const in code.co_consts if isinstance(const, CodeType) for inner in _code_objects(const)]


def test_a_bundled_module_names_its_installed_file_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _bundle.read(_bundle.build(CHECKS))
    assert bundle is not None
    name = check_modules()["DL3042"]
    monkeypatch.delitem(sys.modules, name, raising=False)
    module = _bundle.load(name, bundle)
    assert module is not None and sys.modules[name] is module
    monkeypatch.delitem(sys.modules, name)
    path = str(CHECKS / (name.rpartition(".")[2] + ".py"))
    assert module.__file__ == path and module.__spec__ is not None and module.__spec__.origin == path
    codes = [code for value in vars(module).values() if getattr(value, "__module__", None) == name
             and hasattr(value, "__code__") for code in _code_objects(value.__code__)]
    assert len(codes) > 3  # functions and the generators and lambdas inside them
    assert {code.co_filename for code in codes} == {path}


@pytest.mark.parametrize("damage", ["magic", "truncated", "empty", "not a dict"])
def test_an_unfit_bundle_is_not_used(damage: str) -> None:
    data = _bundle.build(CHECKS)
    magic = len(importlib.util.MAGIC_NUMBER)
    damaged = {"magic": b"\0\0\0\0" + data[4:], "truncated": data[:len(data) // 2], "empty": b"",
               "not a dict": data[:magic] + marshal.dumps([1, 2])}[damage]
    assert _bundle.read(damaged) is None


def test_an_optimizing_python_does_not_use_the_bundle(tmp_path: Path) -> None:
    path = tmp_path / _bundle.BUNDLE_NAME
    path.write_bytes(_bundle.build(CHECKS))
    code = "import sys\nfrom dockgen.checks import _bundle\nprint(_bundle.read(open(sys.argv[1], 'rb').read()) is None)"
    result = subprocess.run([sys.executable, "-O", "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"


def test_an_edited_module_is_imported_from_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _bundle.read(_bundle.build(CHECKS))
    assert bundle is not None
    name = check_modules()["DL3042"]
    stem = name.rpartition(".")[2]
    size, code = bundle[stem]
    monkeypatch.delitem(sys.modules, name, raising=False)
    assert _bundle.load(name, {stem: (size + 1, code)}) is None
    assert name not in sys.modules
    assert _bundle.load(check_modules()["DL3006"], {stem: (size, code)}) is None  # not in this bundle


def test_a_module_that_fails_is_not_left_half_imported() -> None:
    name = check_modules()["DL3042"]
    stem = name.rpartition(".")[2]
    size = (CHECKS / f"{stem}.py").stat().st_size
    broken = compile("raise RuntimeError('while importing')", "x.py", "exec")
    saved = sys.modules.pop(name, None)
    try:
        with pytest.raises(RuntimeError, match="while importing"):
            _bundle.load(name, {stem: (size, broken)})
        assert name not in sys.modules
    finally:
        if saved is not None:
            sys.modules[name] = saved
