"""Check every message of every finding over a folder of Dockerfiles against the message style's length bound.

    python bench/message_lengths.py CORPUS_DIR

Lints each file with every rule (ShellCheck's messages are its own and left out) and prints, per rule, how many
messages run over ``dockgen.lint.messages.MAX_LENGTH`` characters, with the longest; exits 1 when any does.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from dockgen import Settings, lint_bytes
from dockgen.lint.messages import MAX_LENGTH

SKIP = {"manifest.tsv", "duplicates.tsv", "skipped.tsv", "repos.tsv"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    args = parser.parse_args()
    settings = Settings(select=("ALL",))
    too_long: dict[str, list[str]] = defaultdict(list)
    total = 0
    for path in sorted(p for p in args.corpus.iterdir() if p.is_file() and p.name not in SKIP):
        for finding in lint_bytes(path.read_bytes(), settings, str(path)):
            total += 1
            if len(finding.message) > MAX_LENGTH:
                too_long[finding.code].append(finding.message)
    print(f"{total} messages, {sum(map(len, too_long.values()))} over {MAX_LENGTH} characters")
    for code, messages in sorted(too_long.items()):
        longest = max(messages, key=len)
        print(f"{code:7} {len(messages):5}  {len(longest)}: {longest}")
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main())
