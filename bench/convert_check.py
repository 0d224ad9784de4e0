"""Run ``dockgen new --from`` with both managers over every Linux Dockerfile of a corpus that installs Python packages.

    python bench/convert_check.py CORPUS_DIR [--show REFUSED|ERROR|UNCLEAN|PROPERTY] [--limit N] [--out DIR]
                                             [--mirrors /work/.mirror]

Reports, per manager: converted, refused (by reason), internal errors and crashes, outputs that are not lint-clean
under dockgen and under hadolint, and for each kept property the share of outputs (among sources that have it)
that keep it. Source and output are both read with BuildKit's parser (the `dockerfile` package), not with ours.
``--out DIR`` writes every output next to a copy of its source, for reading by hand. ``--mirrors DIR`` gives each
Dockerfile its real build context (its folder in the repository it came from, read from the fetched mirrors with git
and the corpus's manifest.tsv), as ``dockgen new --from`` reads it on a user's machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import dockerfile as buildkit

from dockgen import Settings, lint_text
from dockgen.commands import conda, pip
from dockgen.convert import BuildContext, Refused, convert_text
from dockgen.convert.build_context import inside
from dockgen.errors import DockgenError
from dockgen.generator.catalog import load, normalize
from dockgen.lint.parse import is_posix_shell, parse_text
from dockgen.lint.shell import split_commands
from dockgen.lint.source import decode

sys.path.insert(0, str(Path(__file__).parent))
from parity import SKIP, hadolint_path  # noqa: E402

PROPERTIES = ("EXPOSE ports", "ENV keys", "ENTRYPOINT and CMD", "pip names and -r files", "conda channels", "USER",
              "WORKDIR", "COPY sources")


def candidates(corpus: Path) -> Iterator[tuple[str, str]]:
    """Linux Dockerfiles that parse and install Python packages (pip, setup.py, conda/mamba/micromamba)."""
    for path in sorted(corpus.iterdir()):
        if path.name in SKIP or not path.is_file():
            continue
        decoded = decode(path.read_bytes())
        if decoded.problem:
            continue
        model = parse_text(decoded.text)
        if model.problems or not model.stages or any(not is_posix_shell(i.shell) for i in model.instructions):
            continue
        if any("windows" in (s.image.raw.lower()) or "nanoserver" in s.image.raw.lower() for s in model.stages):
            continue
        commands = [c for i in model.instructions for c in i.commands]
        if any(pip.is_pip_install(c) or conda.installs(c) or "setup.py" in c.args for c in commands):
            yield path.name, decoded.text


def properties(text: str) -> dict[str, object]:
    """What a Dockerfile keeps, read with BuildKit's parser; the final stage for USER, CMD and ENTRYPOINT."""
    parsed = buildkit.parse_string(text)
    final_start = max((i for i, c in enumerate(parsed) if c.cmd == "FROM"), default=0)
    found: dict[str, set[object]] = defaultdict(set)
    final: dict[str, object] = {}
    for index, command in enumerate(parsed):
        if command.cmd == "EXPOSE":
            found["EXPOSE ports"].update(command.value)
        elif command.cmd == "ENV":
            found["ENV keys"].update(command.value[0::2])
        elif command.cmd == "WORKDIR":
            found["WORKDIR"].update(command.value)
        elif command.cmd in ("COPY", "ADD"):
            found["COPY sources"].update(command.value[:-1])
        elif command.cmd == "USER" and index > final_start:
            final["USER"] = command.value
        elif command.cmd in ("CMD", "ENTRYPOINT") and index > final_start:
            final[command.cmd] = (command.json, command.value)
        elif command.cmd == "RUN" and not command.json:
            for shell_command in split_commands(" ".join(command.value)):
                install = pip.parse_install(shell_command)
                if install is not None:
                    for requirement in install.requirements:
                        name = pip.requirement_name(requirement)
                        if name:
                            found["pip names and -r files"].add(_canonical(name))
                    found["pip names and -r files"].update(f"-r {f}" for f in install.requirement_files)
                elif conda.installs(shell_command):
                    found["conda channels"].update(c for c in conda.channels(shell_command) if c not in conda.DEFAULT_CHANNELS)
                    for spec in conda.packages(shell_command):
                        found["conda names"].add(_canonical(conda.spec_name(spec)))
                elif conda.subcommand(shell_command) == "config":
                    found["conda channels"].update(c for c in conda.configured_channels(shell_command)
                                                   if c not in conda.DEFAULT_CHANNELS)
    result: dict[str, object] = {key: frozenset(value) for key, value in found.items()}
    result["ENTRYPOINT and CMD"] = (final.get("ENTRYPOINT"), final.get("CMD"))
    result["USER"] = final.get("USER")
    return result


