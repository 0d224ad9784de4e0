"""DL3040: dnf or microdnf install without a clean after it in the same RUN."""

from collections.abc import Iterator

from dockgen.checks._base import has_cache_mount
from dockgen.checks._managers import Predicate, clean_missing_or_early
from dockgen.checks.contract import Context, Hit, says, with_onbuild
from dockgen.lint.model import Dockerfile

_INSTALLS = frozenset({"install", "in", "upgrade", "up", "upgrade-minimal", "up-min", "reinstall", "rei"})


def _installs(tool: str) -> Predicate:
    return lambda c: c.name == tool and not _INSTALLS.isdisjoint(c.args)


def _cleans(tool: str) -> Predicate:
    return lambda c: (c.name == tool and c.has_arg("clean", "all")) or (
        c.name == "rm" and c.has_arg("-rf", "/var/cache/libdnf5*"))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        if has_cache_mount(run, "/var/cache/libdnf5") or has_cache_mount(run, ".cache/libdnf5"):
            continue
        tool = next((tool for tool in ("dnf", "microdnf")
                     if clean_missing_or_early(run, _installs(tool), _cleans(tool))), None)
        if tool is not None:
            yield Hit(run.line, says(program=tool))
