"""Defects a fourth reading of corpus conversions found (seed 2511, 44 outputs read against their sources), each
reduced to a small source of the same shape."""

from __future__ import annotations

import datetime

import dockerfile as buildkit
import pytest

from dockgen.convert import Refused, convert_text

TODAY = datetime.date(2026, 11, 30)


def _runs(text: str) -> str:
    return "\n".join(i.value[0] for i in buildkit.parse_string(text) if i.cmd == "RUN")


def test_the_checksum_of_a_dropped_conda_installer_goes_with_it() -> None:
    """aws/deep-learning-containers xgboost: `sha256sum -c` of a Miniforge installer that is no longer downloaded
    would fail the build."""
    source = """FROM ubuntu:22.04
ARG CONDA_CHECKSUM=07f64c1d908ae036e9f6a81f97704899311c0ae677d83980d664b9781d4cc5fc
RUN curl -L --output /tmp/Miniforge3.sh https://github.com/conda-forge/miniforge/releases/download/24.11.3-0/Miniforge3-24.11.3-0-Linux-x86_64.sh \\
  && echo "${CONDA_CHECKSUM} /tmp/Miniforge3.sh" | sha256sum -c - \\
  && bash /tmp/Miniforge3.sh -bfp /miniconda3 \\
  && rm /tmp/Miniforge3.sh
RUN conda install -y -c conda-forge numpy=2.3.4
"""
    for manager in ("pip", "conda"):
        result = convert_text(source, "Dockerfile", manager, TODAY)
        assert "Miniforge3.sh" not in _runs(result.text), manager
        assert any("it checks conda's installer, which is left out too" in note for note in result.notes), manager


def test_a_removal_on_a_base_of_another_family_uses_its_names_and_tool() -> None:
    """demisto py3-tools-ubi (UBI, dnf) on Alpine for pip: `dnf remove` was kept as written, and an rpm name
    dockgen cannot map (platform-python-pip) would stop apt or apk."""
    source = """FROM registry.access.redhat.com/ubi8/python-39
USER root
RUN dnf install -y gcc gcc-c++ make \\
    && pip install --no-cache-dir cryptography==46.0.3 \\
    && dnf remove -y gcc gcc-c++ platform-python-pip
"""
    result = convert_text(source, "Dockerfile", "conda", TODAY)
    runs = _runs(result.text)
    assert "dnf" not in runs
    assert "platform-python-pip" not in runs
    assert "apt-get purge -y --auto-remove gcc g++" in runs
    assert ("the removal of platform-python-pip is left out: dockgen knows no apt name for it."
            in result.notes)


def test_python3_stays_python3_on_a_kept_base() -> None:
    """A kept Ubuntu base may have python3 and no python (xgboost's CUDA base)."""
    source = """FROM example.com/team/ubuntu-cuda:20.04
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*
RUN python3 -m pip install requests==2.32.5
"""
    text = convert_text(source, "Dockerfile", "pip", TODAY).text
    assert "python3 -m pip install --no-cache-dir requests==2.32.5" in _runs(text)


def test_removing_the_distributions_python_headers_is_not_said_to_be_missing_from_the_release() -> None:
    """python3-dev exists on trixie: its purge is left out because the new base's Python is not Debian's."""
    source = """FROM python:3.9-slim-bullseye
RUN apt-get update && apt-get install -y --no-install-recommends gcc python3-dev \\
    && pip install --no-cache-dir regex==2025.11.3 \\
    && apt-get purge -y gcc python3-dev && rm -rf /var/lib/apt/lists/*
"""
    result = convert_text(source, "Dockerfile", "pip", TODAY)
    assert not any("does not have" in note and "python3-dev" in note for note in result.notes)
    assert any(note.startswith("the removal of python3-dev is left out: the new base's Python")
               for note in result.notes)


def test_old_conda_commands_and_pins_of_conda_itself_on_a_current_conda() -> None:
    """pymol-jupiter: `conda clean -tipsy` (conda dropped `-s`) and `conda==3.19.1` fail on miniforge's conda."""
    source = """FROM continuumio/miniconda3:4.5.4
RUN conda install -y conda==4.5.4 numpy=1.26 && conda clean -tipsy
"""
    result = convert_text(source, "Dockerfile", "conda", TODAY)
    runs = _runs(result.text)
    assert "-tipsy" not in runs and "conda==4.5.4" not in runs
    assert "numpy=1.26" in runs and "conda clean --all --yes" in runs
    assert any(note.startswith("`conda==4.5.4` is left out") for note in result.notes)


def test_alpine_repository_edits_and_pins_leave_with_the_family() -> None:
    """tidy (demisto): `>> /etc/apk/repositories` on the conda variant's Ubuntu base fails (no /etc/apk), and the
    apk pin of openssh-client was dropped without a note."""
    source = """FROM python:3.9-alpine
RUN echo "http://dl-cdn.alpinelinux.org/alpine/edge/community" >> /etc/apk/repositories \\
    && apk add --no-cache openssh-client=10.3_p1-r0 tidyhtml \\
    && pip install pytidylib==0.3.2
"""
    result = convert_text(source, "Dockerfile", "conda", TODAY)
    runs = _runs(result.text)
    assert "/etc/apk" not in runs
    assert "apt-get install -y --no-install-recommends openssh-client tidy" in runs
    assert "`openssh-client=10.3_p1-r0`: its apk version pin is left out on apt." in result.notes


def test_python_2_behind_an_unknown_python_image_or_a_source_build_is_refused_as_python_2() -> None:
    """floydhub/python-base:2.7 was read as "the source does not say"; demisto gitlab-ci, which builds Python
    2.7.12 from python.org, was refused as "a Python base image" rather than as Python 2."""
    for source in ("FROM floydhub/python-base:2.7\nRUN pip install pattern==2.6\n",
                   "FROM ubuntu:14.04\nRUN wget https://www.python.org/ftp/python/2.7.12/Python-2.7.12.tgz && "
                   "tar xzf Python-2.7.12.tgz\nRUN pip install requests==2.27.1\n"):
        with pytest.raises(Refused, match="Python 2") as refused:
            convert_text(source, "Dockerfile", "conda", TODAY)
        assert refused.value.reason == "python2"


def test_a_kept_cuda_base_is_not_said_to_run_ubuntu_24_04s_python() -> None:
    """xgboost: the CUDA stage keeps its Ubuntu 20.04 base (it adds apt repositories), so the note about
    Ubuntu 24.04's python3 was wrong."""
    source = """FROM nvidia/cuda:12.2.2-runtime-ubuntu20.04
RUN apt-key adv --fetch-keys https://example.org/key.asc \
    && apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*
RUN python3 -m pip install requests==2.32.5
"""
    result = convert_text(source, "Dockerfile", "pip", TODAY)
    froms = [i.value[0] for i in buildkit.parse_string(result.text) if i.cmd == "FROM"]
    assert froms == ["nvidia/cuda:12.2.2-runtime-ubuntu20.04"]
    assert not any("Ubuntu 24.04's python3" in note for note in result.notes)
