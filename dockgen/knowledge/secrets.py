"""Which ARG/ENV names hadolint's DL3064 takes for secrets (data in rules/knowledge/secrets.toml)."""

from __future__ import annotations

import functools

from dockgen import lint_data


@functools.cache
def _data() -> tuple[frozenset[str], tuple[str, ...]]:
    data = lint_data.table("rules/knowledge", "secrets")
    return frozenset(data["names"]), tuple(data["fragments"])


def looks_secret(name: str) -> bool:
    names, fragments = _data()
    return name.upper() in names or any(fragment in name.lower() for fragment in fragments)
