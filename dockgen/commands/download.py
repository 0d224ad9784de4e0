"""Which files curl and wget write, and which paths rm removes (DG508)."""

from __future__ import annotations

import posixpath

from dockgen.lint.model import Command

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
