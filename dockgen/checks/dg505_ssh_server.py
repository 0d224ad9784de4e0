"""DG505: the image exposes or runs an SSH server."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit
from dockgen.knowledge import python
from dockgen.model import Dockerfile, Instruction
from dockgen.parse import words

CODE = "DG505"
_MESSAGE = ("an SSH server in a container is one more service with credentials to leak and patch; use `docker "
            "exec` (or `kubectl exec`) to get a shell instead.")


def _evidence(instruction: Instruction) -> str | None:
    inner = instruction.inner or instruction
    if inner.keyword == "EXPOSE" and any(w.split("/")[0] == "22" for w in words(inner.args)):
        return f"port 22 exposed at line {instruction.line}"
    if inner.keyword in ("CMD", "ENTRYPOINT"):
        parts = list(inner.json_args) if inner.json_args is not None else words(inner.args)
        if any(part.rsplit("/", 1)[-1] in python.ssh_programs() for part in parts[:3]):
            return f"started by {inner.keyword} at line {instruction.line}"
    if inner.keyword == "RUN":
        packages = {arg.split("=", 1)[0] for c in inner.commands if c.name in ("apt-get", "apt", "apk", "yum", "dnf")
                    and {"install", "add"} & set(c.args) for arg in c.args}
        if packages & python.ssh_packages():
            return f"installed at line {instruction.line}"
    return None


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    """One finding per stage, at the first sign of the server, naming every sign."""
    groups: dict[int, list[tuple[int, str]]] = {}
    for instruction in dockerfile.instructions:
        found = _evidence(instruction)
        if found:
            groups.setdefault(instruction.stage, []).append((instruction.line, found))
    for signs in groups.values():
        yield Hit(signs[0][0], f"an SSH server ({', '.join(sign for _, sign in signs)}): " + _MESSAGE)
