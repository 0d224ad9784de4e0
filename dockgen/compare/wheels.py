"""Which wheel pip would pick for the image: the target's Python and platform tags, most specific first."""

from __future__ import annotations

from dataclasses import dataclass

from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import InvalidWheelFilename, parse_wheel_filename

# The C library of each base's distribution release (what manylinux/musllinux tags it accepts), x86_64 only.
_GLIBC = {"trixie": (2, 41), "bookworm": (2, 36), "24.04": (2, 39)}
_MUSL = (1, 2)


@dataclass(frozen=True)
class Target:
    """The platform pip installs for in the image."""

    python: str  # X.Y
    family: str  # debian | ubuntu | alpine
    release: str
    architecture: str = "x86_64"

    @property
    def platforms(self) -> tuple[str, ...]:
        """Platform tags, most specific first (what ``pip debug --verbose`` lists on such a system)."""
        arch = self.architecture
        if self.family == "alpine":
            return tuple(f"musllinux_{_MUSL[0]}_{minor}_{arch}" for minor in range(_MUSL[1], -1, -1))
        major, newest = _GLIBC.get(self.release, (2, 28))
        tags = [f"manylinux_{major}_{minor}_{arch}" for minor in range(newest, 4, -1)]
        legacy = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}
        for minor, name in legacy.items():
            tags.insert(tags.index(f"manylinux_{major}_{minor}_{arch}") + 1, f"{name}_{arch}")
        return (*tags, f"linux_{arch}")

    @property
    def pip_platform(self) -> str:
        """The most specific platform tag, to name the target in messages."""
        return self.platforms[0]

    def tags(self) -> tuple[Tag, ...]:
        version = tuple(int(part) for part in self.python.split("."))
        return (*cpython_tags(version, platforms=self.platforms), *compatible_tags(version, platforms=self.platforms))


def best_wheel(filenames: list[str], target: Target) -> str | None:
    """The file name pip would choose among a release's files, or None when no wheel fits (a source build)."""
    priority = {tag: index for index, tag in enumerate(target.tags())}
    best: tuple[int, str] | None = None
    for filename in filenames:
        if not filename.endswith(".whl"):
            continue
        try:
            tags = parse_wheel_filename(filename)[3]
        except InvalidWheelFilename:
            continue
        ranks = [priority[tag] for tag in tags if tag in priority]
        if ranks and (best is None or min(ranks) < best[0]):
            best = (min(ranks), filename)
    return best[1] if best else None
