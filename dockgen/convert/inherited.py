"""What a replaced base image set up that the Dockerfile relies on: variables it defined (``$MAMBA_USER``,
``$NB_UID``) and the user it created (``USER biodocker``). The new base has neither, so the converter defines the
variables the Dockerfile uses before it defines them, and creates the user when the Dockerfile names it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dockgen.convert.knowledge import Account, ImageFacts
from dockgen.lint.model import Instruction
from dockgen.lint.parse import key_values

_NAMING_KEYWORDS = frozenset({"USER", "RUN", "COPY", "ADD", "WORKDIR", "ENV", "ARG", "VOLUME", "CMD", "ENTRYPOINT"})


def inherited_setup(instructions: Sequence[Instruction], old: ImageFacts, new: ImageFacts | None, old_image: str,
                    family: str) -> tuple[list[str], list[str]]:
    """Instructions that give the new base what the Dockerfile used of the old one, and the notes that say so."""
    lines: list[str] = []
    notes: list[str] = []
    kept = dict(new.environment) if new else {}
    environment = [(key, value) for key, value in old.environment if kept.get(key) != value]
    used = _used_before_defined(instructions, [key for key, _ in environment])
    if used:
        values = dict(environment)
        lines.append("# Variables the old base image defined and this Dockerfile uses.\nENV "
                     + " \\\n    ".join(f"{key}={values[key]}" for key in used))
        them = "them" if len(used) > 1 else "it"
        notes.append(f"{old_image} defined {', '.join(used)}, which this Dockerfile uses; the new image sets {them} "
                     "to the same value" + ("s." if len(used) > 1 else "."))
    account = old.account
    if account and not (new and new.account and new.account.name == account.name) \
            and _needs_account(instructions, account, {value for key, value in environment if key in used}):
        lines.append(f"# The user {account.name}, which the old base image created and this Dockerfile uses.\n"
                     + _create_account(account, family))
        notes.append(f"{old_image} created the user {account.name} (UID {account.uid}), which this Dockerfile "
                     "uses; the new image creates it with the same UID and home.")
    set_here = {key for i in instructions if i.keyword == "ENV" for key, _ in key_values(i.args)}
    runtime = [(key, value) for key, value in old.runtime_environment
               if key not in set_here and kept.get(key) != value]
    if runtime:
        lines.append("# What the old base image set for the software it runs.\nENV "
                     + " \\\n    ".join(f"{key}={value}" for key, value in runtime))
        notes.append(f"{old_image} set {', '.join(f'{k}={v}' for k, v in runtime)}; so does the new image.")
    if old.workdir and not (new and new.workdir == old.workdir) and not _sets_workdir_first(instructions):
        lines.append(f"# The old base image's working folder, where this Dockerfile's relative paths land.\n"
                     f"WORKDIR {old.workdir}")
        notes.append(f"{old_image} worked in {old.workdir}; so does the new image.")
    return lines, notes


def _sets_workdir_first(instructions: Sequence[Instruction]) -> bool:
    """The stage names its own absolute working folder before anything depends on the inherited one."""
    for instruction in instructions:
        if instruction.keyword == "WORKDIR":
            return instruction.args.strip().startswith(("/", "$"))
        if instruction.keyword in ("RUN", "COPY", "ADD", "CMD", "ENTRYPOINT", "VOLUME"):
            return False
    return False


def _used_before_defined(instructions: Sequence[Instruction], names: list[str]) -> list[str]:
    defined: set[str] = set()
    used: list[str] = []
    for instruction in instructions:
        for name in names:
            if name not in defined and name not in used and re.search(rf"\$\{{?{name}\b", instruction.args):
                used.append(name)
        if instruction.keyword == "ENV":
            defined.update(key for key, _ in key_values(instruction.args))
        elif instruction.keyword == "ARG":
            defined.update(word.split("=", 1)[0] for word in instruction.args.split())
    return [name for name in names if name in used]


def _needs_account(instructions: Sequence[Instruction], account: Account, used_values: set[str]) -> bool:
    if used_values & {account.name, str(account.uid), account.home}:
        return True
    naming = rf"(?<![\w.$-]){re.escape(account.name)}(?![\w.-])|{re.escape(account.home)}"
    for instruction in instructions:
        if any(command.name in ("useradd", "adduser") and account.name in command.args
               for command in instruction.commands):
            return False  # the Dockerfile creates it itself
    return any(instruction.keyword in _NAMING_KEYWORDS and re.search(naming, instruction.args)
               for instruction in instructions)


def _create_account(account: Account, family: str) -> str:
    name, uid, gid = account.name, account.uid, account.gid
    group = "users" if gid == 100 else name  # GID 100 is the users group on Debian, Ubuntu, Alpine and RHEL
    if family == "apk":
        steps = ([] if group == "users" else [f"addgroup -g {gid} {group}"]) + [
            f"adduser -D -u {uid} -G {group} -h {account.home} -s /bin/sh {name}"]
    else:
        # --non-unique: Ubuntu images since 23.04 already have a user and a group with ID 1000 (ubuntu).
        steps = ([] if group == "users" else [f"groupadd --non-unique --gid {gid} {group}"]) + [
            f"useradd --no-log-init --non-unique --create-home --uid {uid} --gid {gid} \\\n"
            f"        --home-dir {account.home} --shell /bin/bash {name}"]
    if account.folders:
        folders = " ".join(account.folders)
        steps.append(f"mkdir -p {folders}")
        steps.append(f"chown {name}:{group} {folders}")
    return "RUN " + " \\\n    && ".join(steps)
