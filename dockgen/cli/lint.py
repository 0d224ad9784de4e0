"""``dockgen lint``: find Dockerfiles, lint each with its configuration, report, set the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import click

from dockgen.api import FileResult, lint_bytes
from dockgen.errors import DockgenError
from dockgen.files.discovery import excluded, find_dockerfiles
from dockgen.formats import NAMES, NEVER_FAIL_FORMATS, REPORT_PATH_FORMATS, TERMINAL_FORMATS, chunker
from dockgen.lint.config import CliOverrides, load
from dockgen.lint.engine import Settings
from dockgen.lint.environment import environment_flag, environment_format, from_environment
from dockgen.lint.findings import Severity
from dockgen.lint.parallel import Job, lint_files
from dockgen.lint.source import decode, read_limited, read_regular_file

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PROGRESS_THRESHOLD = 300  # files; below this a run is over before a counter helps


@click.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-f", "--format", "--output-format", "output_format", type=click.Choice(NAMES),
              help="Output format (default: tty, or HADOLINT_FORMAT; `full` quotes each finding's lines, "
                   "`concise` is one line a finding).")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings and nothing else (no summary, no notes).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (ruff's name for --no-fail).")
@click.option("--select", multiple=True, help="Rule codes, prefixes, names or ALL (every rule) to check instead of "
                                               "the defaults (repeatable, or comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to check on top of the selection (repeatable).")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or names to skip (repeatable, or comma-separated).")
@click.option("-t", "--failure-threshold", type=click.Choice([s.label for s in Severity]),
              help="Lowest level that makes the exit code 1 (default: info).")
@click.option("-c", "--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Read this configuration file instead of discovering one.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--no-fail", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--today", metavar="YYYY-MM-DD", help="The date end-of-life checks compare with.")
@click.option("--disable-ignore-pragma", is_flag=True, help="Ignore inline `# dockgen`/`# hadolint` suppressions.")
@click.option("--stdin-filename", help="The name to report (and to find configuration from) for `-`.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--no-color", is_flag=True, help="The same as --color never (hadolint's flag).")
@click.option("-V", "--verbose", is_flag=True,
              help="Say on stderr which configuration each file uses (also HADOLINT_VERBOSE).")
@click.option("--file-path-in-report", metavar="PATH",
              help="Name every file PATH in checkstyle, codeclimate, gitlab_codeclimate, sonarqube and junit "
                   "reports, as hadolint does.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes for many files (default: every core).")
@click.option("--error", "error_codes", multiple=True, metavar="CODE", help="Report CODE as an error (repeatable).")
@click.option("--warning", "warning_codes", multiple=True, metavar="CODE", help="Report CODE as a warning.")
@click.option("--info", "info_codes", multiple=True, metavar="CODE", help="Report CODE as info.")
@click.option("--style", "style_codes", multiple=True, metavar="CODE", help="Report CODE as style.")
@click.option("--trusted-registry", multiple=True, metavar="REGISTRY",
              help="Allow images only from these registries (DL3026; `*`, `*.suffix`, `prefix*`).")
@click.option("--require-label", multiple=True, metavar="LABEL:TYPE",
              help="Require a label of a type (text, url, semver, hash, rfc3339, spdx, email).")
@click.option("--strict-labels", is_flag=True, help="Report labels that the schema does not list (DL3050).")
@click.option("--shellcheck", is_flag=True, help="Add ShellCheck's findings on RUN scripts (dockgen[shellcheck]).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of standard output (`-` is standard output).")
@click.option("--statistics", is_flag=True, help="Print how often each rule fired instead of the findings.")
@click.option("--fix", "fix", is_flag=True, help="Apply safe fixes (they cannot change the built image) in place.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply fixes that change the image.")
@click.option("--diff", "diff_only", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--force-exclude", is_flag=True,
              help="Apply the configuration's `exclude` to files named on the command line too (for pre-commit).")
@click.option("--no-respect-gitignore", is_flag=True,
              help="Search folders without leaving out what .gitignore ignores.")
def lint_command(paths: tuple[str, ...], output_format: str | None, quiet: bool, exit_zero: bool,
                 select: tuple[str, ...],
                 extend_select: tuple[str, ...],
                 ignore: tuple[str, ...], failure_threshold: str | None, config_file: Path | None, isolated: bool,
                 no_fail: bool, today: str | None, disable_ignore_pragma: bool, stdin_filename: str | None,
                 color: str, no_color: bool, verbose: bool, file_path_in_report: str | None, jobs: int | None,
                 error_codes: tuple[str, ...], warning_codes: tuple[str, ...],
                 info_codes: tuple[str, ...], style_codes: tuple[str, ...], trusted_registry: tuple[str, ...],
                 require_label: tuple[str, ...], strict_labels: bool, shellcheck: bool, output_file: Path | None,
                 statistics: bool, fix: bool, unsafe_fixes: bool, diff_only: bool, force_exclude: bool,
                 no_respect_gitignore: bool) -> int:
    """Lint Dockerfiles. PATHS are files, folders (searched for Dockerfiles) or `-` for standard input; none means
    the current folder."""
    paths = paths or (".",)
    no_fail = no_fail or exit_zero
    if output_file is not None and str(output_file) == "-":
        output_file = None
    if unsafe_fixes and not (fix or diff_only):
        click.echo("dockgen: warning: --unsafe-fixes does nothing without --fix or --diff", err=True)
    if config_file is not None and not config_file.is_file():
        raise DockgenError(f"{config_file}: configuration file not found")
    overrides = CliOverrides(
        select=_split(select) if select else None, extend_select=_split(extend_select),
        ignore=_split(ignore), failure_threshold=failure_threshold, today=today,
        disable_pragmas=disable_ignore_pragma,
        levels=tuple((code, level) for level, codes in (("error", error_codes), ("warning", warning_codes),
                                                        ("info", info_codes), ("style", style_codes))
                     for code in _split(codes)),
        trusted_registries=trusted_registry, required_labels=require_label, strict_labels=strict_labels,
        shellcheck=shellcheck, no_fail=no_fail)
    output_format = output_format or environment_format(os.environ, NAMES) or "tty"
    plan = _plan(paths, overrides, config_file, isolated, stdin_filename, force_exclude, not no_respect_gitignore)
    work, broken = plan.work, plan.broken
    for note in () if quiet else plan.notes:
        click.echo(f"dockgen: {note}", err=True)
    if verbose or environment_flag(os.environ, "HADOLINT_VERBOSE"):
        for display, source in plan.sources:  # as hadolint's -V names the configuration it read
            click.echo(f"dockgen: {display}: configuration {source or 'none (defaults)'}", err=True)
    results, changed = _lint_or_fix(work, jobs, fix, unsafe_fixes, diff_only)
    if output_format == "full" and not statistics:
        results = [_with_source(result, target) for (target, _, _), result in zip(work, results)]
    everything = results + broken
    for result in everything:
        if result.error:
            click.echo(f"dockgen: error: {result.error}", err=True)
    shown = everything
    if file_path_in_report is not None and output_format in REPORT_PATH_FORMATS:
        shown = [replace(result, path=file_path_in_report) for result in everything]
    report = [_statistics(everything, output_format)] if statistics else chunker(output_format)(
        shown, _use_colour("never" if no_color else color) and output_file is None)
    if quiet and output_format in TERMINAL_FORMATS and not statistics:
        report = [piece for piece in report if not piece.startswith("Found ")]
    if output_file is not None:
        write_report(output_file, report)
    elif not diff_only:  # with fixed text on stdout, the report goes to stderr
        stream = sys.stderr if fix and any(target == "-" for target, _, _ in work) else sys.stdout
        for piece in report:
            stream.write(piece)
        stream.flush()
    if any(result.error for result in everything):
        return EXIT_ERROR
    if diff_only:
        return EXIT_FINDINGS if changed else EXIT_CLEAN
    failing = output_format not in NEVER_FAIL_FORMATS and any(
        not no_fail and any(f.level >= settings.failure_threshold for f in result.findings)
        for (_, _, settings), no_fail, result in zip(work, plan.no_fail, results))
    return EXIT_FINDINGS if failing else EXIT_CLEAN


@dataclass(frozen=True)
class _Plan:
    work: list[Job]  # (path, name to report, settings) for each file to lint
    broken: list[FileResult]  # files whose configuration or folder failed
    notes: tuple[str, ...]  # about the codes the configurations name, each once
    sources: tuple[tuple[str, Path | None], ...]  # each file's configuration file
    no_fail: tuple[bool, ...]  # for each file of ``work``: its findings never fail the run


def _plan(paths: tuple[str, ...], overrides: CliOverrides, config_file: Path | None, isolated: bool,
          stdin_filename: str | None, force_exclude: bool, respect_gitignore: bool
          ) -> _Plan:
    """Each file to lint with its settings; files whose configuration is broken come back as errors; notes about
    the codes the configurations name, each once."""
    environment = from_environment(os.environ)
    work: list[Job] = []
    notes: dict[str, None] = {}
    sources: list[tuple[str, Path | None]] = []
    no_fail: list[bool] = []
    targets, broken = _targets(paths, respect_gitignore)
    for target, explicit in targets:
        display = stdin_filename if target == "-" and stdin_filename else target
        try:
            loaded = load(config_file, isolated, overrides, None if target == "-" and not stdin_filename
                          else Path(display), environment)
        except DockgenError as error:  # a broken configuration spoils its own files, not the whole run
            broken.append(FileResult(display, error=str(error)))
            continue
        notes.update(dict.fromkeys(loaded.notes))
        sources.append((display, loaded.source))
        root = loaded.source.parent if loaded.source is not None else Path.cwd()
        if (force_exclude or not explicit) and target != "-" and excluded(Path(display), loaded.run.exclude,
                                                                           root):
            continue
        work.append((target, display, loaded.settings))
        no_fail.append(loaded.run.no_fail)
    return _Plan(work, broken, tuple(notes), tuple(sources), tuple(no_fail))


def _lint_or_fix(work: list[Job], jobs: int | None, fix: bool, unsafe_fixes: bool,
                 diff_only: bool) -> tuple[list[FileResult], int]:
    """Results in the order of ``work``, and how many files the fixes changed."""
    if fix or diff_only:
        from dockgen.cli.fixing import fix_files

        return fix_files(work, unsafe_fixes, diff_only)
    files = [job for job in work if job[0] != "-"]
    linted = iter(lint_files(files, jobs, _progress(len(files))))
    return [_lint_stdin(display, settings) if target == "-" else next(linted)
            for target, display, settings in work], 0


def _progress(total: int) -> Callable[[int], None] | None:
    """A counter on stderr for long runs on a terminal; nothing when piped or for a few files."""
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        return None

    def show(done: int) -> None:
        if done % 50 == 0 or done == total:
            sys.stderr.write(f"\rdockgen: {done}/{total} files" + ("\r\033[K" if done == total else ""))
            sys.stderr.flush()

    return show


def _statistics(results: list[FileResult], output_format: str) -> str:
    """Counts per rule, most frequent first, like ``ruff --statistics``; a JSON list for ``-f json``."""
    from collections import Counter

    from dockgen.lint.rules import all_rules

    counts = Counter((f.code, f.level.label) for result in results for f in result.findings)
    rules = all_rules()
    if output_format == "json":
        import json

        rows = [{"code": code, "name": rules[code].name if code in rules else "shellcheck", "level": level,
                 "count": count} for (code, level), count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]
        return json.dumps(rows, indent=2) + "\n"
    lines = []
    for (code, level), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = rules.get(code)
        name, summary = (rule.name, rule.summary) if rule else ("shellcheck", "")
        lines.append(f"{count:6}  {code:7} [{level}] {name}  {summary}".rstrip())
    return "".join(line + "\n" for line in lines)


def write_report(path: Path, report: Iterable[str]) -> None:
    """Write the report where ``-o`` says: through symbolic links, into FIFOs and devices, honouring the umask; a
    regular file is replaced whole, so readers never see half a report."""
    from dockgen.files.writing import write_report as write

    try:
        write(path, report)
    except OSError as error:
        raise DockgenError(f"{path}: cannot write the report: {error.strerror or error}") from error


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _targets(paths: tuple[str, ...], respect_gitignore: bool) -> tuple[list[tuple[str, bool]], list[FileResult]]:
    """Files to lint in command-line order, each with whether it was named itself; folders expand to the
    Dockerfiles inside. Missing and unreadable files are errors when read; folders that cannot be listed come back
    as errors here."""
    targets: list[tuple[str, bool]] = []
    unlisted: list[FileResult] = []

    def cannot_list(error: OSError) -> None:
        name = str(Path(error.filename or ""))  # as the files found beside it are named
        unlisted.append(FileResult(name, error=f"{name}: {error.strerror or error}"))

    for raw in paths:
        if raw == "-":
            targets.append((raw, True))
        elif os.path.isdir(raw):
            found = find_dockerfiles(Path(raw), respect_gitignore, cannot_list)
            if not found:
                click.echo(f"dockgen: warning: {raw}: no Dockerfiles found in this folder", err=True)
            targets.extend((str(path), False) for path in found)
        elif os.path.lexists(raw) or not os.path.exists(raw):
            targets.append((raw, True))  # reading reports missing, unreadable or special files
    return targets, unlisted


def _lint_stdin(display: str, settings: Settings) -> FileResult:
    try:
        data = read_limited(sys.stdin.buffer)
    except OSError as error:
        return FileResult(display, error=f"{display}: {error.strerror or error}")
    try:
        location = Path(display) if display != "-" and Path(display).parent.is_dir() else None
    except OSError:  # a folder on the way that cannot be searched: no build context to read
        location = None
    return FileResult(display, lint_bytes(data, settings, display, location), source=decode(data).text)


def _with_source(result: FileResult, target: str) -> FileResult:
    """The result with the text its findings are about (the file as it is now, after --fix), for ``full``."""
    if result.source is not None or result.error or not result.findings or target == "-":
        return result
    try:
        data = read_regular_file(target)
    except OSError:
        return result  # gone or unreadable since: the findings go without their lines
    return replace(result, source=decode(data).text)


def _use_colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()
