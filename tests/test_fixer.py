"""The fix loop's guards: a fix that would break the file is left out, a fix that never settles is reported."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dockgen.checks.contract import Context, Hit
from dockgen.lint.edits import Edit, Fix, apply
from dockgen.lint.engine import Settings
from dockgen.lint.fixer import MAX_PASSES, fix_text
from dockgen.lint.model import Dockerfile

TEXT = "FROM python:3.12-slim\nMAINTAINER someone\n"
ONLY = Settings(select=("DL4000",))


def _patch(monkeypatch: pytest.MonkeyPatch, check: object) -> None:
    from dockgen import checks
    from dockgen.lint import engine

    monkeypatch.setattr("dockgen.lint.engine.check_for",
                        lambda code: check if code == "DL4000" else checks.check_for(code))
    # The plan is cached per configuration with its checks; an uncached one sees the stand-in and leaves no trace.
    monkeypatch.setattr("dockgen.lint.engine._plan", engine._plan.__wrapped__)


def test_a_fix_that_breaks_parsing_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    def breaking(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
        for instruction in dockerfile.instructions:
            if instruction.keyword == "MAINTAINER":
                start = dockerfile.source.index("MAINTAINER")
                yield Hit(instruction.line, fix=Fix((Edit(start, start + 10, "NOTANINSTRUCTION"),)))

    _patch(monkeypatch, breaking)
    outcome = fix_text(TEXT, ONLY, unsafe=True)
    assert outcome.text == TEXT and outcome.dropped == ("DL4000",) and not outcome.changed


def test_a_fix_that_does_not_remove_its_finding_is_not_applied(monkeypatch: pytest.MonkeyPatch) -> None:
    def useless(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
        end = len(dockerfile.source)
        yield Hit(1, fix=Fix((Edit(end, end, "# more\n"),)))

    _patch(monkeypatch, useless)
    assert not fix_text(TEXT, ONLY, unsafe=True).changed


def test_fixes_that_keep_coming_stop_at_the_pass_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    def many(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
        end = len(dockerfile.source)  # every fix works, but they all insert at one spot: one per pass
        for _ in range(100 - dockerfile.source.count("# more")):
            yield Hit(1, fix=Fix((Edit(end, end, "# more\n"),)))

    _patch(monkeypatch, many)
    outcome = fix_text(TEXT, ONLY, unsafe=True)
    assert outcome.limit_reached and len(outcome.applied) == MAX_PASSES
    assert outcome.text == TEXT + "# more\n" * MAX_PASSES


def test_overlapping_edits_wait_for_the_next_pass() -> None:
    first = Fix((Edit(0, 4, "ABCD"),), safe=True)
    second = Fix((Edit(2, 6, "xy"),), safe=True)
    third = Fix((Edit(8, 8, "!"),), safe=True)
    text, used = apply("0123456789", [second, third, first])
    assert text == "ABCD456789"[:8] + "!" + "89" and used == [first, third]
