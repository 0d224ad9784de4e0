"""Folder search: Dockerfile names, .gitignore, the `exclude` key and --force-exclude, through the CLI."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dockgen.cli import lint as lint_cli
from tests.test_cli import findings, run

DOCKERFILE = "FROM python:3.12-slim\nMAINTAINER x\nUSER 1\n"


def _tree(root: Path) -> None:
    (root / ".git").mkdir()
    for name in ("Dockerfile", "app/Dockerfile.dev", "app/web.Dockerfile", "build/Dockerfile", "vendor/x/Containerfile",
                 "notes/Dockerfile.dockerignore", "docs/README.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(DOCKERFILE)
    (root / ".gitignore").write_text("build/\n")
    (root / "vendor" / ".gitignore").write_text("x/\n")


def files(result_stdout: str) -> list[str]:
    return sorted({path for path, _, _ in findings_from(result_stdout)})


def findings_from(stdout: str) -> list[tuple[str, int, str]]:
    import json

    return [(row["file"], row["line"], row["code"]) for row in json.loads(stdout)]


def test_folders_are_searched_and_gitignore_is_respected(tmp_path: Path) -> None:
    _tree(tmp_path)
    result = run("lint", "-f", "json", ".", cwd=tmp_path)
    assert files(result.stdout) == ["Dockerfile", "app/Dockerfile.dev", "app/web.Dockerfile"]
    everything = run("lint", "-f", "json", "--no-respect-gitignore", ".", cwd=tmp_path)
    assert files(everything.stdout) == ["Dockerfile", "app/Dockerfile.dev", "app/web.Dockerfile",
                                        "build/Dockerfile", "vendor/x/Containerfile"]
    sub = run("lint", "-f", "json", "vendor", cwd=tmp_path)  # the nested .gitignore applies from above too
    assert "no Dockerfiles found" in sub.stderr


def test_exclude_key_and_force_exclude(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".dockgen.toml").write_text('exclude = ["app/*.Dockerfile"]\n')
    result = run("lint", "-f", "json", ".", cwd=tmp_path)
    assert files(result.stdout) == ["Dockerfile", "app/Dockerfile.dev"]
    named = run("lint", "-f", "json", "app/web.Dockerfile", cwd=tmp_path)
    assert files(named.stdout) == ["app/web.Dockerfile"]  # a file named on the command line is linted
    forced = run("lint", "-f", "json", "--force-exclude", "app/web.Dockerfile", "Dockerfile", cwd=tmp_path)
    assert files(forced.stdout) == ["Dockerfile"]
    assert findings(forced)[0][2] == "DL4000"


def test_progress_only_on_a_terminal_for_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = io.StringIO()
    monkeypatch.setattr(terminal, "isatty", lambda: True)
    monkeypatch.setattr(lint_cli.sys, "stderr", terminal)
    assert lint_cli._progress(10) is None
    show = lint_cli._progress(400)
    assert show is not None
    for done in range(1, 401):
        show(done)
    assert "dockgen: 200/400 files" in terminal.getvalue() and terminal.getvalue().endswith("\r\033[K")
    monkeypatch.setattr(terminal, "isatty", lambda: False)
    assert lint_cli._progress(400) is None
