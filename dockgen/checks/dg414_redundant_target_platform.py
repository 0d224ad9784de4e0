"""DG414 (BuildKit RedundantTargetPlatform): DL3065's finding under BuildKit's check name, for users who select
BuildKit's checks by name (off by default, so the two never report one line twice)."""

from collections.abc import Iterator

from dockgen.checks import dl3065_platform_redundant as dl3065
from dockgen.checks.contract import Context, Hit
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from dl3065.check(dockerfile, context)
