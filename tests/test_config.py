"""Configuration discovery, keys, errors and hadolint compatibility, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import WORKSHOP_CONDA, findings, run


def _project(tmp_path: Path, name: str, content: str) -> Path:
    (tmp_path / name).write_text(content)
    sub = tmp_path / "docker" / "app"
    sub.mkdir(parents=True, exist_ok=True)
    (sub / "Dockerfile").write_text(WORKSHOP_CONDA)
    return sub


def codes(tmp_path: Path, *args: str) -> list[str]:
    return sorted(code for _, _, code in findings(run("lint", "-f", "json", *args, "docker/app/Dockerfile",
                                                      cwd=tmp_path)))


ALL = ["DG102", "DG301", "DG302", "DG303", "DG305", "DG503", "DL3006"]


def test_dockgen_toml_found_upward(tmp_path: Path) -> None:
    _project(tmp_path, ".dockgen.toml", 'ignore = ["DG3"]\n')
    assert codes(tmp_path) == ["DG102", "DG503", "DL3006"]
    assert codes(tmp_path, "--isolated") == ALL


def test_pyproject_tool_table(tmp_path: Path) -> None:
    _project(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.dockgen]\nselect = ["DL"]\n')
    assert codes(tmp_path) == ["DL3006"]


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    _project(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    (tmp_path / ".hadolint.yaml").write_text("ignored: [DL3006]\n")
    assert codes(tmp_path) == [c for c in ALL if c != "DL3006"]


def test_hadolint_yaml(tmp_path: Path) -> None:
    _project(tmp_path, ".hadolint.yaml", "ignored:\n  - DG302\noverride:\n  error: [DG305]\n"
                                         "  info: [DG305]\nfailure-threshold: error\n")
    result = run("lint", "-f", "json", "docker/app/Dockerfile", cwd=tmp_path)
    levels = {row["code"]: row["level"] for row in json.loads(result.stdout)}
    assert "DG302" not in levels and levels["DG305"] == "error"  # the most severe override wins, as in hadolint
    assert result.returncode == 1
    _project(tmp_path, ".hadolint.yaml", "ignored: [DG302]\nfailure-threshold: error\n")
    assert run("lint", "docker/app/Dockerfile", cwd=tmp_path).returncode == 0


def test_cli_adds_to_config(tmp_path: Path) -> None:
    _project(tmp_path, ".dockgen.toml", 'ignore = ["DG301"]\n')
    assert codes(tmp_path, "--ignore", "DG302") == ["DG102", "DG303", "DG305", "DG503", "DL3006"]


def test_nearest_config_wins(tmp_path: Path) -> None:
    sub = _project(tmp_path, ".dockgen.toml", 'ignore = ["DG3"]\n')
    (sub / ".dockgen.toml").write_text('ignore = ["DL"]\n')
    assert codes(tmp_path) == ["DG102", "DG301", "DG302", "DG303", "DG305", "DG503"]


def test_explicit_config_file(tmp_path: Path) -> None:
    _project(tmp_path, ".dockgen.toml", 'ignore = ["DG3"]\n')
    (tmp_path / "other.toml").write_text('select = ["DG102"]\n')
    assert codes(tmp_path, "--config", "other.toml") == ["DG102"]


def test_per_file_ignores_and_override(tmp_path: Path) -> None:
    _project(tmp_path, ".dockgen.toml",
             'per-file-ignores = { "docker/app/*" = ["DG102"] }\noverride = { DL3006 = "error" }\n')
    result = run("lint", "-f", "json", "docker/app/Dockerfile", cwd=tmp_path)
    rows = {row["code"]: row["level"] for row in json.loads(result.stdout)}
    assert "DG102" not in rows and rows["DL3006"] == "error"


def test_unknown_key_is_an_error_with_suggestion(tmp_path: Path) -> None:
    _project(tmp_path, ".dockgen.toml", 'ignores = ["DG3"]\n')
    result = run("lint", "docker/app/Dockerfile", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown setting 'ignores' (did you mean 'ignore'?)" in result.stderr
    assert ".dockgen.toml" in result.stderr


@pytest.mark.parametrize(("content", "message"), [
    ('select = ["DG999"]\n', "unknown rule 'DG999'"),
    ('label-schema = { version = "semvar" }\n', "did you mean 'semver'?"),
    ('strict-labels = "yes"\n', "strict-labels must be true or false"),
])
def test_bad_values_are_errors(tmp_path: Path, content: str, message: str) -> None:
    _project(tmp_path, ".dockgen.toml", content)
    result = run("lint", "docker/app/Dockerfile", cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr


def test_broken_files_are_clear_errors(tmp_path: Path) -> None:
    _project(tmp_path, ".dockgen.toml", "ignore = [\n")
    result = run("lint", "docker/app/Dockerfile", cwd=tmp_path)
    assert result.returncode == 2 and "not valid TOML" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / ".dockgen.toml").unlink()
    (tmp_path / ".hadolint.yaml").write_text("ignored: [DL3006\n")
    result = run("lint", "docker/app/Dockerfile", cwd=tmp_path)
    assert result.returncode == 2 and "not valid YAML" in result.stderr
    (tmp_path / ".hadolint.yaml").write_text("failure-threshold: 3\n")
    result = run("lint", "docker/app/Dockerfile", cwd=tmp_path)
    assert result.returncode == 2 and "failure-threshold" in result.stderr


def test_hadolint_label_and_registry_keys(tmp_path: Path) -> None:
    _project(tmp_path, ".hadolint.yaml", "trustedRegistries: [ghcr.io]\nlabel-schema:\n  version: semver\n"
                                         "strict-labels: true\nformat: json\n")
    assert "DL3026" in codes(tmp_path) and "DL3049" in codes(tmp_path)


def test_cli_level_flags_and_labels(tmp_path: Path) -> None:
    _project(tmp_path, "README", "")
    result = run("lint", "-f", "json", "--error", "DL3006", "--style", "DL3006", "--require-label", "maintainer:email",
                 "--trusted-registry", "docker.io", "docker/app/Dockerfile", cwd=tmp_path)
    rows = {row["code"]: row["level"] for row in json.loads(result.stdout)}
    assert rows["DL3006"] == "error"  # the most severe of several levels wins
    assert "DL3049" in rows and "DL3026" not in rows
