"""Findings about one word point at it: column and end column (just past it), carried by every format that has a
place for them. So far: the image reference, the stage name and the --platform flag of FROM."""

from __future__ import annotations

import datetime
import json

import pytest

from dockgen import lint_text
from dockgen.api import FileResult
from dockgen.formats import formatter
from dockgen.lint.engine import Settings

SETTINGS = Settings(select=("DG101", "DL3007", "DL3006", "DG503"), today=datetime.date(2026, 11, 25))


@pytest.mark.parametrize(("line", "word"), [
    ("FROM python:3.6-slim", "python:3.6-slim"),
    ("FROM   python:3.6-slim AS build", "python:3.6-slim"),
    ("FROM --platform=linux/amd64 python:3.6-slim AS python", "python:3.6-slim"),
    ("from ubuntu:latest", "ubuntu:latest"),
    ("FROM ubuntu", "ubuntu"),
])
def test_image_findings_point_at_the_image(line: str, word: str) -> None:
    found = [f for f in lint_text(line + "\n", SETTINGS) if f.code != "DG503"]
    assert found
    start = line.index(word, len("FROM"))
    for finding in found:
        assert (finding.column, finding.end_column) == (start + 1, start + 1 + len(word)), finding.code
        assert line[finding.column - 1:finding.end_column - 1] == word


def test_whole_instruction_findings_have_no_end_column() -> None:
    found = [f for f in lint_text("FROM python:3.12-slim\n", SETTINGS) if f.code == "DG503"]
    assert found and (found[0].column, found[0].end_column) == (1, None)


def test_formats_carry_column_and_end_column() -> None:
    results = [FileResult("Dockerfile", lint_text("FROM  ubuntu:latest\n", Settings(select=("DL3007",))))]
    row = json.loads(formatter("json")(results, False))[0]
    assert (row["column"], row["end_column"]) == (7, 20)
    region = json.loads(formatter("sarif")(results, False))["runs"][0]["results"][0]["locations"][0][
        "physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (7, 20)
    assert "col=7,endColumn=20," in formatter("github")(results, False)
    positions = json.loads(formatter("gitlab")(results, False))[0]["location"]["positions"]
    assert positions == {"begin": {"line": 1, "column": 7}, "end": {"line": 1, "column": 20}}
    assert 'column="7"' in formatter("checkstyle")(results, False)


@pytest.mark.parametrize(("text", "code", "word"), [
    ("FROM python:3.12-slim AS Build\n", "DG401", "Build"),
    ("FROM python:3.12-slim AS python\nFROM python:3.12-slim AS python\n", "DL3024", "python"),
    ("FROM python:3.12-slim AS scratch\n", "DL3063", "scratch"),
    ("FROM --platform=linux/amd64 python:3.12-slim\n", "DL3029", "--platform=linux/amd64"),
    ("FROM --platform=$TARGETPLATFORM python:3.12-slim\n", "DL3065", "--platform=$TARGETPLATFORM"),
])
def test_stage_name_and_platform_findings_point_at_the_word(text: str, code: str, word: str) -> None:
    found = [f for f in lint_text(text, Settings(select=(code,))) if f.code == code]
    assert found
    line = text.splitlines()[found[-1].line - 1]
    assert line[found[-1].column - 1:(found[-1].end_column or 0) - 1] == word
