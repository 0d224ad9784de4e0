"""Reading options off a command's arguments: the one place that knows how ``--name value``, ``--name=value``,
``-n value``, ``-nvalue``, clustered ``-abc`` and the ``--`` that ends options are written, for the command
modules, the checks and the converter alike. What differs between programs is their ``Syntax``: which options take
a value, and whether options may follow the first operand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from dockgen.lint.model import Command


@dataclass(frozen=True, slots=True)
class Syntax:
    """How one program reads its arguments."""

    values: frozenset[str] = frozenset()  # options (no dashes: ``o``, ``index-url``) whose value is the next word
    anywhere: bool = True  # options may follow operands (GNU getopt); False: the first operand ends them (POSIX)


class Option(NamedTuple):
    name: str  # without dashes; one letter for a short option
    value: str | None  # None for a switch, or a value option at the very end
    at: int  # the argument the option is written in (``-qi`` holds two options)
    apart: bool = False  # the value is the next argument (``-i URL``), not part of this one (``-iURL``)


class Parsed(NamedTuple):
    options: tuple[Option, ...]
    operands: tuple[str, ...]  # the words that are no option nor an option's value, in order (``-`` is one)
    operand_indexes: tuple[int, ...]  # where each operand is in the arguments


def parse(args: Sequence[str], syntax: Syntax = Syntax()) -> Parsed:
    """Split ``args`` into options and operands. ``--`` ends the options; ``-`` is an operand."""
    options: list[Option] = []
    operands: list[int] = []
    index, ended = 0, False
    while index < len(args):
        word = args[index]
        if ended or word == "-" or not word.startswith("-"):
            operands.append(index)
            ended = ended or not syntax.anywhere
        elif word == "--":
            ended = True
        else:
            found, index = _long(args, index, syntax) if word.startswith("--") else _short(args, index, syntax)
            options += found
        index += 1
    return Parsed(tuple(options), tuple(args[i] for i in operands), tuple(operands))


def _long(args: Sequence[str], index: int, syntax: Syntax) -> tuple[list[Option], int]:
    """The option written at ``index``, and the index of the last word it uses."""
    word = args[index]
    name, equals, value = word[2:].partition("=")
    if equals:
        return [Option(name, value, index)], index
    if name in syntax.values and index + 1 < len(args):
        return [Option(name, args[index + 1], index, True)], index + 1
    return [Option(name, None, index)], index


def _short(args: Sequence[str], index: int, syntax: Syntax) -> tuple[list[Option], int]:
    """``-abc`` is ``-a -b -c``; the first letter that takes a value takes the rest of the word, or the next."""
    word = args[index]
    found: list[Option] = []
    for position in range(1, len(word)):
        letter = word[position]
        if letter not in syntax.values:
            found.append(Option(letter, None, index))
            continue
        rest = word[position + 1:]
        if rest:
            return found + [Option(letter, rest, index)], index
        if index + 1 < len(args):
            return found + [Option(letter, args[index + 1], index, True)], index + 1
        return found + [Option(letter, None, index)], index
    return found, index


def positional(command: Command, values: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The command's operands: argument words that are neither options nor the values of the options ``values``."""
    return parse(command.args, Syntax(values)).operands


def option_values(command: Command, *names: str) -> list[str]:
    """Values of the options ``names`` (each taking a value), however written, in order."""
    wanted = frozenset(names)
    return [option.value for option in parse(command.args, Syntax(wanted)).options
            if option.name in wanted and option.value is not None]


def option_value(command: Command, *names: str) -> str | None:
    """The first value of any of the options ``names``, or None."""
    values = option_values(command, *names)
    return values[0] if values else None


def flag_count(command: Command, flag: str) -> int:
    """How many times a flag is given: ``-qq`` and ``-q -q`` both count ``q`` twice."""
    return sum(option.name == flag for option in parse(command.args).options)
