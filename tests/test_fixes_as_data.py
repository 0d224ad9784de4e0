"""Fixes are data, worked out when the hit is made: collecting a check's hits first (``list(check(...))``) gives
each hit its own fix. A fix built as a closure over loop variables gave every hit the last one's fix."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from dockgen.checks import all_checks, check_for
from dockgen.checks._fixes import span
from dockgen.checks.contract import Context, Hit
from dockgen.lint.edits import Fix, apply
from dockgen.lint.engine import Settings
from dockgen.lint.fixer import fix_text
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import parse_text
from dockgen.lint.rules import all_rules
from dockgen.lint.rules_doc import rule_docs
from tests.conftest import example_settings

CASES = [(rule.code, example) for rule in all_rules().values() if rule.fix != "none" and rule.code in all_checks()
         for example in rule_docs(rule.code).examples if example.kind == "bad"]


def _context(settings: Settings) -> Context:
    return Context(today=settings.today or datetime.date.today(), trusted_registries=settings.trusted_registries,
                   label_schema=settings.label_schema, strict_labels=settings.strict_labels)


def _own_lines(dockerfile: Dockerfile, hit: Hit, fix: Fix) -> bool:
    """Every edit of the fix lies on the lines of the hit's instruction."""
    instructions = [i for i in dockerfile.instructions if i.line <= hit.line <= i.end_line]
    inner = [i.inner for i in instructions if i.inner is not None and i.inner.line <= hit.line <= i.inner.end_line]
    instruction = (inner or instructions)[0]
    start, end = span(dockerfile, instruction)
    return all(start <= edit.start <= edit.end <= end for edit in fix.edits)


@pytest.mark.parametrize(("code", "example"), CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CASES)])
def test_hits_collected_first_keep_their_own_fixes(code: str, example: object, tmp_path: Path) -> None:
    settings = example_settings(code, example.config)  # type: ignore[attr-defined]
    text = example.dockerfile.lstrip("\n")  # type: ignore[attr-defined]
    dockerfile = parse_text(text)
    hits = list(check_for(code)(dockerfile, _context(settings)))
    fixes = [hit.fix for hit in hits if hit.fix is not None]
    for hit in hits:
        assert hit.fix is None or isinstance(hit.fix, Fix), f"{code}: a fix must be data, not {hit.fix!r}"
        if hit.fix is not None:
            assert _own_lines(dockerfile, hit, hit.fix), f"{code}: the fix of line {hit.line} edits other lines"
    if example.fixed is None or not fixes:  # type: ignore[attr-defined]
        return
    applied, _ = apply(text, fixes)
    assert fix_text(applied, settings, unsafe=True).text == example.fixed.lstrip("\n")  # type: ignore[attr-defined]


def test_two_maintainer_lines_get_two_fixes() -> None:
    text = "FROM scratch\nMAINTAINER one\nMAINTAINER two\n"
    hits = list(check_for("DL4000")(parse_text(text), _context(Settings())))
    assert len(hits) == 2 and hits[0].fix != hits[1].fix
    fixed, used = apply(text, [hit.fix for hit in hits if hit.fix is not None])
    assert len(used) == 2 and "one" in fixed and "two" in fixed and "MAINTAINER" not in fixed


def test_every_check_yields_data_fixes_on_its_examples() -> None:
    """No check returns a callable as its fix, on any example (good or bad)."""
    for code, check in all_checks().items():
        settings = example_settings(code, None)
        for example in rule_docs(code).examples:
            for hit in check(parse_text(example.dockerfile.lstrip("\n")), _context(settings)):
                assert hit.fix is None or isinstance(hit.fix, Fix), code
