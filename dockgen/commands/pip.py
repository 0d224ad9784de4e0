"""What a pip command does: is it an install, which requirements it names, are they pinned (DL3013, DL3042)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from dockgen.commands.options import Option, Syntax, parse, positional
from dockgen.lint.model import Command

# Options whose value is the next word when written without ``=``.
VALUE_OPTIONS = frozenset({
    "abi", "b", "build", "e", "editable", "extra-index-url", "f", "find-links", "i", "index-url",
    "implementation", "no-binary", "only-binary", "platform", "prefix", "progress-bar", "proxy", "python",
    "python-version", "root", "root-user-action", "src", "t", "target", "trusted-host", "upgrade-strategy",
})
_VERSION_OPERATORS = ("==", ">=", "<=", ">", "<", "!=", "~=")
_VCS_PREFIXES = ("git", "hg+", "svn", "bzr+")


def is_pip(command: Command) -> bool:
    """``pip``, ``pip3``, ``pip3.12`` (not ``pipenv``) or ``python... -m pip``."""
    if command.name.startswith("pip") and not command.name.startswith("pipenv"):
        return True
    return command.name.startswith("python") and _has_sequence(command.args, ("-m", "pip"))


def is_pip_install(command: Command) -> bool:
    return is_pip(command) and command.has_arg("install")


def is_pip_wrapper(command: Command) -> bool:
    """pipx and pipenv manage their own environments and caches."""
    if "pipx" in command.name or "pipenv" in command.name:
        return True
    return _has_sequence(command.args, ("-m", "pipx")) or _has_sequence(command.args, ("-m", "pipenv"))


def installed_packages(command: Command) -> tuple[str, ...] | None:
    """Requirement words after ``install``; None when a requirements file, ``.`` or constraints make it unknown."""
    if command.has_arg("-r", "--requirement", ".") or command.has_flag("c", "constraint"):
        return None
    operands = positional(command, VALUE_OPTIONS)
    if "install" not in operands:
        return ()
    return operands[operands.index("install") + 1:]


def is_pinned(requirement: str) -> bool:
    if any(operator in requirement for operator in _VERSION_OPERATORS):
        return True
    if requirement.endswith((".whl", ".tar.gz")):
        return True
    if requirement.startswith(_VCS_PREFIXES):
        return "@" in requirement
    return "/" in requirement


def _has_sequence(args: tuple[str, ...], sequence: tuple[str, ...]) -> bool:
    size = len(sequence)
    return any(args[i:i + size] == sequence for i in range(len(args) - size + 1))


@dataclass(frozen=True)
class PipInstall:
    """Everything one ``pip install`` asks for, sorted by kind; ``options`` keeps the other options as written."""

    requirements: tuple[str, ...]  # named requirements, URLs, VCS links and paths, as written
    requirement_files: tuple[str, ...]  # -r
    constraint_files: tuple[str, ...]  # -c
    editables: tuple[str, ...]  # -e
    options: tuple[str, ...]  # every other option word, values attached (``--index-url=URL``)


def parse_install(command: Command) -> PipInstall | None:
    """The requirements and options of a ``pip install``; None for any other command."""
    if not is_pip_install(command) or is_pip_wrapper(command):
        return None
    args = list(command.args)
    if command.name.startswith("python"):
        args = args[args.index("pip") + 1:]
    args = args[args.index("install") + 1:] if "install" in args else []
    parsed = parse(args, _SYNTAX)
    kinds: dict[str, list[str]] = {"r": [], "c": [], "e": [], "options": []}
    for _, written in itertools.groupby(parsed.options, key=lambda option: option.at):  # one option word at a time
        word = list(written)
        listed = next((o for o in word if o.name in _LISTS), None)
        if listed is not None:
            kinds[listed.name[0]].append(listed.value or "")
        else:
            kinds["options"].append(_as_written(word[-1], args))
    return PipInstall(parsed.operands, tuple(kinds["r"]), tuple(kinds["c"]), tuple(kinds["e"]),
                      tuple(kinds["options"]))


# Options that name requirement files, constraint files and editable projects.
_LISTS = frozenset({"r", "requirement", "c", "constraint", "e", "editable"})
_SYNTAX = Syntax(VALUE_OPTIONS | _LISTS)


def _as_written(option: Option, args: list[str]) -> str:
    """An option word with its value when that is the next word: ``--index-url=URL``, ``-i URL``."""
    word = args[option.at]
    if not option.apart:
        return word
    return f"{word}={option.value}" if word.startswith("--") else f"{word} {option.value}"


def is_local(requirement: str) -> bool:
    """``.``, ``./pkg``, ``/wheels/x.whl``, ``dist/*.whl``: a path in the image, not a name or a URL."""
    if "://" in requirement or requirement.startswith(_VCS_PREFIXES):
        return False
    return requirement.startswith((".", "/", "~", "$")) or "/" in requirement.split("[", 1)[0] or requirement.endswith(
        (".whl", ".tar.gz", ".zip"))


def requirement_name(requirement: str) -> str | None:
    """The PEP 503 name of a named requirement (``Spacy[cuda]==3.8`` -> ``spacy``); None for URLs, VCS and paths."""
    if "://" in requirement or requirement.startswith(_VCS_PREFIXES) or is_local(requirement):
        if " @ " in requirement or "#egg=" in requirement:
            name = requirement.split(" @ ", 1)[0] if " @ " in requirement else requirement.split("#egg=", 1)[1]
            return re.match(_NAME, name).group().lower().replace("_", "-").replace(".", "-")  # type: ignore[union-attr]
        return None
    match = re.match(_NAME, requirement)
    return re.sub(r"[-_.]+", "-", match.group()).lower() if match else None


def has_version(requirement: str) -> bool:
    """Whether a named requirement carries a version specifier (``==$VERSION`` and ``==7.24.*`` count)."""
    return any(operator in requirement for operator in _VERSION_OPERATORS) or " @ " in requirement


_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"


def normalize(name: str) -> str:
    """PEP 503 project name: ``Foo_Bar.baz`` and ``foo-bar-baz`` are the same project."""
    return re.sub(r"[-_.]+", "-", name).lower()
