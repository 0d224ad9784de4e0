"""`dockgen new PKG --compare`: sizes from recorded index responses (PyPI JSON, pip's report, wheel zip
directories, repodata), degradation without network, and one live PyPI check skipped without network."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dockgen.compare import condaforge, pypi
from dockgen.compare.cli import run_compare
from dockgen.compare.net import Cache, Response, Unavailable, http_fetch, offline_fetch
from dockgen.compare.wheels import Target, best_wheel
from dockgen.compare.zipsize import unpacked_size
from tests.test_cli import run
from tests.test_generate import REFERENCE_DATE

DATA = Path(__file__).parent / "data" / "compare"
SPACY_WHEEL = ("https://files.pythonhosted.org/packages/6e/d7/b411fd8c47cf2bcafe6bbd2e72af641ec313e4e49e2c6b7c8c099e6a"
               "8bc7/spacy-3.8.18-cp312-cp312-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl")
SPACY_SIZE = 35525845
CHANNEL = "https://conda.anaconda.org/conda-forge"


class Recorded:
    """A fetch that answers from recorded files, honours ranges like a server, and counts its calls."""

    def __init__(self, files: dict[str, tuple[bytes, int]]) -> None:
        self.files = files  # url -> (the file's last bytes as recorded, the whole file's size)
        self.calls: list[tuple[str, int | None]] = []

    def __call__(self, url: str, tail: int | None = None) -> Response:
        self.calls.append((url, tail))
        if url not in self.files:
            raise Unavailable(f"{url}: HTTP 404")
        body, total = self.files[url]
        if tail is None:
            return Response(body, total)
        if tail > len(body) and len(body) < total:
            raise AssertionError(f"the test recorded only {len(body)} bytes of {url}, {tail} asked")
        return Response(body[-tail:], total)


def recorded_index() -> dict[str, tuple[bytes, int]]:
    files = {}
    for subdir in ("linux-64", "noarch"):
        body = (DATA / f"conda-forge-{subdir}-current_repodata.json").read_bytes()
        files[f"{CHANNEL}/{subdir}/current_repodata.json"] = (body, len(body))
    body = (DATA / "pypi-project-spacy.json").read_bytes()
    files["https://pypi.org/pypi/spacy/json"] = (body, len(body))
    return files


def report_resolver(call: pypi.PipCall, target: Target) -> bytes:
    assert call == pypi.PipCall(("spacy==3.8.18",)) and target.python == "3.12"
    return (DATA / "pip-report-spacy-3.8.18-cp312.json").read_bytes()


def cache_with_recorded_sizes(folder: Path) -> Cache:
    cache = Cache(folder)
    for url, sizes in json.loads((DATA / "wheel-sizes-spacy-3.8.18-cp312.json").read_text()).items():
        cache.put(f"zip-size:{url}", sizes)
    return cache


# --- the zip directory read -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["mdurl-0.1.2-py3-none-any.whl", "wasabi-1.1.3-py3-none-any.whl"])
def test_unpacked_size_of_real_wheels_matches_zipfile(name: str) -> None:
    path = DATA / "wheels" / name
    body = path.read_bytes()
    fetch = Recorded({"https://example.org/" + name: (body, len(body))})
    expected = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    assert unpacked_size("https://example.org/" + name, fetch) == (len(body), expected)
    assert len(fetch.calls) == 1


def test_a_central_directory_larger_than_the_first_read_takes_a_second_ranged_read() -> None:
    tail = (DATA / "wheels" / "spacy-3.8.18-cp312-manylinux.tail").read_bytes()
    fetch = Recorded({SPACY_WHEEL: (tail, SPACY_SIZE)})
    assert unpacked_size(SPACY_WHEEL, fetch) == (SPACY_SIZE, 123733096)  # zipfile's sum over the whole wheel
    assert [size for _, size in fetch.calls] == [65558, len(tail)]


def test_zip64_member_sizes_are_read(tmp_path: Path) -> None:
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", b"x" * 1000)
        with archive.open("b.bin", "w", force_zip64=True) as member:
            member.write(b"y" * 5000)
    body = path.read_bytes()
    assert unpacked_size("https://example.org/big.zip", Recorded({"https://example.org/big.zip": (body, len(body))})
                         ) == (len(body), 6000)


def test_not_a_zip_is_unavailable_not_a_crash() -> None:
    with pytest.raises(Unavailable, match="not a zip"):
        unpacked_size("https://example.org/x", Recorded({"https://example.org/x": (b"<html>nope</html>", 17)}))


# --- choosing wheels ----------------------------------------------------------------------------------------------

def test_best_wheel_follows_the_target_python_and_c_library() -> None:
    names = [entry["filename"] for entry in
             json.loads((DATA / "pypi-project-spacy.json").read_text())["releases"]["3.8.18"]]
    assert best_wheel(names, Target("3.12", "debian", "trixie")) == \
        "spacy-3.8.18-cp312-cp312-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl"
    assert best_wheel(names, Target("3.13", "alpine", "3.23")) == "spacy-3.8.18-cp313-cp313-musllinux_1_2_x86_64.whl"
    assert best_wheel(names, Target("3.12", "debian", "trixie", "aarch64")).endswith("aarch64.whl")
    assert best_wheel(["x-1.0.tar.gz"], Target("3.12", "debian", "trixie")) is None
    # an old glibc cannot take a newer manylinux tag
    assert best_wheel(["y-1-cp312-cp312-manylinux_2_39_x86_64.whl"], Target("3.12", "debian", "bookworm")) is None


# --- the whole comparison against recorded responses ---------------------------------------------------------------

def test_compare_spacy_from_recorded_responses(tmp_path: Path) -> None:
    fetch = Recorded(recorded_index())
    sources = pypi.PipSources(fetch=fetch, resolve=report_resolver, cache=cache_with_recorded_sizes(tmp_path))
    text = run_compare(("spacy",), None, False, None, False, REFERENCE_DATE, sources)
    assert "Estimated sizes" in text and "What the estimates leave out:" in text
    assert "pip's resolver report, dependencies" in text
    report = json.loads((DATA / "pip-report-spacy-3.8.18-cp312.json").read_text())
    sizes = json.loads((DATA / "wheel-sizes-spacy-3.8.18-cp312.json").read_text())
    download = sum(size[0] for size in sizes.values())
    unpacked = sum(size[1] for size in sizes.values())
    assert f"{download / 1e6:,.1f} MB" in text and f"{unpacked / 1e6:,.1f} MB" in text
    assert f"about {(120e6 + unpacked) / 1e6:,.1f} MB (base + unpacked)" in text
    assert len(report["install"]) == 44 and "  packages              44 " in text
    # conda: python 3.12 and the py312 builds, .conda files rather than their .tar.bz2 twins
    conda_download = 31500000 + 6900 + 5600000 + 41000 + 8900000 + 880000 + 17500 + 5900000 + 1560000 + 820000 \
        + 3900000 + 3160000 + 61000 + 33000 + 28000 + 51000 + 123000 + 152000
    assert f"{conda_download / 1e6:,.1f} MB" in text
    assert f"at least {(100e6 + conda_download) / 1e6:,.1f} MB (base + downloads)" in text
    assert "not published by conda-forge" in text
    assert "Numbers dockgen could not get" not in text
    assert not [call for call in fetch.calls if call[0].endswith(".whl")]  # sizes came from the cache


def test_greedy_closure_picks_the_build_for_the_requested_python() -> None:
    fetch = Recorded(recorded_index())
    problems: list[str] = []
    index = condaforge.load_index(("conda-forge",), fetch, Cache(Path("/nonexistent/cache")), False, problems)
    items, placed = condaforge.closure(("python=3.12", "spacy=3.8"), index)
    chosen = {item.name: item for item in items}
    assert chosen["python"].version == "3.12.12"
    assert chosen["spacy"].filename == "spacy-3.8.7-py312hf79963d_0.conda"
    assert chosen["cymem"].filename == "cymem-2.0.11-py312h2ec8cdc_1.conda"
    assert "__glibc" not in chosen and not placed
    items, placed = condaforge.closure(("python=3.13", "spacy=3.8"), index)
    assert {item.name: item.version for item in items}["python"] == "3.13.9"
    assert any("numpy" in problem for problem in placed)  # the stand-in repodata has no py313 numpy


def test_named_packages_only_when_pip_cannot_resolve(tmp_path: Path) -> None:
    def failing(call: pypi.PipCall, target: Target) -> bytes:
        raise Unavailable("pip's resolver failed: ERROR: No matching distribution found")

    tail = (DATA / "wheels" / "spacy-3.8.18-cp312-manylinux.tail").read_bytes()
    files = recorded_index() | {SPACY_WHEEL.replace("files.pythonhosted.org", "pypi.org").replace(
        "https://pypi.org/packages/", "https://pypi.org/packages/packages/"): (tail, SPACY_SIZE)}
    fetch = Recorded(files)
    method, items, problems = pypi.pip_items(((None, ("spacy==3.8.18",)),), Target("3.12", "debian", "trixie"),
                                             pypi.PipSources(fetch, failing, Cache(tmp_path)))
    assert method == "the named packages only, without their dependencies"
    assert [(item.name, item.download, item.installed) for item in items] == [("spacy", SPACY_SIZE, 123733096)]
    assert any("No matching distribution" in problem for problem in problems)
    # the per-version URL answered 404 (as this machine's mirror does), the project URL was read instead
    assert [url for url, _ in fetch.calls][:2] == ["https://pypi.org/pypi/spacy/3.8.18/json",
                                                   "https://pypi.org/pypi/spacy/json"]


def test_offline_with_an_empty_cache_says_what_it_could_not_get(tmp_path: Path) -> None:
    sources = pypi.PipSources(offline_fetch, None, Cache(tmp_path))
    text = run_compare(("spacy",), None, False, None, True, REFERENCE_DATE, sources)
    assert "Numbers dockgen could not get" in text
    assert "pip: dependencies: not resolved (--offline, and no cached resolver report)" in text
    assert "conda: conda-forge/linux-64 repodata: --offline, and not in the cache" in text
    assert "estimated image         unknown" in text  # nothing guessed
    assert "MB (base" not in text


def test_offline_reuses_what_an_earlier_run_cached(tmp_path: Path) -> None:
    cache = cache_with_recorded_sizes(tmp_path)
    online = pypi.PipSources(Recorded(recorded_index()), report_resolver, cache)
    first = run_compare(("spacy",), None, False, None, False, REFERENCE_DATE, online)
    offline = pypi.PipSources(offline_fetch, None, cache)
    assert run_compare(("spacy",), None, False, None, True, REFERENCE_DATE, offline) == first


def test_an_unreachable_network_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = run("new", "spacy", "--compare", "--today", REFERENCE_DATE.isoformat(), cwd=tmp_path,
                 env_extra={"XDG_CACHE_HOME": str(tmp_path / "cache"), "HTTPS_PROXY": "http://127.0.0.1:9",
                            "https_proxy": "http://127.0.0.1:9", "PIP_NO_INDEX": "1"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Numbers dockgen could not get" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--offline"], "--offline goes with --compare"),
    (["--compare", "--base", "debian-slim"], "does not take --from, --base"),
])
def test_bad_compare_options_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = run("new", "spacy", *args, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_compare_without_packages_exits_2(tmp_path: Path) -> None:
    result = run("new", "--compare", cwd=tmp_path)
    assert result.returncode == 2 and "--compare needs the packages" in result.stderr


def test_lint_imports_neither_compare_nor_apptainer(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\n")
    code = ("import sys\nfrom dockgen.cli import main\nmain(['lint', 'Dockerfile'])\n"
            "print(sorted(m for m in sys.modules if m.startswith(('dockgen.compare', 'dockgen.apptainer', "
            "'jinja2', 'urllib.request', 'spython'))))")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def _pypi_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _pypi_reachable(), reason="no network to pypi.org")
def test_live_pypi_sizes_a_small_pinned_wheel(tmp_path: Path) -> None:
    method, items, problems = pypi.pip_items(((None, ("wasabi==1.1.3",)),), Target("3.12", "debian", "trixie"),
                                             pypi.PipSources(http_fetch, None, Cache(tmp_path)))
    assert method == "the named packages only, without their dependencies"  # no resolver given: PyPI's JSON API
    assert [problem for problem in problems if not problem.startswith("dependencies:")] == []
    expected = (DATA / "wheels" / "wasabi-1.1.3-py3-none-any.whl")
    unpacked = sum(info.file_size for info in zipfile.ZipFile(expected).infolist())
    assert [(i.filename, i.download, i.installed) for i in items] == [
        ("wasabi-1.1.3-py3-none-any.whl", expected.stat().st_size, unpacked)]


def test_a_pip_older_than_24_2_is_not_trusted_for_another_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pypi.importlib.metadata, "version", lambda name: "24.1")
    other = "3.13" if sys.version_info[:2] != (3, 13) else "3.12"
    with pytest.raises(Unavailable, match="pip 24.2 or later is needed"):
        pypi.run_pip_report(pypi.PipCall(("numpy==2.5.5",)), Target(other, "debian", "trixie"))


def test_a_special_index_is_resolved_first_and_its_installs_are_kept(tmp_path: Path) -> None:
    """torch from the CPU index (--index-url, as the Dockerfile installs it), then transformers from PyPI with
    torch pinned to what the first call chose, so PyPI's CUDA build never enters the estimate."""
    seen: list[pypi.PipCall] = []
    cpu = "https://download.pytorch.org/whl/cpu"

    def resolver(call: pypi.PipCall, target: Target) -> bytes:
        seen.append(call)
        entries = ([("torch", "2.15.0+cpu", cpu + "/torch-2.15.0%2Bcpu-cp312-cp312-manylinux_2_28_x86_64.whl")]
                   if call.index_url else
                   [("torch", "2.15.0+cpu", "https://example.org/ignored.whl"),
                    ("transformers", "5.24.0", "https://example.org/transformers-5.24.0-py3-none-any.whl")])
        return json.dumps({"version": "1", "install": [
            {"metadata": {"name": n, "version": v}, "download_info": {"url": u}} for n, v, u in entries]}).encode()

    cache = Cache(tmp_path)
    for url in ("https://download.pytorch.org/whl/cpu/torch-2.15.0%2Bcpu-cp312-cp312-manylinux_2_28_x86_64.whl",
                "https://example.org/transformers-5.24.0-py3-none-any.whl"):
        cache.put(f"zip-size:{url}", [100, 300])
    method, items, problems = pypi.pip_items(((cpu, ("torch==2.15.0",)), (None, ("transformers==5.24.0",))),
                                             Target("3.12", "debian", "trixie"),
                                             pypi.PipSources(offline_fetch, resolver, cache))
    assert seen == [pypi.PipCall(("torch==2.15.0",), cpu),
                    pypi.PipCall(("transformers==5.24.0", "torch==2.15.0+cpu"), None, (cpu,))]
    assert [(i.name, i.version, i.filename) for i in items] == [
        ("torch", "2.15.0+cpu", "torch-2.15.0+cpu-cp312-cp312-manylinux_2_28_x86_64.whl"),
        ("transformers", "5.24.0", "transformers-5.24.0-py3-none-any.whl")]
    assert method == "pip's resolver report, dependencies included" and not problems


