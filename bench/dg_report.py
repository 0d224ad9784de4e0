"""Count and sample dockgen's own DG findings over a folder of Dockerfiles, to read them for false positives.

    python bench/dg_report.py CORPUS_DIR [--show CODE] [--samples N] [--seed S] [--today YYYY-MM-DD]

Prints each DG rule with its number of findings and of files, then a few samples per rule (file:line, the
instruction text, the message). With ``--show CODE`` only that rule is sampled, with more samples. Sampling is
seeded, so a review can be repeated.
"""

from __future__ import annotations

import argparse
import datetime
import random
from collections import defaultdict
from pathlib import Path

from dockgen import Settings, lint_bytes
from dockgen.lint.rules import all_rules

SKIP = {"manifest.tsv", "duplicates.tsv", "skipped.tsv", "repos.tsv"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--show", help="sample only this rule")
    parser.add_argument("--samples", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", default="2026-11-25", help="the date end-of-life rules compare with")
    args = parser.parse_args()
    dg_codes = tuple(code for code in all_rules() if code.startswith("DG"))
    settings = Settings(select=dg_codes, today=datetime.date.fromisoformat(args.today))
    findings: dict[str, list[tuple[Path, int, str, str]]] = defaultdict(list)
    files = sorted(p for p in args.corpus.iterdir() if p.is_file() and p.name not in SKIP)
    for path in files:
        data = path.read_bytes()
        lines = data.decode("utf-8", "replace").splitlines()
        for finding in lint_bytes(data, settings, str(path)):
            text = lines[finding.line - 1].strip() if 0 < finding.line <= len(lines) else ""
            findings[finding.code].append((path, finding.line, text, finding.message))
    print(f"{len(files)} files")
    print(f"{'code':8} {'name':34} {'findings':>8} {'files':>6}")
    for code in dg_codes:
        hits = findings.get(code, [])
        print(f"{code:8} {all_rules()[code].name:34} {len(hits):8} {len({h[0] for h in hits}):6}")
    rng = random.Random(args.seed)
    for code in [args.show.upper()] if args.show else dg_codes:
        hits = findings.get(code, [])
        if not hits:
            continue
        print(f"\n== {code} ({len(hits)})")
        for path, line, text, message in rng.sample(hits, min(len(hits), args.samples if not args.show else 40)):
            print(f"{path.name}:{line}: {text[:140]}\n    -> {message[:200]}")


if __name__ == "__main__":
    main()
