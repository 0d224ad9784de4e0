"""The ``dockgen`` process: what only a whole process may decide, around the command line of ``dockgen.cli``.

Start-up creates some 17,000 objects that the garbage collector tracks (modules, classes, functions, rule data) and
frees almost none of them, so the collections that run while it imports find nothing to free. Collection is off
while importing, and what start-up built is then frozen (``gc.freeze``): later collections, and the last one when
Python exits, no longer walk it. On one small file this is about 7% of the instructions a cold start executes.
Library callers import ``dockgen.cli`` or ``dockgen.api`` and are left alone.
"""

from __future__ import annotations

import gc


def main(argv: list[str] | None = None) -> int:
    collecting = gc.isenabled()
    gc.disable()
    try:
        from dockgen.cli import main as run
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    code = run(argv)
    gc.freeze()  # what the run made is freed at exit without being walked for cycles first
    return code
