"""Inline suppression comments: ``# dockgen ignore=...`` and hadolint's ``# hadolint ignore=...`` forms."""

from __future__ import annotations

import re

from dockgen.model import Comment, Pragma

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
    if not codes or not all(_CODE.fullmatch(code) for code in codes):
        return None
    return Pragma(comment.line, scope, codes=frozenset(codes))
