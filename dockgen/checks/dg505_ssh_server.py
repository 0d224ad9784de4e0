"""DG505: the image exposes or runs an SSH server."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, Message, hit_at, says, with_onbuild, written_at
from dockgen.commands import system
from dockgen.knowledge import python
from dockgen.lint.model import Dockerfile, Instruction, Location
from dockgen.lint.parse import words


def _evidence(instruction: Instruction) -> tuple[Message, Location | None] | None:
    """What says the server is there, and where: the port, the server program or the package."""
    if instruction.keyword == "EXPOSE":
        port = next((w for w in words(instruction.args) if w.split("/")[0] == "22"), None)
        return (says("exposed", line=instruction.line), written_at(instruction, port)) if port else None
    if instruction.keyword in ("CMD", "ENTRYPOINT"):
        parts = list(instruction.json_args) if instruction.json_args is not None else words(instruction.args)
        program = next((part for part in parts[:3] if part.rsplit("/", 1)[-1] in python.ssh_programs()), None)
        if program:
            return (says("started", instruction=instruction.keyword, line=instruction.line),
                    written_at(instruction, program))
    if instruction.keyword == "RUN":
        for command in instruction.commands:
            package = next((p for p in system.installed_packages(command) if p in python.ssh_packages()), None)
            if package:
                written = next((a for a in command.args if a.split("=", 1)[0] == package), package)
                where = command.find(written)  # the package's own line, on a continuation line too
                return says("installed", line=where.line if where else instruction.line), where
    return None


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    """One finding per stage, at the first sign of the server, naming every sign."""
    groups: dict[int, list[tuple[Instruction, Message, Location | None]]] = {}
    for instruction in with_onbuild(dockerfile, "EXPOSE", "CMD", "ENTRYPOINT", "RUN"):
        found = _evidence(instruction)
        if found:
            groups.setdefault(instruction.stage, []).append((instruction, *found))
    for signs in groups.values():
        first, _, where = signs[0]
        yield hit_at(first, where, says(signs=tuple(sign for _, sign, _ in signs)))
