"""The shipped data as linting reads it: from the wheel's pre-parsed snapshot, else from the TOML files."""

from __future__ import annotations

import pickle
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from dockgen import rules, shipped
from dockgen.errors import DockgenError
from dockgen.knowledge import python as python_knowledge

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    def clear() -> None:
        for cached in (shipped._snapshot, shipped.tables, rules.all_rules, python_knowledge.packages_by_pip_name):
            cached.cache_clear()

    clear()
    yield
    clear()


def test_the_snapshot_holds_every_file_and_only_rule_headers() -> None:
    tables = pickle.loads(shipped.build_snapshot(ROOT))
    assert set(tables) == set(shipped.FOLDERS)
    assert set(tables["rules"]) == {p.stem for p in (ROOT / "rules").glob("*.toml")}
    assert set(tables["templates/packages"]) == {p.stem for p in (ROOT / "templates" / "packages").glob("*.toml")}
    dl3008 = tables["rules"]["DL3008"]
    assert dl3008["code"] == "DL3008" and dl3008["level"] == "warning"
    assert "rationale" not in dl3008 and "examples" not in dl3008
    assert str(tables["templates/knowledge"]["lifecycle"]["python"]["3.7"]) == "2023-06-27"


def test_a_snapshot_beside_the_package_is_what_linting_reads(tmp_path: Path, fresh_caches: None,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    tables = pickle.loads(shipped.build_snapshot(ROOT))
    tables["rules"]["DL3008"]["summary"] = "read from the snapshot"
    snapshot = tmp_path / shipped.SNAPSHOT_NAME
    snapshot.write_bytes(pickle.dumps(tables))
    monkeypatch.setattr(shipped, "_snapshot_path", lambda: snapshot)
    assert rules.all_rules()["DL3008"].summary == "read from the snapshot"


def test_without_a_snapshot_the_files_are_parsed(fresh_caches: None, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setattr(shipped, "_snapshot_path", lambda: tmp_path / "absent.pickle")
    on_disk = tomllib.loads((ROOT / "rules" / "DL3008.toml").read_text(encoding="utf-8"))
    assert rules.all_rules()["DL3008"].summary == on_disk["summary"]
    assert python_knowledge.package("opencv-python") is not None


def test_a_broken_data_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "DL9999.toml").write_text('code = "DL9999\n')
    with pytest.raises(shipped.BrokenDataFile, match=r"DL9999\.toml"):
        shipped.read_folder(tmp_path, "rules")


def test_a_damaged_snapshot_is_an_error_that_says_reinstall(tmp_path: Path, fresh_caches: None,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = tmp_path / shipped.SNAPSHOT_NAME
    snapshot.write_bytes(shipped.build_snapshot(ROOT)[:100])
    monkeypatch.setattr(shipped, "_snapshot_path", lambda: snapshot)
    with pytest.raises(DockgenError, match="damaged.*reinstall dockgen"):
        rules.all_rules()
