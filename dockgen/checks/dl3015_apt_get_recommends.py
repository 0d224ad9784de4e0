"""DL3015: ``apt-get install`` without ``--no-install-recommends``."""

import re
from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, with_onbuild
from dockgen.commands.system import is_apt_get_install
from dockgen.lint.model import Dockerfile

from dockgen.checks._fixes import APT_GET_INSTALL, add_flag


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        command = next((c for c in run.commands if is_apt_get_install(c) and not c.has_flag("no-install-recommends")
                        and not c.has_arg("APT::Install-Recommends=false")), None)
        if command is not None:
            yield hit_at(run, command.program_location(),
                         fix=add_flag(dockerfile, run, APT_GET_INSTALL, "--no-install-recommends", _NO_REC))


_NO_REC = r"--no-install-recommends|Install-Recommends"