def _serve(files: dict[str, bytes]) -> tuple[object, str]:
    """A local HTTP server: gzip when asked, byte ranges from the end, 404 for anything else."""
    import gzip
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            body = files.get(self.path)
            if body is None:
                self.send_error(404)
                return
            wanted = self.headers.get("Range", "")
            if wanted.startswith("bytes=-"):
                count = int(wanted[7:])
                part = body[-count:]
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {len(body) - len(part)}-{len(body) - 1}/{len(body)}")
            elif "gzip" in self.headers.get("Accept-Encoding", ""):
                part = gzip.compress(body)
                self.send_response(200)
                self.send_header("Content-Encoding", "gzip")
            else:
                part = body
                self.send_response(200)
            self.send_header("Content-Length", str(len(part)))
            self.end_headers()
            self.wfile.write(part)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def test_http_fetch_reads_ranges_gzip_and_reports_errors() -> None:
    wheel = (DATA / "wheels" / "wasabi-1.1.3-py3-none-any.whl").read_bytes()
    repodata = (DATA / "conda-forge-noarch-current_repodata.json").read_bytes()
    server, base = _serve({"/w.whl": wheel, "/repodata.json": repodata})
    try:
        expected = sum(info.file_size for info in zipfile.ZipFile(DATA / "wheels" / "wasabi-1.1.3-py3-none-any.whl")
                       .infolist())
        assert unpacked_size(f"{base}/w.whl", http_fetch) == (len(wheel), expected)
        assert http_fetch(f"{base}/repodata.json").body == repodata  # sent gzipped, read back whole
        with pytest.raises(Unavailable, match="HTTP 404"):
            http_fetch(f"{base}/missing")
    finally:
        server.shutdown()  # type: ignore[attr-defined]


def test_pip_resolver_failure_names_the_host_it_could_not_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = (b"WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after "
              b"connection broken by 'NameResolutionError(\"HTTPSConnection(host='download.pytorch.org', port=443): "
              b"Failed to resolve 'download.pytorch.org'\")': /whl/cpu/torch/\n"
              b"ERROR: No matching distribution found for torch==2.15.0\n")
    monkeypatch.setattr(pypi.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 1, b"", stderr))
    target = Target(f"{sys.version_info.major}.{sys.version_info.minor}", "debian", "trixie")
    with pytest.raises(Unavailable, match="torch==2.15.0; pip could not reach download.pytorch.org$"):
        pypi.run_pip_report(pypi.PipCall(("torch==2.15.0",), "https://download.pytorch.org/whl/cpu"), target)
