"""DG416 (BuildKit InvalidDefaultArgInFrom): with the ARG defaults, FROM names no valid image."""

import re
from collections.abc import Iterator

from dockgen.checks._buildkit import AUTOMATIC_ARGS, substitute, variables
from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import words

# name[:tag][@digest] as registries accept it: lower-case path components, an optional host:port first.
_IMAGE = (r"(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
          r"(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
          r"(?:@[a-z0-9]+:[a-f0-9]{32,})?")


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    defaults = dict(dockerfile.global_args)
    aliases = {stage.alias.lower() for stage in dockerfile.stages if stage.alias}
    for stage in dockerfile.stages:
        parts = words(stage.from_instruction.args)
        image = parts[0] if parts else ""
        names = variables(image)
        if not names or any(name in AUTOMATIC_ARGS or name not in defaults for name in names):
            continue  # no variables, or DG409 reports the undeclared one
        resolved = substitute(image, defaults)
        if resolved.lower() in aliases or resolved == "scratch":
            continue
        if not re.fullmatch(_IMAGE, resolved):
            column, end_column = word_columns(dockerfile, stage.from_instruction, image)
            yield Hit(stage.from_instruction.line,
                      says(image=resolved or "(nothing)"), column=column, end_column=end_column)
