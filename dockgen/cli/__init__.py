"""The ``dockgen`` command: thin click wrappers over the library."""

from __future__ import annotations

import sys

import click

from dockgen import __version__
from dockgen.cli.lint import lint_command
from dockgen.cli.new import catalog_command, new_command
from dockgen.cli.rules import rule_command, rules_command
from dockgen.errors import DockgenError

USAGE_ERROR = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dockgen")
def cli() -> None:
    """Lint Dockerfiles and generate optimized ones for Python software."""


cli.add_command(lint_command)
cli.add_command(new_command)
cli.add_command(catalog_command)
cli.add_command(rules_command)
cli.add_command(rule_command)


def main(argv: list[str] | None = None) -> int:
    """Entry point: click's own errors and ours exit 2 with a one-line message, never a traceback."""
    try:
        result = cli.main(args=argv, prog_name="dockgen", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("dockgen: aborted", err=True)
        return USAGE_ERROR
    except click.ClickException as error:
        error.show()
        return USAGE_ERROR
    except DockgenError as error:
        click.echo(f"dockgen: error: {error}", err=True)
        return USAGE_ERROR
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): nothing left to report
        return 1
    return result if isinstance(result, int) else 0
