"""Rewrite one RUN of a Python stage for the chosen manager, part by part (the pieces of its ``&&``/``;`` list).

A part that installs Python packages, system packages or Python itself is rewritten in place, so what runs before
and after it (``cd``, ``git clone``, ``COPY``) still does; every other part is kept exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dockgen.commands import conda, pip, system
from dockgen.commands.environment import EnvironmentSpec, read_conda_file
from dockgen.convert import knowledge
from dockgen.convert.context import StageContext, Target
from dockgen.convert.layout import Layout
from dockgen.convert.source import Refused
from dockgen.model import Command, Instruction
from dockgen.shell import split_commands
from dockgen.shell_chain import Part, dequote, join_chain, raw_words, split_chain

_DEFAULTS = frozenset({"defaults", "anaconda", "main", "r", "free", "pro", "msys2"})
_CONDA_INSTALLER = re.compile(r"(?i)(mini|ana)conda|miniforge|mambaforge|micromamba-|install\.sh.*mamba")
_NON_PYTHON_CONDA = re.compile(r"(r|perl|bioconductor)-.*|r|r-base|openjdk|nodejs|gcc|gxx|cmake|make")


@dataclass
class _Run:
    """What the rewritten parts of one RUN did, for the clean-ups that close it."""

    parts: list[Part] = field(default_factory=list)
    apt_installs: int = 0
    apt_updated: bool = False
    lists_removed: bool = False
    conda_tool: str | None = None
    conda_cleaned: bool = False
    cwd: str | None = "/"  # the folder the next part runs in (WORKDIR, then `cd`)
    line: int = 0
    pip_cache_mounted: bool = False  # RUN --mount=type=cache,target=/root/.cache/pip: pip's cache is meant to stay

    @property
    def no_cache(self) -> list[str]:
        return [] if self.pip_cache_mounted else ["--no-cache-dir"]


def rewrite_run(instruction: Instruction, stage: StageContext, target: Target) -> str | None:
    """The new RUN text, or None when nothing in it changes."""
    if instruction.heredocs or instruction.json_args is not None:
        families = {found.family for c in instruction.commands if (found := system.system_command(c))}
        if any(c.name in ("adduser", "addgroup") and any(re.fullmatch(r"-[DSHugGhs]+", a) for a in c.args)
               for c in instruction.commands):
            families.add("apk")  # busybox user tools
        if stage.replaces_python and families - {stage.family}:
            form = "a heredoc" if instruction.heredocs else "exec form"
            stage.notes.add(f"the RUN at line {instruction.line} ({form}) uses {', '.join(sorted(families))} "
                            f"commands, which dockgen does not rewrite: change them for the new base's "
                            f"{stage.family}.")
        return None
    parts = split_chain(instruction.args)
    run = _Run(cwd=stage.layout.workdir, line=instruction.line,
               pip_cache_mounted=any(f.name == "mount" and "cache" in (f.value or "") and ".cache/pip" in (f.value or "")
                                     for f in instruction.flags))
    changed = False
    for part in parts:
        replacement = _rewrite_part(part.text, stage, target, run)
        _follow_cd(part.text, run)
        if replacement is None:
            run.parts.append(part)
            _observe(part.text, run)
            continue
        changed = True
        for number, text in enumerate(replacement):
            run.parts.append(Part(part.separator if number == 0 else "&&", text))
    if not changed:
        return None
    _close(run, target, stage)
    if not run.parts:
        return ""
    flags = instruction.text[:len(instruction.text) - len(instruction.args)].strip()
    body = join_chain(run.parts)
    return f"RUN {flags + ' ' if flags else ''}{body}"


def _follow_cd(text: str, run: _Run) -> None:
    words = raw_words(text)
    if len(words) == 2 and words[0] == "cd":
        run.cwd = Layout.resolve(dequote(words[1]), run.cwd)
    elif words[:1] == ["cd"]:
        run.cwd = None


def _observe(text: str, run: _Run) -> None:
    if "/var/lib/apt/lists" in text:
        run.lists_removed = True
    if re.search(r"\b(conda|mamba|micromamba) clean\b", text):
        run.conda_cleaned = True
    if re.search(r"\bapt(-get)? update\b", text):
        run.apt_updated = True


def _close(run: _Run, target: Target, stage: StageContext) -> None:
    """apt's lists and conda's package cache leave in the RUN that made them; apt reads its lists first."""
    first = next((i for i, p in enumerate(run.parts) if p.text.startswith("apt-get install")), None)
    updated = next((i for i, p in enumerate(run.parts) if re.match(r"apt(-get)? update\b", p.text)), None)
    if run.apt_installs and first is not None and (updated is None or updated > first):
        run.parts.insert(first, Part(run.parts[first].separator, "apt-get update"))
        if first + 1 < len(run.parts):
            run.parts[first + 1] = Part("&&", run.parts[first + 1].text)
    if run.apt_installs and not run.lists_removed:
        run.parts.append(Part("&&", "rm -rf /var/lib/apt/lists/*"))
    if run.conda_tool and not run.conda_cleaned:
        run.parts.append(Part("&&", f"{run.conda_tool} clean --all --yes"))
    if run.parts and run.parts[0].separator:
        run.parts[0] = Part("", run.parts[0].text)


def _rewrite_part(text: str, stage: StageContext, target: Target, run: _Run) -> list[str] | None:
    commands = split_commands(text)
    if target.manager == "pip" and commands and commands[0].name in conda.TOOLS and _has_operators(text):
        return _conda_listing(commands[0], text, stage)
    if len(commands) != 1 or _has_operators(text):
        return None
    command = commands[0]
    words = raw_words(text)
    if command.name in conda.TOOLS:
        return _conda_part(command, words, stage, target, run)
    if pip.parse_install(command) is not None:
        return _pip_part(command, words, stage, target, run)
    found = system.system_command(command)
    if found is not None:
        return _system_part(found, words, stage, target, run)
    return _other_part(command, text, stage, target)


def _has_operators(text: str) -> bool:
    """``|``, ``||``, ``&`` or a redirection outside quotes: the part is more than one plain command."""
    quoted = re.sub(r"'[^']*'|\"(?:\\.|[^\"\\])*\"", "", text)
    return bool(re.search(r"[|&<>]", quoted))


# --- pip ---------------------------------------------------------------------------------------------------------

def _pip_part(command: Command, words: list[str], stage: StageContext, target: Target, run: _Run) -> list[str]:
    dequoted = [dequote(w) for w in words]
    at = dequoted.index("install")
    prefix = _pip_program(words[:at], dequoted[:at], stage, target)
    rest = words[at + 1:]
    kept: list[str] = []
    to_conda: list[str] = []
    own_index = any(dequote(w).startswith(("--index-url", "-i", "--extra-index-url", "-f", "--find-links"))
                    for w in rest)
    installs_something = False
    skip_value = False
    for raw in rest:
        word = dequote(raw)
        if skip_value:
            kept.append(raw)
            skip_value = False
            continue
        if word.startswith("-"):
            name = word.lstrip("-").split("=", 1)[0]
            if name in ("r", "requirement", "c", "constraint", "e", "editable") or word.startswith(("-r", "-e")):
                installs_something = True
            if not (word.startswith("--no-cache") and "--no-cache-dir".startswith(word)):
                kept.append(raw)
            skip_value = "=" not in word and (name in pip.VALUE_OPTIONS or name in ("r", "requirement", "c",
                                                                                    "constraint"))
            continue
        requirement = pip.requirement_name(word)
        package = target.catalog.package(requirement) if requirement else None
        if package is not None and target.manager == "conda" and "[" not in word and not own_index:
            version = _version_of(word) or package.conda_version
            to_conda.append(_shell_word(f"{package.conda}={version}" if version else package.conda))
            pinned = "" if _version_of(word) or not version else f", pinned to {version} (the version dockgen knows)"
            stage.notes.add(f"{word} (pip) is installed with conda as {package.conda}, from conda-forge{pinned}.")
            continue
        if package is not None and package.version != "system" and not pip.has_version(word) \
                and not pip.is_local(word):
            raw = raw.replace(word, f"{word}=={package.version}")
            stage.notes.add(f"unpinned {requirement} is pinned to {package.version}, the version dockgen knows "
                            "to work.")
        installs_something = True
        kept.append(raw)
    _locate_requirement_files(command, stage, target, run)
    parts: list[str] = []
    if to_conda:
        parts.append(_conda_install("conda", to_conda, stage.channels(), target))
        run.conda_tool = run.conda_tool or "conda"
    if installs_something:
        parts.append(" ".join([*prefix, "install", *run.no_cache, *kept]))
    return parts


def _locate_requirement_files(command: Command, stage: StageContext, target: Target, run: _Run) -> None:
    install = pip.parse_install(command)
    if install is None:
        return
    found = stage.requirement_files.setdefault(run.line, [])
    for file in (*install.requirement_files, *install.constraint_files):
        located = stage.layout.locate(file, run.cwd, target.context)
        found.append(located)
        if located is None:
            stage.notes.add(f"dockgen could not read {file} from the build context ({target.context.label}); the "
                            "install that names it is carried over as it stands.")


def _pip_program(raw: list[str], dequoted: list[str], stage: StageContext, target: Target) -> list[str]:
    """The words before ``install``: wrappers kept, a versioned or system pip or python made the image's own."""
    result: list[str] = []
    for word, plain in zip(raw, dequoted):
        base = plain.rsplit("/", 1)[-1]
        system_path = plain.startswith(("/usr/", "/bin/")) or "/" not in plain
        conda_path = "/conda/" in plain or "conda" in plain.split("/")[:-1] or "/miniconda" in plain
        if re.fullmatch(r"pip[0-9.]*", base) and (system_path or (conda_path and target.manager == "pip")):
            result.append("pip")
        elif re.fullmatch(r"python[0-9.]*", base) and (system_path or (conda_path and target.manager == "pip")):
            result.append("python")
        elif word in ("sudo", "-H") and not stage.keeps_base:
            continue
        else:
            result.append(word)
    return result


