"""DG505: the image exposes or runs an SSH server."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit, runs
from dockgen.knowledge import python
from dockgen.model import Dockerfile
from dockgen.parse import words

_MESSAGE = ("an SSH server in a container is one more service with credentials to leak and patch; use `docker "
            "exec` (or `kubectl exec`) to get a shell instead.")


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        inner = instruction.inner or instruction
        if inner.keyword == "EXPOSE" and any(w.split("/")[0] == "22" for w in words(inner.args)):
            yield Hit(instruction.line, "port 22 is SSH: " + _MESSAGE)
        elif inner.keyword in ("CMD", "ENTRYPOINT"):
            parts = list(inner.json_args) if inner.json_args is not None else words(inner.args)
            if any(part.rsplit("/", 1)[-1] in python.ssh_programs() for part in parts[:3]):
                yield Hit(instruction.line, "the container runs an SSH server: " + _MESSAGE)
    for run in runs(dockerfile, onbuild=True):
        packages = {arg.split("=", 1)[0] for c in run.commands if c.name in ("apt-get", "apt", "apk", "yum", "dnf")
                    and {"install", "add"} & set(c.args) for arg in c.args}
        if packages & python.ssh_packages():
            yield Hit(run.line, "an SSH server is installed: " + _MESSAGE)
