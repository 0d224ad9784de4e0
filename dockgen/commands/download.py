"""Which files curl and wget write, and which paths rm removes (DG508)."""

from __future__ import annotations

import posixpath

from dockgen.commands.options import Option, Syntax, parse
from dockgen.lint.model import Command

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
