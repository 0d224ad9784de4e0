"""Reading one table of a data file into typed values, with errors that name the file, the table and the key.

Every loader of a data file kind (``dockgen.knowledge.data``, ``dockgen.knowledge.packages``) reads its tables
through a :class:`Reader` and calls :meth:`Reader.done` last, so a misspelt or unknown key is an error instead of a
fact that silently never applies. Standard library only: the lint path imports it.
"""

from __future__ import annotations

import datetime
from typing import TypeVar

from dockgen.errors import DockgenError

_T = TypeVar("_T")
_TYPE_NAMES = {str: "a string", int: "an integer", bool: "true or false", datetime.date: "a date", list: "a list",
               dict: "a table"}


class Reader:
    """The keys of one table, taken one at a time; ``where`` names it (``rules/knowledge/images.toml [conda]``)."""

    def __init__(self, table: object, where: str) -> None:
        if not isinstance(table, dict):  # what tomllib and json give: faster to test than Mapping
            raise DockgenError(f"{where}: must be a table, not {_describe(table)}")
        self._table: dict[str, object] = table
        self._taken: set[str] = set()
        self.where = where

    def keys(self) -> tuple[str, ...]:
        return tuple(self._table)

    def has(self, key: str) -> bool:
        return key in self._table

    def text(self, key: str, default: str | None = None) -> str:
        return self._typed(key, str, default)

    def flag(self, key: str, default: bool | None = None) -> bool:
        return self._typed(key, bool, default)

    def number(self, key: str) -> int:
        found = self._typed(key, int, None)
        if isinstance(found, bool):
            raise DockgenError(f"{self.where}: {key} must be an integer, not true or false")
        return found

    def date(self, key: str) -> datetime.date:
        found = self._typed(key, datetime.date, None)
        if isinstance(found, datetime.datetime):
            raise DockgenError(f"{self.where}: {key} must be a date without a time")
        return found

    def texts(self, key: str, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """A list of strings."""
        if key not in self._table and default is not None:
            self._taken.add(key)
            return default
        items = self._typed(key, list, None)
        if not all(isinstance(item, str) for item in items):
            raise DockgenError(f"{self.where}: {key} must be a list of strings")
        return tuple(items)

    def alternatives(self, key: str) -> tuple[str, ...]:
        """A string, or a list of strings: the choices, first preferred."""
        if isinstance(self._table.get(key), str):
            return (self.text(key),)
        return self.texts(key)

    def table(self, key: str, optional: bool = False) -> Reader:
        """A sub-table; an optional one that is absent reads as empty."""
        found = self._typed(key, dict, {} if optional else None)
        return Reader(found, f"{self.where} [{key}]")

    def tables(self, key: str) -> tuple[Reader, ...]:
        """An array of tables (``[[release]]``), each named by its position."""
        found = self._typed(key, list, None)
        return tuple(Reader(item, f"{self.where} [[{key}]] #{number}") for number, item in enumerate(found, 1))

    def text_map(self, key: str) -> dict[str, str]:
        """An optional table of strings (``[env]``)."""
        if key not in self._table:
            self._taken.add(key)
            return {}
        sub = self.table(key)
        return {name: sub.text(name) for name in sub.keys()}

    def texts_map(self, key: str, optional: bool = False) -> dict[str, tuple[str, ...]]:
        """A table whose every value is a list of strings (``[build-tools]``)."""
        sub = self.table(key, optional)
        return {name: sub.texts(name) for name in sub.keys()}

    def done(self) -> None:
        """Every key was taken: anything else is unknown."""
        unknown = sorted(set(self._table) - self._taken)
        if unknown:
            raise DockgenError(f"{self.where}: unknown key {unknown[0]!r}")

    def _typed(self, key: str, kind: type[_T], default: _T | None) -> _T:
        self._taken.add(key)
        if key not in self._table:
            if default is None:
                raise DockgenError(f"{self.where}: missing key {key!r}")
            return default
        found = self._table[key]
        if not isinstance(found, kind):
            raise DockgenError(f"{self.where}: {key} must be {_TYPE_NAMES[kind]}, not {_describe(found)}")
        return found


def _describe(value: object) -> str:
    for kind, name in reversed(_TYPE_NAMES.items()):  # a bool is an int, a datetime a date: test the narrow first
        if isinstance(value, kind):
            return name
    return type(value).__name__
