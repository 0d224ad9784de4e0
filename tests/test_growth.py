"""No input makes linting super-linear: twenty times the input may not take much more than twenty times as long
(quadratic code takes about four hundred times as long at these sizes).

The test compares two runs on this machine, never an absolute time."""

from __future__ import annotations

import time
from pathlib import Path

from dockgen import lint_text

BLOCK = (
    "ENV PATH=/opt/venv/bin:$PATH\n"
    "RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
    "    && rm -rf /var/lib/apt/lists/*\n"
    "RUN pip install spacy==3.8.7 | tee log && conda install -c conda-forge numpy\n"
    "ONBUILD RUN pip install x\n"
    "COPY a /a\n"
)


def _best_of_three(text: str) -> float:
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        lint_text(text)
        timings.append(time.perf_counter() - start)
    return min(timings)


def test_one_long_file_grows_linearly() -> None:
    small = "FROM python:3.12-slim AS base\n" + BLOCK * 100
    large = "FROM python:3.12-slim AS base\n" + BLOCK * 2000
    lint_text(small)  # warm caches and imports
    ratio = _best_of_three(large) / _best_of_three(small)
    assert ratio < 40, f"20x the lines took {ratio:.1f}x the time: something is quadratic"


def test_many_stages_grow_linearly() -> None:
    def stages(count: int) -> str:
        return "".join(f"FROM python:3.12-slim AS s{i}\nFROM s{i}\n{BLOCK}" for i in range(count))

    lint_text(stages(20))
    ratio = _best_of_three(stages(400)) / _best_of_three(stages(20))
    assert ratio < 40, f"20x the stages took {ratio:.1f}x the time: something is quadratic"


def test_a_100000_line_file_stays_within_a_few_hundred_mb(tmp_path: Path) -> None:
    """Peak memory of a whole CLI run on the largest kind of file people write by machine (measured: about 225 MiB with 500,000 findings)."""
    import os
    import subprocess
    import sys

    path = tmp_path / "Dockerfile"
    path.write_text("FROM python:3.12-slim\n" + "RUN apt-get install -y curl && pip install x | tee log\n" * 100_000)
    process = subprocess.Popen([sys.executable, "-m", "dockgen", "lint", "-f", "json", str(path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1
    assert usage.ru_maxrss < 300 * 1024, f"{usage.ru_maxrss / 1024:.0f} MiB"
