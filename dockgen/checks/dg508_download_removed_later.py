"""DG508: a file downloaded in one RUN (or by ADD) and removed in a later RUN: the earlier layer keeps it."""

import fnmatch
import posixpath
from collections.abc import Iterator

from dockgen.checks._base import mount_targets, shipped_stages
from dockgen.checks._structure import copy_parts, unquote
from dockgen.checks.contract import Context, Hit, hit_at, says, written_at
from dockgen.commands.download import downloaded_files, removed_paths
from dockgen.lint.model import Command, Dockerfile, Instruction, Location


def _resolve(path: str, directory: str) -> str:
    path = unquote(path)
    joined = posixpath.join(directory, path) if directory else path
    return posixpath.normpath(joined) if joined else joined


def _covers(removed: str, downloaded: str) -> bool:
    return (removed == downloaded or downloaded.startswith(removed.rstrip("/") + "/")
            or ("*" in removed or "?" in removed or "[" in removed) and fnmatch.fnmatchcase(downloaded, removed))


def _walk(run: Instruction, workdir: str) -> Iterator[tuple[str, Command, list[str], list[str]]]:
    """(directory, command, files downloaded, paths removed) for each command, following ``cd`` through the
    script."""
    directory = workdir
    for command in run.commands:
        if command.name == "cd" and command.args and "$" not in command.args[0]:
            directory = _resolve(command.args[0], directory)
        yield directory, command, downloaded_files(command), removed_paths(command)


def _download_word(command: Command, file: str) -> Location | None:
    """The word that names a downloaded file: the output name when it is one word of its own, else the URL."""
    url = next((arg for arg in command.args if "://" in arg and arg.split("?", 1)[0].rstrip("/").endswith(
        "/" + posixpath.basename(file))), None)
    return command.find(file) or (command.find(url) if url else None) or command.program_location()


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    shipped = shipped_stages(dockerfile)
    for stage in dockerfile.stages:
        if stage.index not in shipped:
            continue  # a build stage: its layers are not in the image
        workdir = ""
        # downloads still in the image: the instruction, the resolved path, the word that downloads it
        pending: list[tuple[Instruction, str, Location | None]] = []
        for instruction in stage.instructions[1:]:
            if instruction.keyword == "WORKDIR":
                workdir = _resolve(instruction.args.strip(), workdir)
            elif instruction.keyword == "ADD" and len(parts := copy_parts(instruction)) >= 2:
                target = parts[-1]
                for source in parts[:-1]:
                    if "://" in source and not source.startswith("git@"):
                        name = posixpath.join(target, source.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]) \
                            if target.endswith("/") else target
                        pending.append((instruction, _resolve(name, workdir), written_at(instruction, source)))
            elif instruction.keyword == "RUN":
                mounts = [_resolve(target, workdir) for target in mount_targets(instruction)]
                here: list[tuple[Instruction, str, Location | None]] = []
                removed_here: list[str] = []
                for directory, command, files, removed in _walk(instruction, workdir):
                    paths = [(_resolve(file, directory), file) for file in files]
                    here += [(instruction, path, _download_word(command, file)) for path, file in paths
                             if not any(_covers(m, path) for m in mounts)]
                    removed_here += [_resolve(r, directory) for r in removed]
                for download in list(pending):
                    earlier, path, where = download
                    if any(_covers(r, path) for r in removed_here):
                        pending.remove(download)
                        yield hit_at(earlier, where, says(path=path, line=instruction.line))
                pending += [download for download in here if not any(_covers(r, download[1]) for r in removed_here)]
