"""DG413 (BuildKit LegacyKeyValueFormat): ``ENV key value`` or ``LABEL key value`` without ``=``."""

from collections.abc import Iterator

from dockgen.checks._fixes import span
from dockgen.checks.contract import Context, Hit, says, with_onbuild
from dockgen.lint.edits import Edit, Fix
from dockgen.lint.model import Dockerfile, Instruction
from dockgen.lint.words import split_words


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for inner in with_onbuild(dockerfile, "ENV", "LABEL"):
        parts = split_words(inner.args, dequote=False)
        if parts and "=" not in parts[0]:
            key = parts[0]
            value = inner.args.strip()[len(key):].strip()
            quoted = value if len(value) > 1 and value[0] == value[-1] == '"' else f'"{value}"'
            yield Hit(inner.line, says(keyword=inner.keyword, key=key, value=value, quoted=quoted),
                      fix=_fix(dockerfile, inner, key, value))


def _fix(dockerfile: Dockerfile, instruction: Instruction, key: str, value: str) -> Fix | None:
    if instruction.line != instruction.end_line or any(c in key + value for c in "\"'\\") or not value:
        return None
    start, end = span(dockerfile, instruction)
    written = dockerfile.source[start:end]
    at = written.find(key)
    rest = written[at + len(key):]
    if at < 0 or rest.strip() != value:
        return None
    new = f"{key}=\"{value}\"" if any(c.isspace() for c in value) else f"{key}={value}"
    return Fix((Edit(start + at, end, new),))
