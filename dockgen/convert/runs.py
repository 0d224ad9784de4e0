"""Rewrite one RUN of a Python stage for the chosen manager, part by part (the pieces of its ``&&``/``;`` list).

A part that installs Python packages, system packages or Python itself is rewritten in place, so what runs before
and after it (``cd``, ``git clone``, ``COPY``) still does; every other part is kept exactly as written. Conda parts
are in ``runs_conda``, system package parts in ``runs_system``.
"""

from __future__ import annotations

import re

from dockgen.commands import conda, pip, system
from dockgen.convert.context import StageContext, Target
from dockgen.convert.layout import Layout
from dockgen.convert.pins import raised_pin
from dockgen.convert.run_state import RunState, shell_word, version_of
from dockgen.convert.runs_conda import conda_install, conda_listing, conda_part
from dockgen.convert.runs_system import busybox_user, system_part
from dockgen.lint.model import Command, Comment, Heredoc, Instruction
from dockgen.lint.shell import split_commands
from dockgen.lint.shell_chain import Part, dequote, join_chain, join_lines, raw_words, split_chain

_PYENV = re.compile(r"pyenv\.run|pyenv-installer|github\.com/pyenv/pyenv\b|\bpyenv (install|global|local|"
                    r"rehash|init|shell)\b")
_CHECKSUM = re.compile(r"\b(sha(1|224|256|384|512)?sum|md5sum|shasum)\b")
_CONDA_INSTALLER = re.compile(r"(?i)(mini|ana)conda|miniforge|mambaforge|micromamba-|install\.sh.*mamba")


def rewrite_run(instruction: Instruction, stage: StageContext, target: Target,
                comments: tuple[Comment, ...] = ()) -> str | None:
    """The new RUN text, or None when nothing in it changes. ``comments`` are the file's: those written among the
    RUN's continuation lines stay with the part they sit in (or the part after them)."""
    flags = instruction.text[:len(instruction.text) - len(instruction.args)].strip()
    keyword = f"RUN {flags + ' ' if flags else ''}"
    script = _heredoc_script(instruction)
    if script is not None:
        run = _rewritten(split_chain(script.body), instruction, stage, target)
        if run is None:
            return None
        return f"{keyword}{instruction.args.strip()}\n{join_lines(run.parts)}\n{script.name}" if run.parts else ""
    if instruction.heredocs or instruction.json_args is not None:
        _note_unrewritten(instruction, stage)
        return None
    run = _rewritten(_as_written(instruction, split_chain(instruction.args), comments), instruction, stage, target)
    if run is None:
        return None
    return f"{keyword}{join_chain(run.parts)}" if run.parts else ""


def _rewritten(parts: tuple[Part, ...], instruction: Instruction, stage: StageContext, target: Target
               ) -> RunState | None:
    """The script's parts rewritten one by one, then closed (apt lists, conda's cache); None when nothing changes."""
    run = RunState(cwd=stage.layout.workdir, line=instruction.line,
               pip_cache_mounted=any(f.name == "mount" and "cache" in (f.value or "") and ".cache/pip" in (f.value or "")
                                     for f in instruction.flags))
    changed = False
    for part in parts:
        _record_written(part.text, stage, run)
        replacement = _rewrite_part(part.text, stage, target, run)
        _follow_cd(part.text, run)
        if replacement is None:
            run.parts.append(part._replace(text=part.written) if part.written else part)
            _observe(part.text, run)
            continue
        changed = True
        for number, text in enumerate(replacement):
            run.parts.append(Part(part.separator, text, part.comments) if number == 0 else Part("&&", text))
    if not changed:
        return None
    _close(run, target, stage)
    return run


def _heredoc_script(instruction: Instruction) -> Heredoc | None:
    """The heredoc that is the RUN's whole script (``RUN <<EOF``, ``RUN bash <<EOF``), which dockgen rewrites line
    by line like any other script."""
    if len(instruction.heredocs) != 1 or instruction.json_args is not None:
        return None
    heredoc = instruction.heredocs[0]
    marker = re.fullmatch(r"(?:(?:/bin/)?(?:ba)?sh\s+)?<<-?\s*(['\"]?)(\w+)\1", instruction.args.strip())
    return heredoc if marker and marker.group(2) == heredoc.name and not heredoc.strip_tabs else None


def _note_unrewritten(instruction: Instruction, stage: StageContext) -> None:
    families = {found.family for c in instruction.commands if (found := system.system_command(c))}
    if any(c.name in ("adduser", "addgroup") and any(re.fullmatch(r"-[DSHugGhs]+", a) for a in c.args)
           for c in instruction.commands):
        families.add("apk")  # busybox user tools
    if stage.replaces_python and families - {stage.family}:
        form = "a heredoc" if instruction.heredocs else "exec form"
        stage.notes.add(f"the RUN at line {instruction.line} ({form}) uses {', '.join(sorted(families))} "
                        f"commands, which dockgen does not rewrite: change them for the new base's "
                        f"{stage.family}.")


