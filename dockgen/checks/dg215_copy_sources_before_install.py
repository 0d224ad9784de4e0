"""DG215: Python source files (``COPY *.py``, ``COPY app.py requirements.txt ./``) copied before the dependency
install, so every edit of them re-runs it. The whole context copied first is DG202's."""

import posixpath
from collections.abc import Iterator

from dockgen.checks._python import stage_runs
from dockgen.checks._structure import copy_parts, unquote
from dockgen.checks.contract import Context, Hit, says
from dockgen.checks.dg202_copy_context_before_install import _copies_everything, _installs_dependencies
from dockgen.lint.model import Dockerfile, Instruction

# Files a package build reads, so copying them before installing the package is right.
_BUILD_FILES = frozenset({"setup.py", "__init__.py", "version.py", "_version.py", "__version__.py", "conftest.py"})


def _sources(instruction: Instruction) -> list[str]:
    """The Python source files or globs a COPY or ADD from the build context names."""
    if instruction.keyword not in ("COPY", "ADD") or any(flag.name == "from" for flag in instruction.flags):
        return []
    if _copies_everything(instruction):
        return []
    parts = copy_parts(instruction)
    return [name for source in parts[:-1] if (name := unquote(source)).endswith(".py")
            and "://" not in name and posixpath.basename(name) not in _BUILD_FILES]


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        for copy in stage.instructions:
            sources = _sources(copy)
            if not sources:
                continue
            runs = [run for run in stage_runs(stage) if run.line > copy.line]
            install = next((run for run in runs if any(_installs_dependencies(c) for c in run.commands)), None)
            if install is None:
                continue
            used = [run for run in runs if run.line <= install.line]
            names = [s for s in sources if "*" in s or not any(posixpath.basename(s) in run.text for run in used)]
            if names:
                yield Hit(copy.line, says(sources=tuple(names), line=install.line))
