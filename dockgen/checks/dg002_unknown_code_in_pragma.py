"""DG002: an ignore pragma names a code that no rule has, or a list that makes it silence nothing (hadolint's
retired codes and ShellCheck's codes are fine)."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, Message, says
from dockgen.lint.codes import Kind, classify, closest_code
from dockgen.lint.model import Dockerfile
from dockgen.lint.pragmas import ignore_items, is_code_shaped


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for comment in dockerfile.comments:
        items = ignore_items(comment)
        if items is None:
            continue
        if items == [""]:
            yield Hit(comment.line, says("empty"))
            continue
        malformed = [item for item in items if not is_code_shaped(item)]
        unknown = [item for item in items if item not in malformed and classify(item, prefixes=False) is Kind.UNKNOWN]
        if malformed:
            yield Hit(comment.line, _malformed(malformed))
        elif unknown:
            yield Hit(comment.line, _unknown(unknown))


def _malformed(items: list[str]) -> Message:
    if len(items) > 1:
        return says("malformed-several", codes=_listed(items))
    return says("malformed", code=_listed(items))


def _unknown(items: list[str]) -> Message:
    return says("several", codes=_listed(items)) if len(items) > 1 else says(code=_listed(items))


def _listed(items: list[str]) -> tuple[Message, ...]:
    """Each code, with the rule it most likely misspells."""
    return tuple(says("item", code=item) if (suggestion := closest_code(item)) is None
                 else says("item-suggested", code=item, suggestion=suggestion) for item in items)
