"""What curl and wget fetch: which files they write and which paths rm removes (DG508), and which shell or
interpreter runs what they fetch straight away (DG502)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from dockgen.commands.options import Syntax, parse
from dockgen.lint.model import Command
from dockgen.lint.shell import parse_script

_CURL_VALUES = frozenset("ACDEHKPXYbcdemortuwxyzQTUF")  # short options that take a value (curl --help all)
_WGET_VALUES = frozenset("OoaPetUTwQiBDYlIXAR")


def _url_name(url: str) -> str:
    """The file name ``curl -O`` or ``wget`` gives a URL: its last path segment, query dropped."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    if "://" in path:
        path = path.split("://", 1)[1]
        if "/" not in path:
            return ""
        path = path.split("/", 1)[1]
    return path.rstrip("/").rsplit("/", 1)[-1] if path.rstrip("/") else ""


def _short_options(args: tuple[str, ...], takes_value: frozenset[str]) -> list[tuple[str, str | None, int]]:
    """(option letter, value, index of the last word used) for every short option in clustered words."""
    found: list[tuple[str, str | None, int]] = []
    index = 0
    while index < len(args):
        word = args[index]
        if word.startswith("-") and not word.startswith("--") and len(word) > 1:
            for position, letter in enumerate(word[1:], start=1):
                if letter in takes_value:
                    rest = word[position + 1:]
                    if rest:
                        found.append((letter, rest, index))
                    elif index + 1 < len(args):
                        index += 1
                        found.append((letter, args[index], index))
                    break
                found.append((letter, None, index))
        index += 1
    return found


def _long(args: tuple[str, ...], name: str) -> list[str]:
    values = []
    for index, word in enumerate(args):
        if word == f"--{name}" and index + 1 < len(args):
            values.append(args[index + 1])
        elif word.startswith(f"--{name}="):
            values.append(word.split("=", 1)[1])
    return values


def _urls(args: tuple[str, ...]) -> list[str]:
    return [word for word in args if "://" in word and not word.startswith("-")]


def downloaded_files(command: Command) -> list[str]:
    """The files a curl or wget command writes, as written (relative to the directory it runs in)."""
    args = command.args
    if command.name == "curl":
        shorts = _short_options(args, _CURL_VALUES)
        files = [value for letter, value, _ in shorts if letter == "o" and value] + _long(args, "output")
        if any(letter == "O" for letter, _, _ in shorts) or "--remote-name" in args or "--remote-name-all" in args:
            directory = (_long(args, "output-dir") or [""])[-1]
            files += [posixpath.join(directory, name) for url in _urls(args) if (name := _url_name(url))]
        return [f for f in files if f != "-" and not f.startswith("/dev/")]
    if command.name == "wget":
        shorts = _short_options(args, _WGET_VALUES)
        named = [value for letter, value, _ in shorts if letter == "O" and value] + _long(args, "output-document")
        if named:
            return [f for f in named if f != "-" and not f.startswith("/dev/")]
        if "-r" in args or "--recursive" in args or "-m" in args or "--mirror" in args or "-i" in args:
            return []
        directory = ([value for letter, value, _ in shorts if letter == "P" and value]
                     + _long(args, "directory-prefix") or [""])[-1]
        return [posixpath.join(directory, name) for url in _urls(args) if (name := _url_name(url))]
    return []


def removed_paths(command: Command) -> list[str]:
    """The paths ``rm`` removes, as written (globs kept)."""
    if command.name != "rm":
        return []
    words: list[str] = []
    options_done = False
    for word in command.args:
        if word == "--" and not options_done:
            options_done = True
        elif word.startswith("-") and not options_done:
            continue
        else:
            words.append(word)
    return words


_SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh"})
# How each reads its arguments (options stop at the first operand, the script file), and the options that give it
# its program on the command line instead.
_SYNTAX = {"sh": Syntax(frozenset({"o", "O", "rcfile", "init-file"}), anywhere=False),
           "python": Syntax(frozenset({"c", "m", "W", "X", "Q"}), anywhere=False),
           "perl": Syntax(frozenset({"e", "E", "I", "M", "m", "x"}), anywhere=False),
           "ruby": Syntax(frozenset({"e", "I", "r", "C", "E", "F"}), anywhere=False)}
_PROGRAM_OPTIONS = {"sh": frozenset({"c"}), "python": frozenset({"c", "m"}), "perl": frozenset({"e", "E"}),
                    "ruby": frozenset({"e"})}
_EVALUATORS = frozenset({"eval", "source", "."})


def _family(command: Command) -> str | None:
    name = command.name
    if name in _SHELLS:
        return "sh"
    if re.fullmatch(r"python[0-9.]*", name):
        return "python"
    return name if name in ("perl", "ruby") else None


def reads_program_from_stdin(command: Command) -> bool:
    """A shell or interpreter that runs what comes in on standard input: ``sh``, ``bash -s -- -y``, ``python3 -``;
    not ``bash install.sh``, ``sh -c '...'`` or ``python3 -m json.tool``."""
    family = _family(command)
    if family is None:
        return False
    parsed = parse(command.args, _SYNTAX[family])
    names = {option.name for option in parsed.options}
    if names & _PROGRAM_OPTIONS[family]:
        return False
    return (family == "sh" and "s" in names) or not parsed.operands or parsed.operands[0] == "-"


def runs_fetched_script(commands: Sequence[Command], pipelines: Sequence[Sequence[Command]],
                        depth: int = 0) -> Command | None:
    """The shell or interpreter that runs a script curl or wget fetched, unread: at the end of their pipe
    (``curl -fsSL URL | sh``, ``wget -qO- URL | tee log | sudo bash -``), or handed it as a command or process
    substitution (``sh -c "$(curl ...)"``, ``eval "$(wget -O- ...)"``, ``bash <(curl ...)``), also inside a
    ``bash -c`` script."""
    for pipeline in pipelines:
        for position in range(1, len(pipeline)):
            if reads_program_from_stdin(pipeline[position]) and any(
                    command.name in ("curl", "wget") for command in pipeline[:position]):
                return pipeline[position]
    if depth < 3:
        for command in commands:
            if any(_fetches(text, depth) for text in _program_texts(command)):
                return command
    return None


def _program_texts(command: Command) -> tuple[str, ...]:
    """The words a command runs as a program: ``eval``'s arguments, what ``source`` reads, a shell's ``-c``
    script or script file, an interpreter's ``-c``/``-e`` program."""
    if command.name in _EVALUATORS:
        return command.args if command.name == "eval" else command.args[:1]
    family = _family(command)
    if family is None:
        return ()
    parsed = parse(command.args, _SYNTAX[family])
    given = [o.value for o in parsed.options if o.name in _PROGRAM_OPTIONS[family] and o.value is not None]
    return (*given, *parsed.operands[:1])


def _fetches(text: str, depth: int) -> bool:
    """The text is a substitution whose commands fetch with curl or wget, or a script that runs a fetched one."""
    script = parse_script(text)
    if text.startswith(("$(", "`", "<(")) and any(c.name in ("curl", "wget") for c in script.commands[1:]):
        return True
    return runs_fetched_script(script.commands, script.pipelines, depth + 1) is not None
