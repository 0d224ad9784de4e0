"""The data layer: one validated loader per file kind (``templates/packages/*.toml``, each ``rules/knowledge/*.toml``),
read lazily from the lint data index, with errors that name the file and the key."""

from __future__ import annotations

import copy
import datetime
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dockgen.errors import DockgenError
from dockgen.generator.catalog import load, renderable
from dockgen.knowledge import data, packages
from dockgen.knowledge import python as python_knowledge
from dockgen.knowledge.schema import Reader
from dockgen.lint import lint_data

ROOT = Path(__file__).resolve().parent.parent
LOADERS: dict[str, Callable[[], object]] = {"lifecycle": data.lifecycle, "images": data.images,
                                            "interpreters": data.interpreters, "python": data.python,
                                            "secrets": data.secrets}


def _numpy() -> dict[str, Any]:
    return copy.deepcopy(lint_data.table("templates/packages", "numpy"))


def test_every_shipped_file_loads() -> None:
    assert len(packages.all_packages()) == len(list((ROOT / "templates" / "packages").glob("*.toml")))
    assert set(LOADERS) == {path.stem for path in (ROOT / "rules" / "knowledge").glob("*.toml")}
    for loader in LOADERS.values():
        loader()
    assert data.lifecycle().python["3.7"] == datetime.date(2023, 6, 27)
    assert "condaforge/miniforge3" in data.images().conda_forge_only_images


def test_the_generator_and_the_lint_rules_share_one_record_per_package() -> None:
    catalog = load()
    for package in packages.all_packages():
        assert catalog.packages[package.name] is package
        assert python_knowledge.package(package.pip) is package


def test_a_package_file_reads_into_its_record() -> None:
    table = _numpy()
    table["lint"] = {"gui-variants": {"numpy-gui": "numpy"}, "also-pip": ["numpy-alias"]}
    package = packages.read_package(table, "numpy.toml")
    assert (package.name, package.requires_python) == ("numpy", table["python"])
    assert package.runtime["ubuntu"] == package.debian_runtime == tuple(table["system"]["debian-runtime"])
    assert package.gui_variants == {"numpy-gui": "numpy"} and package.also_pip == ("numpy-alias",)


@pytest.mark.parametrize(("change", "message"), [
    (lambda t: t.update(homepage="x"), r"templates/packages/numpy\.toml: unknown key 'homepage'"),
    (lambda t: t["system"].update({"debian-runtim": []}), r"numpy\.toml \[system\]: unknown key 'debian-runtim'"),
    (lambda t: t.update(lint={"gui-variant": {}}), r"numpy\.toml \[lint\]: unknown key 'gui-variant'"),
    (lambda t: t.pop("wheels"), r"numpy\.toml: missing key 'wheels'"),
    (lambda t: t.update(wheels="yes"), r"numpy\.toml: wheels must be true or false, not a string"),
    (lambda t: t.update(version=2), r"numpy\.toml: version must be a string, not an integer"),
    (lambda t: t.update(notes="one"), r"numpy\.toml: notes must be a list, not a string"),
    (lambda t: t.update(notes=[1]), r"numpy\.toml: notes must be a list of strings"),
    (lambda t: t.update(expose=True), r"numpy\.toml: expose must be an integer, not true or false"),
    (lambda t: t.update(env={"A": 1}), r"numpy\.toml \[env\]: A must be a string, not an integer"),
    (lambda t: t.update(models={"m": {"pip": "x"}}), r"numpy\.toml \[models\] \[m\]: missing key 'conda'"),
])
def test_a_broken_package_file_is_an_error_naming_file_and_key(change: Callable[[dict[str, Any]], object],
                                                               message: str) -> None:
    table = _numpy()
    change(table)
    with pytest.raises(DockgenError, match=message):
        packages.read_package(table, "templates/packages/numpy.toml")


