"""Errors the command line turns into a message and exit code 2."""


class DockgenError(Exception):
    """A usage, configuration or I/O problem with a message meant for the user."""
