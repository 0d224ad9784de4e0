"""The system package parts of a RUN: installs, updates, cleans and removals mapped to the new base's family and
names, and busybox user tools in Debian's."""

from __future__ import annotations

import re

from dockgen.commands import system
from dockgen.convert import knowledge
from dockgen.convert.context import StageContext, Target
from dockgen.convert.run_state import RunState
from dockgen.lint.model import Command
from dockgen.lint.shell_chain import dequote


_BASE_PACKAGES = frozenset({"ca-certificates", "openssl", "tzdata", "netbase"})  # every new base has them
_SOURCE_OPTIONS = {"apk": ("--repository", "-X", "--allow-untrusted"),
                   "apt": ("-t", "--target-release", "--default-release"), "rpm": ("--enablerepo",)}


def system_part(found: system.SystemCommand, words: list[str], stage: StageContext, target: Target,
                 run: RunState) -> list[str] | None:
    source_family = found.family
    family = stage.system_family(source_family)
    if family == source_family == "rpm" and found.tool in ("yum", "dnf", "microdnf", "tdnf"):
        stage.rpm_tool = found.tool  # yum stays yum (CentOS 7 has no dnf)
    if found.verb == "install":
        if family == source_family and any(dequote(w).startswith(_SOURCE_OPTIONS[family]) for w in words):
            return None  # its own repository or release (`apk add --repository`, `apt-get -t`): kept as written
        parts = _system_install(found, stage, family, run)
        if source_family == "apt" and parts[:1] and parts[0].startswith("apt-get install") and not any(
                "no-install-recommends" in w or "Install-Recommends" in w for w in words):
            stage.notes.add("apt-get install gets --no-install-recommends: packages apt only recommends are no "
                            "longer installed with the ones named; name any the image needs.")
        return _with_source_words(parts, words) if family == source_family in ("apt", "rpm") else parts
    if found.verb == "update":
        if family == "apt":
            if found.yum_update:
                stage.notes.add("`yum update` (upgrade every package) is left out: the new base is current.")
            if run.apt_updated and not run.apt_sources_changed:
                return []
            run.apt_updated, run.apt_sources_changed = True, False
            return ["apt-get update"]
        return [] if family == "apk" else None
    if found.verb == "clean":
        if family == source_family:
            return None
        return ["apt-get clean"] if family == "apt" else []
    if found.verb == "remove" and found.virtual is None and source_family != family:
        return _remove_across(found, stage, target, source_family, family)
    if found.verb == "remove" and source_family == family == "apt" and stage.release:
        return _purge_on_release(found, words, stage)
    if source_family == family:
        return None
    stage.notes.add(f"`{' '.join(words)}` is left out: it has no {family} equivalent.")
    return []


_REMOVE = {"apt": "apt-get purge -y --auto-remove", "apk": "apk del", "rpm": "{tool} remove -y"}


def _remove_across(found: system.SystemCommand, stage: StageContext, target: Target, source_family: str,
                   family: str) -> list[str]:
    """A removal on a base of another family: the packages' names there, without the ones the new base ships or
    dockgen cannot name (the package manager stops on a name it does not know)."""
    virtual = stage.virtual_packages.get(found.packages[0], ()) if found.packages else ()
    packages: list[str] = list(virtual)  # an apk --virtual group, already in the new family's names
    unknown: list[str] = []
    for package in found.packages if not virtual else ():
        if stage.replaces_python and knowledge.provides_python(source_family, package):
            continue
        names, known = knowledge.map_system_package(package, source_family, family)
        if known:
            packages.extend(names)
        else:
            unknown.append(package)
    if unknown:
        stage.notes.add(f"the removal of {', '.join(unknown)} is left out: dockgen knows no {family} name for "
                        f"{'it' if len(unknown) == 1 else 'them'}.")
    shipped = [p for p in packages if p in _BASE_PACKAGES or (target.manager == "conda" and p in ("wget", "git",
                                                                                                "bzip2"))]
    if shipped:
        stage.notes.add(f"{', '.join(shipped)}: not removed, the new base ships "
                        f"{'it' if len(shipped) == 1 else 'them'}.")
    packages = [p for p in packages if p not in shipped]
    return [f"{_REMOVE[family].format(tool=stage.rpm_tool)} {' '.join(packages)}"] if packages else []


def _purge_on_release(found: system.SystemCommand, words: list[str], stage: StageContext) -> list[str] | None:
    """A purge on the new base names only what its release knows: apt stops on a name it cannot find, and the old
    base's Python packages (``python3.9``) are not there to remove."""
    kept: list[str] = []
    python: list[str] = []
    for package in found.packages:
        if stage.replaces_python and knowledge.provides_python("apt", package):
            python.append(package)
            continue
        current, _ = knowledge.current_apt_name(package, stage.release)
        kept.extend(current)
    if kept == list(found.packages):
        return None
    dropped = [p for p in found.packages if p not in kept and p not in python]
    if python:
        stage.notes.add(f"the removal of {', '.join(python)} is left out: the new base's Python does not come from "
                        "the distribution's packages.")
    if dropped:
        stage.notes.add(f"the removal of {', '.join(dropped)} is left out: the new base's release ({stage.release}) "
                        f"does not have {'it' if len(dropped) == 1 else 'them'}.")
    if not kept:
        return []
    plain = [dequote(w) for w in words]
    verb = next((i for i, w in enumerate(plain) if w in ("purge", "remove", "autoremove")), 1)
    options = [w for w in words[verb + 1:] if dequote(w).startswith("-")]
    return [" ".join([*words[:verb + 1], *options, *kept])]


