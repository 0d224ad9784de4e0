"""Dockerfile -> Apptainer definition file, one instruction at a time.

What each instruction becomes:

- FROM: ``Bootstrap: docker`` + ``From:`` (the same pinned reference); more than one stage adds ``Stage:`` headers.
- RUN: ``%post`` (Apptainer runs it as root, with ``/bin/sh -e``); ``--mount`` flags are dropped with a comment.
  The smoke test (a RUN of the final stage that only imports, on a tmpfs) becomes ``%test``, which
  ``apptainer build`` runs after ``%post`` and ``apptainer test`` runs again.
- ENV: ``%environment`` exports, and the same exports in ``%post`` where the ENV stood, because ``%post`` does not
  see ``%environment`` while the image is built. HOME is left to Apptainer (it binds the user's home).
- ARG: an export in ``%post`` with the default (Apptainer has no ``--build-arg``).
- WORKDIR: ``mkdir -p`` and ``cd`` in ``%post``; ``cd`` in ``%runscript``.
- COPY (and ADD of local files): ``%files``, or ``%files from STAGE`` for ``--from``; copied before ``%post`` runs.
- CMD / ENTRYPOINT: ``%runscript`` with Docker's argument rules (arguments replace CMD, follow ENTRYPOINT).
- LABEL / MAINTAINER: ``%labels``.
- SHELL: ``conda run`` / ``micromamba run`` shells become the environment's PATH; another shell runs ``%post``.
- USER, EXPOSE, HEALTHCHECK, VOLUME, STOPSIGNAL, ONBUILD: no Apptainer equivalent; a comment says why.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from dataclasses import dataclass, field

from dockgen.apptainer.scripts import double_quoted, environment_prefix, quoted_path, runscript, script_lines
from dockgen.apptainer.sections import StageDefinition, render
from dockgen.errors import DockgenError
from dockgen.lint.model import Dockerfile, Flag, ImageRef, Instruction, Stage
from dockgen.lint.parse import arg_pairs, key_values, parse_text, words

_NOT_TRANSLATED = {
    "USER": "Apptainer runs the container as the user who starts it, and %post as root",
    "EXPOSE": "Apptainer containers share the host's network, so there are no ports to publish",
    "HEALTHCHECK": "Apptainer has no health checks",
    "VOLUME": "Apptainer binds host folders when the container starts (--bind)",
    "STOPSIGNAL": "Apptainer has no stop signal setting",
    "ONBUILD": "Apptainer has no build triggers",
}
_SMOKE_COMMANDS = frozenset({"export", "python", "python3", "pip", "true"})
_CACHE_VARIABLES = ("CACHE", "CONFIGDIR", "HF_HOME", "TORCH_HOME")


def to_definition(dockerfile_text: str) -> str:
    """The definition file for a Dockerfile; raises DockgenError for a Dockerfile that cannot be parsed."""
    dockerfile = parse_text(dockerfile_text)
    if dockerfile.problems or not dockerfile.stages:
        problem = dockerfile.problems[0].message if dockerfile.problems else "it has no FROM"
        raise DockgenError(f"cannot translate the Dockerfile into an Apptainer definition file: {problem}")
    names = _stage_names(dockerfile.stages)
    built: list[_Builder] = []
    for stage in dockerfile.stages:
        builder = _Builder.start(stage, built, names, dockerfile.stages)
        builder.final = stage is dockerfile.stages[-1]
        for instruction in stage.instructions[1:]:
            builder.add(dockerfile, instruction, _comments_above(dockerfile, instruction))
        built.append(builder)
    header = _header(dockerfile)
    if any(builder.files for builder in built):
        header = (*header[:2], "Run the build in the Docker build context: %files sources are relative to the "
                  "current folder.", *header[2:])
    return render(header, tuple(builder.finish() for builder in built))


def _stage_names(stages: tuple[Stage, ...]) -> dict[str, str]:
    """Dockerfile stage references (alias or index) -> ``Stage:`` names; empty for a single stage."""
    if len(stages) == 1:
        return {}
    names: dict[str, str] = {}
    for stage in stages:
        name = stage.alias or ("final" if stage is stages[-1] else f"stage{stage.index}")
        names[str(stage.index)] = name
        if stage.alias:
            names[stage.alias.lower()] = name
    return names


def _image(ref: ImageRef) -> str:
    text = f"{ref.registry}/{ref.name}" if ref.registry else ref.name
    if ref.tag:
        text += f":{ref.tag}"
    if ref.digest:
        text += f"@{ref.digest}"
    return text


def _header(dockerfile: Dockerfile) -> tuple[str, ...]:
    first = dockerfile.stages[0].from_instruction.line
    kept = [_comment_text(dockerfile, comment.line) for comment in dockerfile.comments
            if comment.line < first and not _is_directive(dockerfile, comment.line, comment.text)]
    return ("Apptainer definition file: dockgen's Dockerfile for the same command (--format docker), translated.",
            "Build: apptainer build image.sif image.def    Run: apptainer exec image.sif python script.py",
            *kept)


def _is_directive(dockerfile: Dockerfile, line: int, text: str) -> bool:
    pragma_lines = {pragma.line for pragma in dockerfile.pragmas}
    return line in pragma_lines or bool(re.match(r"(syntax|escape|check)\s*=", text))


def _comments_above(dockerfile: Dockerfile, instruction: Instruction) -> tuple[str, ...]:
    """The comment lines between the previous instruction and this one, pragmas left out."""
    previous = max((other.end_line for other in dockerfile.instructions if other.end_line < instruction.line),
                   default=0)
    return tuple(_comment_text(dockerfile, comment.line) for comment in dockerfile.comments
                 if previous < comment.line < instruction.line
                 and not _is_directive(dockerfile, comment.line, comment.text))


def _comment_text(dockerfile: Dockerfile, line: int) -> str:
    """A comment line without its ``#`` and one space, keeping the indentation of wrapped notes."""
    text = dockerfile.lines[line - 1].lstrip()[1:]
    return (text[1:] if text.startswith(" ") else text).rstrip()