def _shell_word(word: str) -> str:
    """A word the shell must not expand as a glob, with ``$VARIABLES`` still expanded."""
    return f'"{word}"' if any(char in word for char in "$*[]<>|&;() ") else word


def _version_of(requirement: str) -> str:
    match = re.search(r"==\s*([^,;\s]+)", requirement)
    return match.group(1) if match else ""


# --- conda -------------------------------------------------------------------------------------------------------

def _conda_part(command: Command, words: list[str], stage: StageContext, target: Target,
                run: _Run) -> list[str] | None:
    sub = conda.subcommand(command)
    if sub == "config":
        added = conda.configured_channels(command)
        stage.add_channels(added)
        if target.manager == "pip":
            return []
        if any(c in _DEFAULTS for c in added):
            return []
        return None
    if sub == "clean":
        run.conda_cleaned = True
        return [] if target.manager == "pip" else None
    if sub == "run" and target.manager == "pip":
        inner = conda.run_target(words)
        if not inner:
            return []
        rewritten = _rewrite_part(" ".join(inner), stage, target, run)
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


def _conda_listing(command: Command, text: str, stage: StageContext) -> list[str]:
    """A conda command in a pipeline or with a redirection, in the pip variant (which has no conda): an environment
    listing written to a file becomes pip's; anything else is left out."""
    words = command.positional(frozenset({"n", "name", "p", "prefix"}))
    redirect = re.search(r">", re.sub(r"'[^']*'|\"(?:\\.|[^\"\\])*\"", lambda m: "_" * len(m.group()), text))
    if redirect and (words[:2] == ("env", "export") or words[:1] == ("list",)):
        stage.notes.add(f"`{text}` lists the conda environment; the pip variant writes `pip freeze` there instead.")
        return [f"pip freeze {text[redirect.start():]}"]
    stage.notes.add(f"`{text}` is left out: the pip variant has no conda.")
    return []


