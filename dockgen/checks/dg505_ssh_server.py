"""DG505: the image exposes or runs an SSH server."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, with_onbuild
from dockgen.commands import system
from dockgen.knowledge import python
from dockgen.model import Dockerfile
from dockgen.parse import words

_MESSAGE = ("an SSH server in a container is one more service with credentials to leak and patch; use `docker "
            "exec` (or `kubectl exec`) to get a shell instead.")


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for inner in with_onbuild(dockerfile, "EXPOSE", "CMD", "ENTRYPOINT"):
        if inner.keyword == "EXPOSE" and any(w.split("/")[0] == "22" for w in words(inner.args)):
            yield Hit(inner.line, "port 22 is SSH: " + _MESSAGE)
        elif inner.keyword in ("CMD", "ENTRYPOINT"):
            parts = list(inner.json_args) if inner.json_args is not None else words(inner.args)
            if any(part.rsplit("/", 1)[-1] in python.ssh_programs() for part in parts[:3]):
                yield Hit(inner.line, "the container runs an SSH server: " + _MESSAGE)
    for run in with_onbuild(dockerfile, "RUN"):
        packages = {package for command in run.commands for package in system.installed_packages(command)}
        if packages & python.ssh_packages():
            yield Hit(run.line, "an SSH server is installed: " + _MESSAGE)
