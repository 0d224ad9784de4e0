"""DG402 (BuildKit FromAsCasing): ``AS`` written in another case than ``FROM``."""

from collections.abc import Iterator

from dockgen.checks._fixes import replace_text
from dockgen.checks.contract import Context, Hit, hit_at, says, written_at
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import words


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for stage in dockerfile.stages:
        instruction = stage.from_instruction
        as_word = next((w for w in words(instruction.args) if w.lower() == "as"), None)
        if as_word is None:
            continue
        keyword = instruction.written_keyword
        if (keyword.isupper() and not as_word.isupper()) or (keyword.islower() and not as_word.islower()):
            wanted = "AS" if keyword.isupper() else "as"
            yield hit_at(instruction, written_at(instruction, as_word),
                         says(written=as_word, keyword=keyword, wanted=wanted),
                         fix=replace_text(dockerfile, instruction, f" {as_word} ", f" {wanted} "))