def _canonical(name: str) -> str:
    package = load().package(name)
    return normalize(package.name) if package else normalize(name)


def kept(prop: str, source: dict[str, object], output: dict[str, object]) -> bool | None:
    """None when the source does not have the property."""
    if prop in ("ENTRYPOINT and CMD", "USER"):
        return None if source[prop] in (None, (None, None)) else source[prop] == output[prop]
    wanted = source.get(prop, frozenset())
    if not wanted:
        return None
    have = set(output.get(prop, frozenset()))  # type: ignore[arg-type]
    if prop == "pip names and -r files":
        have |= set(output.get("conda names", frozenset()))  # type: ignore[arg-type]
    return set(wanted) <= have  # type: ignore[arg-type]


class GitContext:
    """A folder of a fetched repository, read with git (the mirrors have no work tree)."""

    _trees: dict[Path, frozenset[str]] = {}

    def __init__(self, git_dir: Path, folder: str) -> None:
        self.git_dir, self.folder = git_dir, folder
        if git_dir not in self._trees:
            listing = subprocess.run(["git", "--git-dir", str(git_dir), "ls-tree", "-r", "--name-only", "HEAD"],
                                     capture_output=True, text=True, check=False).stdout
            self._trees[git_dir] = frozenset(listing.splitlines())

    @property
    def label(self) -> str:
        return f"{self.git_dir.parent.name}:{self.folder or '.'}"

    def read_text(self, path: str) -> str | None:
        relative = inside(path)
        full = f"{self.folder}/{relative}" if self.folder and relative else relative
        if full is None or full not in self._trees[self.git_dir]:
            return None
        shown = subprocess.run(["git", "--git-dir", str(self.git_dir), "show", f"HEAD:{full}"], capture_output=True,
                               check=False)
        try:
            return shown.stdout.decode("utf-8-sig") if shown.returncode == 0 else None
        except UnicodeDecodeError:
            return None


def contexts(corpus: Path, mirrors: Path | None) -> dict[str, BuildContext]:
    if mirrors is None:
        return {}
    found: dict[str, BuildContext] = {}
    for row in (corpus / "manifest.tsv").read_text().splitlines()[1:]:
        name, repo, path = row.split("\t")[:3]
        git_dir = mirrors / repo.replace("/", "+") / "repo"
        if git_dir.is_dir():
            found[name] = GitContext(git_dir, path.rpartition("/")[0])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--show", default="")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--managers", default="pip,conda")
    parser.add_argument("--mirrors", type=Path, help="fetched repositories, for real build contexts")
    options = parser.parse_args()
    options.contexts = contexts(options.corpus, options.mirrors)
    files = list(candidates(options.corpus))
    if options.limit:
        files = files[:options.limit]
    print(f"{len(files)} Linux Dockerfiles that install Python packages")
    hadolint = hadolint_path()
    for manager in options.managers.split(","):
        report(manager, files, hadolint, options)


