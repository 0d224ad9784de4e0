"""The side-by-side text ``--compare`` prints."""

from __future__ import annotations

import re
import textwrap

from dockgen.compare.sides import Side

_LABEL = 24
_COLUMN = 44
_WIDTH = 118
_UNITS = {"kb": 1e3, "mb": 1e6, "gb": 1e9}

LEAVES_OUT = (
    "the .pyc files pip compiles while installing; system packages from apt (listed, not sized); files the "
    "installs replace in the base image; filesystem overhead",
    "for conda, the unpacked size: conda-forge's repodata records only the compressed download size of each "
    "package, so the conda image estimate is a lower bound",
    "the conda list is a greedy pick from conda-forge's current repodata, not conda's solver; pip's list is pip's "
    "own resolver when it could run (see 'found by')",
    "base sizes are dockgen's catalog figures (approximate, uncompressed on disk); all sizes are for x86_64 Linux",
)


def base_bytes(size: str) -> int | None:
    """The first size in a catalog description such as ``about 120 MB on disk (43 MB compressed)``."""
    match = re.search(r"(\d+(?:\.\d+)?)\s*([KMG]B)", size, re.IGNORECASE)
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()]) if match else None


def megabytes(count: int) -> str:
    return f"{count / 1e6:,.1f} MB"


def render(packages: tuple[str, ...], pip: Side, conda: Side) -> str:
    rows = [
        ("", "pip", "conda"),
        ("base image", pip.image, conda.image),
        ("  base size (catalog)", _short(pip.base_size), _short(conda.base_size)),
        ("installs", " ".join(pip.requested), " ".join(conda.requested)),
        ("  found by", pip.method, conda.method),
        ("  packages", _count(pip), _count(conda)),
        ("  download", _download(pip), _download(conda)),
        ("  unpacked", _installed(pip), _installed(conda)),
        ("  system packages", " ".join(pip.system_packages) or "none", " ".join(conda.system_packages) or "none"),
        ("estimated image", _estimate(pip), _estimate(conda)),
    ]
    lines = [f"Estimated sizes of the pip and the conda image for {' '.join(packages)} (nothing was built or "
             "pulled; estimates, not measurements).", ""]
    for label, left, right in rows:
        lines += _row(label, left, right)
    for side in (pip, conda):
        largest = sorted((item for item in side.items if item.download), key=lambda i: -(i.download or 0))[:5]
        if largest:
            listed = ", ".join(f"{item.name} {item.version} ({megabytes(item.download or 0)})".replace("  ", " ")
                               for item in largest)
            lines += ["", *textwrap.wrap(f"Largest {side.manager} downloads: {listed}", _WIDTH,
                                         subsequent_indent="  ")]
    lines += ["", "What the estimates leave out:", *(line for text in LEAVES_OUT for line in _bullet(text))]
    problems = [(side.manager, problem) for side in (pip, conda) for problem in side.problems]
    if problems:
        lines += ["", "Numbers dockgen could not get (left out of the totals, not guessed):",
                  *(line for manager, problem in problems for line in _bullet(f"{manager}: {problem}"))]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _bullet(text: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent="- ", subsequent_indent="  ", break_on_hyphens=False,
                         break_long_words=False)


def _row(label: str, left: str, right: str) -> list[str]:
    """One row; a long cell wraps within its column."""
    lefts, rights = _wrap(left, _COLUMN - 2), _wrap(right, _WIDTH - _LABEL - _COLUMN)
    out = []
    for index in range(max(len(lefts), len(rights))):
        first = label if index == 0 else ""
        out.append(f"{first:<{_LABEL}}{(lefts[index] if index < len(lefts) else ''):<{_COLUMN}}"
                   f"{rights[index] if index < len(rights) else ''}")
    return out


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _short(size: str) -> str:
    return size.split(" (", 1)[0]


def _count(side: Side) -> str:
    return str(len(side.items)) if side.items else "unknown"


def _download(side: Side) -> str:
    if not side.items or not any(item.download for item in side.items):
        return "unknown"
    return megabytes(side.download) + ("" if side.complete_download else " (incomplete)")


def _installed(side: Side) -> str:
    if side.manager == "conda":
        return "not published by conda-forge"
    if not side.items or not any(item.installed for item in side.items):
        return "unknown"
    return megabytes(side.installed) + ("" if side.complete_installed else " (incomplete)")


def _estimate(side: Side) -> str:
    if side.base_bytes is None or not any(item.download for item in side.items):
        return "unknown"
    if side.manager == "pip" and side.complete_installed:
        return f"about {megabytes(side.base_bytes + side.installed)} (base + unpacked)"
    if side.manager == "pip":
        return f"at least {megabytes(side.base_bytes + side.installed)} (base + what could be sized)"
    return f"at least {megabytes(side.base_bytes + side.download)} (base + downloads)"
