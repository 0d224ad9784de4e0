"""DL3026: an image from a registry that is not in the trusted list (only when a list is configured)."""

from collections.abc import Iterator

from dockgen.checks._fixes import word_columns
from dockgen.checks.contract import Context, Hit, Message, says
from dockgen.lint.model import Dockerfile, Instruction

_HUB = ("docker.io", "hub.docker.com")


def _matches(pattern: str, registry: str) -> bool:
    if pattern == "*":
        return True
    if pattern.startswith("*"):
        return registry.endswith(pattern[1:])
    if pattern.endswith("*"):
        return registry.startswith(pattern[:-1])
    return registry == pattern


def trusted(image: str, patterns: tuple[str, ...]) -> bool:
    """hadolint's registry reading: the part before the first / is a registry when it contains a dot."""
    first, slash, _ = image.partition("/")
    if slash and "." in first:
        return any(_matches(p, first) for p in patterns)
    return image.split(":")[0].split("@")[0] == "scratch" or any(_matches(p, hub) for p in patterns for hub in _HUB)


def _registry(image: str) -> str:
    first, slash, _ = image.partition("/")
    return first if slash and "." in first else "docker.io"


def _untrusted(image: str) -> Message:
    return says(image=image, registry=_registry(image))


def _hit(dockerfile: Dockerfile, instruction: Instruction, word: str, image: str) -> Hit:
    column, end_column = word_columns(dockerfile, instruction, word)
    return Hit(instruction.line, _untrusted(image), column=column, end_column=end_column)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    patterns = context.trusted_registries
    if not patterns:
        return
    aliases: set[str] = set()
    for instruction in dockerfile.instructions:
        if instruction.keyword == "FROM" and instruction.stage >= 0:
            stage = dockerfile.stages[instruction.stage]
            if stage.image.raw not in aliases and not trusted(stage.image.raw, patterns):
                yield _hit(dockerfile, instruction, stage.image.raw, stage.image.raw)
            if stage.alias:
                aliases.add(stage.alias)
        elif instruction.keyword == "COPY" and (source := instruction.flag("from")) is not None:
            value = source.value or ""
            # A stage name or index is not an image (hadolint reads COPY --from=0 as an untrusted image).
            if value not in aliases and not value.isdigit() and not trusted(value, patterns):
                yield _hit(dockerfile, instruction, f"--from={value}", value)
        elif instruction.keyword == "RUN":
            sources = [option.partition("=")[2] for flag in instruction.flags if flag.name == "mount" and flag.value
                       for option in flag.value.split(",") if option.startswith("from=")]
            untrusted = [s for s in sources if s not in aliases and not s.isdigit() and not trusted(s, patterns)]
            if untrusted:
                yield Hit(instruction.line, _untrusted(untrusted[0]))


