"""DL3025: CMD, ENTRYPOINT or HEALTHCHECK CMD in shell form."""

import re
import json
from collections.abc import Iterator

from dockgen.checks._fixes import span
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.edits import Edit, Fix
from dockgen.lint.model import Dockerfile, Instruction


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.keyword in ("CMD", "ENTRYPOINT") and not instruction.is_exec_form:
            yield Hit(instruction.line, says(instruction=instruction.keyword),
                      fix=_exec_form(dockerfile, instruction))
        elif instruction.keyword == "HEALTHCHECK" and instruction.args.upper().startswith("CMD") \
                and not instruction.is_exec_form:
            yield Hit(instruction.line, says(instruction="HEALTHCHECK CMD"))


# Text a shell would interpret: with any of it the JSON form would not run the same command.
_SHELL_SYNTAX = r"""[$`\\"';&|<>()*?\[\]~#{}=]|^\s*$"""


def _exec_form(dockerfile: Dockerfile, instruction: Instruction) -> Fix | None:
    """``CMD python app.py`` -> ``CMD ["python", "app.py"]``, only when the words need no shell at all."""
    if instruction.line != instruction.end_line or re.search(_SHELL_SYNTAX, instruction.args):
        return None
    start, end = span(dockerfile, instruction)
    written = dockerfile.source[start:end]
    keyword_at = written.find(instruction.written_keyword)
    args_at = written.find(instruction.args.strip(), keyword_at + len(instruction.written_keyword))
    if keyword_at < 0 or args_at < 0:
        return None
    array = json.dumps(instruction.args.split())
    return Fix((Edit(start + args_at, start + args_at + len(instruction.args.strip()), array),))
