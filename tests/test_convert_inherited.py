"""A replaced base image's variables and user: the converted Dockerfile defines what the source used of them."""

from __future__ import annotations

import datetime

import dockerfile as buildkit

from dockgen.convert import convert_text
from dockgen.convert.inherited import _create_account
from dockgen.convert.knowledge import Account

TODAY = datetime.date(2026, 11, 30)

MICROMAMBA = """FROM mambaorg/micromamba:1.5.8
COPY --chown=$MAMBA_USER:$MAMBA_USER requirements.txt /tmp/requirements.txt
RUN micromamba install -y -n base -c conda-forge python=3.11 numpy=2.1 && micromamba clean --all --yes
USER $MAMBA_USER
WORKDIR /home/$MAMBA_USER
CMD ["python", "-c", "import numpy"]
"""


def _converted(source: str, manager: str) -> str:
    return convert_text(source, "Dockerfile", manager, TODAY).text


def _instructions(text: str) -> list[tuple[str, str]]:
    return [(node.cmd.upper(), node.original) for node in buildkit.parse_string(text)]


def test_micromamba_variables_and_user_exist_before_use_in_the_pip_variant() -> None:
    text = _converted(MICROMAMBA, "pip")
    instructions = _instructions(text)
    keywords = [keyword for keyword, _ in instructions]
    env = next(index for index, (keyword, line) in enumerate(instructions) if "MAMBA_USER=mambauser" in line)
    user = next(index for index, (keyword, line) in enumerate(instructions) if "useradd" in line)
    assert keywords[env] == "ENV" and keywords[user] == "RUN"
    first_use = next(index for index, (_, line) in enumerate(instructions) if "--chown=$MAMBA_USER" in line)
    assert env < first_use and user < first_use
    # the values micromamba-docker's Dockerfile gives them
    assert "--uid 57439 --gid 57439" in text and "--home-dir /home/mambauser" in text
    assert "groupadd --non-unique --gid 57439 mambauser" in text
    assert "MAMBA_USER_ID" not in text  # only what the source uses


def test_a_kept_micromamba_base_gets_nothing_added() -> None:
    text = _converted(MICROMAMBA, "conda")
    assert "FROM mambaorg/micromamba" in text
    assert "useradd" not in text and "MAMBA_USER=" not in text


def test_a_variable_the_source_defines_first_is_not_redefined() -> None:
    source = MICROMAMBA.replace("COPY", "ARG MAMBA_USER=builder\nRUN useradd -m builder\nCOPY", 1)
    text = _converted(source, "pip")
    assert "ENV MAMBA_USER=mambauser" not in text
    assert "useradd --no-log-init" not in text  # nothing names mambauser any more


def test_biocontainers_user_gets_its_account_and_folders() -> None:
    source = ("FROM biocontainers/biocontainers:v1.0.0_cv4\nUSER root\nRUN pip install pysam==0.22.1\n"
              "USER biodocker\nRUN wget -q https://example.org/tool.tgz -O /home/biodocker/bin/tool.tgz\n"
              "WORKDIR /data\n")
    for manager in ("pip", "conda"):
        text = _converted(source, manager)
        assert "groupadd --non-unique --gid 1000 biodocker" in text
        assert "--uid 1000 --gid 1000" in text and "--home-dir /home/biodocker" in text
        assert "mkdir -p /home/biodocker/bin /data /config" in text
        assert "chown biodocker:biodocker /home/biodocker/bin /data /config" in text
        created = text.index("useradd")
        assert created < text.index("USER biodocker")


def test_a_source_that_creates_the_user_itself_gets_no_second_one() -> None:
    source = ("FROM biocontainers/biocontainers:v1.0.0_cv4\nUSER root\nRUN useradd -m biodocker\n"
              "RUN pip install pysam==0.22.1\nUSER biodocker\n")
    assert "--no-log-init" not in _converted(source, "pip")


def test_jupyter_uid_variable_and_users_group() -> None:
    source = ("FROM jupyter/base-notebook:2023-10-20\nUSER root\nRUN pip install pandas==2.2.3\n"
              "RUN chown -R $NB_UID:$NB_GID /srv\nUSER $NB_UID\n")
    text = _converted(source, "pip")
    assert "NB_UID=1000" in text and "NB_GID=100" in text and "NB_USER" not in text
    assert "--uid 1000 --gid 100" in text and "jovyan" in text
    assert "groupadd" not in text  # GID 100 is the distribution's users group


