"""Lint many files on every core, results in the order the files were given."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from dockgen.api import FileResult, lint_file
from dockgen.lint.engine import Settings
from dockgen.lint.findings import Finding

# Below this many files a process pool costs more than it saves (a file takes about a millisecond).
PARALLEL_THRESHOLD = 200
_CHUNK = 64

Job = tuple[str, str, Settings]  # path to read, name to report, settings


def lint_files(jobs: Sequence[Job], workers: int | None = None,
               progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """Results in the order of ``jobs``; ``progress`` is told how many are done as they finish."""
    workers = workers or os.cpu_count() or 1
    chunks = [list(jobs[start:start + _CHUNK]) for start in range(0, len(jobs), _CHUNK)]
    if workers <= 1 or len(jobs) < PARALLEL_THRESHOLD:
        return _collect((result for chunk in chunks for result in _lint_chunk(chunk)), progress)
    import multiprocessing  # only for many files: the pool's imports cost a one-file run 15 ms
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return _collect((result for chunk in pool.map(_lint_chunk, chunks) for result in chunk), progress)


def _lint_chunk(jobs: list[Job]) -> list[FileResult]:
    """Lint a chunk of files; with --shellcheck, ShellCheck runs once for the whole chunk first."""
    shellchecked = _shellcheck_batch(jobs) if any(settings.shellcheck for _, _, settings in jobs) else None
    return [lint_file(path, settings, display, shellchecked) for path, display, settings in jobs]


def _shellcheck_batch(jobs: list[Job]) -> dict[str, list[Finding]]:
    from dockgen.lint.parse import parse_text
    from dockgen.lint.shellcheck import prefetch
    from dockgen.lint.source import decode, read_regular_file

    models = []
    for path, _, settings in jobs:
        try:
            decoded = decode(read_regular_file(path))
        except OSError:
            continue
        model = parse_text(decoded.text) if decoded.problem is None and settings.shellcheck else None
        if model is not None and not model.problems:
            models.append(model)
    return prefetch(models)


def _collect(results: Iterable[FileResult], progress: Callable[[int], None] | None) -> list[FileResult]:
    collected = []
    for result in results:
        collected.append(result)
        if progress is not None:
            progress(len(collected))
    return collected
