"""Where the source's Python comes from, and that the new base's Python is the one that runs."""

from __future__ import annotations

import datetime

import dockerfile as buildkit

from dockgen.convert import convert_text

TODAY = datetime.date(2026, 11, 30)

PYENV = """FROM ubuntu:20.04
ENV PYENV_ROOT=/root/.pyenv PATH=/root/.pyenv/shims:/root/.pyenv/bin:$PATH
RUN apt-get update && apt-get install -y git curl && rm -rf /var/lib/apt/lists/*
RUN git clone --depth 1 https://github.com/pyenv/pyenv.git $PYENV_ROOT
RUN curl -fsSL https://pyenv.run | bash \\
    && pyenv install -s 3.10.4 \\
    && pyenv global 3.10.4 \\
    && pyenv rehash
RUN pip install flask==3.1.1
CMD ["python", "-m", "flask", "run"]
"""


def test_pyenv_is_the_sources_python_and_is_replaced_by_the_new_bases() -> None:
    for manager in ("pip", "conda"):
        result = convert_text(PYENV, "Dockerfile", manager, TODAY)
        runs = " ".join(i.value[0] for i in buildkit.parse_string(result.text) if i.cmd == "RUN")
        assert "pyenv" not in runs, manager
        assert "pip install --no-cache-dir flask==3.1.1" in runs, manager
        notes = " ".join(result.notes)
        # 3.10 (pyenv's), not 3.8 (ubuntu:20.04's python3): the note dates its end of life.
        assert "Python 3.10 (`pyenv global 3.10.4`) reached end of life on 2026-10-31" in notes, manager
        assert "pyenv, its setup and the Python it builds are left out" in notes, manager
        assert "PYENV_ROOT" in result.text  # the ENV stays: a PATH entry that does not exist is harmless


def test_an_image_of_several_pyenv_pythons_keeps_them() -> None:
    """A CI image that builds several Pythons with pyenv is about them: they stay, and the one ``pyenv global``
    selects is the source's Python (not the first one built, which may be 2.7)."""
    source = PYENV.replace("pyenv install -s 3.10.4", "pyenv install -s 2.7.18 && pyenv install -s 3.10.4")
    result = convert_text(source, "Dockerfile", "pip", TODAY)
    assert "pyenv install -s 2.7.18" in result.text and "pyenv global 3.10.4" in result.text
    assert "Python 3.10 (`pyenv global 3.10.4`) reached end of life" in " ".join(result.notes)


NON_ROOT_BASE = """FROM registry.example.com/ci/python-runner:5
USER root
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
USER runner
RUN conda install -y -c conda-forge numpy=2.3.4
RUN pip install --no-cache-dir flask==3.1.1
"""


def test_micromamba_on_a_kept_base_that_runs_as_another_user() -> None:
    """An unknown base whose Dockerfile switches to root runs as some other user: micromamba's setup runs as root,
    and /opt/conda belongs to the base's user that runs the installs (here `runner`, which the Dockerfile never
    creates, so the image has it)."""
    text = convert_text(NON_ROOT_BASE, "Dockerfile", "conda", TODAY).text
    lines = text.splitlines()
    setup = next(n for n, line in enumerate(lines) if line.startswith("RUN micromamba install --yes --name base"))
    assert lines[setup - 2] == "USER 0"
    assert "    && chown -R runner /opt/conda" in lines[setup:setup + 4]
    runner = lines.index("USER runner")
    assert runner > setup and any("micromamba install" in line and "numpy" in line for line in lines[runner:])


def test_a_user_the_dockerfile_creates_does_not_own_conda() -> None:
    source = NON_ROOT_BASE.replace("USER root\n", "").replace("USER runner", "RUN useradd runner\nUSER runner")
    result = convert_text(source, "Dockerfile", "conda", TODAY)
    assert "USER 0" not in result.text and "chown -R runner /opt/conda" not in result.text
    assert "installs packages as runner, which cannot write to root's /opt/conda" in " ".join(result.notes)
