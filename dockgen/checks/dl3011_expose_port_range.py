"""DL3011: an EXPOSEd port outside 0-65535."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, written_at
from dockgen.lint.model import Dockerfile


def _too_large(word: str) -> bool:
    port = word.split("/", 1)[0]
    return any(part.isdigit() and int(part) > 65535 for part in port.split("-", 1))


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        large = next((w for w in instruction.args.split() if _too_large(w)), None) \
            if instruction.keyword == "EXPOSE" else None
        if large is not None:
            yield hit_at(instruction, written_at(instruction, large), says(port=large))
