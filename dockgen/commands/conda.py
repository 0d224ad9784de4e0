"""How conda, mamba and micromamba commands read: subcommand, packages, channels."""

from __future__ import annotations

from dockgen.commands.options import Syntax, option_value, option_values, parse, positional
from dockgen.lint.model import Command

TOOLS = frozenset({"conda", "mamba", "micromamba"})
# Anaconda's licensed channels: `defaults` and the names it stands for.
DEFAULT_CHANNELS = frozenset({"defaults", "anaconda", "main", "r", "free", "pro", "msys2"})
INSTALLS = frozenset({"install", "create", "update", "upgrade"})
CHANGES = INSTALLS | {"remove", "uninstall"}
_VALUE_OPTIONS = frozenset({"c", "channel", "n", "name", "p", "prefix", "file", "repodata-fn", "solver",
                            "experimental-solver", "platform", "subdir", "r", "root-prefix"})
_MICROMAMBA_VALUE_OPTIONS = _VALUE_OPTIONS | {"f"}
_RUN = Syntax(frozenset({"n", "name", "p", "prefix", "cwd"}), anywhere=False)  # ``conda run``: then the command


def _value_options(command: Command) -> frozenset[str]:
    return _MICROMAMBA_VALUE_OPTIONS if command.name == "micromamba" else _VALUE_OPTIONS


def subcommand(command: Command) -> str | None:
    if command.name not in TOOLS:
        return None
    operands = positional(command, _value_options(command))
    return operands[0] if operands else None


def packages(command: Command) -> tuple[str, ...]:
    """Package specs named on the command line (none when they come from ``--file``)."""
    return positional(command, _value_options(command))[1:]


def channels(command: Command) -> list[str]:
    found = option_values(command, "c", "channel")
    found.extend(spec.split("::", 1)[0] for spec in packages(command) if "::" in spec)
    return found


def is_unpinned(spec: str) -> bool:
    """No version in the spec; one from a variable (``${PYTHON_SPECIFIER}``) may hold a pin, so it is not."""
    name = spec.split("::", 1)[-1]
    return not any(char in name for char in "=<>!~*[$")


def installs(command: Command) -> bool:
    """Any command that adds packages: ``install``/``create``/``update`` and ``conda env create|update``."""
    sub = subcommand(command)
    if sub in INSTALLS:
        return True
    return sub == "env" and positional(command, _value_options(command))[1:2] in (("create",), ("update",))


def spec_name(spec: str) -> str:
    """``conda-forge::numpy>=1.26`` -> ``numpy``; ``python=3.11`` -> ``python``."""
    name = spec.split("::", 1)[-1]
    for index, char in enumerate(name):
        if char in "=<>!~ [":
            return name[:index].lower()
    return name.lower()


def spec_version(spec: str) -> str:
    """The version part of a spec without its operator: ``numpy=1.26`` -> ``1.26``, ``numpy`` -> ``""``."""
    rest = spec.split("::", 1)[-1][len(spec_name(spec)):]
    return rest.lstrip("=<>!~ ").split("=", 1)[0]


def env_file(command: Command) -> str | None:
    """The file of ``conda env create|update -f FILE`` (or ``micromamba create -f``, ``install --file``)."""
    return option_value(command, "f", "file")


def configured_channels(command: Command) -> tuple[str, ...]:
    """Channels added by ``conda config --add|--append|--prepend channels X`` (and ``--set channels X``), or
    micromamba's ``config append|prepend channels X``."""
    if subcommand(command) != "config":
        return ()
    args = command.args
    found = [args[i + 2] for i, arg in enumerate(args[:-2])
             if arg in ("--add", "--append", "--prepend", "--set", "append", "prepend") and args[i + 1] == "channels"]
    return tuple(found)


def pip_specifier(spec: str) -> str:
    """A conda spec's version constraint in pip's syntax: ``=1.26`` (conda's fuzzy match) -> ``==1.26.*``,
    ``=1.26.4`` -> ``==1.26.4``, ``==1.2=py_0`` -> ``==1.2``, ``>=1.2,<2`` stays; "" when there is none or it has no
    pip equivalent (``1.2|1.4``)."""
    rest = spec.split("::", 1)[-1][len(spec_name(spec)):].strip()
    if not rest or "|" in rest:
        return ""
    if rest[0] in "<>!~":
        return rest.replace(" ", "")
    exact = rest.startswith("==")
    version = rest.lstrip("= ").split("=", 1)[0].split(" ", 1)[0]
    if not version:
        return ""
    if exact or "*" in version or version.count(".") >= 2:
        return f"=={version}"
    return f"=={version}.*"


def run_target(words: list[str]) -> list[str] | None:
    """What ``conda run`` runs: ``conda run -n env --no-capture-output python app.py`` -> ``python app.py``; None
    when the words are not a ``conda run`` (or ``mamba``/``micromamba run``)."""
    if len(words) < 2 or words[0].strip("'\"").rsplit("/", 1)[-1] not in TOOLS or words[1] != "run":
        return None
    operands = parse(words[2:], _RUN).operand_indexes
    return words[2 + operands[0]:] if operands else []