def _as_written(instruction: Instruction, parts: tuple[Part, ...], comments: tuple[Comment, ...]
                ) -> tuple[Part, ...]:
    """The parts with what the RUN's lines showed: each part's line breaks (``written``, for a part kept as it is)
    and the comment lines among them, which go before the part they sit in (or the part after them)."""
    origin = instruction.origin
    if origin is None:
        return parts
    inside = [c for c in comments if instruction.line < c.line <= instruction.end_line]
    breaks = [start - origin.base for start in origin.starts[1:]]  # where each continuation line starts in args
    last_lines: list[int] = []
    written: list[str] = []
    cursor = 0
    for part in parts:
        at = instruction.args.find(part.text, cursor)
        if at < 0:
            last_lines.append(instruction.end_line)
            written.append("")
            continue
        cursor = at + len(part.text)
        last_lines.append(origin.position(cursor - 1)[0])
        inner = [b - at for b in breaks if at < b < cursor]
        written.append("".join(part.text[a:b] + ("\\\n" if b < len(part.text) else "")
                               for a, b in zip([0, *inner], [*inner, len(part.text)])) if inner else "")
    attached: list[list[str]] = [[] for _ in parts]
    for comment in inside:
        number = next((n for n, last in enumerate(last_lines) if comment.line < last), len(parts) - 1)
        attached[number].append(f"# {comment.text}" if comment.text else "#")
    return tuple(part._replace(comments=tuple(found), written=layout)
                 for part, found, layout in zip(parts, attached, written))


_WRITES = re.compile(r"(?:\s(?:-o|--output-file|--output)[\s=]|[^<>2&]>>?\s*)([^\s;&|<>]+)")


def _record_written(text: str, stage: StageContext, run: RunState) -> None:
    """Files a command writes (``pip-compile -o requirements.txt``, ``pip freeze > requirements.txt``), which an
    install may read later although the build context does not have them."""
    for path in _WRITES.findall(text):
        where = Layout.resolve(dequote(path), run.cwd)
        stage.written.add(where or dequote(path))


def _follow_cd(text: str, run: RunState) -> None:
    words = raw_words(text)
    if len(words) == 2 and words[0] == "cd":
        run.cwd = Layout.resolve(dequote(words[1]), run.cwd)
    elif words[:1] == ["cd"]:
        run.cwd = None


def _observe(text: str, run: RunState) -> None:
    if "/var/lib/apt/lists" in text:
        run.lists_removed = True
    if re.search(r"\b(conda|mamba|micromamba) clean\b", text):
        run.conda_cleaned = True
    if re.search(r"\bapt(-get)? update\b", text):
        run.apt_updated = True
        run.apt_sources_changed = False
    elif re.search(r"sources\.list|add-apt-repository|apt-key|/keyrings/", text):
        run.apt_sources_changed = True


def _close(run: RunState, target: Target, stage: StageContext) -> None:
    """apt's lists and conda's package cache leave in the RUN that made them; apt reads its lists first."""
    _drop_idle_apt(run)
    first = next((i for i, p in enumerate(run.parts) if p.text.startswith("apt-get install")), None)
    updated = next((i for i, p in enumerate(run.parts) if re.match(r"apt(-get)? update\b", p.text)), None)
    if run.apt_installs and first is not None and (updated is None or updated > first):
        run.parts.insert(first, Part(run.parts[first].separator, "apt-get update"))
        if first + 1 < len(run.parts):
            run.parts[first + 1] = run.parts[first + 1]._replace(separator="&&")
    if run.apt_installs and not run.lists_removed:
        run.parts.append(Part("&&", "rm -rf /var/lib/apt/lists/*"))
    if run.conda_tool and not run.conda_cleaned:
        run.parts.append(Part("&&", f"{run.conda_tool} clean --all --yes"))
    if run.parts and run.parts[0].separator:
        run.parts[0] = run.parts[0]._replace(separator="")


_APT_HOUSEKEEPING = re.compile(r"apt(-get)? (-\S+ )*(update|clean|autoclean|autoremove|purge|remove)( -\S+)*"
                               r"|rm -rf /var/lib/apt/lists/\*?( /tmp/\*| /var/tmp/\*)*")


def _drop_idle_apt(run: RunState) -> None:
    """An ``apt-get update`` and its clean-up with nothing left to install (the packages were Python's, which the
    new base has) go too: alone they only fetch lists and delete them."""
    if run.apt_installs or any("apt" in p.text for p in run.parts if not _APT_HOUSEKEEPING.fullmatch(p.text)):
        return
    run.parts[:] = [p for p in run.parts if not _APT_HOUSEKEEPING.fullmatch(p.text)]


