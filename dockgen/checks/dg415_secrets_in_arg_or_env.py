"""DG415 (BuildKit SecretsUsedInArgOrEnv): an ARG or ENV whose name says it holds a secret."""

import re
from collections.abc import Iterator

from dockgen.checks.contract import Context, Hit, hit_at, key_written_at, says, with_onbuild
from dockgen.lint.model import Dockerfile
from dockgen.lint.parse import arg_pairs, key_values

# Whole ``_``-separated words, as BuildKit matches them: GITHUB_TOKEN is a secret, TOKENIZERS_PARALLELISM is not.
_SECRET = r"(?i)(?:^|_)(?:apikey|auth|credentials?|key|password|pword|passwd|secret|token)(?:_|$)"
# BuildKit's exceptions, plus words for public key material and switches (GPG_KEY, HOST_KEY_CHECKING), which the
# corpus showed to be its commonest false positives.
_PUBLIC = r"(?i)(?:^|_)(?:public|file|version|gpg|pgp|fingerprint|checking)(?:_|$)"


def check(dockerfile: Dockerfile, context: Context) -> Iterator[Hit]:
    for keyword in ("ARG", "ENV"):
        for instruction in with_onbuild(dockerfile, keyword):
            names = arg_pairs(instruction.args) if keyword == "ARG" else dict(key_values(instruction.args))
            secret = next((n for n in names if re.search(_SECRET, n) and not re.search(_PUBLIC, n)), None)
            if secret:
                yield hit_at(instruction, key_written_at(instruction, secret), says(variable=secret))
