"""CONTRIBUTING.md's walk-through works: its example rule, added to a temporary copy of the repository with the
commands the guide gives, passes the registry and the generated-files checks and reports what its examples say."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "CONTRIBUTING.md"

_PROBE = """
import sys
from pathlib import Path
import dockgen
from dockgen import lint_text
from dockgen.checks import check_modules, all_checks
from dockgen.lint import lint_data
from dockgen.lint.rules_doc import markdown, rule_docs

root = Path(sys.argv[1])
assert Path(dockgen.__file__).resolve().parent == root / "dockgen", dockgen.__file__
assert check_modules()["DG599"] == "dockgen.checks.dg599_apt_get_upgrade"
all_checks()
assert lint_data.INDEX.read_text(encoding="utf-8") == lint_data.build_index(root)
assert (root / "docs" / "rules.md").read_text(encoding="utf-8") == markdown()
from dockgen.lint.engine import Settings
for example in rule_docs("DG599").examples:
    found = [f.line for f in lint_text(example.dockerfile.lstrip("\\n"), Settings(select=("DG599",)))]
    assert found == (list(example.lines) if example.kind == "bad" else []), (example.kind, found)
print("ok")
"""


def _block_after(text: str, marker: str, language: str) -> str:
    start = text.index(marker)
    match = re.compile(rf"```{language}\n(.*?)```", re.S).search(text, start)
    assert match is not None, marker
    return match.group(1)


def _run(command: list[str], repo: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(repo), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_guide_adds_a_rule_that_the_registry_and_docs_accept(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("dockgen", "rules", "templates", "docs"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=ignore)
    guide = GUIDE.read_text(encoding="utf-8")
    (repo / "rules" / "DG599.toml").write_text(_block_after(guide, "`rules/DG599.toml`", "toml"), encoding="utf-8")
    (repo / "dockgen" / "checks" / "dg599_apt_get_upgrade.py").write_text(
        _block_after(guide, "`dockgen/checks/dg599_apt_get_upgrade.py`", "python"), encoding="utf-8")

    # The guide's commands, run in the copy.
    assert "python -m dockgen.lint.lint_data" in guide and "dockgen rules --format markdown > docs/rules.md" in guide
    _run([sys.executable, "-m", "dockgen.lint.lint_data"], repo)
    (repo / "docs" / "rules.md").write_text(_run([sys.executable, "-m", "dockgen", "rules", "--format", "markdown"],
                                                 repo), encoding="utf-8")

    assert '<a id="dg599"></a>' in (repo / "docs" / "rules.md").read_text(encoding="utf-8")
    assert '"DG599"' in (repo / "dockgen" / "lint" / "lint_data.json").read_text(encoding="utf-8")
    assert _run([sys.executable, "-c", _PROBE, str(repo)], repo).strip() == "ok"
