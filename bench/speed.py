"""Time dockgen against hadolint on the same Dockerfiles, in one run, and print the ratios.

    python bench/speed.py [CORPUS_DIR] [--repeat N]

Without a folder, a synthetic corpus of 1,000 files is generated (the differential-test generator, fixed seed).
Measured: hadolint over all files in one process; `dockgen lint` over the same files in one process, on every core,
and with `--shellcheck` (hadolint always runs ShellCheck); both on one small file from a cold start (median of N
runs) and where dockgen's start-up goes; peak memory of each (maxrss of the process); dockgen's per-file cost by
phase (decode + parse, the shell split alone, rules); and how time grows with a file's length and with the number of
files. dockgen runs from its wheel, built and installed into a temporary folder first, as users get it (an editable
install under PYTHONDONTWRITEBYTECODE has no bytecode). Nothing here is a test: numbers
depend on the machine, so only ratios are compared.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dockgen.api import lint_bytes
from dockgen.lint.engine import Settings, lint
from dockgen.lint.parse import parse_text
from dockgen.lint.shell import parse_script
from dockgen.lint.source import decode

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"manifest.tsv", "duplicates.tsv", "skipped.tsv", "repos.tsv"}
SMALL = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n" \
        "    && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir spacy==3.8.7\nUSER 1000\nCMD [\"python\"]\n"


def run_measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "HOME": str(cwd), "XDG_CONFIG_HOME": str(cwd), **(env or {})})
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss


def tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.is_file():
        sys.exit(f"{name} is not installed next to {sys.executable}")
    return str(path)


def median_cold(command: list[str], cwd: Path, repeat: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(run_measured(command, cwd, env)[0] for _ in range(repeat))


def synthetic_corpus(folder: Path, count: int) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from tests.differential.generate import generate

    texts = [text for family in generate(per_rule=count // 15 + 1).values() for text in family][:count]
    paths = []
    for index, text in enumerate(texts):
        path = folder / f"synthetic-{index:05d}.Dockerfile"
        path.write_text(text)
        paths.append(path)
    return paths


def phases(files: list[Path]) -> tuple[float, float, float]:
    """Milliseconds per file for decode + parse (shell split included), for the shell split alone (every RUN's
    script split again, outside the parse), and for the rules."""
    data = [path.read_bytes() for path in files]
    start = time.perf_counter()
    models = [parse_text(decode(raw).text) for raw in data]
    parsed = time.perf_counter()
    settings = Settings()
    for model in models:
        lint(model, settings)
    done = time.perf_counter()
    scripts = [i.args for m in models for i in m.by_keyword.get("RUN", ()) if not i.is_exec_form]
    split_start = time.perf_counter()
    for script in scripts:
        parse_script(script)
    split = time.perf_counter() - split_start
    per_file = 1000 / len(files)
    return (parsed - start) * per_file, split * per_file, (done - parsed) * per_file


def growth() -> list[str]:
    """Time for 1x and 10x the input: a ratio near 10 means linear."""
    block = SMALL.split("\n", 1)[1]
    rows = []
    for label, small, large in (
        ("one file, 1,000 vs 10,000 lines", "FROM a:1\n" + block * 167, "FROM a:1\n" + block * 1667),
    ):
        t_small = _time(lambda: lint_bytes(small.encode()))
        t_large = _time(lambda: lint_bytes(large.encode()))
        rows.append(f"{label:40} {t_small * 1000:9.1f} ms {t_large * 1000:9.1f} ms   x{t_large / t_small:5.1f}")
    many = [SMALL.encode()] * 10_000
    t_1k = _time(lambda: [lint_bytes(raw) for raw in many[:1000]])
    t_10k = _time(lambda: [lint_bytes(raw) for raw in many])
    rows.append(f"{'1,000 vs 10,000 small files':40} {t_1k * 1000:9.1f} ms {t_10k * 1000:9.1f} ms   "
                f"x{t_10k / t_1k:5.1f}")
    return rows


def _time(action: object) -> float:
    """Best of three: one run can catch a garbage collection or another process on the machine."""
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        timings.append(time.perf_counter() - start)
    return min(timings)


def install_wheel(work: Path) -> tuple[list[str], dict[str, str]]:
    """Build the wheel and install it into ``work`` as users get it (bytecode compiled, which an editable install
    under PYTHONDONTWRITEBYTECODE lacks); return the command that runs it and its environment."""
    dist, site = work / "dist", work / "site"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wheel = next(dist.glob("dockgen_lint-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
                   check=True)
    # The console script pip wrote (it runs dockgen.entry:main); the dependencies come from this environment.
    return [str(site / "bin" / "dockgen")], {"PYTHONPATH": str(site)}


# What a cold ``dockgen lint`` does, timed inside the process. ``python -X importtime`` cannot show the rule modules:
# they are loaded through importlib.import_module, which it does not see.
_PHASES = """
import time
start = time.perf_counter()
import gc
gc.disable()  # as dockgen.entry does while importing
from dockgen.cli import main
gc.freeze()
gc.enable()
imported = time.perf_counter()
from dockgen.checks import check_for
from dockgen.lint.engine import Settings
for code in Settings().enabled_codes(None):
    if code != "DG001":
        check_for(code)
