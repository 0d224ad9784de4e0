"""DL3042: ``pip install`` that keeps pip's download cache in the image."""

import re
from collections.abc import Iterator

from dockgen.checks._base import has_cache_mount, script_commands
from dockgen.checks._fixes import add_flag
from dockgen.checks.contract import Context, Hit, environment_at, hit_at
from dockgen.commands.pip import is_pip_install, is_pip_wrapper
from dockgen.lint.edits import Fix
from dockgen.lint.model import Command, Dockerfile, Instruction
from dockgen.lint.parse import key_values

_TRUTHY = frozenset({"1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES"})
_INLINE = r"PIP_NO_CACHE_DIR=(?:\"|')?(1|true|True|TRUE|on|On|ON|yes|Yes|YES)\b"


def _disables_cache(env: dict[str, str]) -> bool:
    return env.get("PIP_NO_CACHE_DIR") in _TRUTHY


def _offending(run: Instruction) -> Command | None:
    """The first pip install that keeps its cache."""
    if has_cache_mount(run, ".cache/pip") or re.search(_INLINE, run.text):
        return None
    return next((c for c in script_commands(run) if is_pip_install(c) and not is_pip_wrapper(c)
                 and "--no-cache-dir" not in c.args), None)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    environment = environment_at(dockerfile)
    onbuild_env: dict[str, str] = {}  # ONBUILD triggers see only ONBUILD ENV, as in hadolint
    for instruction in dockerfile.instructions:
        inner = instruction.inner
        if inner is not None and inner.keyword == "ENV":
            onbuild_env.update(key_values(inner.args))
        elif inner is not None and inner.keyword == "RUN":
            offending = _offending(inner)
            if offending is not None and not _disables_cache(onbuild_env):
                yield hit_at(inner, offending.program_location(), fix=_fix(dockerfile, instruction))
        elif instruction.keyword == "RUN" and (offending := _offending(instruction)) is not None:
            if not _disables_cache(environment[instruction.line]):
                yield hit_at(instruction, offending.program_location(), fix=_fix(dockerfile, instruction))


_PIP_INSTALL = r"(?<![\w.-])(?:pip[0-9.]*|python[0-9.]*\s+-m\s+pip)\s+install\b"
_NO_CACHE = r"--no-cache-dir\b"


def _fix(dockerfile: Dockerfile, run: Instruction) -> Fix | None:
    return add_flag(dockerfile, run, _PIP_INSTALL, "--no-cache-dir", _NO_CACHE)
