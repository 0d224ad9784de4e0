"""What a pip command does: is it an install, which requirements it names, are they pinned (DL3013, DL3042)."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    positional = command.positional(VALUE_OPTIONS)
    if "install" not in positional:
        return ()
    return positional[positional.index("install") + 1:]


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
    kinds: dict[str, list[str]] = {"r": [], "c": [], "e": [], "options": [], "requirements": []}
    index = 0
    while index < len(args):
        word = args[index]
        name, value = _option(word)
        if name is None:
            kinds["requirements"].append(word)
        elif name in ("r", "requirement", "c", "constraint", "e", "editable"):
            if value is None and index + 1 < len(args):
                index += 1
                value = args[index]
            kinds[name[0]].append(value or "")
        elif name in VALUE_OPTIONS and value is None and index + 1 < len(args):
            index += 1
            kinds["options"].append(f"{word}={args[index]}" if word.startswith("--") else f"{word} {args[index]}")
        else:
            kinds["options"].append(word)
        index += 1
    return PipInstall(tuple(kinds["requirements"]), tuple(kinds["r"]), tuple(kinds["c"]), tuple(kinds["e"]),
                      tuple(kinds["options"]))


def _option(word: str) -> tuple[str | None, str | None]:
    """``--index-url=X`` -> (index-url, X); ``-rfile`` -> (r, file); ``-U`` -> (U, None); a requirement -> None."""
    if not word.startswith("-") or word in ("-", "--"):
        return None, None
    if word.startswith("--"):
        name, equals, value = word[2:].partition("=")
        return name, value if equals else None
    if word[1] in "rce" and len(word) > 2:
        return word[1], word[2:]
    return word[1:], None


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
