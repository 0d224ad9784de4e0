"""Writes go through the path given: ``--fix`` through symbolic links, ``-o`` into FIFOs, devices and links, with the
umask's mode, and ``-o -`` to standard output."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from dockgen.files.writing import write_atomically, write_report
from tests.test_cli import run

BROKEN = "from python:3.12-slim as build\r\nRUN pip install x==1\r\n"
FIXED = "FROM python:3.12-slim AS build\r\nRUN pip install x==1\r\n"


def test_fix_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "Dockerfile"
    target.write_bytes(BROKEN.encode())
    target.chmod(0o640)
    link = tmp_path / "Dockerfile"
    link.symlink_to("real/Dockerfile")
    result = run("lint", "--fix", "Dockerfile", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert link.is_symlink() and os.readlink(link) == "real/Dockerfile"
    assert target.read_bytes() == FIXED.encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["Dockerfile"]  # no temporary file left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Dockerfile", "real"]


def test_a_chain_of_links_is_followed_to_the_file(tmp_path: Path) -> None:
    target = tmp_path / "target.Dockerfile"
    target.write_bytes(b"from scratch\n")
    (tmp_path / "middle").symlink_to("target.Dockerfile")
    (tmp_path / "Dockerfile").symlink_to("middle")
    write_atomically(tmp_path / "Dockerfile", b"FROM scratch\n", b"from scratch\n")
    assert (tmp_path / "Dockerfile").is_symlink() and (tmp_path / "middle").is_symlink()
    assert target.read_bytes() == b"FROM scratch\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_fix_keeps_the_owner(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_bytes(BROKEN.encode())
    os.chown(path, 4321, 4322)
    run("lint", "--fix", "Dockerfile", cwd=tmp_path)
    assert path.read_bytes() == FIXED.encode()
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4322)


def test_report_honours_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_report(tmp_path / "report.txt", ["one\n", "two\n"])
    finally:
        os.umask(old)
    assert (tmp_path / "report.txt").read_text() == "one\ntwo\n"
    assert stat.S_IMODE((tmp_path / "report.txt").stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_report_keeps_an_existing_files_mode_and_writes_through_links(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "out.json"
    target.parent.mkdir()
    target.write_text("old\n")
    target.chmod(0o664)
    link = tmp_path / "latest.json"
    link.symlink_to("reports/out.json")
    write_report(link, ["new\n"])
    assert link.is_symlink() and target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to("reports/created.json")
    write_report(dangling, ["made\n"])
    assert dangling.is_symlink() and (tmp_path / "reports" / "created.json").read_text() == "made\n"


def test_report_on_the_cli_honours_the_umask(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nRUN pip install x\n")
    import subprocess
    import sys

    subprocess.run(["sh", "-c", f"umask 022 && exec {sys.executable} -m dockgen lint -o report.txt Dockerfile"],
                   cwd=tmp_path, check=False, capture_output=True, timeout=60)
    assert stat.S_IMODE((tmp_path / "report.txt").stat().st_mode) == 0o644


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_report_into_a_fifo_is_written_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nRUN pip install x\n")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("lint", "-f", "json", "-o", "pipe", "Dockerfile", cwd=tmp_path)
    reader.join(timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert b'"code": "DL3013"' in received[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Dockerfile", "pipe"]


def test_report_into_a_device_is_written_not_replaced(tmp_path: Path) -> None:
    if not os.path.exists(os.devnull) or not stat.S_ISCHR(os.stat(os.devnull).st_mode):
        pytest.skip("no null device")
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nRUN pip install x\n")
    result = run("lint", "-o", os.devnull, "Dockerfile", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not [p for p in Path(os.devnull).parent.iterdir() if p.name.startswith(".null.")]


def test_report_to_dash_is_standard_output(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nRUN pip install x\n")
    result = run("lint", "-f", "json", "-o", "-", "Dockerfile", cwd=tmp_path)
    assert result.returncode == 1 and '"code": "DL3013"' in result.stdout
    assert not (tmp_path / "-").exists()


def test_report_to_dev_stdout_goes_to_standard_output(tmp_path: Path) -> None:
    """Standard output a pipe, as under CI: the report goes into it (it used to replace /dev/stdout as root)."""
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout")
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nRUN pip install x\n")
    result = run("lint", "-f", "json", "-o", "/dev/stdout", "Dockerfile", cwd=tmp_path)
    assert result.returncode == 1 and '"code": "DL3013"' in result.stdout, result.stderr
    assert os.path.exists("/dev/stdout") and not stat.S_ISREG(os.lstat("/dev/stdout").st_mode)
