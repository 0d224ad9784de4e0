"""DG413 (BuildKit LegacyKeyValueFormat): ``ENV key value`` or ``LABEL key value`` without ``=``."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit
from dockgen.model import Dockerfile
from dockgen.words import split_words

CODE = "DG413"


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        inner = instruction.inner or instruction
        if inner.keyword not in ("ENV", "LABEL"):
            continue
        parts = split_words(inner.args, dequote=False)
        if parts and "=" not in parts[0]:
            key = parts[0]
            value = inner.args.strip()[len(key):].strip()
            yield Hit(instruction.line, f"`{inner.keyword} {key} {value}` is the legacy form, which cannot set "
                      f"several values and reads spaces differently; write `{inner.keyword} {key}=\"{value}\"`.")
