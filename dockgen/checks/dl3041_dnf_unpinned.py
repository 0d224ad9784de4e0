"""DL3041: dnf or microdnf install of a package or module without a version."""

from collections.abc import Iterator

from dockgen.checks._managers import unpinned_rpm_installs
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    yield from unpinned_rpm_installs(dockerfile, frozenset({"dnf", "microdnf"}), skip_groups=True,
                                     message=lambda package, tool: says(package=package, tool=tool))
