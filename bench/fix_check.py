"""Fix every file of a corpus (on copies) and check what the fixes did.

    python bench/fix_check.py CORPUS_DIR [--safe-only] [--show N]

For each file with something to fix, with all fixes (--unsafe-fixes) unless --safe-only:
  - the fixed file parses, for dockgen and for BuildKit's parser (PyPI ``dockerfile``);
  - fixing it again changes nothing;
  - the findings that were fixed are gone and no finding appears that was not there before;
  - hadolint reports no more findings on the fixed file than on the original;
  - lines outside the instructions that had a fixable finding are unchanged (line by line).
Prints the counts and the first failures of each kind.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import dockerfile  # noqa: E402  (BuildKit's parser)

from dockgen.lint.engine import Settings, lint  # noqa: E402
from dockgen.lint.fixer import fix_text  # noqa: E402
from dockgen.lint.parse import parse_text  # noqa: E402
from dockgen.lint.source import decode  # noqa: E402
from tests.differential.hadolint_runner import run_hadolint  # noqa: E402
from tests.fuzz.properties import lines_changed_outside_fixes  # noqa: E402

SKIP = {"manifest.tsv", "duplicates.tsv", "skipped.tsv", "repos.tsv"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--safe-only", action="store_true")
    parser.add_argument("--show", type=int, default=3)
    args = parser.parse_args()
    unsafe = not args.safe_only
    settings = Settings()
    problems: dict[str, list[str]] = {k: [] for k in ("dockgen-parse", "buildkit-parse", "not-idempotent",
                                                       "finding-left", "new-finding", "outside-edit",
                                                       "hadolint-more", "limit", "dropped")}
    applied: Counter[str] = Counter()
    changed: list[tuple[Path, str, str]] = []
    files = sorted(p for p in args.corpus.iterdir() if p.is_file() and p.name not in SKIP)
    for path in files:
        decoded = decode(path.read_bytes())
        if decoded.problem or parse_text(decoded.text).problems:
            continue
        outcome = fix_text(decoded.text, settings, unsafe)
        if outcome.limit_reached:
            problems["limit"].append(path.name)
        if outcome.dropped:
            problems["dropped"].append(f"{path.name}: {outcome.dropped}")
        if not outcome.changed:
            continue
        applied.update(outcome.applied)
        changed.append((path, decoded.text, outcome.text))
        fixed_model = parse_text(outcome.text)
        if fixed_model.problems:
            problems["dockgen-parse"].append(path.name)
        try:
            dockerfile.parse_string(outcome.text)
        except dockerfile.GoParseError as error:
            problems["buildkit-parse"].append(f"{path.name}: {error}")
        if fix_text(outcome.text, settings, unsafe).changed:
            problems["not-idempotent"].append(path.name)
        before = Counter(f.code for f in lint(parse_text(decoded.text), settings))
        after = Counter(f.code for f in lint(fixed_model, settings))
        fixed_codes = set(outcome.applied)
        for code in fixed_codes:
            if after[code] and after[code] >= before[code]:
                problems["finding-left"].append(f"{path.name}: {code}")
        for code, count in after.items():
            if count > before[code]:
                problems["new-finding"].append(f"{path.name}: {code} {before[code]} -> {count}")
        outside = lines_changed_outside_fixes(decoded.text, outcome.text, unsafe)
        if outside:
            problems["outside-edit"].append(f"{path.name}: lines {outside[:5]}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        originals, fixed = [], []
        for index, (_, original, new) in enumerate(changed):
            (work / f"o{index}.Dockerfile").write_text(original)
            (work / f"f{index}.Dockerfile").write_text(new)
            originals.append(work / f"o{index}.Dockerfile")
            fixed.append(work / f"f{index}.Dockerfile")
        found = run_hadolint(originals + fixed, work)
        for index, (path, _, _) in enumerate(changed):
            before_count = sum(found[str(originals[index])].values())
            after_count = sum(found[str(fixed[index])].values())
            if after_count > before_count:
                problems["hadolint-more"].append(f"{path.name}: {before_count} -> {after_count}")
    print(f"{len(files)} files, {len(changed)} changed by {'all' if unsafe else 'safe'} fixes, "
          f"{sum(applied.values())} fixes applied")
    print("fixes by rule: " + ", ".join(f"{code} {count}" for code, count in sorted(applied.items())))
    for kind, items in problems.items():
        print(f"{kind:16} {len(items)}")
        for item in items[:args.show]:
            print(f"    {item}")


if __name__ == "__main__":
    main()
