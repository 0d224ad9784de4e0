"""Several `dockgen lint --fix` processes on the same files, as pre-commit may start them: no file is ever left
half-written, and every file ends fixed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dockgen.lint.engine import Settings
from dockgen.lint.fixer import fix_text
from dockgen.lint.parse import parse_text

TEXT = ("from python:3.12-slim as app\nRUN apt-get update && apt-get install curl\nRUN pip install x==1\n"
        "MAINTAINER someone\nCMD python app.py\n" + "# padding line to make writes take a little longer\n" * 2000)


def test_concurrent_fixers_never_leave_a_broken_file(tmp_path: Path) -> None:
    files = []
    for index in range(30):
        path = tmp_path / f"f{index}.Dockerfile"
        path.write_text(TEXT)
        files.append(path.name)
    expected = fix_text(TEXT, Settings(), unsafe=True).text
    processes = [subprocess.Popen([sys.executable, "-m", "dockgen", "lint", "--fix", "--unsafe-fixes", "-f", "json",
                                   *(files[offset:] + files[:offset])], cwd=tmp_path, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True) for offset in (0, 7, 15, 22)]
    errors = [process.communicate(timeout=300)[1] for process in processes]
    assert all("Traceback" not in error for error in errors)
    for name in files:
        content = (tmp_path / name).read_text()
        assert content in (TEXT, expected) or not parse_text(content).problems, name
        assert content.endswith("# padding line to make writes take a little longer\n")  # never cut short
    # whatever raced, one more run finishes the job and agrees with the library
    subprocess.run([sys.executable, "-m", "dockgen", "lint", "--fix", "--unsafe-fixes", *files], cwd=tmp_path,
                   capture_output=True, check=False)
    assert all((tmp_path / name).read_text() == expected for name in files)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left
