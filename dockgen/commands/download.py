"""What curl and wget fetch: which files they write and which paths rm removes (DG508), and which shell or
interpreter runs what they fetch straight away (DG502)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from dockgen.commands.options import Option, Syntax, parse
from dockgen.lint.model import Command
from dockgen.lint.shell import parse_script

# Options whose value is the next word (``curl --help all``, ``wget --help``): the short ones, and the long ones
# read here or likely to carry a URL.
_CURL = Syntax(frozenset("ACDEHKPXYbcdemortuwxyzQTUF") | {
    "output", "output-dir", "url", "header", "data", "data-binary", "data-raw", "data-urlencode", "user",
    "user-agent", "referer", "cookie", "cookie-jar", "cacert", "cert", "key", "config", "proxy", "request", "form",
    "write-out", "upload-file", "range", "retry", "retry-delay", "retry-max-time", "max-time", "connect-timeout",
    "resolve", "limit-rate", "netrc-file", "proto", "proto-redir"})
_WGET = Syntax(frozenset("OoaPetUTwQiBDYlIXAR") | {
    "output-document", "directory-prefix", "output-file", "append-output", "input-file", "tries", "timeout", "wait",
    "user", "password", "header", "user-agent", "referer", "post-data", "post-file", "level", "accept", "reject",
    "ca-certificate", "certificate", "private-key", "load-cookies", "save-cookies", "limit-rate", "quota",
    "execute", "base", "config", "progress", "cut-dirs", "domains"})


def _url_name(url: str) -> str:
    """The file name ``curl -O`` or ``wget`` gives a URL: its last path segment, query dropped."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    if "://" in path:
        path = path.split("://", 1)[1]
        if "/" not in path:
            return ""
        path = path.split("/", 1)[1]
    return path.rstrip("/").rsplit("/", 1)[-1] if path.rstrip("/") else ""


def _values(options: list[Option], *names: str) -> list[str]:
    return [option.value for option in options if option.name in names and option.value is not None]


def downloaded_files(command: Command) -> list[str]:
    """The files a curl or wget command writes, as written (relative to the directory it runs in)."""
    if command.name not in ("curl", "wget"):
        return []
    parsed = parse(command.args, _CURL if command.name == "curl" else _WGET)
    options = list(parsed.options)
    names = {option.name for option in options}
    urls = [word for word in parsed.operands if "://" in word]
    if command.name == "curl":
        files = _values(options, "o", "output")
        if names & {"O", "remote-name", "remote-name-all"}:
            directory = (_values(options, "output-dir") or [""])[-1]
            files += [posixpath.join(directory, name) for url in urls + _values(options, "url")
                      if (name := _url_name(url))]
        return [f for f in files if f != "-" and not f.startswith("/dev/")]
    named = _values(options, "O", "output-document")
    if named:
        return [f for f in named if f != "-" and not f.startswith("/dev/")]
    if names & {"r", "recursive", "m", "mirror", "i", "input-file"}:
        return []
    directory = (_values(options, "P", "directory-prefix") or [""])[-1]
    return [posixpath.join(directory, name) for url in urls if (name := _url_name(url))]


def removed_paths(command: Command) -> list[str]:
    """The paths ``rm`` removes, as written (globs kept)."""
    return list(parse(command.args).operands) if command.name == "rm" else []


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
