"""How hadolint recognises a ``pip install`` and its packages (DL3013, DL3042), shared with our pip rules."""

from __future__ import annotations

from dockgen.model import Command

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
