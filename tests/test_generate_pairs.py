"""`dockgen new A B`: every pair of catalog packages renders with both managers, or is refused with a clear
message; "internal error" is for bugs only, never for a package combination (issue 15)."""

from __future__ import annotations

import itertools

import pytest

from dockgen.errors import DockgenError
from dockgen.generator.catalog import load
from dockgen.generator.generate import generate
from dockgen.generator.recipe import Request

# The pairs that used to end in an internal error (the generated file did not lint clean).
_REPORTED = [
    (("torch", "torchvision", "torchaudio"), "python-slim", False),
    (("opencv-python",), "python-slim", False),
    (("gdal", "rasterio"), "python-slim", False),
    (("gdal", "rdkit"), "python-slim", False),
    (("gdal", "lightgbm"), "python-slim", False),
    (("gdal", "mpi4py"), "python-slim", False),
    (("gdal", "torch"), "python-slim", True),
]


@pytest.mark.parametrize(("packages", "base", "gpu"), _REPORTED)
def test_reported_combinations_render(packages: tuple[str, ...], base: str, gpu: bool) -> None:
    text = generate(Request(packages=packages, base=base, gpu=gpu))
    assert text.startswith("# syntax=docker/dockerfile:1\n")


def test_companions_share_the_torch_index() -> None:
    text = generate(Request(packages=("torch", "torchvision", "torchaudio")))
    assert ("--index-url https://download.pytorch.org/whl/cpu torch==2.15.0 torchvision==0.29.2 torchaudio==2.11.1"
            in text)
    assert "import torch, torchvision;" in text and "import torch, torchaudio;" in text


def test_gui_build_becomes_its_headless_twin_with_a_note() -> None:
    text = generate(Request(packages=("opencv-python==4.10.0.84",)))
    install = next(line for line in text.splitlines() if "pip install" in line)
    assert install.endswith("pip install --no-cache-dir opencv-python-headless==4.10.0.84 \\")
    assert "# Note: opencv-python is the GUI build" in text


def _cases() -> list[tuple[str, str, bool]]:
    return [(base.name, manager, gpu) for base in load().bases.values() for manager in base.managers
            for gpu in (False, True)]


@pytest.mark.parametrize(("base", "manager", "gpu"), _cases())
def test_every_pair_renders_or_is_refused_clearly(base: str, manager: str, gpu: bool) -> None:
    failures = []
    for first, second in itertools.combinations(load().packages, 2):
        try:
            generate(Request(packages=(first, second), manager=manager, base=base, gpu=gpu))
        except DockgenError as error:
            if "internal error" in str(error):
                failures.append(f"{first} {second}: {error}")
    assert not failures, "\n".join(failures)
