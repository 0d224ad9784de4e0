"""DG502: a script downloaded with curl or wget and piped straight into a shell or interpreter."""

import re
from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, says, with_onbuild
from dockgen.lint.model import Dockerfile

# curl/wget ... | [sudo] [-E] sh|bash|zsh|dash|ash|python*|perl|ruby   (within one pipeline: no ; & or newline between)
_PIPE_TO_SHELL = (
    r"\b(?:curl|wget)\b[^;&|\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:/\S*/)?(?:ba|z|da|a)?sh\b(?!\S*\.)"
    r"|\b(?:curl|wget)\b[^;&|\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:/\S*/)?(?:python[0-9.]*|perl|ruby)\s*(?:-\s*)?"
    r"(?:$|[;&|)\n])")


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for run in with_onbuild(dockerfile, "RUN"):
        text = run.args.replace("\\\n", " ")
        bodies = " ".join(heredoc.body for heredoc in run.heredocs)
        if re.search(_PIPE_TO_SHELL, text) or (bodies and re.search(_PIPE_TO_SHELL, bodies)):
            yield Hit(run.line, says())
