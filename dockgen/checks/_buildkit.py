"""Helpers for BuildKit's build checks (DG4xx): variable references, built-in ARGs, near-miss names."""

from __future__ import annotations

import re


# ARGs BuildKit defines in the global scope without a declaration.
AUTOMATIC_ARGS = frozenset({
    "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH",
    "BUILDVARIANT", "BUILDKIT_SYNTAX", "BUILDKIT_DOCKERFILE_CHECK",
})
# Proxy variables are predefined build arguments too.
PROXY_ARGS = frozenset({"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
                        "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"})
# Variables nearly every base image or runtime defines; never reported as misspellings.
COMMON_ENV = frozenset({"PATH", "HOME", "HOSTNAME", "LANG", "LC_ALL", "LANGUAGE", "TERM", "USER", "PWD", "SHELL",
                        "TZ", "LD_LIBRARY_PATH", "PYTHONPATH"})
_REFERENCE = r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))"


def variables(text: str) -> list[str]:
    """Names referenced as ``$NAME`` or ``${NAME...}``; ``\\$`` escapes are skipped."""
    return [name for name, _, _ in references(text)]


def references(text: str) -> list[tuple[str, int, int]]:
    """Each reference of ``variables``: the name, and where the reference starts and ends in ``text``."""
    found = []
    for match in re.finditer(_REFERENCE, text):
        if match.start() > 0 and text[match.start() - 1] == "\\":
            continue
        found.append((match.group(1) or match.group(2), match.start(), match.end()))
    return found


def near_miss(name: str, candidates: set[str] | frozenset[str]) -> str | None:
    """A declared name that differs by case, swapped letters or an edit or two: the likely intended one."""
    import difflib

    for candidate in candidates:
        if candidate.lower() == name.lower():
            return candidate
        if len(name) > 3 and sorted(candidate) == sorted(name):
            return candidate  # two letters swapped
    close = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.8)
    return close[0] if close else None


def substitute(text: str, values: dict[str, str | None]) -> str:
    """``$NAME`` and ``${NAME}`` replaced by their values (unknown or valueless names become empty)."""
    def value(match: re.Match[str]) -> str:
        return values.get(match.group(1) or match.group(2)) or ""

    return re.sub(_REFERENCE, value, text)
