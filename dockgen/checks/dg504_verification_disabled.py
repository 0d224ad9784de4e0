"""DG504: TLS certificate or package signature checks turned off."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.knowledge import python
from dockgen.lint.model import Command, Dockerfile, Location
from dockgen.lint.parse import key_values


def _insecure_option(command: Command) -> tuple[str, Location | None] | None:
    """What turns the checks off, and where the word that says it is written."""
    for option in python.insecure_options().get(command.name, ()):
        for index, arg in enumerate(command.args):
            if arg == option or arg.startswith(option + "="):
                return f"{command.name} {option}", command.arg_location(index)
    text = " ".join(command.args).lower()
    fragment = next((f for f in python.insecure_fragments() if f in text), None)
    if fragment is None:
        return None
    at = next((i for i, arg in enumerate(command.args) if fragment in arg.lower()), None)
    return fragment, command.program_location() if at is None else command.arg_location(at)


_CHECKSUMS = frozenset({"sha256sum", "sha384sum", "sha512sum", "shasum", "b2sum"})


def _verifies(command: Command) -> bool:
    """A checksum or signature check: a file fetched without TLS checks is verified all the same."""
    if command.name in _CHECKSUMS:
        return command.has_flag("c", "check")
    return command.name == "gpgv" or (command.name in ("gpg", "gpg2") and command.has_flag("verify"))


def _insecure_env(key: str, value: str) -> bool:
    values = python.insecure_env().get(key)
    return values is not None and ("*" in values or value.strip().lower() in values)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for env in with_onbuild(dockerfile, "ENV"):
        found = [key for key, value in key_values(env.args) if _insecure_env(key, value)]
        if found:
            yield Hit(env.line, says("environment", variable=found[0]))
    for run in with_onbuild(dockerfile, "RUN"):
        verified = any(_verifies(c) for c in run.commands)
        insecure = next((w for c in run.commands if (w := _insecure_option(c))
                         and not (verified and c.name in ("curl", "wget"))), None)
        if insecure is None:
            insecure = next(((key, c.find(a)) for c in run.commands for a in c.assignments
                             for key, _, value in [a.partition("=")] if _insecure_env(key, value.strip("'\""))), None)
        if insecure:
            yield hit_at(run, insecure[1], says(setting=insecure[0]))