def _conda_rewritten(command: Command, words: list[str], stage: StageContext, target: Target, run: _Run) -> str:
    stage.add_channels(conda.channels(command))
    tool = words[0] if command.name == words[0].rsplit("/", 1)[-1] else command.program or command.name
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
        spec = word.split("::", 1)[1] if "::" in word and word.split("::")[0] in _DEFAULTS else raw
        specs.append(spec)
    if specs and sub in ("install", "create") and not any(conda.spec_name(s) == "python" for s in specs):
        specs.insert(0, f"python={target.python}")
    run.conda_tool = tool
    channels = stage.channels()
    channel_words = ["--override-channels", *[w for c in channels for w in ("-c", c)]]
    if len(channels) > 1:
        channel_words.append("--strict-channel-priority")
    return " ".join([tool, sub, "--yes", *options, *channel_words, *specs])


def _conda_install(tool: str, specs: list[str], channels: tuple[str, ...], target: Target) -> str:
    words = [tool, "install", "--yes", "--override-channels", *[w for c in channels for w in ("-c", c)]]
    if len(channels) > 1:
        words.append("--strict-channel-priority")
    return " ".join([*words, f"python={target.python}", *specs])


def _conda_to_pip(command: Command, stage: StageContext, target: Target, run: _Run) -> list[str]:
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
    parts = _tool_install(tools, stage, run)
    if requirements:
        stage.notes.add("conda installs become pip installs into the image's Python.")
        parts.append(" ".join(["pip", "install", *run.no_cache, *(_shell_word(r) for r in requirements)]))
    return parts


