"""Lazily compiled patterns behave as compiled ones, and importing the rules compiles none."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, strategies as st

from dockgen.patterns import LazyPattern

PATTERNS = [(r"(?<![\w.-])apt-get\s+install\b", 0), (r"^(\d+)\.(\d+)", 0), (r"dev|build", re.IGNORECASE),
            (r"\$(?:\{([A-Za-z_]\w*)[^}]*\}|([A-Za-z_]\w*))", 0)]
TEXT = st.text(alphabet="apt-getinsl $\\{}_.0123456789DEVbuild\n", max_size=40)


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
@given(text=TEXT, pos=st.integers(0, 45))
def test_lazy_pattern_answers_as_the_compiled_pattern(source: str, flags: int, text: str, pos: int) -> None:
    lazy, compiled = LazyPattern(source, flags), re.compile(source, flags)

    def same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
        return (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))

    assert same(lazy.search(text, pos), compiled.search(text, pos))
    assert same(lazy.match(text, pos), compiled.match(text, pos))
    assert same(lazy.fullmatch(text), compiled.fullmatch(text))
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub(lambda m: "<" + m.group(0) + ">", text) == compiled.sub(lambda m: "<" + m.group(0) + ">", text)


def test_lazy_pattern_compiles_once_and_only_when_used() -> None:
    lazy = LazyPattern(r"a+")
    assert lazy._compiled is None
    lazy.search("baa")
    first = lazy._compiled
    lazy.fullmatch("aa")
    assert first is not None and lazy._compiled is first


def test_a_bad_pattern_fails_when_first_used() -> None:
    lazy = LazyPattern(r"(unclosed")
    with pytest.raises(re.error):
        lazy.search("x")


def test_importing_every_rule_compiles_no_pattern() -> None:
    """Compiling at import was about ten milliseconds of each cold start; a module-level ``re.compile`` in a rule
    module (or a helper it imports) brings that back."""
    probe = ("import re, sys\nimport dockgen.cli\nfrom dockgen.checks import check_modules\n"
             "check_modules()  # the rule data, read before the patch: only the modules' imports are measured\n"
             "compiled = []\noriginal = re.compile\n"
             "re.compile = lambda *a, **k: compiled.append(a[0]) or original(*a, **k)\n"
             "from dockgen.checks import all_checks\nall_checks()\nprint(len(sys.modules), compiled)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules, _, compiled = result.stdout.strip().partition(" ")
    assert int(modules) > 100  # the rules were really imported here, not before the patch
    assert compiled == "[]"
