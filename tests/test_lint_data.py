"""The lint data index: generated from the TOML files, kept current by this test, read by checkout and wheel alike."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dockgen.errors import DockgenError
from dockgen.knowledge import packages
from dockgen.knowledge import python as python_knowledge
from dockgen.lint import lint_data, rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    def clear() -> None:
        for cached in (lint_data._index, rules.all_rules, packages.all_packages, python_knowledge.packages_by_pip_name):
            cached.cache_clear()

    clear()
    yield
    clear()


def test_the_index_is_current() -> None:
    """dockgen/lint/lint_data.json is generated; regenerate it with `python -m dockgen.lint.lint_data`."""
    assert lint_data.INDEX.read_text(encoding="utf-8") == lint_data.build_index(ROOT)


def test_the_index_holds_every_file_and_only_rule_headers() -> None:
    tables = json.loads(lint_data.build_index(ROOT))
    assert set(tables) == set(lint_data.FOLDERS)
    assert set(tables["rules"]) == {p.stem for p in (ROOT / "rules").glob("*.toml")}
    assert set(tables["rules/knowledge"]) == {p.stem for p in (ROOT / "rules" / "knowledge").glob("*.toml")}
    assert set(tables["templates/packages"]) == {p.stem for p in (ROOT / "templates" / "packages").glob("*.toml")}
    dl3008 = tables["rules"]["DL3008"]
    assert dl3008["code"] == "DL3008" and dl3008["level"] == "warning"
    assert "rationale" not in dl3008 and "examples" not in dl3008


def test_dates_come_back_as_dates() -> None:
    import datetime

    python_eols = lint_data.table("rules/knowledge", "lifecycle")["python"]
    assert python_eols["3.7"] == datetime.date(2023, 6, 27)


def test_linting_reads_the_index(tmp_path: Path, fresh_caches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    tables = json.loads(lint_data.build_index(ROOT))
    tables["rules"]["DL3008"]["summary"] = "read from the index"
    index = tmp_path / "lint_data.json"
    index.write_text(json.dumps(tables))
    monkeypatch.setattr(lint_data, "INDEX", index)
    assert rules.all_rules()["DL3008"].summary == "read from the index"
    assert python_knowledge.package("opencv-python") is not None


def test_a_broken_data_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "DL9999.toml").write_text('code = "DL9999\n')
    with pytest.raises(lint_data.BrokenDataFile, match=r"DL9999\.toml"):
        lint_data.read_folder(tmp_path, "rules")


def test_a_damaged_index_is_an_error_that_says_how_to_mend_it(tmp_path: Path, fresh_caches: None,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    index = tmp_path / "lint_data.json"
    index.write_text(lint_data.build_index(ROOT)[:100])
    monkeypatch.setattr(lint_data, "INDEX", index)
    with pytest.raises(DockgenError, match="damaged.*reinstall dockgen"):
        rules.all_rules()