def _conda_file(file: str, command: Command, stage: StageContext, target: Target, run: _Run) -> EnvironmentSpec:
    """The environment file a conda command builds from, read from the build context; refused when it cannot be
    read or names files of its own."""
    located = stage.layout.locate(file, run.cwd, target.context)
    text = target.context.read_text(located.context_path) if located else None
    spec = read_conda_file(text) if text is not None else None
    why = ("is not in the build context " f"({target.context.label})" if text is None else
           "is not a conda environment dockgen can read" if spec is None else
           "names files of its own" if any(r.startswith("-") or pip.is_local(r) for r in spec.pip) else "")
    if why or spec is None:
        raise Refused("conda-only", f"{stage.source_name}: `{command.name}` builds from {file}, which {why}; "
                                    "convert with --manager conda, or give the folder with --context")
    return spec


def _check_conda_file(file: str, stage: StageContext, target: Target, run: _Run) -> None:
    """An environment file is carried over as the user wrote it; what in it works against the new image is a note."""
    located = stage.layout.locate(file, run.cwd, target.context)
    text = target.context.read_text(located.context_path) if located else None
    spec = read_conda_file(text) if text is not None else None
    if spec is None:
        stage.notes.add(f"dockgen could not read {file} from the build context ({target.context.label}); the "
                        "install that names it is carried over as it stands.")
        return
    licensed = [c for c in spec.channels if c in _DEFAULTS or "repo.anaconda.com" in c]
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


def _tool_install(tools: list[str], stage: StageContext, run: _Run) -> list[str]:
    if not tools:
        return []
    names = " ".join(dict.fromkeys(tools))
    if stage.family == "apt":
        run.apt_installs += 1
        return [f"apt-get install -y --no-install-recommends {names}"]
    return [f"apk add --no-cache {names}" if stage.family == "apk" else f"{stage.rpm_tool} install -y {names}"]


