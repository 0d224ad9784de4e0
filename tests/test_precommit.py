"""The pre-commit hook, run by the real pre-commit (from PyPI) in a throwaway repository, as users run it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
GOOD = "FROM python:3.12-slim\nRUN pip install --no-cache-dir spacy==3.8.7\nUSER 10001\nCMD [\"python\"]\n"
BAD = "FROM python:3.7.7-slim-stretch\nRUN pip install -U spacy\n"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(),
                       reason="needs git and a git checkout of dockgen"),
]


def _git(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False)


def _project(tmp_path: Path, hooks: str) -> tuple[Path, dict[str, str]]:
    """A fresh git repository whose pre-commit config points at this checkout's HEAD, with the hook installed."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                          check=True).stdout.strip()
    project = tmp_path / "project"
    project.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    env.pop("NO_COLOR", None)
    _git("init", "-q", cwd=project, env=env)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO.as_uri()}\n    rev: {head}\n    hooks:\n{hooks}")
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=project, env=env,
                               capture_output=True, text=True, timeout=120, check=False)
    assert installed.returncode == 0, installed.stderr
    return project, env


def _commit(project: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    _git("add", ".", cwd=project, env=env)
    return _git("commit", "-m", message, cwd=project, env=env)


def test_the_hook_blocks_a_bad_dockerfile_and_passes_a_good_one(tmp_path: Path) -> None:
    project, env = _project(tmp_path, "      - id: dockgen-lint\n")
    (project / "Dockerfile").write_text(GOOD)
    good = _commit(project, env, "good")
    assert good.returncode == 0, good.stdout + good.stderr

    (project / "Dockerfile").write_text(BAD)
    bad = _commit(project, env, "bad")
    output = bad.stdout + bad.stderr
    assert bad.returncode != 0
    assert "dockgen lint" in output and "Failed" in output
    assert "Dockerfile:1:6: DG101" in output and "Dockerfile:2:20: DL3013" in output  # at `spacy`
    log = _git("log", "--oneline", cwd=project, env=env).stdout.splitlines()
    assert len(log) == 1  # the bad commit did not happen


def test_the_fix_hook_repairs_a_fixable_file(tmp_path: Path) -> None:
    project, env = _project(tmp_path, "      - id: dockgen-fix\n        args: [--unsafe-fixes]\n")
    (project / "Dockerfile").write_text("from python:3.12-slim as app\nRUN pip install spacy==3.8.7\nUSER 10001\n")
    first = _commit(project, env, "fixable")
    assert first.returncode != 0 and "files were modified by this hook" in first.stdout + first.stderr
    assert (project / "Dockerfile").read_text() == (
        "FROM python:3.12-slim AS app\nRUN pip install --no-cache-dir spacy==3.8.7\nUSER 10001\n")
    second = _commit(project, env, "fixed")
    assert second.returncode == 0, second.stdout + second.stderr


def _readme_hooks() -> tuple[str, str]:
    """The README's two pre-commit configurations: the local one to use as written, the remote one to fill in."""
    readme = (REPO / "README.md").read_text()
    local = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\nrepos:\n  - repo: local\n.*?)```", readme, re.DOTALL)
    remote = re.search(r"```yaml\n(repos:\n  - repo: YOUR-URL-OF-DOCKGEN.*?)```", readme, re.DOTALL)
    assert local is not None and remote is not None
    return local.group(1), remote.group(1)


def test_the_readme_hook_fixes_and_reports_each_finding_once(tmp_path: Path) -> None:
    """The README's recommended setup, as written: the safe fixes are applied, what is left is printed once, and
    the commit goes through once the findings are dealt with."""
    local, _ = _readme_hooks()
    project = tmp_path / "project"
    project.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}  # dockgen installed, as it says
    _git("init", "-q", cwd=project, env=env)
    (project / ".pre-commit-config.yaml").write_text(local)
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=project, env=env,
                               capture_output=True, text=True, timeout=120, check=False)
    assert installed.returncode == 0, installed.stderr
    (project / "Dockerfile").write_text("from python:3.12-slim\nRUN pip install --no-cache-dir spacy\nUSER 10001\n")
    first = _commit(project, env, "first")
    output = first.stdout + first.stderr
    reported = re.findall(r"^Dockerfile:\d+:\d+: \S+", output, re.MULTILINE)
    assert first.returncode != 0 and "files were modified by this hook" in output
    assert reported == ["Dockerfile:2:32: DL3013"], output  # at `spacy`; DG404 (`from`) fixed; the rest once
    assert (project / "Dockerfile").read_text().startswith("FROM python:3.12-slim\n")
    (project / "Dockerfile").write_text("FROM python:3.12-slim\nRUN pip install --no-cache-dir spacy==3.8.7\n"
                                        "USER 10001\n")
    second = _commit(project, env, "second")
    assert second.returncode == 0, second.stdout + second.stderr


def test_the_readme_remote_form_names_a_real_hook_and_no_invented_url() -> None:
    _, remote = _readme_hooks()
    hooks = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    config = yaml.safe_load(remote)["repos"][0]
    assert {hook["id"] for hook in config["hooks"]} <= hooks
    assert config["repo"].startswith("YOUR-") and config["rev"].startswith("YOUR-")
    assert "github.com/dockgen" not in (REPO / "README.md").read_text()
