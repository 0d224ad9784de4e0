"""No input makes linting super-linear: ten times the input may not cost much more than ten times the work.

Work is counted, not timed: the number of Python lines executed (a trace hook counts them), which is the same on
every machine and every run. Quadratic code executes about a hundred times the lines at these sizes. Wall-clock
growth is measured by `bench/speed.py`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from dockgen import lint_text

BLOCK = (
    "ENV PATH=/opt/venv/bin:$PATH\n"
    "RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
    "    && rm -rf /var/lib/apt/lists/*\n"
    "RUN pip install spacy==3.8.7 | tee log && conda install -c conda-forge numpy\n"
    "ONBUILD RUN pip install x\n"
    "COPY a /a\n"
)


def _lines_executed(text: str) -> int:
    return lines_executed(lambda: lint_text(text))


def lines_executed(work: Callable[[], object]) -> int:
    """Python lines (and calls and returns) executed by ``work()``: work counted the same on every machine."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def _growth(small: str, large: str) -> float:
    lint_text(small)  # imports and caches are paid once, outside the count
    return _lines_executed(large) / _lines_executed(small)


def test_one_long_file_grows_linearly() -> None:
    ratio = _growth("FROM python:3.12-slim AS base\n" + BLOCK * 50, "FROM python:3.12-slim AS base\n" + BLOCK * 500)
    assert 8 < ratio < 12, f"10x the lines executed {ratio:.1f}x the code"


def test_many_stages_grow_linearly() -> None:
    def stages(count: int) -> str:
        return "".join(f"FROM python:3.12-slim AS s{i}\nFROM s{i}\n{BLOCK}" for i in range(count))

    ratio = _growth(stages(20), stages(200))
    assert 8 < ratio < 12, f"10x the stages executed {ratio:.1f}x the code"

@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc (Linux)")
def test_a_100000_line_file_stays_within_a_few_hundred_mb(tmp_path: Path) -> None:
    """Peak memory of a whole CLI run on a 100,000-line file (measured: about 310 MiB with 500,000 findings, each
    now carrying its fix and its word's position; 225 MiB before they did).

    Read as VmHWM inside the child: ru_maxrss of a child would include the test process's own peak, which the
    kernel carries over at fork."""
    import subprocess
    import sys

    path = tmp_path / "Dockerfile"
    path.write_text("FROM python:3.12-slim\n" + "RUN apt-get install -y curl && pip install x | tee log\n" * 100_000)
    probe = ("import runpy, sys\nsys.argv = ['dockgen', 'lint', '-f', 'json', sys.argv[1]]\n"
             "try:\n    runpy.run_module('dockgen', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
             "sys.stderr.write(peak)\n")
    result = subprocess.run([sys.executable, "-c", probe, str(path)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, timeout=300, check=False)
    peak_kib = int(result.stderr.strip().splitlines()[-1].split()[1])
    assert peak_kib < 360 * 1024, f"{peak_kib / 1024:.0f} MiB"
