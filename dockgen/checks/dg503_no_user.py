"""DG503: the final stage never switches to a non-root user, so containers run as root."""

import re
from collections.abc import Iterator

from dockgen.checks._python import lineage
from dockgen.checks.contract import Context, Hit, says
from dockgen.knowledge import python
from dockgen.lint.model import Dockerfile, Stage
from dockgen.lint.parse import is_posix_shell


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    final = dockerfile.final_stage
    if final is None:
        return
    chain = lineage(dockerfile, final)
    if any(i.keyword == "USER" for stage in chain for i in stage.instructions):
        return  # DL3002 reports a last USER that is root
    if python.runs_as_non_root(chain[-1].image) or chain[-1].image.has_variable or _steps_down(chain):
        return
    scratch = chain[-1].image.raw == "scratch"
    if scratch and not any(i.keyword in ("CMD", "ENTRYPOINT") for stage in chain for i in stage.instructions):
        return  # files only (`--output`, COPY --from): nothing runs in it
    if _windows(final, chain[-1].image.raw):
        yield Hit(final.from_instruction.line, says("windows"))
        return
    if scratch:
        yield Hit(final.from_instruction.line, says("scratch"))
        return
    yield Hit(final.from_instruction.line, says(image=chain[-1].image.raw))


# The official images' way to start as root, fix ownership, then run the service as its own user.
_STEP_DOWN = r"(?<![\w-])(gosu|su-exec)(?![\w-])"


def _steps_down(chain: list[Stage]) -> bool:
    return any(i.keyword in ("RUN", "COPY", "ADD") and re.search(_STEP_DOWN, i.args)
               for stage in chain for i in stage.instructions)


def _windows(stage: Stage, image: str) -> bool:
    """A Windows image: its name or tag says so, or its SHELL is PowerShell or cmd."""
    lowered = image.lower()
    if any(word in lowered for word in ("windowsservercore", "nanoserver", "mcr.microsoft.com/windows")):
        return True
    return any(i.shell is not None and not is_posix_shell(i.shell) for i in stage.instructions)
