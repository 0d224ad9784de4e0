"""Lint many files on every core, results in the order the files were given."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from dockgen.api import FileResult, lint_bytes
from dockgen.engine import Settings

# Below this many files a process pool costs more than it saves (a file takes about a millisecond).
PARALLEL_THRESHOLD = 200
_CHUNK = 64

Job = tuple[str, str, Settings]  # path to read, name to report, settings


def lint_files(jobs: Sequence[Job], workers: int | None = None) -> list[FileResult]:
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(jobs) < PARALLEL_THRESHOLD:
        return [lint_file(job) for job in jobs]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(lint_file, jobs, chunksize=_CHUNK))


def lint_file(job: Job) -> FileResult:
    path, display, settings = job
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return FileResult(display, error=f"{display}: {error.strerror or error}")
    return FileResult(display, lint_bytes(data, settings, display))
