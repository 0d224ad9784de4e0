"""DL3019: apk add without --no-cache."""

import re
from collections.abc import Iterator

from dockgen.checks._base import has_cache_mount
from dockgen.checks.contract import Context, Hit, hit_at, with_onbuild
from dockgen.lint.model import Dockerfile

from dockgen.checks._fixes import add_flag


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        if has_cache_mount(run, "/var/cache/apk"):
            continue
        command = next((c for c in run.commands if c.name == "apk" and c.has_arg("add") and not c.has_flag("no-cache")),
                       None)
        if command is not None:
            yield hit_at(run, command.program_location(),
                         fix=add_flag(dockerfile, run, _APK_ADD, "--no-cache", _NO_CACHE))


_APK_ADD = r"(?<![\w.-])apk(?:\s+--?[\w-]+(?:=\S+)?)*\s+add\b"
_NO_CACHE = r"--no-cache\b"
