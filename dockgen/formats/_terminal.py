"""What the terminal formats share with ``tty``, the default one, so that they stay in step with it."""

from __future__ import annotations

from collections.abc import Sequence

from dockgen.api import FileResult
from dockgen.formats import tty


def tty_pieces(results: Sequence[FileResult], colour: bool) -> tuple[list[str], list[str]]:
    """``tty``'s line for each finding, in order, and what it writes after them (the summary). ``tty`` writes one
    piece per finding, then its closing lines."""
    pieces = list(tty.chunks(results, colour))
    count = sum(len(result.findings) for result in results)
    return pieces[:count], pieces[count:]