_KEPT_OPTIONS = frozenset({"--allow-downgrades", "--allow-change-held-packages", "--allow-unauthenticated", "-f",
                           "--fix-broken", "--fix-missing", "--reinstall", "--no-upgrade", "--only-upgrade",  # apt
                           "--nodocs", "--allowerasing", "--nobest", "--skip-broken", "--best"})  # dnf, yum


def _with_source_words(parts: list[str], words: list[str]) -> list[str]:
    """The install keeps what the source said around its package names: variables set for it (``ACCEPT_EULA=Y``)
    and options that change what apt or dnf may do (``--allow-downgrades``, ``-o Key=value``, ``--nodocs``)."""
    plain = [dequote(w) for w in words]
    assignments = [w for w, p in zip(words, plain) if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", p)]
    assignments = assignments[:next((i for i, p in enumerate(plain) if "=" not in p), 0)]
    options: list[str] = []
    for index, word in enumerate(plain):
        if word in _KEPT_OPTIONS or word.startswith(("--setopt=", "--disablerepo=", "--exclude=")):
            options.append(words[index])
        elif word in ("-o", "--option") and index + 1 < len(words):
            options.extend(words[index:index + 2])
        elif word.startswith(("-o", "--option=")) and len(word) > 2 and "=" in word:
            options.append(words[index])
    if not assignments and not options:
        return parts
    result = []
    for part in parts:
        head = re.match(r"apt-get install -y --no-install-recommends|(dnf|yum|microdnf|tdnf) install -y", part)
        if head:
            part = " ".join([*assignments, head.group(0), *options, part[head.end() + 1:]])
        result.append(part)
    return result


def _system_install(found: system.SystemCommand, stage: StageContext, family: str, run: RunState) -> list[str]:
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
        if family != found.family and re.search(r"[=~<>]", word):
            stage.notes.add(f"`{word}`: its {found.family} version pin is left out on {family}.")
        if not known and family != found.family:
            shown = word if mapped == (word,) else f"{word} (as {' '.join(mapped)})"
            stage.notes.add_unmapped(shown, found.family, family)
        if family == "apt" and stage.release:
            mapped = _current_names(_unpinned_for_release(mapped, stage), stage)
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




def _unpinned_for_release(packages: tuple[str, ...], stage: StageContext) -> tuple[str, ...]:
    """``curl=7.88.1-10+deb12u5`` names a version of the old base's release, which another release does not have."""
    if stage.same_release:
        return packages
    pinned = [p for p in packages if "=" in p and "$" not in p]
    if pinned:
        stage.notes.add(f"apt version pins name versions of the old base's release ({', '.join(pinned)}); the new "
                        f"base's release ({stage.release}) has its own, so they are unpinned.")
    return tuple(p.split("=", 1)[0] if p in pinned else p for p in packages)


def _current_names(packages: tuple[str, ...], stage: StageContext) -> tuple[str, ...]:
    """Names gone from the new base's release, as that release calls what replaces them."""
    names: list[str] = []
    for package in packages:
        current, change = knowledge.current_apt_name(package, stage.release)
        if change == "renamed":
            stage.notes.add(f"{package} is called {' '.join(current)} on the new base's release ({stage.release}).")
        elif change == "replaced" and current:
            stage.notes.add(f"{package} is gone from the new base's release ({stage.release}); "
                            f"{' '.join(current)} takes its place: check that the build still works with it.")
        elif change == "replaced":
            stage.notes.add(f"{package} is gone from the new base's release ({stage.release}) with no successor; "
                            "it is left out: check that nothing needs it.")
        names.extend(current)
    return tuple(names)


def busybox_user(command: Command, text: str, stage: StageContext) -> list[str] | None:
    """Alpine's (busybox) ``adduser -D -u 1000 app`` and ``addgroup -S app`` in Debian's shadow tools."""
    options = {"-u": "--uid", "-G": "--gid", "-s": "--shell", "-h": "--home-dir", "-g": "--comment",
               "--uid": "--uid", "--ingroup": "--gid", "--shell": "--shell", "--home": "--home-dir",
               "--gecos": "--comment"}  # busybox's long options too, as Alpine builds it
    flags = {"--system": "S", "--disabled-password": "D", "--no-create-home": "H"}
    if command.name == "addgroup":
        options = {"-g": "--gid", "--gid": "--gid"}
    if not all(re.fullmatch(r"[\w.${}:/@-]+", arg) for arg in command.args):
        return None  # quoting or spaces: leave the line as written
    words = ["useradd" if command.name == "adduser" else "groupadd"]
    names: list[str] = []
    home = command.name == "adduser"
    args = list(command.args)
    while args:
        arg = args.pop(0)
        arg = "-" + flags[arg] if arg in flags else arg
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
