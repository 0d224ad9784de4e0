"""DG506: COPY or ADD of a credentials file (SSH keys, .env, .netrc, cloud credentials) into the image."""

from collections.abc import Iterator

from dockgen.checks._structure import copy_parts
from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild, written_at
from dockgen.knowledge import python
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for inner in with_onbuild(dockerfile, "COPY", "ADD"):
        if any(flag.name == "from" for flag in inner.flags):
            continue
        secrets = [source for source in copy_parts(inner)[:-1] if python.is_secret_path(source)]
        if secrets:
            yield hit_at(inner, written_at(inner, secrets[0]), says(file=secrets[0]))
