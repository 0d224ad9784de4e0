"""`dockgen new --lock` (issue 15): a hash-pinned requirements.lock from pip's resolver for the image's Python and
both platforms, installed with --require-hashes. The resolver's reports are recorded from PyPI
(tests/data/lock, pip 26.3, 2026-11-30); one live test asks PyPI and skips without network."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from dockgen import Settings, lint_text
from dockgen.errors import DockgenError
from dockgen.files.inputs import LockFile
from dockgen.generator.generate import planned_recipe
from dockgen.generator.lock import Report, header, lock, lock_input, platform_tags
from dockgen.generator.lock_input import LockRequest, Spec
from dockgen.generator.recipe import Request
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint
from tests.test_cli import run
from tests.test_generate import REFERENCE_DATE, generate

DATA = Path(__file__).parent / "data" / "lock"
# sha256 of the wheels, read by hand from https://pypi.org/pypi/pandas/json and .../tzdata/json on 2026-11-30.
PANDAS_X86_64 = "028490c8ac2e03e18c9b08b7f3612e149b03570209bcf741d23833a7a5377ab2"
PANDAS_AARCH64 = "0f628bb9a4681695da1dcc04efef86bc8c67095300d8da928b9886259cb0dada"
TZDATA = "0a10eec6e13ef16b627fabed9a5f2ba61a62b1c67f327305f4e7e412a70b4aec"
PANDAS = LockRequest((Spec("pandas==3.1.1", "pandas"),))


def _recorded(arguments: list[str]) -> Report:
    machine = "aarch64" if "manylinux2014_aarch64" in arguments else "x86_64"
    assert Path(arguments[-1]).read_text() == "pandas==3.1.1\n" and "--python-version" in arguments
    report: Report = json.loads((DATA / f"pandas-3.1.1-cp312-{machine}.json").read_text(encoding="utf-8"))
    return report


def test_lock_lists_every_distribution_with_both_platforms_hashes() -> None:
    text = lock(PANDAS, "3.12", "debian", "a header", resolver=_recorded)
    assert text.startswith("# a header\nnumpy==2.5.5 \\\n")
    assert (f"pandas==3.1.1 \\\n    --hash=sha256:{PANDAS_X86_64} \\\n    --hash=sha256:{PANDAS_AARCH64}\n"
            in text)
    assert f"tzdata==2026.6 \\\n    --hash=sha256:{TZDATA}\n" in text  # one pure-Python wheel for both
    names = [line.split("==")[0] for line in text.splitlines() if "==" in line]
    assert names == ["numpy", "pandas", "python-dateutil", "tzdata"]


def test_a_distribution_on_one_platform_only_gets_a_marker() -> None:
    def resolver(arguments: list[str]) -> Report:
        report = _recorded(arguments)
        if "manylinux2014_aarch64" in arguments:
            installs = report["install"]
            assert isinstance(installs, list)
            report = {**report, "install": [i for i in installs if i["metadata"]["name"] != "tzdata"]}
        return report

    text = lock(PANDAS, "3.12", "debian", "h", resolver=resolver)
    assert f"tzdata==2026.6; platform_machine == 'x86_64' \\\n    --hash=sha256:{TZDATA}\n" in text


def test_a_report_without_hashes_is_an_error() -> None:
    def resolver(arguments: list[str]) -> Report:
        return {"install": [{"metadata": {"name": "x", "version": "1"}, "download_info": {"url": "file:///x.whl"}}]}

    with pytest.raises(DockgenError, match="gives no sha256 for x"):
        lock(LockRequest((Spec("x==1", "x"),)), "3.12", "debian", "h", resolver=resolver)


def test_platform_tags_follow_the_image_libc() -> None:
    assert platform_tags("alpine", "aarch64") == ["musllinux_1_2_aarch64", "musllinux_1_1_aarch64"]
    debian = platform_tags("debian", "x86_64")
    assert debian[0] == "manylinux_2_36_x86_64" and "manylinux_2_17_x86_64" in debian
    assert "manylinux_2_37_x86_64" not in debian  # bookworm's glibc is 2.36


def _locked_dockerfile(**options: object) -> str:
    request = Request(packages=("pandas",), **options)  # type: ignore[arg-type]
    recipe = planned_recipe(request, REFERENCE_DATE)
    assert lock_input(recipe, None) == PANDAS
    text = lock(lock_input(recipe, None), recipe.python, recipe.base.family, header(recipe, "3.12", "2026-11-30"),
                resolver=_recorded)
    return generate(Request(packages=("pandas",), lock=LockFile("requirements.lock", text), **options))  # type: ignore[arg-type]


@pytest.mark.parametrize("options", [{}, {"cache": True}, {"installer": "uv"}])
def test_the_image_installs_the_lock_with_hashes_and_lints_clean(options: dict[str, object], tmp_path: Path) -> None:
    text = _locked_dockerfile(**options)
    assert "COPY requirements.lock /tmp/requirements.lock\n" in text
    assert "--require-hashes -r /tmp/requirements.lock" in text
    assert "pandas==" not in text  # the pin is in the lock only
    assert text.splitlines()[1].startswith("# Written by dockgen 0.1.0: dockgen new pandas --manager pip")
    assert "--lock" in text.splitlines()[1]
    assert not lint_text(text, Settings(today=REFERENCE_DATE))
    if hadolint_binary():
        path = tmp_path / "Dockerfile"
        path.write_text(text)
        assert not run_hadolint([path], tmp_path)[str(path)]


@pytest.mark.parametrize(("args", "message"), [
    (("spacy", "--manager", "conda"), "--lock for conda needs conda-forge's repodata"),
    (("gdal",), "compiles packages against the system"),
    (("torch",), "installs from a second index"),
    (("spacy", "--model", "en_core_web_sm"), "a model or package from a URL"),
    (("pandas", "--format", "apptainer"), "leave it out for --format apptainer"),
    (("pandas", "--compare"), "--lock goes with `dockgen new PACKAGES`"),
])
def test_lock_refuses_what_it_cannot_lock_before_using_the_network(args: tuple[str, ...], message: str,
                                                                    tmp_path: Path) -> None:
    result = run("new", *args, "--lock", cwd=tmp_path, env_extra={"PIP_INDEX_URL": "http://127.0.0.1:9/simple"})
    assert result.returncode == 2, result.stdout
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "requirements.lock").exists()


def test_an_existing_lock_file_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "requirements.lock").write_text("keep\n")
    result = run("new", "pandas", "--lock", cwd=tmp_path)
    assert result.returncode == 2 and "requirements.lock exists" in result.stderr
    assert (tmp_path / "requirements.lock").read_text() == "keep\n"


def _pypi_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=3).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _pypi_reachable(), reason="PyPI is not reachable")
def test_live_lock_from_pypi(tmp_path: Path) -> None:
    """Python 3.11 (the Python the tests run on, so that markers and Requires-Python are judged right by any pip)."""
    result = subprocess.run([sys.executable, "-m", "dockgen", "new", "pandas", "--python", "3.11", "--lock", "-o",
                             "Dockerfile"], cwd=tmp_path, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr
    locked = (tmp_path / "requirements.lock").read_text()
    assert "\npandas==3.1.1 \\\n    --hash=sha256:" in locked and "\nnumpy==" in locked
    assert "--require-hashes -r /tmp/requirements.lock" in (tmp_path / "Dockerfile").read_text()
