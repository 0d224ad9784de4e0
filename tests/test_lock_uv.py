"""`--installer uv` (issue 15): the pinned uv installs on every base dockgen offers, Alpine's musl included (PyPI's
facts recorded in tests/data/pypi/uv-0.13.9.json, a trimmed copy of https://pypi.org/pypi/uv/json), and its images
lint clean under dockgen and hadolint on every base family, with and without --lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.utils import parse_wheel_filename

from dockgen import Settings, lint_text
from dockgen.files.inputs import LockFile
from dockgen.generator.catalog import load
from dockgen.generator.lock import MACHINES, platform_tags
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint
from dockgen.generator.recipe import Request
from tests.test_generate import REFERENCE_DATE, generate

UV_FACTS = json.loads((Path(__file__).parent / "data" / "pypi" / "uv-0.13.9.json").read_text(encoding="utf-8"))
FAMILIES = sorted({base.family for base in load().bases.values() if "pip" in base.managers})


def test_the_recorded_facts_are_for_the_pinned_uv() -> None:
    assert UV_FACTS["version"] == load().uv, "uv's pin moved: record its PyPI facts again"


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("machine", MACHINES)
def test_uv_has_a_wheel_for_every_family_and_machine(family: str, machine: str) -> None:
    """By hand on 2026-11-30: musllinux_1_1_x86_64 is a wheel of its own, aarch64's musl tag shares a wheel with
    manylinux_2_17_aarch64; uv's wheels are py3-none (one binary for every Python)."""
    accepted = set(platform_tags(family, machine))
    fitting = [f["filename"] for f in UV_FACTS["files"] if not f["yanked"]
               and any(tag.platform in accepted and tag.interpreter == "py3" and tag.abi == "none"
                       for tag in parse_wheel_filename(f["filename"])[3])]
    assert fitting, f"uv {UV_FACTS['version']} has no wheel for {family} on {machine}"
    offered = {python for base in load().bases.values() for python in base.pythons}
    assert all(python in SpecifierSet(f["requires_python"]) for f in UV_FACTS["files"] for python in offered)


def test_alpine_picks_the_musl_wheels() -> None:
    musl = {machine: [f["filename"] for f in UV_FACTS["files"] if f"musllinux_1_1_{machine}" in f["filename"]]
            for machine in MACHINES}
    assert musl == {"x86_64": ["uv-0.13.9-py3-none-musllinux_1_1_x86_64.whl"],
                    "aarch64": ["uv-0.13.9-py3-none-manylinux_2_17_aarch64.manylinux2014_aarch64."
                                "musllinux_1_1_aarch64.whl"]}


def _lints_clean(texts: dict[str, str], tmp_path: Path) -> None:
    for name, text in texts.items():
        assert not lint_text(text, Settings(today=REFERENCE_DATE)), name
        (tmp_path / f"{name}.Dockerfile").write_text(text)
    if hadolint_binary():
        found = run_hadolint(sorted(tmp_path.glob("*.Dockerfile")), tmp_path)
        assert not {path: f for path, f in found.items() if f}


def test_uv_images_lint_clean_on_every_base_with_and_without_a_lock(tmp_path: Path) -> None:
    texts = {}
    for base in (base for base in load().bases.values() if "pip" in base.managers):
        for locked in (False, True):
            request = Request(packages=("pandas",), base=base.name, installer="uv", gpu=base.gpu,
                              lock=LockFile("requirements.lock", "") if locked else None)
            texts[f"{base.name}-{locked}"] = text = generate(request)
            assert ("--require-hashes -r /tmp/requirements.lock" in text) is locked
    assert {load().bases[name.rsplit("-", 1)[0]].family for name in texts} == set(FAMILIES)
    _lints_clean(texts, tmp_path)