# --- system packages ---------------------------------------------------------------------------------------------

_BASE_PACKAGES = frozenset({"ca-certificates", "openssl", "tzdata", "netbase"})  # every new base has them
_SOURCE_OPTIONS = {"apk": ("--repository", "-X", "--allow-untrusted"),
                   "apt": ("-t", "--target-release", "--default-release"), "rpm": ("--enablerepo",)}


def _system_part(found: system.SystemCommand, words: list[str], stage: StageContext, target: Target,
                 run: _Run) -> list[str] | None:
    source_family = found.family
    family = stage.system_family(source_family)
    if family == source_family == "rpm" and found.tool in ("yum", "dnf", "microdnf", "tdnf"):
        stage.rpm_tool = found.tool  # yum stays yum (CentOS 7 has no dnf)
    if found.verb == "install":
        if family == source_family and any(dequote(w).startswith(_SOURCE_OPTIONS[family]) for w in words):
            return None  # its own repository or release (`apk add --repository`, `apt-get -t`): kept as written
        return _system_install(found, stage, family, run)
    if found.verb == "update":
        if family == "apt":
            if found.yum_update:
                stage.notes.add("`yum update` (upgrade every package) is left out: the new base is current.")
            if run.apt_updated:
                return []
            run.apt_updated = True
            return ["apt-get update"]
        return [] if family == "apk" else None
    if found.verb == "clean":
        if family == source_family:
            return None
        return ["apt-get clean"] if family == "apt" else []
    if found.verb == "remove" and found.virtual is None and source_family != family:
        names = stage.virtual_packages.get(found.packages[0], ()) if found.packages else ()
        packages = names or tuple(n for p in found.packages for n in knowledge.map_system_package(
            p, source_family, family)[0])
        kept = [p for p in packages if p in _BASE_PACKAGES or (target.manager == "conda" and p in ("wget", "git",
                                                                                               "bzip2"))]
        if kept:
            stage.notes.add(f"{', '.join(kept)}: not removed, the new base ships them.")
            packages = tuple(p for p in packages if p not in kept)
        if family == "apt":
            return [f"apt-get purge -y --auto-remove {' '.join(packages)}"] if packages else []
        return None
    if source_family == family:
        return None
    stage.notes.add(f"`{' '.join(words)}` is left out: it has no {family} equivalent.")
    return []


def _system_install(found: system.SystemCommand, stage: StageContext, family: str, run: _Run) -> list[str]:
    packages: list[str] = []
    python_libraries: list[str] = []
    for word in found.packages:
        if knowledge.provides_python(found.family, word) and stage.replaces_python:
            stage.notes.add_python_package(word)
            continue
        if knowledge.is_python2(found.family, word) and stage.replaces_python:
            stage.notes.add(f"{word} (Python 2) is left out: the image runs Python {stage.python}.")
            continue
        library = knowledge.distro_library(found.family, word)
        if library is not None and stage.replaces_python:
            if library:
                python_libraries.append(library)
                stage.notes.add(f"{word} installed into the distribution's Python; it becomes pip's {library}.")
            continue
        if family != found.family and knowledge.dropped_on_move(found.family, word):
            stage.notes.add(f"{word} is left out: it has no use on {family} systems.")
            continue
        mapped, known = knowledge.map_system_package(word, found.family, family)
        if not known and family != found.family:
            shown = word if mapped == (word,) else f"{word} (as {' '.join(mapped)})"
            stage.notes.add_unmapped(shown, found.family, family)
        packages.extend(mapped)
    if found.virtual and family != "apk":
        stage.virtual_packages[found.virtual] = tuple(packages)
    parts: list[str] = []
    if packages:
        if family == "apt":
            run.apt_installs += 1
            parts.append("apt-get install -y --no-install-recommends " + " ".join(dict.fromkeys(packages)))
        elif family == "apk":
            virtual = f" --virtual {found.virtual}" if found.virtual else ""
            parts.append(f"apk add --no-cache{virtual} " + " ".join(dict.fromkeys(packages)))
        else:
            parts.append(f"{stage.rpm_tool} install -y " + " ".join(dict.fromkeys(packages)))
    if python_libraries:
        parts.append(" ".join(["pip", "install", *run.no_cache, *dict.fromkeys(python_libraries)]))
    return parts


