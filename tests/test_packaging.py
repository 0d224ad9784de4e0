"""The built wheel carries its data and works from anywhere; the lint path stays light."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_lint_does_not_import_the_generator_stack(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nMAINTAINER x\n")
    code = ("import sys\nfrom dockgen.cli import main\ncode = main(['lint', 'Dockerfile'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe', 'yaml')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_wheel_installs_and_runs_from_another_folder(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)], check=True,
                   capture_output=True, timeout=600)
    wheel = next(dist.glob("dockgen_lint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "dockgen/_data/rules/DG101.toml" in names
    assert "dockgen/_data/rules/knowledge/lifecycle.toml" in names
    assert "dockgen/py.typed" in names
    assert "dockgen/lint/lint_data.json" in names
    assert not [n for n in names if n.startswith("tests/")]

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True,
                   capture_output=True, timeout=600)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "Dockerfile").write_text("FROM conda/miniconda3\nRUN conda install -c conda-forge spacy\n")
    result = subprocess.run([str(venv / "bin" / "dockgen"), "lint", "Dockerfile"], cwd=elsewhere,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1, result.stderr
    for code in ("DG102", "DL3006", "DG301", "DG302", "DG303", "DG305"):
        assert code in result.stdout

    # The installed copy and the checkout run the same code: the lint data index (no TOML parser loaded), the rules
    # imported one by one.
    probe = ("import sys\nfrom dockgen.cli import main\nmain(['lint', '-f', 'json', 'Dockerfile'])\n"
             "rules = [m for n, m in sys.modules.items() if n.startswith('dockgen.checks.d')]\n"
             "sys.stderr.write(f\"{'tomllib' in sys.modules} {len(rules) > 100 and all(m.__spec__.loader for m in rules)}\")")
    installed = subprocess.run([str(venv / "bin" / "python"), "-c", probe], cwd=elsewhere, capture_output=True,
                               text=True, timeout=60, check=False)
    checkout = subprocess.run([sys.executable, "-c", probe], cwd=elsewhere, capture_output=True, text=True,
                              timeout=60, check=False)
    assert installed.stderr == "False True", installed.stderr
    assert checkout.stderr == "False True"
    assert installed.stdout == checkout.stdout


@pytest.mark.slow
def test_the_wheel_installs_with_its_metadata_and_runs(tmp_path: Path) -> None:
    """`pip wheel --no-deps`, installed into a fresh venv: `pip show` gives the distribution's name, licence and
    classifiers, and the installed command answers `--version` and lints a file."""
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(dist), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = dist.glob("dockgen_lint-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
    # A current pip: older ones (23.x, bundled with Python 3.11) do not show PEP 639's License-Expression.
    subprocess.run([*pip, "install", "--quiet", "--upgrade", "pip>=25.1"], check=True, capture_output=True, timeout=300)
    subprocess.run([*pip, "install", "--quiet", str(wheel)], check=True, capture_output=True, timeout=300)
    shown = subprocess.run([*pip, "show", "--verbose", "dockgen-lint"], capture_output=True, text=True, check=True,
                           timeout=60).stdout
    fields: dict[str, list[str]] = {}
    key = ""
    for line in shown.splitlines():
        if line.startswith("  ") and key:
            fields[key].append(line.strip())
        elif ":" in line:
            key, _, value = line.partition(":")
            fields.setdefault(key, []).append(value.strip())
    from dockgen import __version__

    assert fields["Name"] == ["dockgen-lint"] and fields["Version"] == [__version__]
    assert fields["License-Expression"] == ["MIT"]
    assert "Programming Language :: Python :: 3 :: Only" in fields["Classifiers"]
    assert "Topic :: Software Development :: Quality Assurance" in fields["Classifiers"]
    assert [value for value in fields["Entry-points"] if value][:2] == ["[console_scripts]",
                                                                         "dockgen = dockgen.entry:main"]

    dockgen = str(venv / "bin" / "dockgen")
    version = subprocess.run([dockgen, "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert version.returncode == 0 and version.stdout == f"dockgen, version {__version__}\n"
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nRUN pip install flask\nUSER 10001\n")
    linted = subprocess.run([dockgen, "lint", "Dockerfile"], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            check=False)
    assert linted.returncode == 1, linted.stderr
    assert [line.split(" [")[0] for line in linted.stdout.splitlines()[:2]] == [
        "Dockerfile:2:5: DL3042", "Dockerfile:2:17: DL3013"]  # at `pip` and at `flask`
