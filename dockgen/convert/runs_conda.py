"""The conda parts of a RUN: rewritten for the conda variant (conda-forge first, the source's channels kept), or
turned into pip installs for the pip variant (PyPI names, Debian's programs, refusals for conda-only packages)."""

from __future__ import annotations

import re
from collections.abc import Callable

from dockgen.commands import conda, pip
from dockgen.commands.environment import EnvironmentSpec, read_conda_file
from dockgen.commands.options import positional
from dockgen.convert import knowledge
from dockgen.convert.context import StageContext, Target
from dockgen.convert.layout import read_named
from dockgen.convert.pins import raised_pin
from dockgen.convert.run_state import RunState, shell_word
from dockgen.convert.source import Refused
from dockgen.lint.model import Command
from dockgen.lint.shell_chain import dequote

_NON_PYTHON_CONDA = re.compile(r"(r|perl|bioconductor)-.*|r|r-base|openjdk|nodejs|gcc|gxx|cmake|make")

Rewrite = Callable[[str], "list[str] | None"]  # rewrites the command `conda run` runs, as a part of its own


def conda_part(command: Command, words: list[str], stage: StageContext, target: Target,
               run: RunState, rewrite: Rewrite) -> list[str] | None:
    sub = conda.subcommand(command)
    if stage.conda_tool == "micromamba" and command.name != "micromamba":
        in_place = _conda_in_place(command, words, sub, stage, run)
        if in_place is not None:
            return in_place
    if sub == "config":
        added = conda.configured_channels(command)
        stage.add_channels(added)
        if target.manager == "pip":
            return []
        if any(c in conda.DEFAULT_CHANNELS for c in added):
            return []
        return None
    if sub == "clean":
        run.conda_cleaned = True
        if target.manager == "pip":
            return []
        # conda's clean flags changed over the years (`-s` is gone: `conda clean -tipsy` fails on a current conda)
        return [f"{words[0]} clean --all --yes"] if stage.replaces_python else None
    if sub == "run" and target.manager == "pip":
        inner = conda.run_target(words)
        if not inner:
            return []
        rewritten = rewrite(" ".join(inner))
        return rewritten if rewritten is not None else [" ".join(inner)]
    if sub in ("activate", "deactivate", "init") or sub is None:
        return [] if target.manager == "pip" else None
    if target.manager == "conda" and conda.env_file(command):
        _check_conda_file(conda.env_file(command) or "", stage, target, run)
    if sub == "env" and target.manager == "conda":
        return None
    if not conda.installs(command):
        return [] if target.manager == "pip" else None
    if target.manager == "pip":
        return _conda_to_pip(command, stage, target, run)
    return [_conda_rewritten(command, words, stage, target, run)]


def _conda_in_place(command: Command, words: list[str], sub: str | None, stage: StageContext,
                    run: RunState) -> list[str] | None:
    """conda and mamba commands on a kept base that has only micromamba: what micromamba does instead (None: the
    installs, rewritten as usual with micromamba as the tool)."""
    if sub == "config":
        added = conda.configured_channels(command)
        stage.add_channels(added)  # named in every install, and kept in the configuration for images built on it
        kept = [c for c in stage.channels() if c in added and c != "conda-forge"]
        order = "append" if "--append" in command.args else "prepend"  # conda's --add puts a channel first
        return [f"micromamba config {order} channels {channel}" for channel in kept]
    if sub in ("clean", "activate", "deactivate", "init", None):
        return []  # the rewritten installs clean up; PATH carries the environment
    if sub in ("update", "upgrade") and any(conda.spec_name(w) in ("conda", "mamba") for w in command.args):
        stage.notes.add(f"`{' '.join(words)}` is left out: micromamba is the new image's conda.")
        return []
    if sub == "env" and len(words) > 2 and dequote(words[2]) in ("create", "update"):
        # micromamba creates from a file with `create -f` and updates an environment with `install -f`
        action = "create" if dequote(words[2]) == "create" else "install"
        rest = [w for w in words[3:] if dequote(w) not in ("-y", "--yes")]
        target_env = [] if action == "create" or any(dequote(w) in ("-n", "--name", "-p", "--prefix")
                                                      for w in rest) else ["--name", "base"]
        run.conda_tool = "micromamba"  # the RUN ends with micromamba's clean
        return [" ".join(["micromamba", action, "--yes", *target_env, *rest])]
    return None


