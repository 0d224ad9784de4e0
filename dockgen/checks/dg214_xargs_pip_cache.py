"""DG214: ``xargs pip install`` without ``--no-cache-dir``: pip's download cache stays in the layer, and DL3042,
which reads pip commands as hadolint does, does not see pip behind xargs."""

import re
from collections.abc import Iterator

from dockgen.checks._base import has_cache_mount
from dockgen.checks.contract import Context, Hit, environment_at, hit_at, says, with_onbuild
from dockgen.commands.pip import is_pip_install, is_pip_wrapper
from dockgen.commands.xargs import run_by_xargs
from dockgen.lint.model import Dockerfile

_TRUTHY = frozenset({"1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES"})
_INLINE = r"PIP_NO_CACHE_DIR=(?:\"|')?(1|true|True|TRUE|on|On|ON|yes|Yes|YES)\b"


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    environment = environment_at(dockerfile)
    for run in with_onbuild(dockerfile, "RUN"):
        if has_cache_mount(run, ".cache/pip") or re.search(_INLINE, run.text):
            continue
        if environment.get(run.line, {}).get("PIP_NO_CACHE_DIR") in _TRUTHY:
            continue
        for command in run.commands:
            inner = run_by_xargs(command)
            if inner and is_pip_install(inner) and not is_pip_wrapper(inner) and "--no-cache-dir" not in inner.args:
                yield hit_at(run, command.program_location(),
                             says())
                break
