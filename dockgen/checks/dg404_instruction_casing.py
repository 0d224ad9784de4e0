"""DG404 (BuildKit ConsistentInstructionCasing): instruction keywords in both upper and lower case."""

from collections.abc import Iterator

from dockgen.checks._fixes import replace_text
from dockgen.checks.contract import Context, Hit, says
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    written = [i.written_keyword for i in dockerfile.instructions]
    upper = sum(1 for w in written if w.isupper())
    lower = sum(1 for w in written if w.islower())
    majority_upper = upper >= lower
    for instruction in dockerfile.instructions:
        keyword = instruction.written_keyword
        if (majority_upper and not keyword.isupper()) or (not majority_upper and not keyword.islower()):
            expected = keyword.upper() if majority_upper else keyword.lower()
            yield Hit(instruction.line, says(keyword=keyword, expected=expected),
                      fix=replace_text(dockerfile, instruction, keyword, expected))
