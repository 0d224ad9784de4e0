"""ruff's terminal formats: ``full`` (each finding, then its lines with carets under the part it concerns) and
``concise`` (one line a finding). ``tty`` stays the default. Every expected text here was written by hand."""

from __future__ import annotations

from pathlib import Path

from dockgen.api import FileResult, lint_text
from dockgen.lint.engine import Settings
from dockgen.lint.findings import Finding, Severity
from dockgen.formats import formatter
from dockgen.formats.full import MAX_LINES, snippet
from tests.test_cli import run

TEXT = "FROM debian:13\nRUN apt-get update && apt-get install -y \\\n\tcurl \\\n && rm -rf /var/lib/apt/lists/*\n" \
       "RUN a | b \\\n  | c\n"
SETTINGS = Settings(select=("DL3008", "DL4006"))


def _results(source: str | None = TEXT) -> list[FileResult]:
    return [FileResult("Dockerfile", lint_text(TEXT, SETTINGS), source=source)]


def test_full_quotes_the_word_on_its_continuation_line_and_a_whole_multi_line_instruction() -> None:
    assert formatter("full")(_results(), False) == (
        "Dockerfile:3:2: DL3008 [warning] `curl` is unpinned in apt-get install: write `package=version`\n"
        "  |\n"
        "3 |     curl \\\n"  # the tab is shown as four spaces, and the caret stays under the word
        "  |     ^^^^\n"
        "  |\n"
        "\n"
        "Dockerfile:5:1: DL4006 [warning] Set the SHELL option -o pipefail before a RUN with a pipe in it\n"
        "  |\n"
        "5 | RUN a | b \\\n"
        "  | ^^^^^^^^^\n"
        "6 |   | c\n"
        "  |   ^^^\n"
        "  |\n"
        "\n"
        "Found 2 findings (2 warnings).\n"
        "No safe fixes (1 fixable with `--fix --unsafe-fixes`).\n")  # DL4006's pipefail fix is unsafe


def test_concise_is_one_line_a_finding() -> None:
    assert formatter("concise")(_results(), False) == (
        "Dockerfile:3:2: DL3008 `curl` is unpinned in apt-get install: write `package=version`\n"
        "Dockerfile:5:1: DL4006 Set the SHELL option -o pipefail before a RUN with a pipe in it\n"
        "Found 2 findings (2 warnings).\n"
        "No safe fixes (1 fixable with `--fix --unsafe-fixes`).\n")


def test_full_without_the_text_gives_the_findings_alone() -> None:
    rendered = formatter("full")(_results(source=None), False)
    assert "|" not in rendered and rendered.count("Dockerfile:") == 2


def test_a_finding_at_column_one_of_a_one_line_instruction_underlines_what_is_written() -> None:
    finding = Finding("DL4000", Severity.ERROR, "m", 2, 2)
    assert snippet(["FROM a", "  MAINTAINER me  "], finding) == [
        "  |", "2 |   MAINTAINER me", "  |   ^^^^^^^^^^^^^", "  |"]


def test_a_long_instruction_is_cut_short() -> None:
    lines = ["RUN a \\"] + ["  && b \\"] * 20 + ["  && c"]
    shown = snippet(lines, Finding("DL3059", Severity.INFO, "m", 1, 1))
    assert len(shown) == 2 + 2 * MAX_LINES + 1 and shown[-2] == "  | ..."
    assert snippet(lines, Finding("DL3059", Severity.INFO, "m", 40, 40)) == []  # past the end: nothing to quote


def test_colour_paints_the_carets_only_when_asked() -> None:
    coloured = formatter("full")(_results(), True)
    assert "\033[1;31m^^^^\033[0m" in coloured
    assert "\033[" not in formatter("full")(_results(), False)


def test_cli_full_and_concise_from_a_file_and_from_stdin(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(TEXT)
    full = run("lint", "--isolated", "--select", "DL3008,DL4006", "--output-format", "full", "Dockerfile",
               cwd=tmp_path)
    assert "3 |     curl \\\n  |     ^^^^\n" in full.stdout
    assert full.stdout.endswith("(2 warnings).\nNo safe fixes (1 fixable with `--fix --unsafe-fixes`).\n")
    piped = run("lint", "--isolated", "--select", "DL3008", "-f", "full", "-q", "-", cwd=tmp_path, stdin=TEXT.encode())
    assert piped.stdout.startswith("-:3:2: DL3008") and "^^^^" in piped.stdout and "Found" not in piped.stdout
    concise = run("lint", "--isolated", "--select", "DL3008", "-f", "concise", "Dockerfile", cwd=tmp_path)
    assert concise.stdout.splitlines()[0].startswith("Dockerfile:3:2: DL3008 `curl` is unpinned")
    default = run("lint", "--isolated", "--select", "DL3008", "Dockerfile", cwd=tmp_path)
    assert default.stdout.startswith("Dockerfile:3:2: DL3008 [warning] ") and "^" not in default.stdout
