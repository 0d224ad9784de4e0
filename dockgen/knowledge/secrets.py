"""Which ARG/ENV names hadolint's DL3064 takes for secrets (data in rules/knowledge/secrets.toml)."""

from __future__ import annotations

from dockgen.knowledge import data


def looks_secret(name: str) -> bool:
    secrets = data.secrets()
    return name.upper() in secrets.names or any(fragment in name.lower() for fragment in secrets.fragments)
