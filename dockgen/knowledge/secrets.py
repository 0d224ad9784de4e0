"""Which ARG/ENV names hadolint's DL3064 takes for secrets (data in templates/knowledge/secrets.toml)."""

from __future__ import annotations

import functools

from dockgen import shipped


@functools.cache
def _data() -> tuple[frozenset[str], tuple[str, ...]]:
    data = shipped.table("templates/knowledge", "secrets")
    return frozenset(data["names"]), tuple(data["fragments"])


def looks_secret(name: str) -> bool:
    names, fragments = _data()
    return name.upper() in names or any(fragment in name.lower() for fragment in fragments)
