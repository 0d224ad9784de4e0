"""The command line, run the way users run it: a real subprocess for exit codes and streams."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

WORKSHOP_PIP = "FROM python:3.7.7-slim-stretch\nRUN pip install --no-cache-dir -U spacy\nCOPY script.py /\n"
WORKSHOP_CONDA = "FROM conda/miniconda3\nRUN conda install -c conda-forge spacy\nCOPY script.py /\n"
CLEAN = "FROM python:3.12-slim\nRUN pip install --no-cache-dir spacy==3.8.7\nUSER 1000\nCMD [\"python\"]\n"


def run(*args: str, cwd: Path, stdin: bytes | None = None,
        env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")} | (env_extra or {})
    return subprocess.run([sys.executable, "-m", "dockgen", *args], cwd=cwd, capture_output=True,
                          input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
                          text=True, env=env, timeout=60, check=False)


def findings(result: subprocess.CompletedProcess[str]) -> list[tuple[str, int, str]]:
    return [(row["file"], row["line"], row["code"]) for row in json.loads(result.stdout)]


@pytest.fixture()
def workshop(tmp_path: Path) -> Path:
    (tmp_path / "Dockerfile.pip").write_text(WORKSHOP_PIP)
    (tmp_path / "Dockerfile.conda").write_text(WORKSHOP_CONDA)
    return tmp_path


def test_workshop_dockerfiles(workshop: Path) -> None:
    result = run("lint", "-f", "json", "--today", "2026-11-25", "Dockerfile.pip", "Dockerfile.conda", cwd=workshop)
    assert result.returncode == 1
    assert sorted(findings(result)) == sorted([
        ("Dockerfile.pip", 1, "DG101"), ("Dockerfile.pip", 2, "DL3013"), ("Dockerfile.pip", 1, "DG503"),
        ("Dockerfile.conda", 1, "DG102"), ("Dockerfile.conda", 1, "DG503"), ("Dockerfile.conda", 1, "DL3006"), ("Dockerfile.conda", 2, "DG301"),
        ("Dockerfile.conda", 2, "DG302"), ("Dockerfile.conda", 2, "DG303"), ("Dockerfile.conda", 2, "DG305"),
    ])
    messages = {row["code"]: row["message"] for row in json.loads(result.stdout)}
    assert "Python 3.7" in messages["DG101"] and "2023-06-27" in messages["DG101"]
    assert "python:3.12-slim" in messages["DG101"]  # what to do
    assert "miniforge3" in messages["DG102"]
    assert "clean --all" in messages["DG302"]


def test_tty_output_and_summary(workshop: Path) -> None:
    result = run("lint", "--today", "2026-11-25", "Dockerfile.pip", cwd=workshop)
    lines = result.stdout.splitlines()
    assert "Dockerfile.pip:1:6: DG101 [warning] " in result.stdout  # the column of the image reference
    assert lines[-2] == "Found 3 findings (3 warnings)."  # DG101, DL3013, DG503 (no USER)
    assert lines[-1] == "No safe fixes (1 fixable with `--fix --unsafe-fixes`)."  # DG101's newer base
    assert "\033[" not in result.stdout  # no colour when not a terminal


def test_clean_file_exits_zero_and_prints_nothing(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(CLEAN)
    result = run("lint", "Dockerfile", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_failure_threshold_and_no_fail(workshop: Path) -> None:
    assert run("lint", "-t", "error", "Dockerfile.pip", cwd=workshop).returncode == 0
    assert run("lint", "--no-fail", "Dockerfile.pip", cwd=workshop).returncode == 0


def test_folder_is_searched_for_dockerfiles(workshop: Path) -> None:
    (workshop / "sub").mkdir()
    (workshop / "sub" / "app.Dockerfile").write_text(CLEAN + "MAINTAINER x\n")
    (workshop / "sub" / "notes.txt").write_text("FROM nothing\n")
    (workshop / ".git").mkdir()
    (workshop / ".git" / "Dockerfile").write_text("FROM x\n")
    result = run("lint", "-f", "json", ".", cwd=workshop)
    assert {file for file, _, _ in findings(result)} == {"Dockerfile.conda", "Dockerfile.pip",
                                                         os.path.join("sub", "app.Dockerfile")}


@pytest.mark.parametrize(("name", "content", "fragment"), [
    ("empty", b"", "no instructions"),
    ("blank", b"\n  \n\t\n", "no instructions"),
    ("binary", b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary"),
    ("latin1", b"FROM python:3.12-slim\nLABEL author=\"Jos\xe9\"\n", "not valid UTF-8"),
    ("continuation", b"FROM python:3.12-slim\nRUN echo \\", None),
    ("heredoc", b"FROM python:3.12-slim\nRUN <<EOF\necho hi\n", "never terminated"),
    ("unknown", b"FROM python:3.12-slim\nFOO bar\n", "unknown instruction"),
])
def test_bad_content_is_a_finding_not_a_crash(tmp_path: Path, name: str, content: bytes,
                                              fragment: str | None) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "Dockerfile").write_text(CLEAN + "MAINTAINER x\n")
    result = run("lint", "-f", "json", name, "Dockerfile", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    rows = json.loads(result.stdout)
    assert ("Dockerfile", 5, "DL4000") in findings(result)  # the other file is still linted
    own = [row for row in rows if row["file"] == name]
    if fragment is None:  # BuildKit accepts a file that ends inside a continuation
        assert not [row for row in own if row["code"] == "DG001"]
    else:
        assert [row["code"] for row in own] == ["DG001"]
        assert fragment in own[0]["message"]


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_bytes(("FROM python:3.12-slim\nMAINTAINER x\nUSER 1\n").encode("utf-16"))
    assert findings(run("lint", "-f", "json", "Dockerfile", cwd=tmp_path)) == [("Dockerfile", 2, "DL4000")]


def test_io_errors_exit_2_and_other_files_are_linted(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(CLEAN + "MAINTAINER x\n")
    unreadable = tmp_path / "Dockerfile.locked"
    unreadable.write_text(CLEAN)
    unreadable.chmod(0)
    result = run("lint", "-f", "json", "missing.Dockerfile", "Dockerfile", str(unreadable), cwd=tmp_path)
    assert result.returncode == 2
    assert "missing.Dockerfile: No such file or directory" in result.stderr
    assert findings(result) == [("Dockerfile", 5, "DL4000")]
    if os.geteuid() != 0:  # root reads anything
        assert "Permission denied" in result.stderr
    assert "Traceback" not in result.stderr


def test_stdin_with_filename(tmp_path: Path) -> None:
    result = run("lint", "-f", "json", "--stdin-filename", "docker/Dockerfile", "-", cwd=tmp_path,
                 stdin=b"FROM python:3.12-slim\nMAINTAINER x\nUSER 1\n")
    assert findings(result) == [("docker/Dockerfile", 2, "DL4000")]


@pytest.mark.parametrize(("args", "message"), [
    (("lint", "--bogus", "Dockerfile"), "No such option"),
    (("lint", "--select", "DL30O8", "Dockerfile"), "unknown rule 'DL30O8' (did you mean 'DL3008'?)"),
    (("lint", "--extend-select", "conda-without-clan", "Dockerfile"), "did you mean 'conda-without-clean'?"),
    (("lint", "--today", "yesterday", "Dockerfile"), "YYYY-MM-DD"),
    (("lint", "--config", "nope.toml", "Dockerfile"), "configuration file not found"),
    (("nonsense",), "No such command"),
])
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    (tmp_path / "Dockerfile").write_text(CLEAN)
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_select_ignore_and_rule_names(workshop: Path) -> None:
    only = run("lint", "-f", "json", "--select", "DG3", "--ignore", "conda-unpinned-package", "Dockerfile.conda",
               cwd=workshop)
    assert sorted(code for _, _, code in findings(only)) == ["DG301", "DG302", "DG303"]


def test_pragmas(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(
        "# hadolint global ignore=DL3006,DG503\n"
        "FROM conda/miniconda3\n"
        "# dockgen ignore=DG301,conda-without-clean\n"
        "# hadolint ignore=DG303 # licensed mirror\n"
        "RUN conda install -c conda-forge spacy\n"
        "\n"
        "# dockgen ignore=DG305\n"
        "\n"
        "RUN conda install -y -c conda-forge numpy && conda clean -afy\n")
    result = run("lint", "-f", "json", "Dockerfile", cwd=tmp_path)
    assert sorted(findings(result)) == [("Dockerfile", 2, "DG102"), ("Dockerfile", 5, "DG305"),
                                        ("Dockerfile", 9, "DG303"), ("Dockerfile", 9, "DG305")]
    unfiltered = run("lint", "-f", "json", "--disable-ignore-pragma", "Dockerfile", cwd=tmp_path)
    assert len(findings(unfiltered)) > len(findings(result))


def test_stage_pragma_covers_its_stage(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(
        "# dockgen stage ignore=DL3006,DL3003\nFROM debian AS build\nRUN cd /x\n"
        "FROM ubuntu\nRUN cd /y\n")
    assert findings(run("lint", "-f", "json", "--ignore", "DG503", "Dockerfile", cwd=tmp_path)) == [
        ("Dockerfile", 4, "DL3006"), ("Dockerfile", 5, "DL3003")]


def test_rules_lists_every_rule(tmp_path: Path) -> None:
    result = run("rules", cwd=tmp_path)
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert len([c for c in codes if c.startswith("DL")]) == 71
    assert {"DG101", "DG102", "DG103", "DG301", "DG302", "DG303", "DG305"} <= set(codes)
    rows = json.loads(run("rules", "-f", "json", cwd=tmp_path).stdout)
    by_code = {row["code"]: row for row in rows}
    assert by_code["DL3057"]["default"] is False and by_code["DL3008"]["level"] == "warning"
    assert by_code["DG302"]["name"] == "conda-without-clean"


def test_rule_explains(tmp_path: Path) -> None:
    result = run("rule", "conda-without-clean", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("DG302 conda-without-clean (warning, on by default")
    assert "same RUN" in result.stdout and "Bad" in result.stdout and "Good" in result.stdout
    assert "Differs from hadolint" in run("rule", "DL3008", cwd=tmp_path).stdout
    missing = run("rule", "DG30l", cwd=tmp_path)
    assert missing.returncode == 2 and "did you mean 'DG301'?" in missing.stderr


def test_build_context_rules_read_the_dockerfiles_folder(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nCOPY . /app\nCOPY tests /tests\nUSER 1\n")
    codes = [code for _, _, code in findings(run("lint", "-f", "json", "Dockerfile", cwd=tmp_path))]
    assert "DG507" in codes and "DG418" not in codes
    (tmp_path / ".dockerignore").write_text("tests\n")
    codes = [code for _, _, code in findings(run("lint", "-f", "json", "Dockerfile", cwd=tmp_path))]
    assert "DG507" not in codes and "DG418" in codes
    piped = run("lint", "-f", "json", "--stdin-filename", "Dockerfile", "-", cwd=tmp_path,
                stdin=(tmp_path / "Dockerfile").read_bytes())
    assert "DG418" in [code for _, _, code in findings(piped)]
