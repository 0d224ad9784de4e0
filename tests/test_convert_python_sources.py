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
        assert "Python 3.10 (`pyenv install 3.10.4`) reached end of life on 2026-10-31" in notes, manager
        assert "pyenv, its setup and the Python it builds are left out" in notes, manager
        assert "PYENV_ROOT" in result.text  # the ENV stays: a PATH entry that does not exist is harmless
