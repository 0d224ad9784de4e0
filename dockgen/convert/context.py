"""What a conversion carries while it walks the source: the target, each stage's state, and the notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from dockgen.commands.conda import DEFAULT_CHANNELS
from dockgen.convert.build_context import BuildContext, NoContext
from dockgen.convert.layout import Layout, Located
from dockgen.generator.catalog import Catalog



@dataclass(frozen=True)
class Target:
    manager: str  # pip | conda
    python: str  # X.Y the new image runs
    old_python: str | None  # X.Y the source ran, when known
    catalog: Catalog
    context: BuildContext = NoContext()

    @property
    def python_changed(self) -> bool:
        return self.old_python is not None and self.old_python != self.python


@dataclass
class Plan:
    """Replacement text per instruction (by first line; "" removes it) and what follows a FROM."""

    replacements: dict[int, str] = field(default_factory=dict)
    after: dict[int, list[str]] = field(default_factory=dict)


class Notes:
    """The `# Note:` lines: every change that is not a pure optimization, each said once, in order."""

    def __init__(self) -> None:
        self._lines: dict[str, None] = {}
        self._python_packages: dict[str, None] = {}
        self._same_name: dict[str, None] = {}
        self._unmapped: dict[tuple[str, str], dict[str, None]] = {}

    def add(self, text: str) -> None:
        self._lines.setdefault(text)

    def add_python_package(self, package: str) -> None:
        self._python_packages.setdefault(package)

    def add_same_name(self, package: str) -> None:
        self._same_name.setdefault(package)

    def add_unmapped(self, package: str, source: str, target: str) -> None:
        self._unmapped.setdefault((source, target), {}).setdefault(package)

    def lines(self) -> list[str]:
        found = list(self._lines)
        if self._python_packages:
            found.append(f"System packages that only installed Python ({', '.join(self._python_packages)}) are left "
                         "out: the new base brings Python, pip and venv.")
        if self._same_name:
            names = ", ".join(self._same_name)
            found.append(f"conda packages installed from PyPI under the same name: {names}; check that each is the "
                         "same project there.")
        for (source, target), packages in self._unmapped.items():
            found.append(f"{', '.join(packages)}: {source} package names kept as they are for {target}; dockgen has "
                         f"no mapping for them, so check they exist there.")
        return found


@dataclass
class StageContext:
    source_name: str
    notes: Notes
    python: str
    manager: str
    family: str  # the system package family of the new base: apt | apk | rpm
    keeps_base: bool  # the source's base is kept (dockgen does not know it)
    configured: list[str] = field(default_factory=list)  # conda channels in order of appearance
    virtual_packages: dict[str, tuple[str, ...]] = field(default_factory=dict)  # apk --virtual NAME on apt
    rpm_tool: str = "dnf"
    layout: Layout = field(default_factory=Layout)  # where context files sit in the image so far
    # per RUN (by line): the requirement files its pip installs read, None for one not found in the context
    requirement_files: dict[int, list[Located | None]] = field(default_factory=dict)
    release: str = ""  # the new base's distribution release: apt names gone from it are renamed
    same_release: bool = False  # the source's base runs that release too, so its apt version pins still exist
    conda_tool: str = ""  # the conda program the stage's installs use, when not the source's (micromamba in place)
    drops_pyenv: bool = False  # the stage builds one Python with pyenv, which the new base's Python replaces

    @property
    def replaces_python(self) -> bool:
        return not self.keeps_base

    def system_family(self, command_family: str) -> str:
        return command_family if self.keeps_base else self.family

    def add_channels(self, channels: tuple[str, ...] | list[str]) -> None:
        for channel in channels:
            if channel not in self.configured:
                self.configured.append(channel)

    def channels(self) -> tuple[str, ...]:
        """The source's channels, ``defaults`` and its aliases replaced by conda-forge, conda-forge first."""
        kept: list[str] = ["conda-forge"]
        for channel in self.configured:
            if channel in DEFAULT_CHANNELS:
                self.notes.add(f"the `{channel}` channel (Anaconda's, licensed) is replaced by conda-forge.")
                continue
            if channel.startswith(("http://", "https://")) and "anaconda.org/" not in channel:
                kept.append(channel)
            elif channel not in kept:
                kept.append(channel.rsplit("/", 1)[-1] if "anaconda.org/" in channel else channel)
        return tuple(dict.fromkeys(kept))
