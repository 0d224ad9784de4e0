"""The README's CI examples, tried as a new user would: their dockgen commands, run as written on a repository."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from tests.test_formats import DATA, GITLAB_SCHEMA

README = Path(__file__).resolve().parent.parent / "README.md"


def _workflows() -> dict[str, object]:
    blocks = re.findall(r"```yaml\n(# \.(?:github/workflows/dockgen\.yml|gitlab-ci\.yml)\n.*?)```", README.read_text(),
                        re.DOTALL)
    return {block.splitlines()[0][2:]: yaml.safe_load(block) for block in blocks}


def _commands() -> dict[str, list[str]]:
    workflows = _workflows()
    github = workflows[".github/workflows/dockgen.yml"]["jobs"]["dockgen"]["steps"]  # type: ignore[index]
    gitlab = workflows[".gitlab-ci.yml"]["dockgen"]["script"]  # type: ignore[index]
    return {"github": [step["run"] for step in github if "run" in step], "gitlab": list(gitlab)}


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    words = shlex.split(command)
    assert words[0] in ("pip", "dockgen"), command
    if words[0] == "pip":  # installing is the packaging test's job; here the checkout under test is on the path
        return subprocess.CompletedProcess(words, 0, "", "")
    return subprocess.run([sys.executable, "-m", "dockgen", *words[1:]], cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False, env={k: v for k, v in os.environ.items() if k != "NO_COLOR"})


def _repository(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "services" / "api").mkdir(parents=True)
    (tmp_path / "services" / "api" / "Dockerfile").write_text("FROM python:3.12\nRUN pip install flask\n")
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nUSER 10001\nCMD [\"python\"]\n")
    return tmp_path


def test_github_workflow(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    outcomes = [_run(command, repo) for command in _commands()["github"]]
    assert [o.returncode for o in outcomes] == [0, 0, 1]  # install, SARIF with --no-fail, annotations fail the job
    jsonschema.validate(json.loads((repo / "dockgen.sarif").read_text()),
                        json.loads((DATA / "sarif-2.1.0-rtm.5.json").read_text()))
    assert "::warning file=services/api/Dockerfile,line=2" in outcomes[2].stdout


def test_gitlab_job(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    outcomes = [_run(command, repo) for command in _commands()["gitlab"]]
    assert [o.returncode for o in outcomes] == [0, 1]
    report = json.loads((repo / "gl-code-quality-report.json").read_text())
    jsonschema.validate(report, GITLAB_SCHEMA)
    assert {issue["location"]["path"] for issue in report} == {"services/api/Dockerfile"}
