"""DG309: a named conda environment that nothing puts on PATH, so only an activation script can reach it."""

from collections.abc import Iterator

from dockgen.checks._python import stage_runs
from dockgen.checks.contract import Context, Hit, environment_at, says
from dockgen.commands.conda import TOOLS, subcommand
from dockgen.commands.options import option_values
from dockgen.lint.model import Dockerfile


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    final = dockerfile.final_stage
    if final is None:
        return
    environment = environment_at(dockerfile)
    last_env = environment.get(final.instructions[-1].line, {})
    path = last_env.get("PATH", "")
    for run in stage_runs(final):
        for command in run.commands:
            created = command.name in TOOLS and (subcommand(command) == "create" or command.args[:2] == ("env",
                                                                                                      "create"))
            if command.has_flag("download-only", "dry-run", "d"):
                continue  # fills the package cache, creates nothing
            names = option_values(command, "name", "n") if created else []
            for name in names:
                removed = any(("remove" in c.args and name in c.args) or (c.name == "rm" and any(
                    arg.rstrip("/").endswith(f"envs/{name}") for arg in c.args)) for c in run.commands)
                reachable = f"/{name}/bin" in path or "CONDA_DEFAULT_ENV" in last_env
                if name != "base" and not removed and not reachable:
                    yield Hit(run.line, says(environment=name))
