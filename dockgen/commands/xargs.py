"""What xargs runs: the command after its own options."""

from __future__ import annotations

from dockgen.commands.options import Syntax, parse
from dockgen.lint.model import Command

# xargs options whose value is the next word when written apart; the first operand is the command it runs.
_XARGS = Syntax(frozenset({"n", "L", "P", "d", "E", "I", "s", "a", "max-args", "max-lines", "max-procs", "delimiter",
                           "eof", "replace", "max-chars", "arg-file", "process-slot-var"}), anywhere=False)


def run_by_xargs(command: Command) -> Command | None:
    """The command xargs runs (``xargs -n 1 pip install`` runs ``pip install``); None for anything else."""
    if command.name != "xargs":
        return None
    operands = parse(command.args, _XARGS).operand_indexes
    if not operands:
        return None
    program = command.args[operands[0]]
    return Command(name=program.rsplit("/", 1)[-1], args=command.args[operands[0] + 1:], program=program)