def test_alpine_accounts_use_busybox_commands() -> None:
    account = Account("biodocker", 1000, 1000, "/home/biodocker", ("/data",))
    run = _create_account(account, "apk")
    assert run.startswith("RUN addgroup -g 1000 biodocker")
    assert "adduser -D -u 1000 -G biodocker -h /home/biodocker -s /bin/sh biodocker" in run
    assert "useradd" not in run and "chown biodocker:biodocker /data" in run
    assert "addgroup" not in _create_account(Account("jovyan", 1000, 100, "/home/jovyan"), "apk")


CUDA = """FROM nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*
RUN pip3 install --no-cache-dir torch==2.5.1
CMD ["python3", "-c", "import torch"]
"""


def test_a_cuda_source_keeps_its_gpu_variables_under_conda() -> None:
    text = _converted(CUDA, "conda")
    env = next(line for _, line in _instructions(text) if "NVIDIA_VISIBLE_DEVICES" in line)
    assert "NVIDIA_VISIBLE_DEVICES=all" in env and "NVIDIA_DRIVER_CAPABILITIES=compute,utility" in env
    assert "CONDA_OVERRIDE_CUDA=12.4" in env  # the source's CUDA: conda picks CUDA builds without a GPU
    assert text.index("CONDA_OVERRIDE_CUDA") < text.index("pytorch=2.5.1")
    pytorch = _converted("FROM pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime\nRUN pip install timm==1.0.9\n",
                         "conda")
    assert "CONDA_OVERRIDE_CUDA=12.1" in pytorch
    assert "NVIDIA_VISIBLE_DEVICES" not in _converted(MICROMAMBA, "conda")


def test_an_apt_update_left_with_nothing_to_install_goes() -> None:
    for manager in ("pip", "conda"):
        text = _converted(CUDA, manager)
        lines = [line for _, line in _instructions(text)]
        # the only apt install was Python's pip, which the new base has
        assert not any(line.startswith("RUN apt-get update") and "install" not in line for line in lines)
    kept = _converted(CUDA.replace("python3-pip", "python3-pip libgomp1"), "conda")
    assert "apt-get update" in kept and "libgomp1" in kept and "rm -rf /var/lib/apt/lists/*" in kept


FASTAPI = """FROM tiangolo/uvicorn-gunicorn-fastapi:python3.9-slim AS app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY ./app /app/app

FROM app AS dev
RUN pip install --no-cache-dir pytest==8.3.3
"""


def test_a_replaced_app_server_base_keeps_its_folder_variables_port_and_command() -> None:
    for manager in ("pip", "conda"):
        text = _converted(FASTAPI, manager)
        instructions = _instructions(text)
        keywords = [keyword for keyword, _ in instructions]
        assert "tiangolo" not in "".join(line for _, line in instructions)
        workdir = keywords.index("WORKDIR")
        assert instructions[workdir][1] == "WORKDIR /app"  # the relative COPY still lands in /app
        assert workdir < next(i for i, (k, line) in enumerate(instructions) if line.startswith("COPY requirements"))
        assert any(line == "ENV PYTHONPATH=/app" for _, line in instructions)
        # the first stage gets the base's command; the stage built FROM it inherits it, as Docker does
        assert keywords.count("CMD") == 1 and keywords.index("CMD") < keywords.index("FROM", 1)
        assert '"uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "80"' in text
        assert "EXPOSE 80" in text
    own_command = "COPY ./app /app/app\nCMD [\"python\", \"-m\", \"app\"]\n"
    own = _converted(FASTAPI.replace("COPY ./app /app/app\n", own_command), "pip")
    assert "uvicorn\", \"app.main:app" not in own and "EXPOSE 80" not in own
    first = _converted("FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nWORKDIR /srv\nCOPY . .\n", "pip")
    assert "WORKDIR /app" not in first  # the source names its own folder before anything lands


def test_a_jupyter_source_without_a_command_serves_jupyter_lab() -> None:
    text = _converted("FROM jupyter/scipy-notebook:2023-10-20\nRUN pip install --no-cache-dir pandas==2.2.3\n"
                      "COPY notebook.ipynb .\n", "pip")
    assert 'CMD ["jupyter", "lab", "--ip=0.0.0.0", "--port=8888", "--no-browser", "--allow-root"]' in text
    assert "EXPOSE 8888" in text and "WORKDIR /home/jovyan" in text
    assert text.index("WORKDIR /home/jovyan") < text.index("COPY notebook.ipynb")


