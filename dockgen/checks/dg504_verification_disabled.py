"""DG504: TLS certificate or package signature checks turned off."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, with_onbuild
from dockgen.knowledge import python
from dockgen.model import Command, Dockerfile
from dockgen.parse import key_values


def _insecure_option(command: Command) -> str | None:
    for option in python.insecure_options().get(command.name, ()):
        if any(arg == option or arg.startswith(option + "=") for arg in command.args):
            return f"`{command.name} {option}`"
    text = " ".join(command.args).lower()
    fragment = next((f for f in python.insecure_fragments() if f in text), None)
    return f"`{fragment}`" if fragment else None


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
            yield Hit(env.line, f"`{found[0]}` turns off certificate checks for everything that runs later, so a "
                      f"man in the middle can serve any package; fix the CA bundle instead.")
    for run in with_onbuild(dockerfile, "RUN"):
        verified = any(_verifies(c) for c in run.commands)
        what = next((w for c in run.commands if (w := _insecure_option(c))
                     and not (verified and c.name in ("curl", "wget"))), None)
        if what is None:
            assignments = [a.partition("=") for c in run.commands for a in c.assignments]
            what = next((f"`{k}`" for k, _, v in assignments if _insecure_env(k, v.strip("'\""))), None)
        if what:
            yield Hit(run.line, f"{what} turns off certificate or signature checks, so a man in the middle can "
                      f"serve any file or package; fix the CA bundle or add the repository's key instead.")
