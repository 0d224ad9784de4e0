"""DG419 (BuildKit InvalidDefinitionDescription, experimental): a comment above FROM ... AS or ARG that does not
start with the name it describes."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import arg_pairs, words


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    comments = {comment.line: comment.text for comment in dockerfile.comments}
    for instruction in dockerfile.instructions:
        text = comments.get(instruction.line - 1)
        if text is None or text.startswith(("syntax=", "escape=", "check=")) or "hadolint" in text or "dockgen" in text:
            continue
        if instruction.keyword == "FROM":
            parts = words(instruction.args)
            name = parts[2] if len(parts) >= 3 and parts[1].lower() == "as" else None
        elif instruction.keyword == "ARG":
            name = next(iter(arg_pairs(instruction.args)), None)
        else:
            continue
        if name and not text.split(maxsplit=1)[0:1] == [name]:
            yield Hit(instruction.line, says(name=name))
