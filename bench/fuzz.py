"""A long, seeded fuzz run over parse, lint and fix (the test suite runs a short one with hypothesis).

    python bench/fuzz.py [--minutes 30] [--seed 1] [--corpus CORPUS_DIR] [--out FOLDER]

Mixes grammar "instruction soup" with mutated corpus files. Every failing input is written to FOLDER with the
exception, so it can become a regression test. Prints the number of inputs tried, per seed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzz.dockerfiles import random_dockerfile  # noqa: E402
from tests.fuzz.properties import check  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    args = parser.parse_args()
    corpus = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(args.corpus.iterdir())
              if p.is_file()] if args.corpus else []
    deadline = time.monotonic() + args.minutes * 60
    seed, tried, failures = args.seed, 0, 0
    while time.monotonic() < deadline:
        rng = random.Random(seed)
        for _ in range(1000):
            text = random_dockerfile(rng, corpus)
            tried += 1
            try:
                check(text)
            except Exception:  # noqa: BLE001 - every escape is a finding of the fuzz run
                failures += 1
                args.out.mkdir(exist_ok=True)
                (args.out / f"seed{seed}-{tried}.Dockerfile").write_text(text, encoding="utf-8", errors="replace")
                (args.out / f"seed{seed}-{tried}.txt").write_text(traceback.format_exc())
        print(f"seed {seed}: {tried} inputs so far, {failures} failures", flush=True)
        seed += 1
    print(f"done: seeds {args.seed}..{seed - 1}, {tried} inputs, {failures} failures")


if __name__ == "__main__":
    main()
