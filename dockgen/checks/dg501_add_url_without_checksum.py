"""DG501: ``ADD`` downloads a URL without ``--checksum``, so any change on the server goes into the image."""

from collections.abc import Iterator

from dockgen.checks._structure import copy_parts
from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild, written_at
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for add in with_onbuild(dockerfile, "ADD"):
        if any(flag.name == "checksum" for flag in add.flags):
            continue
        urls = [source for source in copy_parts(add)[:-1] if source.startswith(("http://", "https://"))]
        if urls:
            yield hit_at(add, written_at(add, urls[0]), says(url=urls[0]))
