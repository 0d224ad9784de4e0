"""Walk the source stage by stage: a Python stage gets the new base and rewritten installs, every other instruction
is carried over as written (only names of the old Python version follow the new one)."""

from __future__ import annotations

import re

from dockgen.commands import conda
from dockgen.convert.bases import NewBase, new_base
from dockgen.convert.context import Notes, Plan, StageContext, Target
from dockgen.convert.inherited import inherited_setup
from dockgen.convert.knowledge import image_facts
from dockgen.convert.reorder import copy_requirements_first, flag_words
from dockgen.convert.runs import rewrite_run
from dockgen.convert.source import Source, SourceStage
from dockgen.convert.tools import missing_programs
from dockgen.knowledge.images import release_of
from dockgen.lint.model import Comment, Instruction
from dockgen.lint.parse import image_ref, key_values
from dockgen.lint.shell_chain import raw_words

_ENVIRONMENT = (("PYTHONUNBUFFERED", "1"), ("PYTHONDONTWRITEBYTECODE", "1"), ("PIP_DISABLE_PIP_VERSION_CHECK", "1"),
                ("PYTHONNOUSERSITE", "1"))


def plan(source: Source, target: Target, notes: Notes) -> Plan:
    result = Plan()
    contexts: dict[int, StageContext] = {}
    last_python = max(s.stage.index for s in source.stages if s.python)
    bases = _bases(source, target, last_python)
    for stage in source.stages:
        if not stage.python:
            continue
        parent = contexts.get(stage.stage.parent) if stage.stage.parent is not None else None
        if stage.derived and parent is not None:
            context = StageContext(source.name, notes, target.python, target.manager, parent.family,
                                   parent.keeps_base, list(parent.configured), dict(parent.virtual_packages),
                                   layout=parent.layout.derived(), release=parent.release,
                                   same_release=parent.same_release, conda_tool=parent.conda_tool,
                                   drops_pyenv=parent.drops_pyenv)
        else:
            base = bases[stage.stage.index]
            context = StageContext(source.name, notes, target.python, target.manager, base.family or "apt",
                                   base.image is None, list(stage.facts.channels if stage.facts else ()),
                                   release=base.release, same_release=_same_release(stage, base),
                                   conda_tool=base.conda_tool, drops_pyenv=len(stage.pyenv) == 1)
            _replace_from(stage, base, target, result, notes)
            _inherited(source, stage, base, result, notes)
        contexts[stage.stage.index] = context
        if stage.stage.index == last_python and (not context.keeps_base or context.conda_tool):
            _environment(stage, result, notes)
        for instruction in stage.stage.instructions[1:]:
            _instruction(instruction, context, target, result, source.dockerfile.comments)
            context.layout.see(instruction)
        copy_requirements_first(source, stage, context, target, result)
        if target.python_changed:
            _follow_python_version(source, stage, target, result, notes)
    _base_command(source, bases, result, notes)
    _entrypoint_note(source, bases, notes)
    return result


def _base_command(source: Source, bases: dict[int, NewBase], result: Plan, notes: Notes) -> None:
    """A stage that sets no CMD or ENTRYPOINT ran its old base's command (and the stages built FROM it too): the
    new base runs the same."""
    for stage in source.stages:
        base = bases.get(stage.stage.index)
        facts = stage.facts
        if stage.derived or facts is None or not facts.command or base is None or base.image is None:
            continue
        keywords = {i.keyword for i in stage.stage.instructions}
        if keywords & {"CMD", "ENTRYPOINT"}:
            continue
        lines = [f"EXPOSE {' '.join(facts.expose)}"] if facts.expose and "EXPOSE" not in keywords else []
        lines.append("CMD " + _json(list(facts.command)))
        result.after.setdefault(stage.stage.instructions[-1].line, []).append(
            f"# What {stage.base.raw} ran: this stage sets no command of its own.\n" + "\n".join(lines))
        notes.add(f"{stage.base.raw} ran its own command; the new image runs `{' '.join(facts.command)}`.")


