"""DL3062: go install, get or run of a module without a version."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.commands.options import positional
from dockgen.lint.model import Command, Dockerfile


def _pinned(word: str) -> bool:
    if word == "." or word.startswith(("/", ".")):
        return True
    return "@" in word and not word.endswith(("@latest", "@none"))


def _run_loose(command: Command) -> list[str]:
    words = positional(command)
    after = words[words.index("run") + 1:] if "run" in words else []
    return [after[0]] if after and not _pinned(after[0]) else []


def _install_loose(command: Command) -> list[str]:
    if not command.has_arg("install", "get"):
        return []
    return [w for w in positional(command) if w not in ("install", "get", "tool") and not _pinned(w)]


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        gos = [c for c in run.commands if c.name == "go"]
        runners = [c for c in gos if c.has_arg("run")]
        loose = _run_loose if runners else _install_loose
        command = next((c for c in runners or gos if loose(c)), None)
        if command is not None:
            verb = "run" if runners else next((a for a in command.args if a in ("install", "get")), "install")
            yield hit_at(run, command.find(loose(command)[0]), says(module=loose(command)[0], verb=verb))
