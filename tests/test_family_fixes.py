"""Unsafe fixes keep the image what it is: a base replacement keeps the OS family, Windows, the accelerator (and
devel where the stage compiles), the language runtime, the architecture prefix and the variant, or offers no fix and
says what to move to; the pipefail fix uses the image's own shell; the channel fix replaces only ``defaults``."""

from __future__ import annotations

import datetime

import pytest

from dockgen import lint_text
from dockgen.lint.engine import Settings
from dockgen.lint.fixer import fix_text

TODAY = datetime.date(2026, 11, 25)


def _fixed(code: str, text: str) -> str | None:
    outcome = fix_text(text, Settings(select=(code,), today=TODAY), unsafe=True)
    return outcome.text if outcome.changed else None


def _message(code: str, text: str) -> str:
    found = [f for f in lint_text(text, Settings(select=(code,), today=TODAY)) if f.code == code]
    assert found, f"{code} did not report {text!r}"
    return found[0].message


@pytest.mark.parametrize(("before", "after"), [
    ("python:3.6-windowsservercore", "python:3.12-windowsservercore-ltsc2022"),  # Windows stays Windows
    ("python:3.7-alpine3.8", "python:3.12-alpine"),  # Alpine stays Alpine
    ("python:3.7.7-slim-stretch", "python:3.12-slim"),  # slim stays slim
    ("python:3.8-buster", "python:3.12"),  # the full image (with compilers) stays full
    ("python:3.11-slim-bullseye", "python:3.11-slim"),  # a supported Python is kept
    ("arm32v7/python:3.6-slim-stretch", "arm32v7/python:3.12-slim"),  # the architecture prefix is kept
    ("arm32v7/debian:stretch", "arm32v7/debian:trixie"),
    ("debian:stretch-slim", "debian:trixie-slim"),
    ("docker.io/library/python:3.6-slim", "docker.io/library/python:3.12-slim"),  # as written
    ("ubuntu:16.04", "ubuntu:24.04"),
])
def test_end_of_life_swap_keeps_the_family(before: str, after: str) -> None:
    assert _fixed("DG101", f"FROM {before}\n") == f"FROM {after}\n"
    assert f"`{after}`" in _message("DG101", f"FROM {before}\n")


@pytest.mark.parametrize(("image", "advice"), [
    ("nvidia/cuda:10.1-devel-ubuntu16.04", "a tag of `nvidia/cuda` on a supported release"),  # CUDA
    ("openjdk:17-bullseye", "a tag of `openjdk` on a supported release"),  # the JDK
    ("node:14-buster", "a tag of `node`"),
    ("golang:1.15-stretch", "a tag of `golang`"),
    ("python:3.6-nanoserver", "move to `python:3.12-windowsservercore-ltsc2022`"),
])
def test_no_same_family_replacement_means_no_fix_and_advice(image: str, advice: str) -> None:
    assert _fixed("DG101", f"FROM {image}\n") is None
    assert advice in _message("DG101", f"FROM {image}\n")


@pytest.mark.parametrize("compiling", ["RUN nvcc -o kernel kernel.cu", "RUN make USE_CUDA=1",
                                       "RUN python setup.py build_ext --inplace"])
def test_devel_stays_devel_when_the_stage_compiles(compiling: str) -> None:
    text = f"FROM nvidia/cuda:11.8.0-devel-ubuntu22.04\n{compiling}\n"
    assert _fixed("DG103", text) is None
    assert not lint_text(text, Settings(select=("DG103",), today=TODAY))


def test_devel_to_runtime_keeps_the_registry() -> None:
    text = "FROM nvcr.io/nvidia/cuda:11.8.0-cudnn8-devel-ubuntu22.04\nRUN pip install --no-cache-dir x\n"
    assert _fixed("DG103", text) == text.replace("-devel-", "-runtime-")


@pytest.mark.parametrize(("text", "shell"), [
    ("FROM arm32v7/alpine:3.20\nRUN wget -O - x | tar x\n", "/bin/ash"),
    ("FROM alpine:3.20 AS base\nFROM base\nRUN wget -O - x | tar x\n", "/bin/ash"),
    ("FROM arm64v8/python:3.12-alpine\nRUN wget -O - x | tar x\n", "/bin/ash"),
    ("FROM debian:trixie-slim\nRUN wget -O - x | tar x\n", "/bin/bash"),
    ("FROM busybox:1.37\nRUN wget -O - x | tar x\n", None),
    ("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a | b\n", None),
])
def test_pipefail_uses_the_images_own_shell(text: str, shell: str | None) -> None:
    fixed = _fixed("DL4006", text)
    if shell is None:
        assert fixed is None
    else:
        assert fixed is not None and f'SHELL ["{shell}", "-o", "pipefail", "-c"]' in fixed


@pytest.mark.parametrize(("run", "after"), [
    ("conda config --add channels bioconda && conda install -y samtools",
     "conda config --add channels bioconda && conda install --override-channels -c bioconda -c conda-forge -y "
     "samtools"),
    ("conda config --add channels conda-forge && conda config --add channels bioconda && conda install -y samtools",
     "conda config --add channels conda-forge && conda config --add channels bioconda && conda install "
     "--override-channels -c bioconda -c conda-forge -y samtools"),
    ("conda config --append channels bioconda && conda install -y -c nvidia cuda-toolkit",
     "conda config --append channels bioconda && conda install --override-channels -c nvidia -c conda-forge "
     "-c bioconda -y -c nvidia cuda-toolkit"),
    ("conda install -y numpy", "conda install --override-channels -c conda-forge -y numpy"),
])
def test_channel_fix_replaces_only_defaults(run: str, after: str) -> None:
    assert _fixed("DG303", f"FROM continuumio/miniconda3\nRUN {run}\n") == f"FROM continuumio/miniconda3\nRUN {after}\n"
