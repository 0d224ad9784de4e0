"""Layer caching for requirement files: ``COPY . /app`` then ``RUN pip install -r requirements.txt`` becomes a COPY of
the requirements file, the install, then the COPY of everything else, so editing the code no longer reinstalls
every package.

Done only where it cannot change what the image is: the RUN does nothing but pip installs of named packages and
requirement files that dockgen read from the build context and that name no other files; and the instructions
between the COPY and the RUN neither read nor write the file system (ENV, ARG, LABEL, EXPOSE, USER...).
"""

from __future__ import annotations

from dockgen.commands import pip
from dockgen.commands.requirements import read_requirements_text
from dockgen.convert.context import Plan, StageContext, Target
from dockgen.convert.layout import Located
from dockgen.convert.source import Source, SourceStage
from dockgen.lint.model import Instruction
from dockgen.lint.shell import split_commands
from dockgen.lint.shell_chain import split_chain

_HARMLESS = frozenset({"ENV", "ARG", "LABEL", "EXPOSE", "USER", "STOPSIGNAL", "MAINTAINER", "HEALTHCHECK"})


def flag_words(instruction: Instruction) -> str:
    return " ".join(f"--{f.name}={f.value}" if f.value is not None else f"--{f.name}" for f in instruction.flags)


def copy_requirements_first(source: Source, stage: SourceStage, context: StageContext, target: Target,
                            plan: Plan) -> None:
    instructions = list(stage.stage.instructions)
    for run_line, files in context.requirement_files.items():
        located = [f for f in files if f is not None]
        if not located or len(located) != len(files) or len({f.copy.instruction.line for f in located}) != 1:
            continue
        copy = located[0].copy.instruction
        if copy not in instructions or any(f.context_path in located[0].copy.sources for f in located):
            continue  # the file has a COPY of its own already, or the COPY is in an earlier stage
        run = next(i for i in instructions if i.line == run_line)
        between = instructions[instructions.index(copy) + 1:instructions.index(run)]
        if any(i.keyword not in _HARMLESS for i in between) or not _installs_only(run, plan) \
                or not all(_self_contained(f, target) for f in located):
            continue
        flags = flag_words(copy)
        prefix = f"COPY {flags} " if flags else "COPY "
        small = [f"{prefix}{f.context_path} {f.image_path}" for f in dict.fromkeys(located)]
        original = "\n".join(source.dockerfile.lines[copy.line - 1:copy.end_line])
        plan.replacements[copy.line] = "\n".join(small)
        plan.replacements[run.line] = plan.replacements.get(run.line, _text(source, run)) + "\n" + original
        names = ", ".join(dict.fromkeys(f.context_path for f in located))
        context.notes.add(f"{names} is copied on its own before the install, and `COPY {copy.text}` moves after "
                          "it, so changing the code no longer reinstalls every package.")


def _text(source: Source, instruction: Instruction) -> str:
    return "\n".join(source.dockerfile.lines[instruction.line - 1:instruction.end_line])


def _installs_only(run: Instruction, plan: Plan) -> bool:
    """Every part of the RUN (as it will be written) is a pip install of names and requirement files."""
    if run.heredocs or run.json_args is not None:
        return False
    text = plan.replacements.get(run.line)
    body = run.args if text is None else text.split(" ", 1)[1]
    while body.startswith("--"):  # RUN flags such as --mount=type=cache,...
        body = body.split(None, 1)[1] if " " in body else ""
    for part in split_chain(body):
        commands = split_commands(part.text)
        install = pip.parse_install(commands[0]) if len(commands) == 1 else None
        if install is None or install.editables or any(pip.is_local(r) for r in install.requirements):
            return False
    return True


def _self_contained(file: Located, target: Target) -> bool:
    text = target.context.read_text(file.context_path)
    return text is not None and not read_requirements_text(text).file_references