def _entrypoint_note(source: Source, bases: dict[int, NewBase], notes: Notes) -> None:
    """miniforge3's ENTRYPOINT (tini) and CMD (bash) apply to a final stage that sets neither."""
    by_index = {s.stage.index: s for s in source.stages}
    final = source.dockerfile.final_stage
    lineage = []
    stage = by_index.get(final.index) if final else None
    while stage is not None:  # the final stage and the stages it is built FROM, up to the one with a base image
        lineage.append(stage)
        stage = by_index.get(stage.stage.parent) if stage.derived and stage.stage.parent is not None else None
    base = bases.get(lineage[-1].stage.index) if lineage else None
    if base is None or not (base.image or "").startswith("condaforge/miniforge3"):
        return
    keywords = {instruction.keyword for s in lineage for instruction in s.stage.instructions}
    if "ENTRYPOINT" not in keywords:
        notes.add("condaforge/miniforge3 runs the image's command under tini (its ENTRYPOINT is `tini --`)"
                  + ("" if "CMD" in keywords else ", and its command is bash") + ".")


def _bases(source: Source, target: Target, last_python: int) -> dict[int, NewBase]:
    """Each Python stage's new base. Stages that pass files to each other (COPY --from) must share a distribution:
    when one keeps its base, they all do."""
    bases = {s.stage.index: new_base(s, target.manager, target.python, s.stage.index == last_python, target.catalog)
             for s in source.stages if s.python and not s.derived}
    exchange = any(i.keyword == "COPY" and i.flag("from") is not None for i in source.dockerfile.instructions)
    if exchange and any(b.image is None for b in bases.values()) and any(b.image for b in bases.values()):
        for stage in source.stages:
            if stage.stage.index in bases and bases[stage.stage.index].image is not None:
                bases[stage.stage.index] = NewBase(None, "", note=f"FROM {stage.base.raw} is kept too: another "
                                                   "Python stage keeps its base, and stages that copy files from "
                                                   "each other must share a distribution.")
    return bases


def _follow_python_version(source: Source, stage: SourceStage, target: Target, result: Plan, notes: Notes) -> None:
    """``python3.7`` and ``/usr/local/lib/python3.7`` in a Python stage name the new version."""
    pattern = re.compile(rf"\b(python|pip){re.escape(target.old_python or '')}\b")
    for instruction in stage.stage.instructions[1:]:
        text = result.replacements.get(instruction.line)
        if text is None:
            end = instruction.last_line
            text = "\n".join(source.dockerfile.lines[instruction.line - 1:end])
        if pattern.search(text):
            result.replacements[instruction.line] = pattern.sub(rf"\g<1>{target.python}", text)
            notes.add(f"python{target.old_python} and pip{target.old_python} in the source now name "
                      f"python{target.python} and pip{target.python}.")


def _replace_from(stage: SourceStage, base: NewBase, target: Target, result: Plan, notes: Notes) -> None:
    from_instruction = stage.stage.from_instruction
    if base.note:
        notes.add(base.note)
    if base.image is None:
        result.after.setdefault(from_instruction.line, []).extend(base.setup)
        return
    if stage.facts and stage.facts.note:  # what the old image was that the new one is not
        notes.add(f"{stage.base.raw}: {stage.facts.note}.")
    flags = flag_words(from_instruction)
    alias = f" AS {stage.stage.alias}" if stage.stage.alias else ""
    result.replacements[from_instruction.line] = f"FROM {flags + ' ' if flags else ''}{base.image}{alias}"
    if "$" in from_instruction.args:
        notes.add(f"FROM {from_instruction.args} ({stage.base.raw}) becomes {base.image}: its build arguments no "
                  "longer choose the base.")
    setup = list(base.setup)
    if stage.facts and stage.facts.provides and target.manager == "pip":
        names = [_pinned(name, target) for name in stage.facts.provides]
        setup.append("RUN pip install --no-cache-dir " + " ".join(names))
        notes.add(f"{stage.base.raw} brought {', '.join(stage.facts.provides)}; the new image installs them with pip.")
    setup.extend(_programs_setup(stage, base, notes))
    if (_has_apt(stage) or any("apt-get" in s for s in setup)) and base.family == "apt" and not any(
            "DEBIAN_FRONTEND" in s for s in setup) and target.manager == "conda":
        setup.insert(0, "ARG DEBIAN_FRONTEND=noninteractive")
    result.after.setdefault(from_instruction.line, []).extend(setup)


def _same_release(stage: SourceStage, base: NewBase) -> bool:
    release = release_of(stage.base)
    return release is not None and base.release in (release.codename, release.version)


