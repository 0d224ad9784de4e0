"""DG002: an ignore pragma names a code that no rule has, or a list that makes it silence nothing (hadolint's
retired codes and ShellCheck's codes are fine)."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit
from dockgen.lint.codes import Kind, classify, suggest_code
from dockgen.lint.model import Dockerfile
from dockgen.lint.pragmas import ignore_items, is_code_shaped


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for comment in dockerfile.comments:
        items = ignore_items(comment)
        if items is None:
            continue
        if items == [""]:
            yield Hit(comment.line, "The pragma names no code: it silences nothing")
            continue
        malformed = [item for item in items if not is_code_shaped(item)]
        unknown = [item for item in items if item not in malformed and classify(item, prefixes=False) is Kind.UNKNOWN]
        if malformed:
            yield Hit(comment.line, f"{_listed(malformed)} "
                                    f"{'is not a rule code' if len(malformed) == 1 else 'are not rule codes'}, "
                                    "so the pragma silences nothing")
        elif unknown:
            yield Hit(comment.line, f"The pragma names {'a code' if len(unknown) == 1 else 'codes'} no rule has: "
                                    f"{_listed(unknown)}")


def _listed(items: list[str]) -> str:
    return ", ".join(f"`{item}`{suggest_code(item)}" for item in items)
