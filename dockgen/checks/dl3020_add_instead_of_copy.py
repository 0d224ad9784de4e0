"""DL3020: ADD used for local files and folders, where COPY says what is meant."""

from collections.abc import Iterator

from dockgen.checks._fixes import replace_text
from dockgen.checks._structure import ARCHIVE_SUFFIXES, is_absolute
from dockgen.checks.contract import Context, Hit, Message, says
from dockgen.lint.model import Dockerfile, Instruction
from dockgen.lint.parse import words


def sources(instruction: Instruction) -> list[str]:
    parts = list(instruction.json_args) if instruction.json_args is not None else words(instruction.args)
    return parts[:-1]


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for add in (i for i in dockerfile.instructions if i.keyword == "ADD"):
        local = [s for s in sources(add) if not s.endswith(ARCHIVE_SUFFIXES)
                 and not s.startswith(("http://", "https://"))]
        destination = (list(add.json_args) if add.json_args is not None else words(add.args))[-1:]
        if local and len(local) == len(sources(add)) and destination and is_absolute(destination[0]) \
                and not any(f.name in ("checksum", "keep-git-dir", "unpack") for f in add.flags):
            yield Hit(add.line, _message(local[0]), fix=replace_text(dockerfile, add, add.written_keyword, "COPY"))
        elif local:
            yield Hit(add.line, _message(local[0]))


def _message(source: str) -> Message:
    return says(source=source)
