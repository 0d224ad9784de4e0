"""DG101: a base image whose distribution release or Python is past end of life."""

from collections.abc import Iterator

from dockgen.checks._base import Context, Hit
from dockgen.knowledge import images
from dockgen.model import Dockerfile
from dockgen.checks._fixes import replace_text

CODE = "DG101"


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    aliases = {stage.alias for stage in dockerfile.stages if stage.alias}
    for stage in dockerfile.stages:
        image = stage.image
        if image.raw in aliases:
            continue
        reasons = []
        python = images.python_version(image)
        python_end = images.python_eol(python) if python else None
        if python_end and python_end < context.today:
            reasons.append(f"Python {python} on {python_end.isoformat()}")
        release = images.release_of(image)
        if release and release.eol < context.today:
            note = f" ({release.note})" if release.note else ""
            reasons.append(f"{release.title} on {release.eol.isoformat()}{note}")
        if reasons:
            replacement = images.eol_replacement(image, release)
            known = " " not in replacement and not image.has_variable
            yield Hit(stage.from_instruction.line,
                      f"`{image.raw}` is past end of life: {' and '.join(reasons)}. It gets no security fixes "
                      f"and its packages only age; move to a supported base such as `{replacement}`.",
                      fix=replace_text(dockerfile, stage.from_instruction, image.raw, replacement, safe=False)
                      if known else None)
