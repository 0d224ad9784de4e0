"""What ``--compare`` knows about each variant: the records the report is written from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """One installed distribution: a wheel (pip) or a conda package."""

    name: str
    version: str
    filename: str | None = None
    download: int | None = None  # bytes
    installed: int | None = None  # bytes unpacked; None when the index does not say
    problem: str | None = None  # why a number is missing


@dataclass(frozen=True)
class Side:
    manager: str
    image: str
    base_size: str  # the catalog's words ("about 120 MB on disk ...")
    base_bytes: int | None
    requested: tuple[str, ...]
    method: str  # how the list of installs was found
    items: tuple[Item, ...]
    system_packages: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()  # numbers that could not be had, and why

    @property
    def download(self) -> int:
        return sum(item.download or 0 for item in self.items)

    @property
    def installed(self) -> int:
        return sum(item.installed or 0 for item in self.items)

    @property
    def complete_download(self) -> bool:
        return bool(self.items) and all(item.download is not None for item in self.items)

    @property
    def complete_installed(self) -> bool:
        return bool(self.items) and all(item.installed is not None for item in self.items)
