"""Findings about one word point at it: column and end column (just past it), carried by every format that has a
place for them: the image reference, the stage name and the --platform flag of FROM, and the words of EXPOSE, CMD,
COPY and ADD below (RUN words: test_run_columns.py). Columns counted by hand."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

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


@pytest.mark.parametrize(("text", "code", "where", "word"), [
    ("FROM debian:13\nEXPOSE 80 22/tcp\n", "DG505", (2, 11, 2, 17), "22/tcp"),
    ('FROM debian:13\nCMD ["/usr/sbin/sshd", "-D"]\n', "DG505", (2, 6, 2, 22), '"/usr/sbin/sshd"'),
    ("FROM debian:13\nEXPOSE 8080/TCP\n", "DG420", (2, 8, 2, 16), "8080/TCP"),
    ("FROM debian:13\nEXPOSE 80:80\n", "DG421", (2, 8, 2, 13), "80:80"),
    ("FROM debian:13\nADD https://x.y/d.zip /tmp/\n", "DG501", (2, 5, 2, 22), "https://x.y/d.zip"),
    ("FROM debian:13\nADD https://x.y/d.zip /tmp/\nRUN rm /tmp/d.zip\n", "DG508", (2, 5, 2, 22),
     "https://x.y/d.zip"),
    ("FROM debian:13\nCOPY --chown=app id_rsa /home/app/.ssh/\n", "DG506", (2, 18, 2, 24), "id_rsa"),
    ("FROM debian:13\nONBUILD COPY 'id_rsa' /root/.ssh/\n", "DG506", (2, 14, 2, 22), "'id_rsa'"),
    ("FROM   cimg/python:3.10-node\n", "DG211", (1, 8, 1, 29), "cimg/python:3.10-node"),
    ("FROM debian:13\nEXPOSE 80 70000/tcp\n", "DL3011", (2, 11, 2, 20), "70000/tcp"),
    ("FROM debian:13 as build\n", "DG402", (1, 16, 1, 18), "as"),
    ("FROM debian:13\nCOPY a b \\\n  'rel dir'\n", "DL3045", (3, 3, 3, 12), "'rel dir'"),
    ('FROM debian:13\nWORKDIR /app\nCOPY ["a", "b", "dest"]\n', "DL3021", (3, 17, 3, 23), '"dest"'),
    ("FROM debian:13\nUSER  app:app\n", "DL3066", (2, 7, 2, 14), "app:app"),
    ("FROM debian:13\nWORKDIR app\n", "DL3000", (2, 9, 2, 12), "app"),
    ("FROM debian:13\nWORKDIR app\n", "DG410", (2, 9, 2, 12), "app"),
    ("FROM debian:13\nCOPY --from=nope /a /b\n", "DL3022", (2, 6, 2, 17), "--from=nope"),
    ("ARG IMG=\"\"\nFROM  ${IMG}\n", "DG416", (2, 7, 2, 13), "${IMG}"),
    ("ARG BASE=debian\nFROM ${BASR:-x}:13\n", "DG409", (2, 6, 2, 16), "${BASR:-x}"),
    ("FROM debian:13\nENV FOO=1\nWORKDIR /a/$FOOO/x\n", "DG411", (3, 12, 3, 17), "$FOOO"),
    ("FROM debian:13\nENV A=1 \\\n  AWS_SECRET_KEY=\"x\"\n", "DL3064", (3, 3, 3, 17), "AWS_SECRET_KEY"),
    ("FROM debian:13\nONBUILD ARG GITHUB_TOKEN\n", "DG415", (2, 13, 2, 25), "GITHUB_TOKEN"),
    ("FROM debian:13\nLABEL good=1 \"Com.Bad\"=2\n", "DL3048", (2, 14, 2, 25), '"Com.Bad"=2'),
])
def test_instruction_word_findings_point_at_the_word(text: str, code: str, where: tuple[int, int, int, int],
                                                     word: str) -> None:
    settings = Settings(select=(code,), today=datetime.date(2026, 11, 30))
    found = [f for f in lint_text(text, settings) if f.code == code]
    assert len(found) == 1, found
    finding = found[0]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == where
    assert text.splitlines()[finding.line - 1][finding.column - 1:(finding.end_column or 0) - 1] == word


def test_a_copy_source_the_dockerignore_excludes_is_pointed_at(tmp_path: Path) -> None:
    (tmp_path / ".dockerignore").write_text("secrets/\n")
    text = "FROM debian:13\nCOPY app.py \\\n     secrets/key.txt /app/\n"
    found = lint_text(text, Settings(select=("DG418",)), location=tmp_path / "Dockerfile")
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [(3, 6, 3, 21)]


def test_label_and_registry_findings_point_at_the_word() -> None:
    schema = (("org.opencontainers.image.url", "url"), ("maintainer", "email"))
    text = "FROM debian:13\nLABEL maintainer=\"\" \\\n      org.opencontainers.image.url=nope\n"
    found = lint_text(text, Settings(select=("DL3051", "DL3052"), label_schema=schema))
    assert [(f.code, f.line, f.column, f.end_column) for f in found] == [("DL3051", 2, 7, 17), ("DL3052", 3, 7, 35)]
    text = "FROM debian:13\nCOPY --from=quay.io/x/y:1 /a /b\n"
    found = lint_text(text, Settings(select=("DL3026",), trusted_registries=("docker.io",)))
    assert [(f.line, f.column, f.end_column) for f in found] == [(2, 6, 26)]
