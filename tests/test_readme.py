"""The README's rules table, example output and library example come from the code: a test fails when they are
stale. ``DOCKGEN_WRITE_README=1`` rewrites the generated parts (read the diff before committing it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from dockgen.lint.rules_doc import readme_tables
from tests.test_cli import run

README = Path(__file__).resolve().parent.parent / "README.md"
TABLE = re.compile(r"(<!-- rules table: generated[^\n]*-->\n)(.*?)(<!-- end of the rules table -->)", re.DOTALL)
EXAMPLE = re.compile(r"(```console\n\$ cat Dockerfile\n)(.*?)\n(\$ dockgen lint Dockerfile\n)(.*?)(```)", re.DOTALL)
TERMINAL = {form: re.compile(rf"(```console\n\$ dockgen lint --output-format {form} Dockerfile\n)(.*?)(```)", re.DOTALL)
            for form in ("concise", "full")}
LIBRARY = re.compile(r"## Library\n.*?```python\n(.*?)```\n\nprints\n\n```text\n(.*?)```", re.DOTALL)


def _check(pattern: re.Pattern[str], group: int, expected: str) -> None:
    text = README.read_text()
    match = pattern.search(text)
    assert match is not None, pattern.pattern
    if os.environ.get("DOCKGEN_WRITE_README") and match.group(group) != expected:
        README.write_text(text[:match.start(group)] + expected + text[match.end(group):])
        match = pattern.search(README.read_text())
        assert match is not None
    assert match.group(group) == expected, "README.md is stale: DOCKGEN_WRITE_README=1 pytest tests/test_readme.py"


def test_the_rules_table_is_the_rule_data() -> None:
    _check(TABLE, 2, readme_tables())


def test_the_rules_table_counts_every_rule() -> None:
    """Counted by hand from the table's own rows, not from the code that writes them."""
    from dockgen.lint.rules import all_rules

    rows = re.findall(r"^\| `(D[GL]\d?)` [^|]+\| (\d+) \|", readme_tables(), re.MULTILINE)
    assert sum(int(count) for _, count in rows) == len(all_rules())
    listed = re.findall(r"^\| (DG\d{3}) \|", readme_tables(), re.MULTILINE)
    assert listed == sorted(code for code in all_rules() if code.startswith("DG"))


def test_the_lint_example_prints_what_the_readme_shows(tmp_path: Path) -> None:
    match = EXAMPLE.search(README.read_text())
    assert match is not None
    (tmp_path / ".git").mkdir()  # a project root: no configuration above it counts
    (tmp_path / "Dockerfile").write_text(match.group(2))
    result = run("lint", "Dockerfile", cwd=tmp_path, env_extra={"HOME": str(tmp_path),
                                                                 "XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert result.returncode == 1 and result.stderr == ""
    assert "DG413 [*] [warning]" in result.stdout  # the example shows a fix hint
    _check(EXAMPLE, 4, result.stdout)


def test_the_terminal_formats_print_what_the_readme_shows(tmp_path: Path) -> None:
    match = EXAMPLE.search(README.read_text())
    assert match is not None
    (tmp_path / ".git").mkdir()
    (tmp_path / "Dockerfile").write_text(match.group(2))
    lines = match.group(2).splitlines()
    for form, pattern in TERMINAL.items():
        result = run("lint", "--output-format", form, "Dockerfile", cwd=tmp_path,
                     env_extra={"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")})
        assert result.returncode == 1 and result.stderr == ""
        _check(pattern, 2, result.stdout)
        if form == "concise":  # each line's column is where its word is written in the example, counted here
            for row in re.findall(r"^Dockerfile:(\d+):(\d+): (D[GL]\d+)", result.stdout, re.MULTILINE):
                line, column, _ = int(row[0]), int(row[1]), row[2]
                assert 1 <= column <= len(lines[line - 1]), row
        else:
            assert "^" in result.stdout


def test_the_library_example_runs_and_prints_what_the_readme_shows(tmp_path: Path) -> None:
    match = LIBRARY.search(README.read_text())
    assert match is not None
    result = subprocess.run([sys.executable, "-c", match.group(1)], cwd=tmp_path, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == match.group(2)
