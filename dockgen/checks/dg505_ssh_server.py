"""DG505: the image exposes or runs an SSH server."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, Message, says, with_onbuild
from dockgen.commands import system
from dockgen.knowledge import python
from dockgen.lint.model import Dockerfile, Instruction
from dockgen.lint.parse import words

def _evidence(instruction: Instruction) -> Message | None:
    if instruction.keyword == "EXPOSE" and any(w.split("/")[0] == "22" for w in words(instruction.args)):
        return says("exposed", line=instruction.line)
    if instruction.keyword in ("CMD", "ENTRYPOINT"):
        parts = list(instruction.json_args) if instruction.json_args is not None else words(instruction.args)
        if any(part.rsplit("/", 1)[-1] in python.ssh_programs() for part in parts[:3]):
            return says("started", instruction=instruction.keyword, line=instruction.line)
    if instruction.keyword == "RUN":
        packages = {package for command in instruction.commands for package in system.installed_packages(command)}
        if packages & python.ssh_packages():
            return says("installed", line=instruction.line)
    return None


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    """One finding per stage, at the first sign of the server, naming every sign."""
    groups: dict[int, list[tuple[int, Message]]] = {}
    for instruction in with_onbuild(dockerfile, "EXPOSE", "CMD", "ENTRYPOINT", "RUN"):
        found = _evidence(instruction)
        if found:
            groups.setdefault(instruction.stage, []).append((instruction.line, found))
    for signs in groups.values():
        yield Hit(signs[0][0], says(signs=tuple(sign for _, sign in signs)))