@pytest.mark.parametrize(("change", "message"), [
    (lambda t: t.update(python="3.10+"), r"numpy\.toml: python '3\.10\+' is not a version range"),
    (lambda t: t.update(python=">=3.*"), r"numpy\.toml: python '>=3\.\*' is not a version range"),
    (lambda t: t.update(pip="numpy; rm -rf /"), r"numpy\.toml: a package name has characters"),
    (lambda t: t.update(version="2.0 && curl x"), r"numpy\.toml: version '2\.0 && curl x' is not a plain version"),
    (lambda t: t["system"].update({"alpine-runtime": ["libgomp $(id)"]}), r"numpy\.toml: a system package name"),
    (lambda t: t.update(env={"A": "x y"}), r"numpy\.toml: an environment variable name or value"),
    (lambda t: t.update({"smoke-test": "print('x')"}), r"numpy\.toml: write the smoke test on one line"),
])
def test_the_generator_refuses_package_data_it_would_not_render(change: Callable[[dict[str, Any]], object],
                                                                message: str) -> None:
    """Only the generator renders these values (and reads the Python range with packaging), so the catalog checks
    them when it loads; linting does not pay for it."""
    table = _numpy()
    change(table)
    package = packages.read_package(table, "templates/packages/numpy.toml")
    with pytest.raises(DockgenError, match=message):
        renderable(package)


@pytest.fixture
def broken_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str, Any], None]]:
    """Replace one rules/knowledge table in a copy of the index that the loaders then read."""
    def clear() -> None:
        for cached in (lint_data._index, *LOADERS.values()):
            cached.cache_clear()  # type: ignore[attr-defined]

    def install(stem: str, change: Any) -> None:
        tables = json.loads(lint_data.build_index(ROOT))
        change(tables["rules/knowledge"][stem])
        index = tmp_path / "lint_data.json"
        index.write_text(json.dumps(tables))
        monkeypatch.setattr(lint_data, "INDEX", index)
        clear()

    yield install
    monkeypatch.undo()
    clear()


@pytest.mark.parametrize(("stem", "change", "message"), [
    ("lifecycle", lambda t: t["python"].update({"3.15": "soon"}),
     r"lifecycle\.toml \[python\]: 3\.15 must be a date, not a string"),
    ("lifecycle", lambda t: t["release"][0].pop("eol"), r"lifecycle\.toml \[\[release\]\] #1: missing key 'eol'"),
    ("images", lambda t: t.update({"recommended-pyhton": "3.12"}), r"images\.toml: unknown key 'recommended-pyhton'"),
    ("images", lambda t: t["bloated"][0].update(kind="smaller"), r"images\.toml \[\[bloated\]\] #1: kind must be"),
    ("images", lambda t: t["conda"].update({"defaults-channels": "defaults"}),
     r"images\.toml \[conda\]: defaults-channels must be a list, not a string"),
    ("interpreters", lambda t: t["floating-tags"].update(debian="latest"),
     r"interpreters\.toml \[floating-tags\]: debian must be a list, not a string"),
    ("python", lambda t: t["insecure"]["env"].update(X="0"), r"python\.toml \[insecure\] \[env\]: X must be a list"),
    ("python", lambda t: t["ssh"].pop("programs"), r"python\.toml \[ssh\]: missing key 'programs'"),
    ("secrets", lambda t: t.update(fragment=[]), r"secrets\.toml: unknown key 'fragment'"),
])
def test_a_broken_knowledge_file_is_an_error_naming_file_and_key(broken_index: Callable[[str, Any], None],
                                                                 stem: str, change: Any, message: str) -> None:
    broken_index(stem, change)
    with pytest.raises(DockgenError, match=f"rules/knowledge/{message}"):
        LOADERS[stem]()


def test_a_date_with_a_time_is_not_a_date() -> None:
    reader = Reader({"eol": datetime.datetime(2030, 1, 1, 12, 0)}, "f.toml")
    with pytest.raises(DockgenError, match="eol must be a date without a time"):
        reader.date("eol")


def test_the_loaders_are_lazy_and_light() -> None:
    """Importing the knowledge modules reads no data, and the loaders need neither a TOML parser nor packaging."""
    probe = ("import sys\nfrom dockgen.lint import lint_data\n"
             "import dockgen.knowledge.images, dockgen.knowledge.interpreters, dockgen.knowledge.python, "
             "dockgen.knowledge.secrets\n"
             "assert lint_data._index.cache_info().currsize == 0, 'read at import'\n"
             "from dockgen.knowledge import data, packages\n"
             "packages.all_packages(); data.images(); data.lifecycle(); data.python(); data.interpreters()\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('tomllib', 'packaging', 'jinja2')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_loading_the_catalog_checks_every_package(monkeypatch: pytest.MonkeyPatch) -> None:
    table = _numpy()
    table["pip"] = "numpy;id"
    broken = packages.read_package(table, "templates/packages/numpy.toml")
    monkeypatch.setattr(packages, "all_packages", lambda: (broken,))
    with pytest.raises(DockgenError, match=r"templates/packages/numpy\.toml: a package name has characters"):
        load.__wrapped__()
