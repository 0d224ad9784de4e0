"""The parts of an Apptainer definition file, and how they are written out."""

from __future__ import annotations

from dataclasses import dataclass

_INDENT = "    "


@dataclass(frozen=True)
class StageDefinition:
    """One ``Bootstrap:`` block: the header and its sections, each a tuple of lines (comments included)."""

    image: str
    name: str | None  # the ``Stage:`` name; None for a single-stage file
    files: tuple[str, ...] = ()  # ``SRC DEST``
    files_from: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (stage, ``SRC DEST`` lines)
    post: tuple[str, ...] = ()
    post_shell: str | None = None  # ``%post -c SHELL`` when the Dockerfile's SHELL was not /bin/sh
    environment: tuple[str, ...] = ()
    runscript: tuple[str, ...] = ()
    test: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # ``KEY VALUE``
    verbatim: frozenset[int] = frozenset()  # indexes into ``post`` that must not be indented (heredoc bodies)


def render(header: tuple[str, ...], stages: tuple[StageDefinition, ...]) -> str:
    blocks = ["\n".join(f"# {line}".rstrip() for line in header)] if header else []
    for stage in stages:
        blocks.append(_render_stage(stage))
    return "\n\n".join(blocks) + "\n"


def _render_stage(stage: StageDefinition) -> str:
    head = ["Bootstrap: docker", f"From: {stage.image}"]
    if stage.name is not None:
        head.append(f"Stage: {stage.name}")
    parts = ["\n".join(head)]
    if stage.files:
        parts.append(_section("%files", stage.files))
    for source, lines in stage.files_from:
        parts.append(_section(f"%files from {source}", lines))
    if stage.post:
        title = f"%post -c {stage.post_shell}" if stage.post_shell else "%post"
        parts.append(_section(title, stage.post, stage.verbatim))
    for title, lines in (("%environment", stage.environment), ("%runscript", stage.runscript),
                         ("%test", stage.test), ("%labels", stage.labels)):
        if lines:
            parts.append(_section(title, lines))
    return "\n\n".join(parts)


def _section(title: str, lines: tuple[str, ...], verbatim: frozenset[int] = frozenset()) -> str:
    body = [line if index in verbatim or not line else _INDENT + line for index, line in enumerate(lines)]
    return "\n".join([title, *body])
