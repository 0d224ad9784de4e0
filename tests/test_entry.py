"""The process entry point: the CLI's answers, with garbage collection back as the caller had it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from dockgen.cli import main as cli_main
from dockgen.entry import main


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()  # the entry freezes what exists; give this test process its objects back


@pytest.mark.parametrize("text", ["FROM python:3.12-slim\nMAINTAINER someone\n", "FROM python:3.12-slim\nUSER 1000\n"])
def test_entry_answers_as_the_cli(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "Dockerfile").write_text(text)
    argv = ["lint", "--isolated", "-f", "json", str(tmp_path / "Dockerfile")]
    expected = cli_main(argv), capsys.readouterr().out
    assert main(argv) == expected[0]
    assert capsys.readouterr().out == expected[1]
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_entry_leaves_collection_off_when_the_caller_turned_it_off(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nUSER 1000\n")
    gc.disable()
    try:
        main(["lint", "--isolated", str(tmp_path / "Dockerfile")])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_entry_turns_collection_back_on_when_the_cli_cannot_be_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def failing(name: str, *args: object, **kwargs: object) -> object:
        if name == "dockgen.cli":
            raise ImportError("simulated")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", failing)
    with pytest.raises(ImportError):
        main(["lint"])
    assert gc.isenabled()