def conda_listing(command: Command, text: str, stage: StageContext) -> list[str]:
    """A conda command in a pipeline or with a redirection, in the pip variant (which has no conda): an environment
    listing written to a file becomes pip's; anything else is left out."""
    words = positional(command, frozenset({"n", "name", "p", "prefix"}))
    redirect = re.search(r">", re.sub(r"'[^']*'|\"(?:\\.|[^\"\\])*\"", lambda m: "_" * len(m.group()), text))
    if redirect and (words[:2] == ("env", "export") or words[:1] == ("list",)):
        stage.notes.add(f"`{text}` lists the conda environment; the pip variant writes `pip freeze` there instead.")
        return [f"pip freeze {text[redirect.start():]}"]
    stage.notes.add(f"`{text}` is left out: the pip variant has no conda.")
    return []


def _conda_rewritten(command: Command, words: list[str], stage: StageContext, target: Target, run: RunState) -> str:
    stage.add_channels(conda.channels(command))
    tool = stage.conda_tool or (words[0] if command.name == words[0].rsplit("/", 1)[-1]
                                else command.program or command.name)
    sub = conda.subcommand(command) or "install"
    specs: list[str] = []
    options: list[str] = []
    dequoted = [dequote(w) for w in words]
    skip = False
    after_sub = False
    for raw, word in zip(words[1:], dequoted[1:]):
        if skip:
            skip = False
            if options and options[-1] in ("-n", "--name", "-p", "--prefix", "-f", "--file"):
                options.append(raw)
            continue
        if not after_sub and word == sub:
            after_sub = True
            continue
        if word in ("-c", "--channel"):
            skip = True
            continue
        if word.startswith(("--channel=", "--override-channels", "--strict-channel-priority")) or (
                word.startswith("-c") and not word.startswith("--") and len(word) > 2):
            continue
        if word in ("-y", "--yes"):
            continue
        if word.startswith("-"):
            options.append(raw)
            skip = "=" not in word and word.lstrip("-") in ("n", "name", "p", "prefix", "f", "file")
            continue
        name = conda.spec_name(word)
        if name == "python" and target.python_changed:
            specs.append(f"python={target.python}")
            continue
        if name in ("conda", "mamba") and word != name and stage.replaces_python:
            stage.notes.add(f"`{word}` is left out: the new base's {name} is a current release, and an old one "
                            "would not run on its Python.")
            continue
        spec = word.split("::", 1)[1] if "::" in word and word.split("::")[0] in conda.DEFAULT_CHANNELS else raw
        raised, note = raised_pin(dequote(spec), target.python)
        if note:
            spec = raised
            stage.notes.add(note)
        specs.append(spec)
    if specs and sub in ("install", "create") and not any(conda.spec_name(s) == "python" for s in specs):
        specs.insert(0, f"python={target.python}")
    run.conda_tool = tool
    channels = stage.channels()
    channel_words = ["--override-channels", *[w for c in channels for w in ("-c", c)]]
    if len(channels) > 1:
        channel_words.append("--strict-channel-priority")
    if tool == "micromamba" and sub in ("install", "update") and not any(
            dequote(o).split("=")[0] in ("-n", "--name", "-p", "--prefix") for o in options):
        options = ["--name", "base", *options]  # micromamba has no default environment to install into
    return " ".join([tool, sub, "--yes", *options, *channel_words, *specs])


def conda_install(tool: str, specs: list[str], channels: tuple[str, ...], target: Target) -> str:
    target_env = ["--name", "base"] if tool == "micromamba" else []
    words = [tool, "install", "--yes", *target_env, "--override-channels", *[w for c in channels for w in ("-c", c)]]
    if len(channels) > 1:
        words.append("--strict-channel-priority")
    return " ".join([*words, f"python={target.python}", *specs])


def _conda_to_pip(command: Command, stage: StageContext, target: Target, run: RunState) -> list[str]:
    channels = set(conda.channels(command)) | set(stage.configured)
    specs: tuple[str, ...] = conda.packages(command)
    pip_requirements: tuple[str, ...] = ()
    file = conda.env_file(command)
    if file:
        spec = _conda_file(file, command, stage, target, run)
        channels |= set(spec.channels)
        specs, pip_requirements = spec.conda, spec.pip
        stage.notes.add(f"{file} (read from the build context) becomes one pip install: its conda packages by "
                        "their PyPI names, its pip list as written.")
    converted, tools = _specs_to_pip(specs, channels, stage, target)
    requirements = [*converted, *pip_requirements]
    parts = tool_install(tools, stage, run)
    if requirements:
        stage.notes.add("conda installs become pip installs into the image's Python.")
        parts.append(" ".join(["pip", "install", *run.no_cache, *(shell_word(r) for r in requirements)]))
    return parts


