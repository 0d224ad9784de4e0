"""The catalog's pins against what PyPI says about them (recorded by bench/pypi_facts.py, so no network here):
every Python a package claims must be admitted by the pin's Requires-Python and have a Linux wheel for x86_64 and
aarch64; a per-Python pin must install where the main pin does not (issue 15: scanpy 1.12.4 and xgboost 3.4.1
need Python >= 3.12 while the catalog claimed 3.10)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from dockgen.generator.catalog import Package, load
from dockgen.generator.generate import generate
from dockgen.generator.recipe import Request

FACTS = json.loads((Path(__file__).parent / "data" / "pypi" / "catalog-facts.json").read_text(encoding="utf-8"))
OFFERED = sorted({python for base in load().bases.values() for python in base.pythons})


def _wheel_fits(filename: str, python: str, machine: str) -> bool:
    if machine not in filename and "-none-any" not in filename:
        return False
    if "musllinux" in filename:
        return False
    minor = int(python.split(".")[1])
    tags = re.search(r"-(?P<interpreter>[a-z0-9.]+)-(?P<abi>[a-z0-9_]+)-[^-]+\.whl$", filename)
    if tags is None:
        return False
    interpreters = tags.group("interpreter").split(".")
    if "py3" in interpreters:
        return True
    for interpreter in interpreters:
        found = re.fullmatch(r"cp3(\d+)", interpreter)
        if found and (int(found.group(1)) == minor or (tags.group("abi") == "abi3" and int(found.group(1)) <= minor)):
            return True
    return False


def _check(package: Package, version: str, python: str) -> list[str]:
    problems = []
    for project in {package.pip, package.gpu_pip.split("[")[0]} - {""}:
        release = FACTS["projects"][project]["releases"].get(version)
        if release is None:
            if project == package.gpu_pip or not package.pip_from:
                problems.append(f"{project} {version} is not on PyPI")
            continue
        if python not in SpecifierSet(release["requires-python"]):
            problems.append(f"{project} {version} requires Python {release['requires-python']}, not {python}")
        for machine in ("x86_64", "aarch64"):
            if package.wheels and not any(_wheel_fits(w, python, machine) for w in release["linux-wheels"]):
                problems.append(f"{project} {version} has no Linux {machine} wheel for Python {python}")
    return problems


@pytest.mark.parametrize("name", sorted(load().packages))
def test_pins_install_on_every_python_the_catalog_claims(name: str) -> None:
    package = load().packages[name]
    if package.version == "system":  # GDAL: built against the distribution's library, not a PyPI pin
        return
    supported = SpecifierSet(package.requires_python)
    problems = [p for python in OFFERED if python in supported for p in _check(package, package.version, python)]
    for python, pin in package.python_pins.items():
        assert python not in supported, f"{name}: a pin for {python}, which the main pin supports"
        problems += _check(package, pin, python)
    assert not problems, problems


@pytest.mark.parametrize(("name", "pin"), [("scanpy", "scanpy==1.11.5"), ("xgboost", "xgboost-cpu==3.2.0")])
def test_python_311_gets_pins_that_install(name: str, pin: str) -> None:
    text = generate(Request(packages=(name,), python="3.11"))
    assert f" {pin} " in text and "needs Python >=3.12; for Python 3.11 dockgen pins" in text
    conda = generate(Request(packages=(name,), python="3.11", manager="conda"))
    assert f" {name}={pin.split('==')[1].rsplit('.', 1)[0]} " in conda.replace(" \\\n", " \n")
