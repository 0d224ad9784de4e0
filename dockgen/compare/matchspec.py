"""Enough of conda's match specifications and version ordering to pick packages from repodata for an estimate:
``name``, ``name=1.2``, ``name==1.2.3``, ``name >=1.2,<2.0a0``, ``name 1.2.* build_glob``, ``a|b`` alternatives.
Not a solver: ``condaforge.closure`` chooses greedily, newest first."""

from __future__ import annotations

import fnmatch
import functools
import re
from dataclasses import dataclass

_OPERATORS = ("==", "!=", ">=", "<=", "~=", ">", "<", "=")
_PART = re.compile(r"\d+|[A-Za-z]+")


@dataclass(frozen=True)
class MatchSpec:
    name: str
    version: str = ""  # conda version constraint, "" for any
    build: str = ""  # glob, "" for any

    @classmethod
    def parse(cls, text: str) -> MatchSpec:
        text = text.strip()
        if " " not in text and "=" in text.lstrip("=<>!~") and not re.search(r"[<>!~]", text):
            name, _, rest = text.partition("=")
            if rest.startswith("="):
                return cls(name, rest)  # name==1.2.3
            version, _, build = rest.partition("=")
            return cls(name, version if version.endswith("*") else version + "*" if version else "", build)
        match = re.match(r"([A-Za-z0-9_.\-]+)\s*(.*)", text)
        if not match:
            return cls(text)
        name, rest = match.groups()
        parts = rest.split()
        version = parts[0] if parts else ""
        build = parts[1] if len(parts) > 1 else ""
        return cls(name, version, build)

    def matches(self, version: str, build: str) -> bool:
        if self.build and not fnmatch.fnmatchcase(build, self.build):
            return False
        return not self.version or version_matches(version, self.version)


def version_matches(version: str, constraint: str) -> bool:
    return any(all(_one(version, part) for part in alternative.split(",") if part)
               for alternative in constraint.split("|"))


def _one(version: str, constraint: str) -> bool:
    operator = next((op for op in _OPERATORS if constraint.startswith(op)), "")
    wanted = constraint[len(operator):]
    if operator in ("", "=", "==") and (wanted.endswith("*") or operator == "="):
        prefix = wanted.rstrip("*").rstrip(".")  # 3.8* and 3.8.* and =3.8: 3.8 and 3.8.x, never 3.80
        return not prefix or version == prefix or version.startswith(prefix + ".") or (
            re.match(re.escape(prefix) + r"[A-Za-z]", version) is not None)
    if operator in ("", "=="):
        return order(version) == order(wanted)
    if operator == "!=":
        return not _one(version, wanted)
    if operator == "~=":
        stem = wanted.rsplit(".", 1)[0]
        return order(version) >= order(wanted) and _one(version, stem + ".*")
    here, there = order(version), order(wanted.rstrip("*").rstrip("."))
    return {">=": here >= there, "<=": here <= there, ">": here > there, "<": here < there}[operator]


@functools.total_ordering
@dataclass(frozen=True)
class Version:
    """Close to conda's VersionOrder: numbers compare as numbers, missing parts count as 0 (``3.12 == 3.12.0``),
    and a word (``a0``, ``rc1``, ``dev``) sorts before the number it stands in for, so ``3.13.0a0 < 3.13.0``."""

    parts: tuple[tuple[int, int | str], ...]

    def _padded(self, other: Version) -> tuple[tuple[tuple[int, int | str], ...], tuple[tuple[int, int | str], ...]]:
        length = max(len(self.parts), len(other.parts))
        pad: tuple[int, int | str] = (1, 0)
        return (self.parts + (pad,) * (length - len(self.parts)),
                other.parts + (pad,) * (length - len(other.parts)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        mine, theirs = self._padded(other)
        return mine == theirs

    def __hash__(self) -> int:
        parts = list(self.parts)
        while parts and parts[-1] == (1, 0):
            parts.pop()
        return hash(tuple(parts))

    def __lt__(self, other: Version) -> bool:
        mine, theirs = self._padded(other)
        return mine < theirs


def order(version: str) -> Version:
    parts: list[tuple[int, int | str]] = []
    for part in _PART.findall(version.lower().split("+", 1)[0]):
        parts.append((1, int(part)) if part.isdigit() else (2, part) if part == "post" else (0, part))
    return Version(tuple(parts))
