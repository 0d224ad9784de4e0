"""What a file's ignore pragmas silence, and which of their codes silenced nothing (DG003)."""

from __future__ import annotations

from collections.abc import Iterator

from dockgen.checks.contract import Hit, Message, says
from dockgen.lint.codes import Kind, classify
from dockgen.lint.edits import Edit, Fix, line_starts
from dockgen.lint.model import Comment, Dockerfile, Pragma
from dockgen.lint.pragmas import ignore_items, ignore_list_span
from dockgen.lint.rules import resolve_code

UNUSED_SUPPRESSION = "DG003"
class Suppressions:
    """Which codes the file's pragmas silence on which lines, and which pragma codes did silence a finding.

    ``ignore=`` covers the instruction right below its comment block (stacked pragma comments all count, a blank
    line breaks the block); ``global ignore=`` covers the file; ``stage ignore=`` above a FROM covers that stage,
    elsewhere the rest of the stage it stands in. One lint's worth of state: ``covers`` records what it used."""

    def __init__(self, dockerfile: Dockerfile) -> None:
        self.global_codes: dict[str, list[int]] = {}  # code: the lines of the global pragmas naming it
        self.ranges: list[tuple[int, int, frozenset[str], int]] = []  # first and last line, codes, pragma's line
        self.used: set[tuple[int, str]] = set()  # (pragma's line, code) that silenced a finding
        pragmas = {p.line: p for p in dockerfile.pragmas if p.scope != "shell"}
        if not pragmas:
            return
        comment_lines = {c.line for c in dockerfile.comments}
        stage_starts = [s.from_instruction.line for s in dockerfile.stages] + [len(dockerfile.lines) + 1]
        for pragma in pragmas.values():
            if pragma.scope == "global":
                for code in _resolved(pragma):
                    self.global_codes.setdefault(code, []).append(pragma.line)
        for instruction in dockerfile.instructions:
            line = instruction.line - 1
            while line in comment_lines:
                above = pragmas.get(line)
                if above is not None and above.scope in ("next", "stage"):
                    end = instruction.end_line
                    if above.scope == "stage":
                        end = next(s for s in stage_starts if s > instruction.line) - 1
                    self.ranges.append((instruction.line, end, _resolved(above), above.line))
                line -= 1

    def covers(self, code: str, line: int) -> bool:
        """A pragma silences ``code`` on ``line``; every pragma that does counts as used."""
        lines = list(self.global_codes.get(code, ()))
        lines += [p for start, end, codes, p in self.ranges if start <= line <= end and code in codes]
        self.used.update((p, code) for p in lines)
        return bool(lines)

    def unused(self, dockerfile: Dockerfile, ran: frozenset[str], shellcheck: bool) -> Iterator[Hit]:
        """DG003's hits, once every finding has been through ``covers``: one per pragma naming codes that silenced
        nothing, with a fix that removes them (the whole comment when none is left). Codes of rules that did not
        run are left alone: another configuration, or hadolint, may need them."""
        comments = {comment.line: comment for comment in dockerfile.comments}
        for pragma in dockerfile.pragmas:
            items = ignore_items(comments[pragma.line]) if pragma.scope != "shell" else None
            reasons = {item: self._reason(pragma, item, ran, shellcheck) for item in items or ()}
            unused = [item for item, reason in reasons.items() if reason]
            if not unused or not items:
                continue
            yield _hit(dockerfile, comments[pragma.line], items, unused,
                       says(reasons=tuple(reason for reason in reasons.values() if reason)))

    def _reason(self, pragma: Pragma, item: str, ran: frozenset[str], shellcheck: bool) -> Message | None:
        """Why ``item`` in ``pragma`` is of no use, or None when it is (or may be, for a rule that did not run)."""
        code = resolve_code(item)
        if code is None and classify(item, prefixes=False) is Kind.SHELLCHECK:
            code = item.upper()
            if not shellcheck:
                return None
        elif code is None:
            kind = classify(item, prefixes=False)
            if kind is Kind.RETIRED:
                return says("retired", code=item)
            return says("parse-error", code=item) if kind is Kind.PARSE_ERROR else says("unknown", code=item)
        elif code not in ran or code == UNUSED_SUPPRESSION:
            return None
        return None if (pragma.line, code) in self.used else says("silenced", code=item)


def _resolved(pragma: Pragma) -> frozenset[str]:
    return frozenset(resolve_code(code) or code for code in pragma.codes)


def _hit(dockerfile: Dockerfile, comment: Comment, items: list[str], unused: list[str], message: Message) -> Hit:
    """The hit on the pragma's code list, with the fix that leaves only the codes still of use."""
    source = dockerfile.source
    starts = line_starts(source)
    start = starts[comment.line - 1]
    end = starts[comment.line] - 1 if comment.line < len(starts) else len(source)
    kept = [item for item in items if item not in unused]
    text_at = source.find(comment.text, start, end) - start  # where the comment's text starts on its line
    first, last = ignore_list_span(comment.text) or (0, 0)
    column, end_column = text_at + first + 1, text_at + last + 1
    if not kept:  # nothing left to silence: the whole line goes
        edit = Edit(start, min(end + 1, len(source)), "")
    else:
        separator = ", " if ", " in comment.text[first:last] else ","
        edit = Edit(start + column - 1, start + end_column - 1, separator.join(kept))
    return Hit(comment.line, message, fix=Fix((edit,)), column=column, end_column=end_column)
