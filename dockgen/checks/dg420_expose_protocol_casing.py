"""DG420 (BuildKit ExposeProtoCasing): an EXPOSE protocol that is not lower case."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild, written_at
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import words


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for expose in with_onbuild(dockerfile, "EXPOSE"):
        odd = [w for w in words(expose.args) if "/" in w and w.split("/", 1)[1] != w.split("/", 1)[1].lower()]
        if odd:
            yield hit_at(expose, written_at(expose, odd[0]), says(port=odd[0], lower=odd[0].lower()))
