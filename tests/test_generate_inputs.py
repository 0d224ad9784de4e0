"""Clear errors, no silent substitutions (issue 15, "Unclear errors and silent substitutions"): requirement files
are read as pip reads them (BOM, continuations, hashes, comments after a tab); a base reference names the release
it gets or is refused; `-o` with `--dockerignore` checks both files before writing either."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen.errors import DockgenError
from dockgen.files.inputs import read_requirements
from dockgen.generator.generate import generate
from dockgen.generator.recipe import Request
from tests.test_cli import run

HASH_A = "sha256:" + "a" * 64
HASH_B = "sha256:" + "b" * 64


@pytest.mark.parametrize(("content", "names"), [
    ("\ufeffspacy==3.8.7\nnumpy==2.5.5\n", ("spacy", "numpy")),  # a BOM
    ("spacy==3.8.7 \\\n    --hash=" + HASH_A + " \\\n    --hash=" + HASH_B + "\n", ("spacy",)),  # pip-compile
    ("numpy==2.5.5\t# pinned for the cluster\nscipy==1.18.1\n", ("numpy", "scipy")),  # a tab before '#'
    ("numpy\\\n==2.5.5\n", ("numpy",)),  # a continuation inside a requirement
    ("spacy==3.8.7 \\\n# a comment ends the continuation\nnumpy==2.5.5\n", ("spacy", "numpy")),
    ("--index-url https://pypi.org/simple\n--only-binary=:all:\nnumpy==2.5.5\n", ("numpy",)),
    ("--require-hashes\r\nnumpy==2.5.5 --hash=" + HASH_A + "\r\n", ("numpy",)),  # CRLF
])
def test_requirement_files_pip_accepts_are_read(tmp_path: Path, content: str, names: tuple[str, ...]) -> None:
    path = tmp_path / "requirements.txt"
    path.write_bytes(content.encode("utf-8"))
    requirements = read_requirements(path, context=tmp_path)
    assert requirements.names == names
    text = generate(Request(requirements=requirements))
    assert "COPY requirements.txt /tmp/requirements.txt" in text  # carried verbatim: pip reads the options itself


def test_hashed_files_are_not_mixed_with_command_line_packages(tmp_path: Path) -> None:
    path = tmp_path / "requirements.txt"
    path.write_text(f"numpy==2.5.5 --hash={HASH_A}\n")
    requirements = read_requirements(path, context=tmp_path)
    assert requirements.hashed
    with pytest.raises(DockgenError, match="uses hashes"):
        generate(Request(requirements=requirements, packages=("spacy",)))


@pytest.mark.parametrize(("content", "message"), [
    ("numpy==2.5.5\n-r base.txt\n", r"requirements.txt:2: `-r` names another file"),
    ("numpy==2.5.5\n\n-e .\n", r"requirements.txt:3: `-e` names another file"),
    ("./libs/mine\n", r"requirements.txt:1: './libs/mine' is a local path"),
    ("numpy==2.5.5\ngit+https://example.org/x/y.git\n", r"requirements.txt:2: .* is a URL without a project name"),
    ("numpy \\\n  ==\n", r"requirements.txt:1: cannot parse requirement"),
])
def test_unreadable_lines_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "requirements.txt"
    path.write_text(content)
    with pytest.raises(DockgenError, match=message):
        read_requirements(path, context=tmp_path)


def test_cli_reports_requirement_problems_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("numpy==2.5.5\n-c constraints.txt\n")
    result = run("new", "-r", "requirements.txt", cwd=tmp_path)
    assert result.returncode == 2 and "requirements.txt:2:" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("base", "message"), [
    ("ubuntu:22.04", "offers 24.04, not 22.04"),
    ("python:3.13-slim-buster", "offers trixie, bookworm, not buster"),
])
def test_a_release_dockgen_does_not_offer_is_refused(base: str, message: str) -> None:
    with pytest.raises(DockgenError, match=message):
        generate(Request(packages=("numpy",), base=base))


def test_base_references_keep_what_they_name() -> None:
    assert "FROM python:3.13-slim-trixie\n" in generate(Request(packages=("numpy",), base="python:3.13-slim"))
    assert "FROM python:3.13-slim-bookworm\n" in generate(Request(packages=("numpy",),
                                                                  base="python:3.13-slim-bookworm"))
    with pytest.raises(DockgenError, match="keep one of them"):
        generate(Request(packages=("numpy",), base="python:3.13-slim", python="3.12"))


def test_a_version_written_is_not_refused_for_the_catalog_pin_python() -> None:
    text = generate(Request(packages=("numpy==1.26.4",), python="3.11"))
    assert "numpy==1.26.4" in text and "FROM python:3.11-slim-trixie" in text
    assert "numpy==2.4.6" in generate(Request(packages=("numpy",), python="3.11"))  # PyPI: newest for 3.11


def test_a_catalog_pin_without_a_release_for_the_python_is_refused_clearly() -> None:
    import dataclasses

    from dockgen.generator.catalog import load
    from dockgen.generator.recipe import resolve

    catalog = load()
    numpy = catalog.packages["numpy"]._replace(python_pins={})
    patched = dataclasses.replace(catalog, packages={**catalog.packages, "numpy": numpy})
    with pytest.raises(DockgenError, match="needs Python >=3.12, and dockgen knows no release for Python 3.11"):
        resolve(Request(packages=("numpy",), python="3.11"), patched)


def test_netcdf4_abi3_wheels_serve_python_314() -> None:
    assert "netCDF4==1.7.2" in generate(Request(packages=("netcdf4",), python="3.14"))


def test_output_and_dockerignore_are_checked_before_writing(tmp_path: Path) -> None:
    (tmp_path / ".dockerignore").write_text("mine\n")
    result = run("new", "spacy", "-o", "Dockerfile", "--dockerignore", cwd=tmp_path)
    assert result.returncode == 2 and ".dockerignore" in result.stderr
    assert not (tmp_path / "Dockerfile").exists() and (tmp_path / ".dockerignore").read_text() == "mine\n"
    forced = run("new", "spacy", "-o", "Dockerfile", "--dockerignore", "--force", cwd=tmp_path)
    assert forced.returncode == 0 and (tmp_path / "Dockerfile").exists()


def test_dockerignore_excludes_caches_and_secrets_in_every_folder(tmp_path: Path) -> None:
    from dockgen.lint.dockerignore import parse

    assert run("new", "spacy", "-o", "Dockerfile", "--dockerignore", cwd=tmp_path).returncode == 0
    ignore = parse((tmp_path / ".dockerignore").read_text(), tmp_path / ".dockerignore")
    for path in ("src/pkg/__pycache__/m.cpython-312.pyc", "src/.env", "deploy/keys/server.pem", "notebooks/a.pyc",
                 ".env", "__pycache__/x.pyc", "data/.DS_Store"):
        assert ignore.excluding_pattern(path), path
    for path in ("src/app.py", "requirements.txt", "environment.yml", "src/env.py"):
        assert ignore.excluding_pattern(path) is None, path
