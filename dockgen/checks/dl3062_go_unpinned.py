"""DL3062: go install, get or run of a module without a version."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, with_onbuild
from dockgen.model import Command, Dockerfile


def _pinned(word: str) -> bool:
    if word == "." or word.startswith(("/", ".")):
        return True
    return "@" in word and not word.endswith(("@latest", "@none"))


def _run_loose(command: Command) -> bool:
    words = command.positional()
    after = words[words.index("run") + 1:] if "run" in words else []
    return bool(after) and not _pinned(after[0])


def _install_loose(command: Command) -> bool:
    return any(not _pinned(w) for w in command.positional() if w not in ("install", "get", "tool"))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        gos = [c for c in run.commands if c.name == "go"]
        runners = [c for c in gos if c.has_arg("run")]
        if runners:
            loose = any(_run_loose(c) for c in runners)
        else:
            loose = any(_install_loose(c) for c in gos if c.has_arg("install", "get"))
        if loose:
            yield Hit(run.line)