@dataclass
class _Builder:
    """The sections of one stage while its instructions are read (mutable; ``finish`` freezes it)."""

    image: str
    name: str | None
    names: dict[str, str]
    files: list[str] = field(default_factory=list)
    files_from: dict[str, list[str]] = field(default_factory=dict)
    post: list[str] = field(default_factory=list)
    verbatim: set[int] = field(default_factory=set)
    environment: list[str] = field(default_factory=list)
    env_names: set[str] = field(default_factory=set)
    values: dict[str, str] = field(default_factory=dict)  # ENV and ARG values, for WORKDIR and COPY paths
    test: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    notes: set[str] = field(default_factory=set)
    workdir: str = "/"
    entrypoint: tuple[tuple[str, ...], bool] | None = None  # (words or the shell text, exec form)
    cmd: tuple[tuple[str, ...], bool] | None = None
    post_shell: str | None = None
    final: bool = False

    @classmethod
    def start(cls, stage: Stage, built: list[_Builder], names: dict[str, str],
              stages: tuple[Stage, ...]) -> _Builder:
        name = names.get(str(stage.index))
        if stage.parent is not None:  # FROM an earlier stage: Apptainer starts again from that stage's image
            parent = built[stage.parent]
            builder = cls(image=parent.image, name=name, names=names, files=list(parent.files),
                          files_from={k: list(v) for k, v in parent.files_from.items()},
                          post=[f"# FROM {stages[stage.parent].alias}: that stage's steps again (Apptainer "
                                "cannot start from a stage of the same file)", *parent.post],
                          verbatim={index + 1 for index in parent.verbatim},
                          environment=list(parent.environment), env_names=set(parent.env_names),
                          labels=list(parent.labels), workdir=parent.workdir, values=dict(parent.values), entrypoint=parent.entrypoint,
                          cmd=parent.cmd, post_shell=parent.post_shell)
            return builder
        builder = cls(image=_image(stage.image), name=name, names=names)
        if stage.image.short_name == "mambaorg/micromamba":
            builder.post += ["# Where micromamba installs (the base image's ENV, set here in case %post does not "
                             "see it).", 'export MAMBA_ROOT_PREFIX="${MAMBA_ROOT_PREFIX:-/opt/conda}"', ""]
        if stage.from_instruction.flag("platform"):
            builder.post.append("# FROM --platform: not translated; Apptainer pulls the image for the host's "
                                "architecture (apptainer build --arch to choose)")
        return builder

    def add(self, dockerfile: Dockerfile, instruction: Instruction, comments: tuple[str, ...]) -> None:
        keyword = instruction.keyword
        if keyword == "RUN":
            self._run(dockerfile, instruction, comments)
        elif keyword == "ENV":
            self._env(instruction, comments)
        elif keyword == "ARG":
            self._arg(instruction, comments)
        elif keyword == "WORKDIR":
            self._workdir(instruction, comments)
        elif keyword in ("COPY", "ADD"):
            self._copy(instruction, comments)
        elif keyword in ("CMD", "ENTRYPOINT"):
            form = (instruction.json_args, True) if instruction.json_args is not None else ((instruction.args,),
                                                                                             False)
            if keyword == "CMD":
                self.cmd = form
            else:
                self.entrypoint, self.cmd = form, None  # Docker resets CMD when ENTRYPOINT is set
        elif keyword in ("LABEL", "MAINTAINER"):
            pairs = key_values(instruction.args) if keyword == "LABEL" else (("maintainer", instruction.args),)
            self.labels += [f"{key} {value}" for key, value in pairs]
        elif keyword == "SHELL":
            self._shell(instruction, comments)
        else:
            self._note(f"{keyword}: not translated; {_NOT_TRANSLATED.get(keyword, 'Apptainer has no equivalent')}",
                       comments)

    def _comments(self, comments: tuple[str, ...], into: list[str] | None = None) -> None:
        target = self.post if into is None else into
        if comments:
            if target and target[-1]:
                target.append("")
            target += [f"# {text}".rstrip() for text in comments]

    def _note(self, note: str, comments: tuple[str, ...]) -> None:
        """A comment for what does not translate, once per stage; the comments above it come along."""
        key = note.split(":", 1)[0].split()[0]
        if key in self.notes:
            return
        self.notes.add(key)
        self._comments(comments)
        self.post.append(f"# {note}")

    def _run(self, dockerfile: Dockerfile, instruction: Instruction, comments: tuple[str, ...]) -> None:
        mounts = [flag for flag in instruction.flags if flag.name == "mount"]
        script, verbatim = script_lines(dockerfile, instruction)
        if self.final and _is_smoke_test(instruction, mounts):
            # The Dockerfile's comment explains its tmpfs mount, which %test does not need.
            self.test += ["# Fail the build now, not on the cluster, when something does not import. `apptainer "
                          "build` runs this", "# after %post (and `apptainer test` runs it again) in the finished, "
                          "read-only image: nothing it writes stays.", *script]
            return
        self._comments(comments)
        for flag in instruction.flags:
            value = f"={flag.value}" if flag.value is not None else ""
            reason = ("Apptainer builds have no mounts" if flag.name == "mount"
                      else "Apptainer has no such option")
            self.post.append(f"# RUN --{flag.name}{value}: dropped; {reason}")
        if any(command.name == "cd" for command in instruction.commands):
            script = ["(", *script, ")"]  # a Docker RUN's cd ends with the RUN; in %post it would not
            verbatim = [False, *verbatim, False]
        start = len(self.post)
        self.post += script
        self.verbatim.update(start + index for index, keep in enumerate(verbatim) if keep)

    def _env(self, instruction: Instruction, comments: tuple[str, ...]) -> None:
        self._comments(comments, self.environment)
        for key, value in key_values(instruction.args):
            line = f"export {key}={double_quoted(value)}"
            self.post.append(line)
            self.values[key] = self._expand(value)
            if key == "HOME":
                self.environment.append("# HOME: left to Apptainer, which sets it to your home folder and binds "
                                        "it (writable, so caches under it work)")
                continue
            if any(part in key for part in _CACHE_VARIABLES) and not value.startswith(("/tmp", "$HOME", "${HOME")):
                self.environment.append(f"# {key} points into the image, which is read-only under Apptainer: "
                                        "change it if the package writes there")
            self.environment.append(line)
            self.env_names.add(key)

    def _arg(self, instruction: Instruction, comments: tuple[str, ...]) -> None:
        self._comments(comments)
        for name, default in arg_pairs(instruction.args).items():
            if default is None:
                self.post.append(f"# ARG {name}: a build argument without a default; set it here if a step "
                                 "needs it")
            else:
                self.post.append(f"# ARG {name}: a build argument in the Dockerfile (Apptainer has none); "
                                 "edit the value here")
                self.post.append(f"export {name}={double_quoted(default)}")
                self.values[name] = self._expand(default)

    def _workdir(self, instruction: Instruction, comments: tuple[str, ...]) -> None:
        self._comments(comments)
        self.workdir = posixpath.normpath(posixpath.join(self.workdir, self._expand(instruction.args.strip())))
        path = quoted_path(self.workdir)
        self.post += [f"mkdir -p {path}", f"cd {path}"]

    def _copy(self, instruction: Instruction, comments: tuple[str, ...]) -> None:
        parts = list(instruction.json_args) if instruction.json_args is not None else words(instruction.args)
        if len(parts) < 2:
            return
        *sources, destination = [self._expand(part) for part in parts]
        if not destination.startswith("/"):
            directory = destination.endswith("/") or destination in (".", "..")
            destination = posixpath.normpath(posixpath.join(self.workdir, destination)).rstrip("/") + (
                "/" if directory else "")
        source_stage = instruction.flag("from")
        keyword = instruction.keyword
        if keyword == "ADD" and any(re.match(r"[a-z]+://|git@", source) for source in sources):
            self._note(f"ADD {' '.join(sources)}: not translated; download it in %post (with a checksum)",
                       comments)
            return
        for flag in instruction.flags:
            if flag.name in ("chown", "chmod", "link", "parents", "exclude"):
                self._note(f"{keyword} --{flag.name}: dropped; %files copies as root, and the image is read-only "
                           "when it runs", ())
        if keyword == "ADD" and any(re.search(r"\.(tar|tgz|tar\.\w+|txz|tbz2?)$", s) for s in sources):
            self._note(f"ADD {' '.join(sources)}: copied, not unpacked as Docker's ADD would; unpack it in %post",
                       comments)
        if any(re.search(r"\s", path) for path in (*sources, destination)):
            self._note(f"{keyword} {' '.join(parts)}: not translated; a %files line is a source and a destination "
                       "split at white space, so a path with a space cannot be written there: rename it",
                       comments)
            return
        lines = [f"{source} {destination}" for source in sources]
        if source_stage is None or source_stage.value is None:
            self.files += lines
            return
        stage = self.names.get(source_stage.value.lower())
        if stage is None:
            self._note(f"COPY --from={source_stage.value}: not translated; %files from can only name a stage "
                       "of this file", comments)
            return
        self.files_from.setdefault(stage, []).extend(lines)

    def _expand(self, text: str) -> str:
        """Docker's substitution of ``$NAME`` and ``${NAME}`` in WORKDIR and COPY (unknown names stay)."""
        return re.sub(r"\$(?:\{(\w+)\}|(\w+))",
                      lambda m: self.values.get(m.group(1) or m.group(2), m.group(0)), text)

    def _shell(self, instruction: Instruction, comments: tuple[str, ...]) -> None:
        shell = instruction.json_args or ()
        self._comments(comments)
        if len(shell) > 1 and posixpath.basename(shell[0]) in ("conda", "mamba", "micromamba") and \
                shell[1] == "run":
            prefix = environment_prefix(shell)
            line = f"export PATH={double_quoted(prefix + '/bin:$PATH')}"
            self.post += [f"# SHELL {' '.join(shell)}: the environment's PATH instead (works without "
                          "activation)", line]
            self.environment += ["# The environment's PATH, as the Dockerfile's `run` shell had it.", line]
            return
        if shell and posixpath.basename(shell[0]) not in ("sh", "dash"):
            self.post_shell = shell[0]
            options = [word for word in shell[1:-1] if word not in ("-c", "-lc")]
            self.post.append(f"# SHELL {' '.join(shell)}: %post runs with {shell[0]}")
            if options:
                self.post.append(f"set {' '.join(shlex.quote(option) for option in options)}")

    def finish(self) -> StageDefinition:
        environment = list(self.environment)
        if self.final and "PYTHONNOUSERSITE" not in self.env_names:
            environment += ["# Apptainer binds your home folder: keep ~/.local's packages out of the image's "
                            "Python.", "export PYTHONNOUSERSITE=1"]
        test = list(self.test)
        return StageDefinition(
            image=self.image, name=self.name, files=tuple(self.files),
            files_from=tuple((stage, tuple(lines)) for stage, lines in self.files_from.items()),
            post=tuple(self.post), post_shell=self.post_shell, environment=tuple(environment),
            runscript=runscript(self.entrypoint, self.cmd, self.workdir) if self.final else (),
            test=tuple(test), labels=(f"org.opencontainers.image.base.name {self.image}", *self.labels)
            if self.final else (),
            verbatim=frozenset(self.verbatim),
        )


def _is_smoke_test(instruction: Instruction, mounts: list[Flag]) -> bool:
    """A RUN that only checks what is installed: imports and ``pip check``, on a scratch /tmp."""
    commands = instruction.commands
    return bool(mounts) and bool(commands) and all(
        command.name in _SMOKE_COMMANDS and (command.name != "pip" or command.args[:1] == ("check",))
        for command in commands) and any(command.name.startswith("python") or command.name == "pip"
                                         for command in commands)
