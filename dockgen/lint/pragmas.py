"""Inline suppression comments: ``# dockgen ignore=...`` and hadolint's ``# hadolint ignore=...`` forms."""

from __future__ import annotations

import re

from dockgen.lint.model import Comment, Pragma

# ``dockgen`` or ``dockgen:``; hadolint's word must be lower case. A reason may follow after a second ``#``.
_PRAGMA = re.compile(
    r"(?P<tool>dockgen:?|hadolint)[ \t]+(?P<scope>ignore|global[ \t]+ignore|stage[ \t]+ignore|shell)[ \t]*=[ \t]*"
    r"(?P<value>[^#]*?)[ \t]*(?:#.*)?$"
)
_CODE = re.compile(r"[A-Z]{2,3}[0-9]{3,4}|[a-z][a-z0-9]*(?:-[a-z0-9]+)+")
_SCOPES = {"ignore": "next", "global ignore": "global", "stage ignore": "stage", "shell": "shell"}


def parse_pragma(comment: Comment) -> Pragma | None:
    """The pragma a comment holds, or None. A malformed code list makes the whole comment inert, as in hadolint."""
    match = _PRAGMA.match(comment.text)
    if match is None:
        return None
    scope = _SCOPES[" ".join(match.group("scope").split())]
    value = match.group("value")
    if scope == "shell":
        return Pragma(comment.line, scope, value=value.strip()) if value.strip() else None
    codes = [code.strip() for code in value.split(",")]
    if not codes or not all(is_code_shaped(code) for code in codes):
        return None
    return Pragma(comment.line, scope, codes=frozenset(codes))


def ignore_items(comment: Comment) -> list[str] | None:
    """The items of an ``ignore=`` list as written, for any comment with a pragma's shape, including one whose list is
    malformed (and so silences nothing); None for other comments."""
    span = ignore_list_span(comment.text)
    return None if span is None else [item.strip() for item in comment.text[span[0]:span[1]].split(",")]


def ignore_list_span(text: str) -> tuple[int, int] | None:
    """Where the code list of an ``ignore=`` pragma lies in a comment's text; None for other comments."""
    match = _PRAGMA.match(text)
    if match is None or match.group("scope") == "shell":
        return None
    return match.span("value")


def is_code_shaped(item: str) -> bool:
    """Written as a pragma code may be: ``DL3008``, ``SC2086``, ``DG101`` or a rule name in kebab case."""
    return _CODE.fullmatch(item) is not None
