"""`dockgen new -r FILE --lock` (issue 15): the user's requirements file is read the way pip reads it (nested -r and
-c followed, BOM, continuations, comments, markers, hashes), its index lines go into the resolution and into the lock
(the image installs from the lock alone, with --require-hashes), and what cannot be locked is an error naming the file
and line. The resolver's reports are recorded from PyPI (tests/data/lock, pip 23.2.1, 2026-11-30)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dockgen.errors import DockgenError
from dockgen.generator.lock import Report, lock
from dockgen.generator.lock_input import lock_request, resolver_input
from tests.test_cli import run
from tests.test_lock import PANDAS_AARCH64, PANDAS_X86_64, TZDATA, _pypi_reachable

DATA = Path(__file__).parent / "data" / "lock"
# numpy 2.4.6's cp312 wheels, read by hand from https://pypi.org/pypi/numpy/json on 2026-11-30.
NUMPY_X86_64 = "90f9849678c75fe7afa2d348ac842c168b0a4d3d61919687216dfc547976d853"
NUMPY_AARCH64 = "5f9fb9157b4ce2971008323afe46053787b526ef624fea915b261468a8421a0f"
INDEX = "https://pypi.org/simple"


def _files(folder: Path, tzdata_hash: str = TZDATA) -> Path:
    """requirements.txt with a BOM, option lines, a comment after a tab, a continuation, a marker that excludes a
    line, a nested -r file with a hashed requirement, and a -c file."""
    config = folder / "config"
    config.mkdir()
    (config / "requirements.txt").write_bytes(
        ("\ufeff--index-url " + INDEX + "\n--trusted-host pypi.org\n--only-binary=:all:\n-c constraints.txt\n"
         "-r base.txt\npandas==3.1.1 \\\n  ; python_version >= \"3.11\"\t# data\n"
         "pywin32==311; sys_platform == \"win32\"\n").encode())
    (config / "base.txt").write_text(f"tzdata==2026.6 --hash=sha256:{tzdata_hash}\n--require-hashes\n")
    (config / "constraints.txt").write_text("numpy<2.5.5\n")
    return config / "requirements.txt"


def _recorded(arguments: list[str]) -> Report:
    machine = "aarch64" if "manylinux2014_aarch64" in arguments else "x86_64"
    source = Path(arguments[arguments.index("-r") + 1])
    assert source.read_text() == (f"--index-url {INDEX}\n--trusted-host pypi.org\n--only-binary=:all:\n"
                                  f"-c constraints-{machine}.txt\n"
                                  "tzdata==2026.6\npandas==3.1.1\n")  # markers judged here, pywin32 left out
    assert (source.parent / f"constraints-{machine}.txt").read_text() == "numpy<2.5.5\n"
    report: Report = json.loads((DATA / f"pandas-3.1.1-numpy-below-2.5.5-cp312-{machine}.json").read_text())
    return report


def test_the_file_is_read_as_pip_reads_it(tmp_path: Path) -> None:
    request = lock_request(["spacy==3.8.18"], _files(tmp_path))
    assert [(spec.text, spec.where.rsplit("/", 1)[-1]) for spec in request.requirements] == [
        ("spacy==3.8.18", "the command line"), ("tzdata==2026.6", "base.txt:1"), ("pandas==3.1.1", "requirements.txt:6"),
        ("pywin32==311", "requirements.txt:8")]
    assert request.requirements[1].hashes == {TZDATA}
    assert request.requirements[2].marker == 'python_version >= "3.11"'
    assert [spec.text for spec in request.constraints] == ["numpy<2.5.5"]
    assert request.option_lines == (f"--index-url {INDEX}", "--trusted-host pypi.org", "--only-binary=:all:")
    assert request.install_lines == (f"--index-url {INDEX}", "--trusted-host pypi.org")


def test_markers_are_judged_for_each_machine_of_the_image(tmp_path: Path) -> None:
    path = tmp_path / "requirements.txt"
    path.write_text('uvloop==0.22.1; platform_machine == "x86_64"\nnumpy==2.4.6; python_version < "3.12"\n')
    request = lock_request([], path)
    x86_64 = resolver_input(request, "3.12", "x86_64", tmp_path)
    assert x86_64 is not None and x86_64.read_text() == "uvloop==0.22.1\n"
    assert resolver_input(request, "3.12", "aarch64", tmp_path) is None  # nothing to install there
    aarch64 = resolver_input(request, "3.11", "aarch64", tmp_path)
    assert aarch64 is not None and aarch64.read_text() == "numpy==2.4.6\n"


def test_the_lock_keeps_the_index_lines_and_every_pin_with_both_machines_hashes(tmp_path: Path) -> None:
    text = lock(lock_request([], _files(tmp_path)), "3.12", "debian", "h", resolver=_recorded)
    assert text == (
        f"# h\n--index-url {INDEX}\n--trusted-host pypi.org\n"
        f"numpy==2.4.6 \\\n    --hash=sha256:{NUMPY_AARCH64} \\\n    --hash=sha256:{NUMPY_X86_64}\n"
        f"pandas==3.1.1 \\\n    --hash=sha256:{PANDAS_X86_64} \\\n    --hash=sha256:{PANDAS_AARCH64}\n"
        "python-dateutil==4.0.0 \\\n    --hash=sha256:a5e246f79eb80475e691bf93862cead98decd8a498cf53ba0516fcdc0f50dc1c\n"
        f"tzdata==2026.6 \\\n    --hash=sha256:{TZDATA}\n")


def test_a_hash_the_resolver_does_not_pick_is_an_error_naming_the_line(tmp_path: Path) -> None:
    with pytest.raises(DockgenError, match=r"base\.txt:1: the line allows tzdata only with the hashes it lists"):
        lock(lock_request([], _files(tmp_path, tzdata_hash="ab" * 32)), "3.12", "debian", "h", resolver=_recorded)


@pytest.mark.parametrize(("lines", "message"), [
    ("pandas==3.1.1\n-e .\n", "requirements.txt:2: `-e` names another file or folder"),
    ("--find-links ./wheels\npandas==3.1.1\n", "requirements.txt:1: `--find-links ./wheels` is not a URL"),
    ("--no-binary numpy\npandas==3.1.1\n", "requirements.txt:1: `--no-binary numpy` asks for a source build"),
    ("pandas @ https://example.org/pandas-3.1.1.tar.gz\n", "requirements.txt:1: pandas comes from a URL"),
    ("pandas==3.1.1 --config-settings=x=y\n", "requirements.txt:1: `--config-settings=x=y` cannot be carried"),
    ("pandas==3.1.1 --hash=md5:abc\n", "requirements.txt:1: the lock checks sha256 hashes"),
    ("--use-feature=truststore\npandas==3.1.1\n", "requirements.txt:1: `--use-feature` cannot be carried"),
    ("-r requirements.txt\n", "requirements.txt:1: `-r` includes requirements.txt, which includes this file"),
    ("pandas==3.1.1\n-rrequirements.txt\n", "requirements.txt:2: `-r` includes requirements.txt, which includes"),
    ("-c missing.txt\npandas==3.1.1\n", "requirements.txt:1: `-c` names missing.txt, which is not a file"),
])
def test_what_cannot_be_locked_is_refused_with_file_and_line(lines: str, message: str, tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text(lines)
    result = run("new", "-r", "requirements.txt", "--lock", cwd=tmp_path,
                 env_extra={"PIP_INDEX_URL": "http://127.0.0.1:9/simple"})
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "requirements.lock").exists()


def test_nested_files_are_refused_without_lock_only(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("-r base.txt\n")
    (tmp_path / "base.txt").write_text("pandas==3.1.1\n")
    result = run("new", "-r", "requirements.txt", cwd=tmp_path)
    assert result.returncode == 2 and "`-r` names another file" in result.stderr


@pytest.mark.skipif(not _pypi_reachable(), reason="PyPI is not reachable")
def test_live_lock_of_a_requirements_file(tmp_path: Path) -> None:
    _files(tmp_path)
    result = subprocess.run([sys.executable, "-m", "dockgen", "new", "-r", "config/requirements.txt", "--python",
                             "3.11", "--lock", "-o", "Dockerfile"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=900, check=False)
    assert result.returncode == 0, result.stderr
    locked = (tmp_path / "requirements.lock").read_text()
    assert f"\n--index-url {INDEX}\n--trusted-host pypi.org\nnumpy==2.4." in locked  # the constraint held
    assert f"\ntzdata==2026.6 \\\n    --hash=sha256:{TZDATA}\n" in locked and "pywin32" not in locked
