"""What xargs runs: the command after its own options."""

from __future__ import annotations

from dockgen.lint.model import Command

# xargs options whose value is the next word when written apart.
_XARGS_VALUES = frozenset({"-n", "-L", "-P", "-d", "-E", "-I", "-s", "-a", "--max-args",
                           "--max-lines", "--max-procs", "--delimiter", "--eof", "--replace", "--max-chars",
                           "--arg-file", "--process-slot-var"})


def run_by_xargs(command: Command) -> Command | None:
    """The command xargs runs (``xargs -n 1 pip install`` runs ``pip install``); None for anything else."""
    if command.name != "xargs":
        return None
    args = command.args
    index = 0
    while index < len(args) and args[index].startswith("-") and args[index] != "--":
        index += 2 if args[index] in _XARGS_VALUES else 1
    if index < len(args) and args[index] == "--":
        index += 1
    if index >= len(args):
        return None
    program = args[index]
    return Command(name=program.rsplit("/", 1)[-1], args=args[index + 1:], program=program)