def _rewrite_part(text: str, stage: StageContext, target: Target, run: RunState) -> list[str] | None:
    commands = split_commands(text)
    if stage.replaces_python and stage.family != "apk" and "/etc/apk/" in text:
        stage.notes.add(f"`{text}` is left out: it configures Alpine's apk, which the new {stage.family} base does "
                        "not have.")
        return []
    if (stage.conda_tool or stage.replaces_python) and _CONDA_INSTALLER.search(text) and _CHECKSUM.search(text):
        stage.notes.add(f"`{text}` is left out: it checks conda's installer, which is left out too.")
        return []
    if stage.replaces_python and stage.drops_pyenv and _PYENV.search(text) and commands and (
            commands[0].name in ("curl", "wget", "git", "eval") or commands[0].name.startswith("pyenv")):
        stage.notes.add(f"pyenv, its setup and the Python it builds are left out: the new base brings Python "
                        f"{target.python} (pyenv's shims would come first on PATH).")
        return []
    if target.manager == "pip" and commands and commands[0].name in conda.TOOLS and _has_operators(text):
        return conda_listing(commands[0], text, stage)
    if len(commands) != 1 or _has_operators(text):
        return None
    command = commands[0]
    words = raw_words(text)
    if command.name in conda.TOOLS:
        return conda_part(command, words, stage, target, run,
                          lambda text: _rewrite_part(text, stage, target, run))
    if pip.parse_install(command) is not None:
        return _pip_part(command, words, stage, target, run)
    found = system.system_command(command)
    if found is not None:
        return system_part(found, words, stage, target, run)
    return _other_part(command, text, stage, target)


def _has_operators(text: str) -> bool:
    """``|``, ``||``, ``&`` or a redirection outside quotes: the part is more than one plain command."""
    quoted = re.sub(r"'[^']*'|\"(?:\\.|[^\"\\])*\"", "", text)
    return bool(re.search(r"[|&<>]", quoted))


# --- pip ---------------------------------------------------------------------------------------------------------

def _pip_part(command: Command, words: list[str], stage: StageContext, target: Target, run: RunState) -> list[str]:
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
        raised, note = raised_pin(word, target.python)
        if note:
            raw, word = raw.replace(word, raised), raised
            stage.notes.add(note)
        requirement = pip.requirement_name(word)
        package = target.catalog.package(requirement) if requirement else None
        if package is not None and target.manager == "conda" and "[" not in word and not own_index:
            version = version_of(word) or package.conda_version
            to_conda.append(shell_word(f"{package.conda}={version}" if version else package.conda))
            pinned = "" if version_of(word) or not version else f", pinned to {version} (the version dockgen knows)"
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
        tool = stage.conda_tool or "conda"
        parts.append(conda_install(tool, to_conda, stage.channels(), target))
        run.conda_tool = run.conda_tool or tool
    if installs_something:
        parts.append(" ".join([*prefix, "install", *run.no_cache, *kept]))
    return parts


def _locate_requirement_files(command: Command, stage: StageContext, target: Target, run: RunState) -> None:
    install = pip.parse_install(command)
    if install is None:
        return
    found = stage.requirement_files.setdefault(run.line, [])
    for file in (*install.requirement_files, *install.constraint_files):
        located = stage.layout.locate(file, run.cwd, target.context)
        found.append(located)
        if located is None and (Layout.resolve(file, run.cwd) or file) not in stage.written:
            stage.notes.add(f"dockgen could not read {file} from the build context ({target.context.label}); the "
                            "install that names it is carried over as it stands.")


def _pip_program(raw: list[str], dequoted: list[str], stage: StageContext, target: Target) -> list[str]:
    """The words before ``install``: wrappers kept, a versioned or system pip or python made the image's own."""
    result: list[str] = []
    for word, plain in zip(raw, dequoted):
        base = plain.rsplit("/", 1)[-1]
        # on a kept base, python3 may be all there is (no `python`): its names stay as written
        system_path = not stage.keeps_base and (plain.startswith(("/usr/", "/bin/")) or "/" not in plain)
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


# --- Python itself -----------------------------------------------------------------------------------------------

def _other_part(command: Command, text: str, stage: StageContext, target: Target) -> list[str] | None:
    if stage.conda_tool and _CONDA_INSTALLER.search(text) and command.name in ("wget", "curl", "bash", "sh", "rm"):
        stage.notes.add(f"`{text}` is left out: micromamba puts conda-forge's Python in /opt/conda.")
        return []
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
            re.fullmatch(r"-[DSHugGhs]+|--(system|disabled-password|ingroup|gecos)", arg) for arg in command.args):
        return busybox_user(command, text, stage)
    return None
