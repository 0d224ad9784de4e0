"""DG421 (BuildKit ExposeInvalidFormat): EXPOSE with an IP address or a host:container mapping."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild, written_at
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import words


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for expose in with_onbuild(dockerfile, "EXPOSE"):
        odd = [w for w in words(expose.args) if ":" in w.split("/", 1)[0]]
        if odd:
            yield hit_at(expose, written_at(expose, odd[0]),
                         says(mapping=odd[0], port=odd[0].split("/", 1)[0].rsplit(":", 1)[-1]))