def test_second_review_findings_stay_fixed() -> None:
    """Defects a second reading of 40 corpus conversions found, one input each."""
    demisto = _converted("FROM demisto/python3-deb:3.9.6.24019\nRUN pip install --no-cache-dir pandas==2.2.3\n"
                         "RUN mkdir /ml && chown -R demisto:demisto /ml\nUSER demisto\n", "pip")
    assert "groupadd --non-unique --gid 4000 demisto" in demisto and "--uid 4000 --gid 4000" in demisto
    leftover = _converted("FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3 python3-pip "
                          "&& apt-get clean && apt-get purge && rm -rf /var/lib/apt/lists/* /tmp/*\n"
                          "RUN pip install requests==2.32.3\n", "pip")
    assert "apt-get purge" not in leftover and "apt-get clean" not in leftover  # nothing was left to install
    derived = _converted("FROM python:3.12-slim AS base\nRUN pip install --no-cache-dir flask==3.1.2\n"
                         "FROM base AS final\nCMD [\"flask\", \"run\"]\n", "conda")
    assert "runs the image's command under tini" in " ".join(derived.replace("#", "").split())
    dnf = _converted("FROM rockylinux:9\nRUN rpm --import https://example.org/key.asc\n"
                     "RUN dnf install --nodocs -y python3-pip gcc && dnf clean all\n"
                     "RUN pip3 install requests==2.32.3\n", "pip")
    assert "dnf install -y --nodocs" in dnf  # the kept base keeps the install's options


def test_a_stage_tied_to_its_distribution_gets_conda_in_place_under_conda() -> None:
    source = ("FROM rockylinux:9\nRUN rpm --import https://example.org/key.asc\n"
              "RUN dnf install --nodocs -y gcc && dnf clean all\n"
              "RUN conda install -y -c bioconda samtools=1.21 && pip3 install requests==2.32.3\nCMD [\"samtools\"]\n")
    text = _converted(source, "conda")
    instructions = _instructions(text)
    assert instructions[0] == ("FROM", "FROM rockylinux:9")  # its rpm tools and repositories still work
    assert "COPY --from=mambaorg/micromamba:2.6.1 /bin/micromamba /usr/local/bin/micromamba" in text
    assert "PATH=/opt/conda/bin:$PATH" in text and "MAMBA_ROOT_PREFIX=/opt/conda" in text
    # every conda install goes through micromamba into /opt/conda (micromamba has no default environment)
    assert "micromamba install --yes --name base --override-channels -c conda-forge -c bioconda" in text
    assert "conda install" not in text.replace("micromamba install", "")
    assert "&& pip3 install --no-cache-dir requests==2.32.3" in text  # conda's pip3, first on PATH
    alpine = _converted("FROM alpine:3.20\nRUN echo x >> /etc/apk/repositories\nRUN conda install -y numpy=2.1\n",
                        "conda")
    assert "micromamba" not in alpine  # conda-forge's Python needs glibc: an Alpine stage is not kept


def test_an_unknown_glibc_base_is_kept_under_conda_as_under_pip() -> None:
    source = ("FROM acme/internal:7\nRUN apt-get update && apt-get install -y libgomp1 && rm -rf /var/lib/apt/lists/*\n"
              "RUN pip install numpy==2.1.3\nCMD [\"serve\"]\n")
    conda = _converted(source, "conda")
    assert _instructions(conda)[0] == ("FROM", "FROM acme/internal:7")
    assert "micromamba install --yes --name base --override-channels -c conda-forge python=3.12 numpy=2.1.3" in conda
    assert "FROM acme/internal:7" in _converted(source, "pip")
    nothing = _converted("FROM acme/internal:7\nRUN pip install numpy==2.1.3\n", "conda")
    assert "FROM condaforge/miniforge3" in nothing  # no sign of its distribution: it may be Alpine (no glibc)


def test_conda_commands_on_a_kept_base_go_through_micromamba() -> None:
    source = ("FROM ubuntu:16.04\nRUN mv /etc/apt/sources.list /etc/apt/sources.list.bkp\n"
              "RUN wget --quiet https://repo.continuum.io/miniconda/Miniconda3-4.5.4-Linux-x86_64.sh -O ~/m.sh && "
              "/bin/bash ~/m.sh -b -p /opt/conda && rm ~/m.sh\n"
              "RUN conda config --add channels bioconda\nRUN conda upgrade conda\n"
              "RUN conda env create -f environment.yml\nRUN conda install -y samtools=1.21 && conda clean -afy\n")
    text = _converted(source, "conda")
    run_lines = [line for keyword, line in _instructions(text) if keyword == "RUN"]
    assert not any("Miniconda" in line or "conda config" in line or "conda upgrade" in line for line in run_lines)
    assert "RUN micromamba create --yes -f environment.yml" in text
    assert "RUN micromamba config prepend channels bioconda" in text  # images built on this one solve with it too
    assert "micromamba install --yes --name base --override-channels -c conda-forge -c bioconda" in text
    assert not any(line.split()[1:2] == ["conda"] for line in run_lines)  # no conda program on this base