# --- Python itself -----------------------------------------------------------------------------------------------

def _other_part(command: Command, text: str, stage: StageContext, target: Target) -> list[str] | None:
    if not stage.replaces_python:
        return None
    if command.name.startswith("python") and "setup.py" in command.args and "install" in command.args:
        stage.notes.add("`python setup.py install` (deprecated by setuptools) becomes `pip install .` in the same "
                        "folder.")
        return ["pip install --no-cache-dir ."]
    if "get-pip.py" in text or command.name == "easy_install":
        stage.notes.add("pip's own installation (get-pip.py, easy_install) is left out: the new base has pip.")
        return []
    if command.name == "add-apt-repository" and "deadsnakes" in text:
        stage.notes.add("the deadsnakes PPA is left out: the new base brings its own Python.")
        return []
    if command.name == "update-alternatives" and "python" in text:
        stage.notes.add(f"`{text}` is left out: the new base's python and python3 are already the default.")
        return []
    if _CONDA_INSTALLER.search(text) and command.name in ("wget", "curl", "bash", "sh", "rm", "chmod"):
        stage.notes.add(f"`{text}` is left out: " + ("the new base has conda in /opt/conda."
                                                     if target.manager == "conda" else
                                                     "the pip variant installs no conda."))
        return []
    if target.manager == "pip" and command.name in ("source", ".") and command.args[:1] == ("activate",):
        return []
    if target.manager == "pip" and re.search(r"/opt/(mini)?conda\b|conda\.sh\b|/miniconda|/anaconda", text):
        stage.notes.add(f"`{text}` is left out: it works on conda's installation, which the pip variant does not "
                        "have.")
        return []
    if stage.family == "apt" and command.name in ("adduser", "addgroup") and any(
            re.fullmatch(r"-[DSHugGhs]+", arg) for arg in command.args):
        return _busybox_user(command, text, stage)
    return None


def _busybox_user(command: Command, text: str, stage: StageContext) -> list[str] | None:
    """Alpine's (busybox) ``adduser -D -u 1000 app`` and ``addgroup -S app`` in Debian's shadow tools."""
    options = {"-u": "--uid", "-G": "--gid", "-s": "--shell", "-h": "--home-dir", "-g": "--comment"}
    if command.name == "addgroup":
        options = {"-g": "--gid"}
    if not all(re.fullmatch(r"[\w.${}:/@-]+", arg) for arg in command.args):
        return None  # quoting or spaces: leave the line as written
    words = ["useradd" if command.name == "adduser" else "groupadd"]
    names: list[str] = []
    home = command.name == "adduser"
    args = list(command.args)
    while args:
        arg = args.pop(0)
        if arg in options and args:
            words += [options[arg], args.pop(0)]
        elif re.fullmatch(r"-[DSH]+", arg):
            words += ["--system"] if "S" in arg else []
            home = home and "H" not in arg  # busybox makes the home folder unless -H, system users too
        elif arg.startswith("-"):
            return None  # an option dockgen does not translate: leave the line as written
        else:
            names.append(arg)
    if len(names) == 2 and command.name == "adduser":
        stage.notes.add(f"`{text}` (busybox) becomes usermod on the Debian-based base.")
        return [f"usermod -aG {names[1]} {names[0]}"]
    if len(names) != 1:
        return None
    stage.notes.add(f"`{text}` (busybox) becomes {words[0]} on the Debian-based base.")
    return [" ".join([*words, *(["--create-home"] if home else []), names[0]])]