def _conda_file(file: str, command: Command, stage: StageContext, target: Target, run: RunState) -> EnvironmentSpec:
    """The environment file a conda command builds from, read from the build context; refused when it cannot be
    read or names files of its own."""
    text = read_named(stage.layout, file, run.cwd, target.context)
    spec = read_conda_file(text) if text is not None else None
    why = ("is not in the build context " f"({target.context.label})" if text is None else
           "is not a conda environment dockgen can read" if spec is None else
           "names files of its own" if any(r.startswith("-") or pip.is_local(r) for r in spec.pip) else "")
    if why or spec is None:
        raise Refused("conda-only", f"{stage.source_name}: `{command.name}` builds from {file}, which {why}; "
                                    "convert with --manager conda, or give the folder with --context")
    return spec


def _check_conda_file(file: str, stage: StageContext, target: Target, run: RunState) -> None:
    """An environment file is carried over as the user wrote it; what in it works against the new image is a note."""
    text = read_named(stage.layout, file, run.cwd, target.context)
    spec = read_conda_file(text) if text is not None else None
    if spec is None:
        stage.notes.add(f"dockgen could not read {file} from the build context ({target.context.label}); the "
                        "install that names it is carried over as it stands.")
        return
    licensed = [c for c in spec.channels if c in conda.DEFAULT_CHANNELS or "repo.anaconda.com" in c]
    if licensed:
        stage.notes.add(f"{file} lists {', '.join(licensed)} (Anaconda's licensed channels); dockgen does not edit "
                        "the file: replace them with conda-forge there.")
    pins = [s for s in spec.conda if conda.spec_name(s) == "python"]
    if pins and not conda.spec_version(pins[0]).startswith(target.python):
        stage.notes.add(f"{file} pins {pins[0]}, and the environment it creates runs that Python, not "
                        f"{target.python}; dockgen does not edit the file: change the pin there.")


def _specs_to_pip(specs: tuple[str, ...], channels: set[str], stage: StageContext,
                  target: Target) -> tuple[list[str], list[str]]:
    """PyPI requirements and distribution packages (conda's tools) for conda specs; refused for conda-only ones."""
    channels = channels | {spec.split("::", 1)[0] for spec in specs if "::" in spec}
    requirements: list[str] = []
    tools: list[str] = []
    for spec in specs:
        name = conda.spec_name(spec)
        if name in ("python", "pip", "conda", "mamba", "conda-libmamba-solver", "--all"):
            continue
        if spec.lstrip('"').startswith("$"):
            stage.notes.add(f"conda spec {spec} is a variable dockgen cannot read; it is left out of the pip install.")
            continue
        package = target.catalog.package(name)
        specifier = conda.pip_specifier(spec)
        if package is not None:
            pinned = specifier or (f"=={package.version}" if package.version != "system" else "")
            if pinned and not specifier:
                stage.notes.add(f"unpinned {name} is pinned to {package.version}, the version dockgen knows to work.")
            requirements.append(package.pip + pinned)
            continue
        kind, becomes = knowledge.conda_on_pip(name)
        if kind == "tool" and stage.family != "apt":
            kind = "refuse"  # the distribution names are Debian's
        if kind == "drop":
            stage.notes.add(f"conda's {name} is left out: it chooses builds inside conda, and pip's wheels bring "
                            "their own.")
            continue
        if kind == "tool":
            tools.append(becomes)
            version = f", Debian's version rather than {conda.spec_version(spec)}" if conda.spec_version(spec) else ""
            stage.notes.add(f"conda's {name} (a program, not a Python package) comes from the distribution as "
                            f"{becomes}{version}.")
            continue
        if kind == "refuse" or ("bioconda" in channels and becomes == name and
                                not knowledge.same_on_pypi(name)) or (
                _NON_PYTHON_CONDA.fullmatch(name) and not knowledge.same_on_pypi(name)):
            raise Refused("conda-only", f"{stage.source_name}: {spec} comes from conda "
                                        f"({', '.join(sorted(channels)) or 'its default channels'}) and is not a "
                                        "Python package dockgen can install with pip; convert with --manager conda")
        requirements.append(becomes + specifier)
        if becomes == name:
            stage.notes.add_same_name(name)
        else:
            stage.notes.add(f"conda's {name} is PyPI's {becomes}.")
    return requirements, tools


def tool_install(tools: list[str], stage: StageContext, run: RunState) -> list[str]:
    if not tools:
        return []
    names = " ".join(dict.fromkeys(tools))
    if stage.family == "apt":
        run.apt_installs += 1
        return [f"apt-get install -y --no-install-recommends {names}"]
    return [f"apk add --no-cache {names}" if stage.family == "apk" else f"{stage.rpm_tool} install -y {names}"]