rules = time.perf_counter()
main(["lint", "--isolated", "-f", "json", "small.Dockerfile"])
done = time.perf_counter()
print(imported - start, rules - imported, done - rules)
"""
# The standard modules the lint path cannot do without, and click: the floor before any dockgen code runs.
FLOOR_IMPORTS = "import click, dataclasses, enum, json, pathlib, re, typing"


def startup_breakdown(env: dict[str, str], work: Path, repeat: int) -> list[str]:
    """Where a cold start goes: medians of the bare interpreter, of the floor (click and the standard library the
    lint path needs), and of the phases of one cold run measured inside it."""
    bare = median_cold([sys.executable, "-c", "pass"], work, repeat)
    floor = median_cold([sys.executable, "-c", FLOOR_IMPORTS], work, repeat)
    runs = []
    for _ in range(repeat):
        run = subprocess.run([sys.executable, "-c", _PHASES], cwd=work, env={**os.environ, **env},
                             capture_output=True, text=True, check=False)
        runs.append([float(part) for part in run.stdout.split()[-3:]])
    imports, rules, lint_ms = (statistics.median(phase) * 1000 for phase in zip(*runs))
    return [f"{'interpreter alone (python -c pass)':52} {bare * 1000:7.1f} ms",
            f"{'interpreter + click + standard modules (the floor)':52} {floor * 1000:7.1f} ms",
            f"{'importing dockgen.cli (floor modules included)':52} {imports:7.1f} ms",
            f"{'importing the enabled rules':52} {rules:7.1f} ms",
            f"{'linting the file and printing the report':52} {lint_ms:7.1f} ms"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("--repeat", type=int, default=15, help="cold-start runs per tool (median)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dockgen-bench-"))
    installed, env = install_wheel(work)
    if args.corpus:
        files = sorted(p for p in args.corpus.iterdir() if p.is_file() and p.name not in SKIP)
    else:
        files = synthetic_corpus(work, 1000)
    (work / "neutral.yaml").write_text("{}\n")
    (work / "small.Dockerfile").write_text(SMALL)
    hadolint = [tool("hadolint"), "--no-color", "-f", "json", "-c", str(work / "neutral.yaml")]
    dockgen = [*installed, "lint", "--isolated", "-f", "json"]
    names = [str(path) for path in files]

    h_time, h_mem = run_measured([*hadolint, *names], work)
    d1_time, d1_mem = run_measured([*dockgen, "-j", "1", *names], work, env)
    dn_time, dn_mem = run_measured([*dockgen, *names], work, env)
    sc_time, sc_mem = run_measured([*dockgen, "--shellcheck", "-j", "1", *names], work, env)
    h_cold = median_cold([*hadolint, "small.Dockerfile"], work, args.repeat)
    d_cold = median_cold([*dockgen, "small.Dockerfile"], work, args.repeat, env)
    parse_ms, split_ms, rules_ms = phases(files)

    cores = os.cpu_count() or 1
    print(f"{len(files)} files, {cores} cores, Python {sys.version.split()[0]}")
    print(f"{'':34} {'hadolint':>10} {'dockgen':>10} {'ratio':>8}")
    print(f"{'corpus, one process (s)':34} {h_time:10.2f} {d1_time:10.2f} {h_time / d1_time:7.1f}x")
    print(f"{'corpus, all cores (s)':34} {h_time:10.2f} {dn_time:10.2f} {h_time / dn_time:7.1f}x")
    print(f"{'with ShellCheck, one process (s)':34} {h_time:10.2f} {sc_time:10.2f} {h_time / sc_time:7.1f}x")
    print(f"{'peak memory, one process (MiB)':34} {h_mem / 1024:10.1f} {d1_mem / 1024:10.1f} "
          f"{d1_mem / h_mem:7.2f}x")
    print(f"{'cold start, one file (ms, median)':34} {h_cold * 1000:10.1f} {d_cold * 1000:10.1f} "
          f"{h_cold / d_cold:7.2f}x")
    print(f"\ndockgen per file: decode + parse {parse_ms:.3f} ms (of which shell split {split_ms:.3f} ms), "
          f"rules {rules_ms:.3f} ms")
    print("\ncold start, where the time goes (medians):")
    for row in startup_breakdown(env, work, args.repeat):
        print("  " + row)
    print("\ngrowth (x10 input should take about x10 time):")
    for row in growth():
        print("  " + row)
    print(f"\nthis process's peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
