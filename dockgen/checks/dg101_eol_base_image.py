"""DG101: a base image whose distribution release or Python is past end of life."""

from collections.abc import Iterator

from dockgen.checks._fixes import replace_text, word_columns
from dockgen.checks.contract import Context, Hit, says
from dockgen.knowledge import images
from dockgen.lint.model import Dockerfile, Stage


def _short(advice: str) -> str:
    """The advice without its wordier parts: `a supported base such as `x`` is `x`."""
    for long, short in (("a supported base such as ", ""), ("a supported Windows tag such as ", ""),
                        (" built on a supported release", " on a supported release")):
        advice = advice.replace(long, short)
    return advice.split(" (such as")[0]


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    aliases = {stage.alias for stage in dockerfile.stages if stage.alias}
    for stage in dockerfile.stages:
        image = stage.image
        if image.raw in aliases:
            continue
        reasons = images.eol_reasons(image, context.today)
        if reasons:
            swap = images.eol_swap(image, context.today)
            replacement = swap.replacement
            known = (replacement is not None and not image.has_variable
                     and not _needs_venv_after(stage, replacement))
            column, end_column = word_columns(dockerfile, stage.from_instruction, image.raw)
            yield Hit(stage.from_instruction.line,
                      says("full", "advice", "reason", "message", image=image.raw,
                           reason=images.eol_reasons(image, context.today, notes=False)[0], advice=_short(swap.advice)),
                      fix=replace_text(dockerfile, stage.from_instruction, image.raw, replacement)
                      if known and replacement is not None else None,
                      column=column, end_column=end_column)


def _needs_venv_after(stage: Stage, replacement: str) -> bool:
    """Moving a stage that pip-installs into the distribution's Python to a PEP 668 release would break it."""
    from dockgen.checks._python import pip_installs, stage_runs
    from dockgen.knowledge import python
    from dockgen.lint.parse import image_ref

    new = image_ref(replacement, {})
    release = images.release_of(new)
    first = python.pep668_from(release.family) if release and images.python_version(new) is None else None
    return first is not None and any(True for run in stage_runs(stage) for _ in pip_installs(run))