def _inherited(source: Source, stage: SourceStage, base: NewBase, result: Plan, notes: Notes) -> None:
    """Variables and the user the replaced base defined, when this stage or one built FROM it uses them."""
    if base.image is None or stage.facts is None:
        return
    lineage = {stage.stage.index}
    instructions: list[Instruction] = []
    for other in source.stages:
        if other.stage.index in lineage or (other.derived and other.stage.parent in lineage):
            lineage.add(other.stage.index)
            instructions.extend(other.stage.instructions[1:])
    lines, added = inherited_setup(instructions, stage.facts, image_facts(image_ref(base.image, {})),
                                   stage.base.raw, base.family or "apt")
    result.after.setdefault(stage.stage.from_instruction.line, []).extend(lines)
    for note in added:
        notes.add(note)


def _programs_setup(stage: SourceStage, base: NewBase, notes: Notes) -> list[str]:
    """A RUN that installs the programs the stage calls and the new base lacks (the old base had them)."""
    image = base.image or ""
    kind = ("micromamba" if "micromamba" in image else "miniforge" if "miniforge" in image else
            "cuda" if image.startswith("nvidia/cuda") else
            "python" if image.startswith("python:") and ("slim" in image or "alpine" in image) else "")
    if not kind:
        return []  # a full python image has the build tools
    packages = missing_programs(stage.stage, base.family, kind)
    if not packages:
        return []
    if kind == "micromamba":
        notes.add(f"the stage runs programs mambaorg/micromamba does not have ({', '.join(packages)}); install "
                  "them as root before use.")
        return []
    notes.add(f"the new base lacks programs the stage runs ({', '.join(packages)}); they are installed first.")
    if base.family == "apk":
        return ["RUN apk add --no-cache " + " ".join(packages)]
    return ["RUN apt-get update \\\n    && apt-get install -y --no-install-recommends " + " ".join(packages)
            + " \\\n    && rm -rf /var/lib/apt/lists/*"]


def _pinned(name: str, target: Target) -> str:
    package = target.catalog.package(name)
    return f"{package.pip}=={package.version}" if package and package.version != "system" else name


def _has_apt(stage: SourceStage) -> bool:
    return any(c.name in ("apt-get", "apt", "apk", "yum", "dnf", "microdnf") for i in stage.stage.instructions
               for c in i.commands)


def _environment(stage: SourceStage, result: Plan, notes: Notes) -> None:
    """The Python settings `dockgen new` writes, for keys the source does not set itself."""
    already: set[str] = set()
    user_site = False
    for instruction in stage.stage.instructions:
        if instruction.keyword == "ENV":
            already.update(key for key, _ in key_values(instruction.args))
        user_site |= any("--user" in c.args for c in instruction.commands)
    wanted = [(k, v) for k, v in _ENVIRONMENT if k not in already and not (k == "PYTHONNOUSERSITE" and user_site)]
    if not wanted:
        return
    block = ("# Unbuffered output for scheduler logs, no .pyc writes (read-only runtimes such as Apptainer), no\n"
             "# pip self-update check, and no packages from a bind-mounted ~/.local shadowing the image's.\n"
             "ENV " + " \\\n    ".join(f"{k}={v}" for k, v in wanted))
    result.after.setdefault(stage.stage.from_instruction.line, []).append(block)
    notes.add(f"the final stage sets {', '.join(k for k, _ in wanted)}, the Python settings every dockgen image "
              "has (the comment above them says why).")


def _instruction(instruction: Instruction, context: StageContext, target: Target, result: Plan,
                 comments: tuple[Comment, ...]) -> None:
    if instruction.keyword == "RUN":
        text = rewrite_run(instruction, context, target, comments)
        if text is not None:
            result.replacements[instruction.line] = text
        return
    if target.manager != "pip" or instruction.keyword not in ("SHELL", "CMD", "ENTRYPOINT"):
        return
    written = list(instruction.json_args) if instruction.json_args is not None else raw_words(instruction.args)
    direct = conda.run_target(written)
    if direct is not None and (instruction.json_args is not None or instruction.keyword != "SHELL"):
        if instruction.keyword == "SHELL":
            direct = direct or ["/bin/sh", "-c"]
        if direct:
            text = _json(direct) if instruction.json_args is not None else " ".join(direct)
            result.replacements[instruction.line] = f"{instruction.keyword} {text}"
            context.notes.add(f"{instruction.keyword} no longer runs through `conda run`: the pip variant has no "
                              "conda environment; the command runs on the image's Python.")
            return
    if instruction.keyword != "SHELL" and re.search(r"\b(conda|mamba|micromamba)\b|\bactivate\b",
                                                    instruction.args):
        context.notes.add(f"{instruction.keyword} {instruction.args} uses conda, which the pip variant does not "
                          "have: change it to run Python directly.")


def _json(words: list[str]) -> str:
    import json

    return json.dumps(words)
