"""DG502: a script downloaded with curl or wget and piped straight into a shell or interpreter."""

from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, says, with_onbuild
from dockgen.commands.fetched import runs_fetched_script
from dockgen.lint.model import Command, Dockerfile, Instruction


def _exec_form(run: Instruction) -> tuple[Command, ...]:
    """Exec form as the command it is (``["/bin/sh", "-c", "curl ... | sh"]``): its words keep their grouping,
    which the joined text the model parses loses."""
    if not run.json_args:
        return ()
    program = run.json_args[0]
    return (Command(program.rsplit("/", 1)[-1], run.json_args[1:], program=program),)


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        shell = runs_fetched_script((*run.commands, *_exec_form(run)), run.pipelines)
        if shell is not None:
            yield hit_at(run, shell.program_location(), says())
