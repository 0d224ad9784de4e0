"""Importing the rules compiles no regular expression: they use the ``re`` module's functions (and its cache) when
a rule first needs a pattern."""

from __future__ import annotations

import subprocess
import sys


def test_importing_every_rule_compiles_no_pattern() -> None:
    """Compiling at import was about ten milliseconds of each cold start; a module-level ``re.compile`` in a rule
    module (or a helper it imports) brings that back. ``re._compile`` is what ``re.compile`` and every module-level
    ``re`` function go through, so it sees them all."""
    probe = ("import re, sys\nimport dockgen.cli\nfrom dockgen.checks import check_modules\n"
             "check_modules()  # the rule data, read before the patch: only the modules' imports are measured\n"
             "compiled = []\noriginal = re._compile\n"
             "re._compile = lambda *a, **k: compiled.append(a[0]) or original(*a, **k)\n"
             "from dockgen.checks import all_checks\nall_checks()\nprint(len(sys.modules), compiled)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules, _, compiled = result.stdout.strip().partition(" ")
    assert int(modules) > 100  # the rules were really imported here, not before the patch
    assert compiled == "[]"
