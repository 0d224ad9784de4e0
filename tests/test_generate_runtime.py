"""Generated images run as any user (issue 15, "Builds but breaks at run time"): `docker run`, `docker run --user
12345:12345`, Apptainer with $HOME bound. Every catalog image is rendered and its final stage checked: HOME set and
writable by any UID, /app writable by any UID, no user site-packages, smoke tests on a tmpfs that leaves nothing
behind, no cache folder shared in /tmp; GPU images agree on one CUDA major."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dockgen.errors import DockgenError
from dockgen.generator.catalog import load
from dockgen.generator.generate import generate
from dockgen.generator.recipe import Request
from dockgen.lint.model import Instruction
from dockgen.lint.parse import parse_text

FACTS = json.loads((Path(__file__).parent / "data" / "pypi" / "catalog-facts.json").read_text(encoding="utf-8"))


def _every_image() -> list[tuple[str, str, str, bool]]:
    catalog = load()
    return [(name, base.name, manager, gpu) for name in catalog.packages for base in catalog.bases.values()
            for manager in base.managers for gpu in (False, True) if not gpu or name in ("torch", "xgboost",
                                                                                         "tensorflow", "matplotlib")]


def _final_stage(text: str) -> list[Instruction]:
    instructions = parse_text(text).instructions
    last_from = max(i for i, instruction in enumerate(instructions) if instruction.keyword == "FROM")
    return list(instructions[last_from:])


def _env(instructions: list[Instruction]) -> dict[str, str]:
    values: dict[str, str] = {}
    for instruction in instructions:
        if instruction.keyword == "ENV":
            values.update(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)=(\S+)", instruction.args))
    return values


def test_every_catalog_image_runs_as_any_user() -> None:
    catalog = load()
    checked = 0
    for name, base_name, manager, gpu in _every_image():
        try:
            text = generate(Request(packages=(name,), manager=manager, base=base_name, gpu=gpu))
        except DockgenError:
            continue  # refusals are checked elsewhere
        checked += 1
        where = (name, base_name, manager, gpu)
        final = _final_stage(text)
        keywords = [i.keyword for i in final]
        env = _env(final)
        home = catalog.bases[base_name].home
        assert env.get("PYTHONNOUSERSITE") == "1", where
        assert env.get("HOME") == home, where
        assert not [value for key, value in env.items() if value.startswith("/tmp")], where  # shared on clusters
        runs = [" ".join(i.text.split()) for i in final if i.keyword == "RUN"]
        # /app and the home folder are writable by any UID before WORKDIR and USER.
        made = next((i for i, run in enumerate(runs) if f"chmod 1777 /app {home}" in run), None)
        assert made is not None, where
        assert keywords.index("WORKDIR") > keywords.index("RUN"), where
        assert keywords[-2:] == ["USER", "CMD"] and final[-2].args.isdigit(), where
        # Imports run on a tmpfs with HOME there: nothing they write stays in the image.
        smoke = [run for run in runs if "python -c" in run]
        assert smoke, where
        for run in smoke:
            assert run.startswith("--mount=type=tmpfs,target=/tmp export HOME=/tmp "), where
        for run in runs:
            if "python -c" not in run:
                assert "MPLCONFIGDIR" not in run and "/tmp/" not in run.replace("/tmp/numba", ""), where
    assert checked >= 200


def test_cmd_with_shell_syntax_runs_in_a_shell() -> None:
    text = generate(Request(packages=("spacy",), cmd="python app.py && echo $HOME"))
    assert text.endswith('CMD ["/bin/sh", "-c", "python app.py && echo $HOME"]\n')
    plain = generate(Request(packages=("spacy",), cmd="python -m src.main --out 'my file.txt'"))
    assert plain.endswith('CMD ["python", "-m", "src.main", "--out", "my file.txt"]\n')
    quoted = generate(Request(packages=("spacy",), cmd="bash -c 'echo $HOME; ls'"))
    assert quoted.endswith('CMD ["bash", "-c", "echo $HOME; ls"]\n')


def test_conda_keeps_the_version_written() -> None:
    text = generate(Request(packages=("spacy==3.8.7",), manager="conda"))
    assert " spacy=3.8.7 " in text and "spacy=3.8 " not in text
    assert " spacy=3.8 " in generate(Request(packages=("spacy",), manager="conda"))  # the catalog's own pin


def _cuda_major(requirements: list[str]) -> int:
    majors = {int(m) for r in requirements for m in re.findall(r"-cu(\d+)\b", r)}
    majors |= {int(m) for r in requirements for m in re.findall(r"cuda-toolkit\S*==(\d+)\.", r)}
    assert len(majors) == 1, requirements
    return majors.pop()


def test_gpu_images_agree_on_one_cuda_major() -> None:
    catalog = load()
    major = int(catalog.cuda.split(".")[0])
    torch = FACTS["projects"]["torch"]
    assert torch["latest"] == catalog.packages["torch"].version
    assert _cuda_major(torch["cuda-requires"]) == major  # PyPI torch's CUDA is the policy
    for name, package in catalog.packages.items():
        if package.gpu_cuda:
            project = FACTS["projects"][(package.gpu_pip or package.pip).split("[")[0]]
            assert project["latest"] == package.version, name
            assert _cuda_major(project["cuda-requires"]) == int(package.gpu_cuda) <= major, name
    cuda = catalog.bases["cuda"]
    assert cuda.cuda == catalog.cuda and f":{catalog.cuda}." in cuda.image
    conda = generate(Request(packages=("torch",), manager="conda", gpu=True))
    assert f"ENV CONDA_OVERRIDE_CUDA={catalog.cuda}\n" in conda
    pip = generate(Request(packages=("torch",), base="cuda", gpu=True))
    assert f"FROM nvidia/cuda:{catalog.cuda}." in pip and f"driver {catalog.cuda_driver} or newer" in pip


@pytest.mark.parametrize("manager", ["pip", "conda"])
def test_gpu_package_needing_a_newer_cuda_is_refused(manager: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    catalog = load()
    newer = catalog.packages["torch"]._replace(gpu_cuda="14")
    patched = dataclasses.replace(catalog, packages={**catalog.packages, "torch": newer})
    from dockgen.generator.recipe import resolve

    with pytest.raises(DockgenError, match="need CUDA 14"):
        resolve(Request(packages=("torch",), manager=manager, gpu=True), patched)


@pytest.mark.parametrize(("base", "first", "isolation"), [
    ("debian-slim:bookworm", "numpy==1.26.4 setuptools==84.2.1 wheel==0.48.0", False),
    ("ubuntu", "numpy==1.26.4 setuptools==84.2.1 wheel==0.48.0", False),
    ("python-slim", "", True),
])
def test_gdal_is_built_with_its_numpy_bridge(base: str, first: str, isolation: bool) -> None:
    """Checked by hand (2026-11-30): the GDAL 3.6.2 and 3.8.4 sdists (bookworm, noble) have no pyproject.toml, and
    `pip install GDAL==3.6.2 numpy==1.26.4` on bookworm builds without `_gdal_array`, while numpy 1.26.4 with
    setuptools 84.2.1 and wheel 0.48.0 and `--no-build-isolation` builds it; GDAL 3.10.3 (trixie) declares
    numpy>=2 as a build requirement. numpy must also be installed to import gdal_array."""
    name, _, release = base.partition(":")
    if release:
        image = {"debian-slim": f"debian:{release}-slim"}[name]
        text = generate(Request(packages=("gdal",), base=image))
    else:
        text = generate(Request(packages=("gdal",), base=name))
    build = text.split("AS build", 1)[1].split("\nFROM ", 1)[0]
    installs = [" ".join(line.split()) for line in build.replace("\\\n", " ").splitlines() if "pip install" in line]
    if first:
        assert f"pip install --no-cache-dir {first} && pip install --no-cache-dir --no-build-isolation GDAL=" in \
            installs[0] and installs[0].endswith(" numpy==1.26.4")
    else:
        assert "--no-build-isolation" not in build
        assert installs[0].endswith('GDAL=="$(gdal-config --version)" numpy==2.5.5')
    assert "from osgeo import gdal, gdal_array" in text


def test_gdal_legacy_build_refuses_numpy_2_and_new_pythons() -> None:
    with pytest.raises(DockgenError, match="name numpy==1.26.4"):
        generate(Request(packages=("gdal", "numpy"), base="ubuntu"))
    with pytest.raises(DockgenError, match="no wheels for Python 3.13"):
        generate(Request(packages=("gdal",), base="python:3.13-slim-bookworm"))


@pytest.mark.parametrize("name", ["gdal", "rasterio", "geopandas"])
@pytest.mark.parametrize("base", ["micromamba", "miniforge"])
def test_conda_activation_variables_are_set_without_activation(name: str, base: str) -> None:
    """conda-forge/gdal-feedstock recipe/scripts/activate.sh exports GDAL_DATA=$CONDA_PREFIX/share/gdal,
    GDAL_DRIVER_PATH=$CONDA_PREFIX/lib/gdalplugins and CPL_ZIP_ENCODING=UTF-8; both bases install into /opt/conda."""
    env = _env(_final_stage(generate(Request(packages=(name,), manager="conda", base=base))))
    assert env["GDAL_DATA"] == "/opt/conda/share/gdal" and env["GDAL_DRIVER_PATH"] == "/opt/conda/lib/gdalplugins"
    assert env["CPL_ZIP_ENCODING"] == "UTF-8"
    assert "GDAL_DATA" not in generate(Request(packages=(name,)))  # pip: GDAL finds the distribution's own data
