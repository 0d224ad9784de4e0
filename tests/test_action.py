"""The composite GitHub Action (``action.yml``), run step by step as the runner would: each ``run:`` step's script
with bash, its inputs passed through the step's environment, in a fresh virtual environment."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.test_formats import DATA

REPO = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((REPO / "action.yml").read_text())
STEPS = ACTION["runs"]["steps"]

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash scripts")


def _expression(value: str, inputs: dict[str, str]) -> str:
    """``${{ inputs.NAME }}`` replaced as the runner does; any other expression is a test failure."""
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in ACTION["inputs"], name
        return inputs.get(name, ACTION["inputs"][name].get("default", ""))
    result = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", replace, value)
    assert "${{" not in result, value
    return result


def _run_step(step: dict[str, object], venv: Path, cwd: Path, inputs: dict[str, str]) -> subprocess.CompletedProcess[str]:
    assert step["shell"] == "bash"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "VIRTUAL_ENV")}
    env |= {"PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "GITHUB_ACTION_PATH": str(REPO)}
    env |= {name: _expression(str(value), inputs) for name, value in dict(step.get("env") or {}).items()}
    script = str(step["run"])
    assert "${{" not in script  # inputs reach scripts only through the environment
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment where the action's install step has run."""
    venv = tmp_path_factory.mktemp("action") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    (install,) = [step for step in STEPS if step.get("name") == "Install dockgen"]
    result = _run_step(install, venv, venv.parent, {})
    assert result.returncode == 0, result.stderr
    return venv


def _project(tmp_path: Path) -> Path:
    (tmp_path / "services").mkdir()
    (tmp_path / "services" / "Dockerfile").write_text("FROM python:3.12\nRUN pip install flask\n")
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nUSER 10001\nCMD [\"python\"]\n")
    return tmp_path


def _lint_step() -> dict[str, object]:
    (step,) = [step for step in STEPS if step.get("name") == "Lint"]
    return step


@pytest.mark.slow
def test_github_annotations(installed: Path, tmp_path: Path) -> None:
    result = _run_step(_lint_step(), installed, _project(tmp_path), {})
    assert result.returncode == 1
    assert "::warning file=services/Dockerfile,line=2" in result.stdout
    quiet = _run_step(_lint_step(), installed, tmp_path, {"args": "--exit-zero", "paths": "Dockerfile"})
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.slow
def test_sarif_report_for_the_upload_step(installed: Path, tmp_path: Path) -> None:
    result = _run_step(_lint_step(), installed, _project(tmp_path), {"format": "sarif", "sarif-file": "out.sarif"})
    assert result.returncode == 1 and result.stdout == ""
    log = json.loads((tmp_path / "out.sarif").read_text())
    jsonschema.validate(log, json.loads((DATA / "sarif-2.1.0-rtm.5.json").read_text()))
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]} == {
        "services/Dockerfile"}
    (upload,) = [step for step in STEPS if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif")]
    assert "inputs.format == 'sarif'" in upload["if"] and "always()" in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"


@pytest.mark.slow
def test_a_wrong_format_and_hostile_inputs(installed: Path, tmp_path: Path) -> None:
    wrong = _run_step(_lint_step(), installed, _project(tmp_path), {"format": "tty"})
    assert wrong.returncode == 2 and "format must be github or sarif" in wrong.stdout
    hostile = _run_step(_lint_step(), installed, tmp_path, {"paths": "Dockerfile; touch pwned", "args": "$(touch x)"})
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "x").exists()
    assert hostile.returncode == 2  # `;` and `touch` are paths that do not exist, not commands


def test_the_action_declares_what_it_uses() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "format", "sarif-file", "upload-sarif", "args", "python-version"}
    assert STEPS[0]["uses"].startswith("actions/setup-python@")
    for step in STEPS:
        for value in [str(step.get("run", "")), *map(str, dict(step.get("env") or {}).values())]:
            for name in re.findall(r"inputs\.([\w-]+)", value):
                assert name in ACTION["inputs"], name
