"""`--installer uv` (issue 15): the pinned uv installs on every base dockgen offers, Alpine's musl included (PyPI's
facts recorded in tests/data/pypi/uv-0.13.9.json, a trimmed copy of https://pypi.org/pypi/uv/json), and its images
lint clean under dockgen and hadolint on every base family, with and without --lock."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.utils import parse_wheel_filename

from dockgen import Settings, lint_text
from dockgen.errors import DockgenError
from dockgen.files.inputs import LockFile
from dockgen.generator.catalog import load
from dockgen.generator.lock import MACHINES, lock, platform_tags
from dockgen.generator.lock_input import lock_request
from dockgen.generator.lock_uv import uv_arguments, uv_binary, uv_pins
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint
from dockgen.generator.recipe import Request
from tests.test_generate import REFERENCE_DATE, generate
from tests.test_lock import DATA, PANDAS, PANDAS_AARCH64, PANDAS_X86_64, TZDATA, _pypi_reachable

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


# `--lock --installer uv`: uv 0.13.9's `pip compile` output for pandas==3.1.1 on CPython 3.12 (recorded 2026-11-30;
# x86_64-manylinux_2_36 and aarch64-manylinux_2_36 gave the same text, since uv lists every file of a version).
UV_OUTPUT = (DATA / "uv-pandas-3.1.1-cp312-manylinux_2_36.txt").read_text(encoding="utf-8")
TZDATA_SDIST = "85d2cd9c09f81f0bb29db27759fc83af4f1e620efb814f8c5bf8b4cc4feece6d"  # PyPI's tzdata-2026.6.tar.gz


def _uv(arguments: list[str]) -> str:
    assert arguments[:2] == ["pip", "compile"] and "--generate-hashes" in arguments
    target = arguments[arguments.index("--python-platform") + 1]
    assert target in ("x86_64-manylinux_2_36", "aarch64-manylinux_2_36")
    assert Path(arguments[2]).read_text().endswith("pandas==3.1.1\n")
    return UV_OUTPUT


def test_uv_resolves_once_per_machine_for_the_image_libc() -> None:
    assert uv_arguments("in.txt", "3.12", "alpine", "aarch64")[3:7] == [
        "--python-platform", "aarch64-unknown-linux-musl", "--python-version", "3.12"]
    assert uv_arguments("in.txt", "3.13", "ubuntu", "x86_64")[4] == "x86_64-manylinux_2_36"


def test_the_uv_lock_lists_every_file_of_each_pin(tmp_path: Path) -> None:
    text = lock(PANDAS, "3.12", "debian", "h", installer="uv", uv_runner=_uv)
    pins = {block.split(" ")[0]: re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
            for block in re.split(r"\n(?=[a-z])", text)[1:]}
    assert list(pins) == ["numpy==2.5.5", "pandas==3.1.1", "python-dateutil==4.0.0", "tzdata==2026.6"]
    assert len(pins["pandas==3.1.1"]) == 58  # every file of pandas 3.1.1 on PyPI (58, counted by hand)
    assert {PANDAS_X86_64, PANDAS_AARCH64} <= set(pins["pandas==3.1.1"])
    assert pins["tzdata==2026.6"] == [TZDATA, TZDATA_SDIST]


def test_hashes_in_the_user_file_narrow_the_uv_lock(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text(f"pandas==3.1.1\ntzdata==2026.6 --hash=sha256:{TZDATA}\n")
    text = lock(lock_request([], tmp_path / "requirements.txt"), "3.12", "debian", "h", installer="uv",
                uv_runner=lambda arguments: UV_OUTPUT)
    assert f"tzdata==2026.6 \\\n    --hash=sha256:{TZDATA}\n" in text and TZDATA_SDIST not in text


def test_uv_output_without_hashes_is_an_error() -> None:
    with pytest.raises(DockgenError, match="uv gives no sha256 for tzdata"):
        uv_pins("tzdata==2026.6\n")
    with pytest.raises(DockgenError, match="cannot read uv's output: warning: something"):
        uv_pins("warning: something\n")


def test_without_uv_the_error_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("importlib.import_module", _no_module)
    monkeypatch.setenv("PATH", "")
    with pytest.raises(DockgenError, match=r"pip install 'dockgen-lint\[lock\]'"):
        uv_binary()


def _no_module(name: str) -> object:
    raise ImportError(name)


@pytest.mark.skipif(not _pypi_reachable(), reason="PyPI is not reachable")
def test_live_uv_lock_from_pypi(tmp_path: Path) -> None:
    try:
        uv_binary()
    except DockgenError:
        pytest.skip("uv is not installed (dockgen-lint[lock])")
    result = subprocess.run([sys.executable, "-m", "dockgen", "new", "pandas", "--base", "python-alpine",
                             "--installer", "uv", "--lock", "-o", "Dockerfile"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr
    locked = (tmp_path / "requirements.lock").read_text()
    assert "resolved by uv. Install with `uv pip install --require-hashes" in locked.replace("\n# ", " ")
    assert "\npandas==3.1.1 \\\n    --hash=sha256:" in locked and "\nnumpy==" in locked
    assert "uv pip install --system --no-cache --require-hashes -r /tmp/requirements.lock" in (
        tmp_path / "Dockerfile").read_text()