def report(manager: str, files: list[tuple[str, str]], hadolint: str, options: argparse.Namespace) -> None:
    refused: Counter[str] = Counter()
    errors: list[tuple[str, str]] = []
    unclean: list[tuple[str, str]] = []
    outputs: dict[str, str] = {}
    for name, text in files:
        try:
            outputs[name] = convert_text(text, name, manager, context=options.contexts.get(name)).text
        except Refused as error:
            refused[error.reason] += 1
            if options.show == "REFUSED":
                print(f"  refused {name}: {error}")
        except DockgenError as error:
            errors.append((name, str(error)))
        except Exception as error:  # noqa: BLE001 - a crash is what this bench exists to count
            errors.append((name, f"crash: {type(error).__name__}: {error}"))
    for name, text in outputs.items():
        findings = lint_text(text, Settings())
        if findings:
            unclean.append((name, "dockgen: " + ", ".join(f"{f.line}:{f.code}" for f in findings)))
    unclean += hadolint_unclean(hadolint, outputs)
    shares: dict[str, list[bool]] = defaultdict(list)
    misses: dict[str, list[str]] = defaultdict(list)
    sources = dict(files)
    for name, text in outputs.items():
        try:
            before, after = properties(sources[name]), properties(text)
        except buildkit.GoParseError as error:
            unclean.append((name, f"BuildKit cannot parse the output: {error}"))
            continue
        for prop in PROPERTIES:
            if prop == "conda channels" and manager == "pip":
                continue
            verdict = kept(prop, before, after)
            if verdict is not None:
                shares[prop].append(verdict)
                if not verdict:
                    misses[prop].append(name)
    if options.out:
        folder = options.out / manager
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in outputs.items():
            (folder / f"{name}.out").write_text(text)
            (folder / f"{name}.src").write_text(sources[name])
    total = len(files)
    print(f"\n== --manager {manager}")
    print(f"converted        {len(outputs):5} ({100 * len(outputs) / max(total, 1):.1f}%)")
    for reason, count in refused.most_common():
        print(f"refused {reason:13}{count:5} ({100 * count / max(total, 1):.1f}%)")
    convertible = total - refused["python2"] - refused["windows"] - refused["builds-python"]
    print(f"converted of those dockgen must not refuse (not Python 2, Windows, or a build of Python itself): "
          f"{100 * len(outputs) / max(convertible, 1):.1f}%")
    unread = sum("could not read" in text.split("\nFROM", 1)[0] for text in outputs.values())
    moved = sum("copied on its own before the install" in text.split("\nFROM", 1)[0].replace("\n#      ", "")
                for text in outputs.values())
    print(f"outputs with a file not read from the build context: {unread}; requirement files moved first: {moved}")
    print(f"internal errors  {len(errors):5}")
    print(f"not lint-clean   {len(unclean):5}")
    for prop in PROPERTIES:
        if shares.get(prop):
            values = shares[prop]
            print(f"kept {prop:24} {100 * sum(values) / len(values):6.1f}%  ({sum(values)}/{len(values)})")
    for name, message in errors[:40] if options.show in ("", "ERROR") else ():
        print(f"  error {name}: {message[:300]}")
    for name, message in unclean[:40] if options.show in ("", "UNCLEAN") else ():
        print(f"  unclean {name}: {message[:300]}")
    for prop, names in misses.items():
        if options.show == prop or options.show == "PROPERTY":
            for name in names[:30]:
                print(f"  lost {prop}: {name}")


def hadolint_unclean(hadolint: str, outputs: dict[str, str]) -> list[tuple[str, str]]:
    """Files on which hadolint (any level) reports something, in batches of one process each."""
    found: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, (name, text) in enumerate(outputs.items()):
            path = Path(folder) / f"{number}.Dockerfile"
            path.write_text(text)
            paths.append((path, name))
        for start in range(0, len(paths), 200):
            batch = paths[start:start + 200]
            result = subprocess.run([hadolint, "--no-fail", "-f", "json", *(str(p) for p, _ in batch)],
                                    capture_output=True, text=True, check=False)
            by_path = {str(p): n for p, n in batch}
            rows = json.loads(result.stdout or "[]")
            per_file: dict[str, list[str]] = defaultdict(list)
            for row in rows:
                per_file[by_path.get(row["file"], row["file"])].append(f"{row['line']}:{row['code']}")
            found += [(name, "hadolint: " + ", ".join(codes)) for name, codes in per_file.items()]
    return found


if __name__ == "__main__":
    main()
